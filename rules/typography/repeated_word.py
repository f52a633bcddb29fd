"""NL603 repeated-word: "the the"."""

from __future__ import annotations

import operator
import re
from itertools import islice, repeat
from typing import Iterator

from newslint.diagnostics import Applicability, Diagnostic, Fix, Severity
from newslint.document import Document
from newslint.rule import Option, Rule, RuleContext

from ._context import LazyPattern

#: Punctuation that may stick to the outside of either copy ('"The the', 'the the,').
_STICKY = ",.;:!?\"'’‘“”«»()[]{}*_—–…"
_STICKY_CLASS = "[" + re.escape(_STICKY) + "]"

# A whitespace-separated token made of opening punctuation and a word of letters
# (with inner apostrophes), whitespace holding at most one line break, and a
# token made of the same word (case-insensitively) and closing punctuation.
# Neither copy may be part of a longer word or compound: "in in-fighting",
# "it it's", "x-ray ray" and "the the.com" do not match.  Keeping to whole tokens
# lets a cheap test on str.split() tokens (_may_repeat) rule most stories out.
_REPEAT = LazyPattern(
    r"(?<!\S)" + _STICKY_CLASS + r"*"
    r"([^\W\d_]+(?:['’][^\W\d_]+)*)"
    r"(?:[ \t]+\n?|\n)[ \t]*"
    r"(\1)"
    r"(?=" + _STICKY_CLASS + r"*(?:\s|$))",
    re.IGNORECASE,
)

#: Doubles that are grammatical or idiomatic: never flagged.
#: "had had", "that that", "gave her her coat", "told you you were", "what they
#: do do", "they can can fruit", "bye bye", "there there", reduplicated names.
LEGITIMATE = frozenset(
    """had that her you do can bye ha haha ho hee tut tsk chop knock night blah bla
    yada hush goody aye bling choo pom tom bon dum pooh boo la na cha hip din ylang
    mahi pago walla bora baden go yeah yum wee ding dong tick bang beep buzz boom bam
    there now well no yes oh ah hey hmm ok okay""".split()
)

#: Intensifiers doubled for emphasis ("very very useful"): left alone inside a
#: quotation, where they record speech; flagged (unsafe fix) in the reporter's text.
EMPHATIC = frozenset("very really so too much many long far more never ever again over round pretty super is".split())

#: Function words whose doubling is a slip: the second copy is removed by a safe fix.
SAFE = frozenset(
    """the a an of and or nor for with from at into onto than but if not was were are
    be been being will would should could must shall has have his its their our my
    your them he she they we who whom whose which when where because""".split()
)

#: Prepositions and verbs after which "this this" is grammatical ("add to this this
#: new law").
_BEFORE_THIS = frozenset(
    """to of with about for on in at from by into like than over under after before
    do did does see saw say said call called make made take took""".split()
)

_WH_BEFORE_IS = frozenset("what whatever all".split())
_PREV_WORD = LazyPattern(r"([^\W\d_]+)[^\w]*$")


class RepeatedWord(Rule):
    """Flags a word written twice in a row ("the the"), also across a line break.

    Case does not matter ("The the"), but a capitalised second copy after a
    lower-case first one is a name or title ("the law lord Lord Grey") and is left
    alone, as are two capitalised copies of a word that is not a function word
    (places and names such as "Walla Walla", "Baden Baden", "Phi Phi"). Grammatical
    and idiomatic doubles are never flagged: "had had", "that that", "gave her her
    coat", "told you you were", "what they do do", "bye bye", "there there".
    Doubled intensifiers ("very very", "really really") and "is is" are left alone
    inside a quotation, where they record speech; "this this" after a preposition
    ("add to this this law") is left alone. Numbers are not words here ("20 20").

    Why: a doubled word is almost always a slip made while editing, and readers
    notice it at once.

    Example: `The council said the the library would close.`

    Fix safety: safe for doubled function words ("the the", "of of", "and and"):
    the second copy is removed.  Unsafe for other words ("hostility hostility",
    "on on"), which an editor should read first: a phrasal verb can be followed
    by the same preposition ("he went on on Monday to say").

    Options: `allow`, more words whose doubling is legitimate in your copy.
    """

    code = "NL603"
    name = "repeated-word"
    category = "typography"
    summary = "A word repeated twice in a row (\"the the\")"
    severity = Severity.WARNING
    fix_safety = Applicability.SAFE
    options = {
        "allow": Option(
            [],
            "More words whose doubling is legitimate in your copy (lower case), e.g. [\"bora\"]",
            list,
        ),
    }

    def check(self, doc: Document, ctx: RuleContext) -> Iterator[Diagnostic]:
        text = doc.text
        if not _may_repeat(text):
            return
        allow = self.opts["allow"]
        for m in _REPEAT.finditer(text):
            first, second = m.group(1), m.group(2)
            word = first.lower()
            if word in LEGITIMATE or word in allow:
                continue
            if len(word) == 1 and word not in ("a", "i"):
                continue  # initials, grades, list letters
            if first == second and first.isupper() and len(first) == 1:
                continue  # "A A" grades
            f_cap, s_cap = first[0].isupper(), second[0].isupper()
            if s_cap and not f_cap:
                continue  # "the law lord Lord Grey", "the The Times"
            if f_cap and s_cap and word not in SAFE:
                continue  # "Walla Walla", "Boing Boing"
            s1, e1 = m.span(1)
            s2, e2 = m.span(2)
            if doc.block_at(s1) is not doc.block_at(s2):
                continue
            in_quote = doc.in_quote(s1)
            if word in EMPHATIC:
                if in_quote:
                    continue
                if word == "is" and self._wh_before(doc, s1):
                    continue  # "what it is is a..."
            if word == "this":
                prev = _PREV_WORD.search(text, max(0, s1 - 20), s1)
                if prev is not None and prev.group(1).lower() in _BEFORE_THIS:
                    continue
            safe = word in SAFE
            where = " across a line break" if "\n" in text[e1:s2] else ""
            note = " (inside a quotation)" if in_quote else ""
            shown = f"{first} {second}"
            message = f"'{word}' twice in a row{where}: '{shown}'{note}"
            if not safe:
                message += "; check whether the repetition is meant"
            yield self.report(
                s1,
                e2,
                message,
                suggestions=(first,),
                fix=Fix.replace(
                    e1,
                    e2,
                    "",
                    Applicability.SAFE if safe else Applicability.UNSAFE,
                    f"Remove the second '{second}'",
                ),
            )

    @staticmethod
    def _wh_before(doc: Document, offset: int) -> bool:
        """True when the sentence up to ``offset`` holds "what"/"whatever"/"all"."""
        text = doc.text
        lo = max(0, offset - 120)
        for stop in (". ", "? ", "! ", "\n\n"):
            i = text.rfind(stop, lo, offset)
            if i != -1:
                lo = max(lo, i)
        words = re.findall(r"[^\W\d_]+", text[lo:offset].lower())
        return any(w in _WH_BEFORE_IS for w in words)


def _may_repeat(text: str) -> bool:
    """A fast test that is true whenever ``_REPEAT`` matches: some whitespace-separated
    token, stripped of punctuation at its start, equals the next one stripped of
    punctuation at its end (case-insensitively).  Most stories fail it, so the
    regular expression, which costs several times more, does not run."""
    tokens = text.lower().split()
    firsts = map(str.lstrip, tokens, repeat(_STICKY))
    seconds = map(str.rstrip, islice(tokens, 1, None), repeat(_STICKY))
    return any(map(operator.eq, firsts, seconds))


RULES = [RepeatedWord]

"""NL502 lt-spelling: LanguageTool's spelling matches, without the proper-noun flood."""

from __future__ import annotations

import re

from newslint.diagnostics import Severity
from newslint.rule import Option
from newslint.stash import StashKey

from ._base import LanguageToolRule

_POSSESSIVE = re.compile(r"['’]s?$")
_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*\w")


class LtSpelling(LanguageToolRule):
    """Reports LanguageTool's spelling matches, except on names: a capitalised
    word the story uses the same way at least ``min-name-uses`` times (with no
    near-variant spelling elsewhere in the story), and any word of a name or
    alias in the configured people list, are not reported.

    Opt-in: it needs a LanguageTool server, set in
    ``[tool.newslint.languagetool]``. Named ``lt-spelling`` to keep it apart
    from newslint's own ``misspelling`` rule (NL103); the LanguageTool rule id
    is in the message and in JSON output (``data.languagetool_rule``).

    Why: LanguageTool's dictionary does not know most people and places in the
    news, so unfiltered it flags every unusual name. A name spelt the same way
    throughout is almost always deliberate; a name spelt two ways is not, and
    stays reported.

    Example: "Oleksandr Kovalenko ... Mr Kovalenko said" is not reported;
    "recieve" is, with the suggestion "receive".

    Fix safety: display-only; LanguageTool's suggestion is shown, never applied.

    Options: ``min-name-uses`` (default 2).
    """

    code = "NL502"
    name = "lt-spelling"
    summary = "LanguageTool spelling matches, names excepted (needs a LanguageTool server)"
    severity = Severity.WARNING
    kind = "spelling"
    options = {
        "min-name-uses": Option(
            2, "a capitalised word used this many times, spelt the same way, is taken for a name",
            int, minimum=1,
        ),
    }

    def keep(self, match, doc, ctx) -> bool:
        flagged = doc.text[match.start : match.end].strip()
        word = _POSSESSIVE.sub("", flagged)
        if not word:
            return True
        people = _people_words(ctx)
        parts = re.split(r"[\s-]+", word.lower())
        if people and all(p in people for p in parts if p):
            return False
        if not word[:1].isupper():
            return True
        uses = len(re.findall(r"(?<![\w-])" + re.escape(word) + r"(?![\w-]|['’](?![sS]\b)\w)", doc.text))
        if uses < self.opts["min-name-uses"]:
            return True
        return _has_variant(word, doc)


def _people_words(ctx) -> frozenset[str]:
    key = "newslint.lt-spelling.people"
    hit = ctx.shared.get(key)
    people = ctx.people
    if hit is not None and hit[0] is people:
        return hit[1]
    words: set[str] = set()
    for person in people or ():
        for name in [person.get("name", "")] + list(person.get("aliases", []) or []):
            for w in re.split(r"[\s-]+", str(name).lower()):
                w = _POSSESSIVE.sub("", w.strip(".,"))
                if w:
                    words.add(w)
    result = frozenset(words)
    ctx.shared[key] = (people, result)
    return result


#: The capitalised words of a story, possessives stripped.
_CAPITALISED_WORDS: StashKey[set[str]] = StashKey("lt-spelling.capitalised")


def _has_variant(word: str, doc) -> bool:
    """True when the story also has a capitalised word spelt nearly like ``word``
    (Zelensky / Zelenskyy): then the spelling is in doubt and stays reported."""
    from rapidfuzz.distance import Levenshtein

    names = doc.stash.get(_CAPITALISED_WORDS)
    if names is None:
        names = {_POSSESSIVE.sub("", m.group()) for m in _CAPITALISED.finditer(doc.text)}
        doc.stash[_CAPITALISED_WORDS] = names
    limit = 1 if len(word) <= 5 else 2
    for other in names:
        if other == word or len(other) < 3 or other.rstrip("s") == word or word.rstrip("s") == other:
            continue
        if abs(len(other) - len(word)) <= limit and Levenshtein.distance(word, other, score_cutoff=limit) <= limit:
            return True
    return False


RULES = [LtSpelling]

"""Pathological inputs for newslint, each a function of a size ``n``.

Every shape returns ``(format, source)``.  The size is the number of repeated
units (characters for the runs, paragraphs or entries for the structured
shapes), so that doubling ``n`` doubles the input.  The shapes are used by
``bench/bench_hostile.py`` (full sizes) and by ``tests/test_hostile.py``
(small sizes, growth ratios).
"""

from __future__ import annotations

import gc
import random
import time
from typing import Callable

SYLLABLES = (
    "ba be bi bo bu ca co cu da de di do du fa fe fi fo ga ge gi go ha he hi ho ka "
    "ke ki ko la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po ra re ri ro "
    "ru sa se si so su ta te ti to tu va ve vi vo za ze zi zo"
).split()

FUNCTION_WORDS = (
    "the the the a a of of to to in in and and on for with at by from as that "
    "it was is were has have had will would said after before over into about than"
).split()

HEAD = "Council agrees budget\n\nThe goverment in Kiev and Kyiv met Mr Zelensky and Mr Zelenskyy.\n\n"


def _words(rng: random.Random, k: int) -> list[str]:
    out = []
    for _ in range(k):
        if rng.random() < 0.4:
            out.append(rng.choice(FUNCTION_WORDS))
        else:
            out.append("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return out


def _sentence(rng: random.Random, k: int) -> str:
    w = _words(rng, k)
    w[0] = w[0].capitalize()
    return " ".join(w) + "."


def run_of(char: str, fmt: str = "text") -> Callable[[int], tuple[str, str]]:
    def make(n: int) -> tuple[str, str]:
        return fmt, HEAD + "It began" + char * n + "and ended.\n"

    return make


def spaces(n: int) -> tuple[str, str]:
    return "text", HEAD + "The council" + " " * n + "agreed.\n"


def full_stops(n: int) -> tuple[str, str]:
    return "text", HEAD + "The council agreed" + "." * n + "\n"


def quote_paragraphs(n: int) -> tuple[str, str]:
    """``n`` paragraphs, each holding a quotation with a named speaker."""
    rng = random.Random(1)
    paras = []
    for i in range(n):
        body = " ".join(_words(rng, 8))
        paras.append(f'Councillor Ana Duarte said the plan was "{body} {i}" and left.')
    return "text", HEAD + "\n\n".join(paras) + "\n"


def attributions(n: int) -> tuple[str, str]:
    """``n`` paragraphs of ``"...," he said`` after a named man."""
    rng = random.Random(2)
    paras = ["Mayor John Smith spoke to reporters on Monday."]
    for i in range(n):
        body = " ".join(_words(rng, 9))
        pron = "he" if i % 3 else "she"
        paras.append(f'"{body.capitalize()} {i}," {pron} said.')
    return "text", HEAD + "\n\n".join(paras) + "\n"


def attributions_one_paragraph(n: int) -> tuple[str, str]:
    """``n`` attributed quotations in a single paragraph."""
    rng = random.Random(3)
    parts = ["Mayor John Smith spoke to reporters on Monday."]
    for i in range(n):
        body = " ".join(_words(rng, 6))
        parts.append(f'"{body.capitalize()} {i}," he said.')
    return "text", HEAD + " ".join(parts) + "\n"


def liveblog(n: int) -> tuple[str, str]:
    """A live blog of ``n`` distinct entries: a time stamp, a paragraph in a small
    vocabulary (so that many word pairs recur across entries, as in real copy),
    and now and then a quotation, a caption or a credit line."""
    rng = random.Random(4)
    vocab = ["".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))) for _ in range(300)]
    speakers = ["Ana Duarte", "John Weber", "Mira Sato", "Kofi Mensah"]
    out = []
    seen: set[str] = set()
    minute = 0
    while len(seen) < n:
        words = []
        for _ in range(rng.randint(12, 40)):
            r = rng.random()
            words.append(rng.choice(FUNCTION_WORDS) if r < 0.4 else vocab[int(len(vocab) * rng.random() ** 2)])
        words[0] = words[0].capitalize()
        body = " ".join(words) + "."
        if body in seen:
            continue
        seen.add(body)
        minute += rng.randint(1, 3)
        out.append(f"Updated {minute // 60 % 24:02d}:{minute % 60:02d}")
        r = rng.random()
        if r < 0.2:
            out.append(f'"{body[:-1]}," {rng.choice(speakers)} said.')
        elif r < 0.3:
            out.append(f'"{body[:-1]}," he said.')
        elif r < 0.35:
            out.append(f"Picture: {body[:-1]} (Reuters)")
        else:
            out.append(body)
        if len(seen) % 9 == 4:
            out.append(f"Reporting by {rng.choice(speakers)}; editing by {rng.choice(speakers)}")
    return "text", HEAD + "\n\n".join(out) + "\n"


def html_comments(n: int) -> tuple[str, str]:
    """HTML with ``n`` comments in the prose."""
    rng = random.Random(5)
    paras = []
    for i in range(0, n, 4):
        words = _words(rng, 12)
        for j in range(4):
            words.insert(3 * j + 1, f"<!-- note {i + j} -->")
        paras.append("<p>" + " ".join(words) + ".</p>")
    return "html", "<html><body><h1>Council agrees budget</h1>\n" + "\n".join(paras) + "\n</body></html>\n"


def html_comment_blocks(n: int) -> tuple[str, str]:
    """HTML of ``n`` comments, each on its own line between paragraphs."""
    paras = ["<!-- section %d -->\n<p>Para %d of the story, the the end.</p>" % (i, i) for i in range(n)]
    return "html", "<html><body><h1>Council</h1>\n" + "\n".join(paras) + "\n</body></html>\n"


def markdown_comments(n: int) -> tuple[str, str]:
    """Markdown with ``n`` comments inline and between paragraphs."""
    paras = ["<!-- note %d -->\n\nPara <!-- x --> %d of the story." % (i, i) for i in range(n)]
    return "markdown", "# Council\n\n" + "\n\n".join(paras) + "\n"


def text_comments(n: int) -> tuple[str, str]:
    """Plain text with ``n`` comments in one paragraph."""
    return "text", HEAD + "Word <!-- c --> " * n + "end.\n"


def suppressions(n: int) -> tuple[str, str]:
    """Markdown with ``n`` suppression comments, each followed by a finding."""
    paras = []
    for i in range(n):
        if i % 2:
            paras.append("<!-- newslint: ignore repeated-word -->\n\nIt was the the end of day " + str(i) + ".")
        else:
            paras.append("<!-- newslint: disable multiple-spaces -->\n\nThe  vote  was " + str(i) + ".")
            paras.append("<!-- newslint: enable multiple-spaces -->")
    return "markdown", "# Council agrees budget\n\n" + "\n\n".join(paras) + "\n"


def alternating_spaces(n: int) -> tuple[str, str]:
    """Words separated by two spaces, ``n`` words in one paragraph."""
    rng = random.Random(6)
    return "text", HEAD + "  ".join(_words(rng, n)) + ".\n"


def mixed_punctuation(n: int) -> tuple[str, str]:
    """``n`` random punctuation marks and spaces with a word here and there."""
    rng = random.Random(7)
    pool = list(",.;:!?\"'()[]-–—…“”‘’ ") + ["  ", " word ", " the "]
    return "text", HEAD + "".join(rng.choice(pool) for _ in range(n)) + "\n"


def the_the(n: int) -> tuple[str, str]:
    return "text", HEAD + "It was " + "the " * n + "end.\n"


def nested_list(n: int) -> tuple[str, str]:
    """``n`` list items nesting deeper and deeper, 60 levels at most (deeper than
    the Markdown parser reads), then back to the top, and so on."""
    lines = ["# Council agrees budget", ""]
    for i in range(n):
        lines.append("  " * (i % 60) + f"- item {i} the the")
    lines.append("")
    lines.append("After the list, the the end.")
    return "markdown", "\n".join(lines) + "\n"


def nested_blockquote(n: int) -> tuple[str, str]:
    return "markdown", "# Council agrees budget\n\n" + ">" * n + " deep\n\nAfter it, the the end.\n"


def nested_html(n: int) -> tuple[str, str]:
    return "html", "<h1>Council</h1>" + "<div>" * n + "<p>deep the the text.</p>" + "</div>" * n + "\n"


def single_line(n: int) -> tuple[str, str]:
    """``n`` sentences of prose on one line (no line break at all)."""
    rng = random.Random(8)
    return "text", HEAD.replace("\n\n", " ") + " ".join(_sentence(rng, 12) for _ in range(n))


def one_paragraph(n: int) -> tuple[str, str]:
    """``n`` sentences of prose in one paragraph."""
    rng = random.Random(9)
    return "text", HEAD + " ".join(_sentence(rng, 12) for _ in range(n)) + "\n"


def quote_marks(mark: str) -> Callable[[int], tuple[str, str]]:
    def make(n: int) -> tuple[str, str]:
        return "text", HEAD + "He said " + mark * n + " today.\n"

    return make


def spaced_brackets(n: int) -> tuple[str, str]:
    """``n`` opening brackets with a space inside, closed only at the end, and
    ``n`` closing ones with nothing open before them."""
    return "text", HEAD + "A ( b " * n + "end ) and " + "c ) " * n + "done.\n"


def french_marks(n: int) -> tuple[str, str]:
    """``n`` spaced colons and question marks in one paragraph."""
    return "text", HEAD + "Il dit : oui ? " * n + "fin.\n"


def quoted_words(n: int) -> tuple[str, str]:
    """``n`` short quotations in one paragraph: ``"a" "b" "c"``."""
    rng = random.Random(10)
    return "text", HEAD + "They said " + " ".join(f'"{w}"' for w in _words(rng, n)) + ".\n"


def names(n: int) -> tuple[str, str]:
    """``n`` paragraphs each naming a different person, with pronoun quotes."""
    rng = random.Random(11)
    paras = []
    for i in range(n):
        first = rng.choice(["John", "Mary", "Ahmed", "Li", "Olga", "Peter"])
        sur = "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()
        paras.append(f'{first} {sur}, the councillor for ward {i}, spoke. "We agree," she said.')
    return "text", HEAD + "\n\n".join(paras) + "\n"


def spellings(n: int) -> tuple[str, str]:
    """``n`` paragraphs with variant spellings of many names."""
    rng = random.Random(12)
    paras = []
    for i in range(n):
        sur = "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()
        alt = sur[:-1] + ("y" if sur[-1] != "y" else "i")
        paras.append(f"Officials met {sur} in Kiev and then {alt} in Kyiv on day {i}, the goverment said.")
    return "text", HEAD + "\n\n".join(paras) + "\n"


def markdown_emphasis(n: int) -> tuple[str, str]:
    return "markdown", "# Council\n\n" + "*a " * n + "\n"


def html_entities(n: int) -> tuple[str, str]:
    return "html", "<h1>Council</h1><p>" + "&amp; &quot;the&quot; " * n + "</p>\n"


def newlines(n: int) -> tuple[str, str]:
    return "text", HEAD + "a\n" * n


def captions(n: int) -> tuple[str, str]:
    """Markdown with ``n`` distinct image captions."""
    rng = random.Random(13)
    out = ["# Council agrees budget", ""]
    for i in range(n):
        out.append(f"![{' '.join(_words(rng, 6))} {i}](p{i}.jpg)")
        out.append("")
    return "markdown", "\n".join(out) + "\n"


#: name -> (generator, size used by the tests, size used by the benchmark)
SHAPES: dict[str, tuple[Callable[[int], tuple[str, str]], int, int]] = {
    "spaces": (spaces, 50_000, 250_000),
    "full-stops": (full_stops, 50_000, 250_000),
    "quote-paragraphs": (quote_paragraphs, 150, 20_000),
    "attributions": (attributions, 150, 8_000),
    "attributions-one-paragraph": (attributions_one_paragraph, 150, 8_000),
    "liveblog": (liveblog, 150, 20_000),
    "html-comments": (html_comments, 400, 50_000),
    "html-comment-blocks": (html_comment_blocks, 200, 50_000),
    "markdown-comments": (markdown_comments, 100, 20_000),
    "text-comments": (text_comments, 1_000, 100_000),
    "suppressions": (suppressions, 100, 10_000),
    "alternating-spaces": (alternating_spaces, 5_000, 100_000),
    "mixed-punctuation": (mixed_punctuation, 20_000, 500_000),
    "the-the": (the_the, 10_000, 125_000),
    "nested-list": (nested_list, 300, 20_000),
    "nested-blockquote": (nested_blockquote, 2_000, 50_000),
    "nested-html": (nested_html, 500, 50_000),
    "single-line": (single_line, 250, 20_000),
    "one-paragraph": (one_paragraph, 250, 20_000),
    "straight-quotes": (quote_marks('"'), 10_000, 250_000),
    "curly-quotes": (quote_marks("“"), 3_000, 250_000),
    "apostrophes": (quote_marks("'"), 3_000, 250_000),
    "spaced-quotes": (quote_marks('" '), 10_000, 250_000),
    "spaced-brackets": (spaced_brackets, 5_000, 100_000),
    "french-marks": (french_marks, 2_000, 100_000),
    "quoted-words": (quoted_words, 1_000, 50_000),
    "names": (names, 150, 10_000),
    "spellings": (spellings, 150, 10_000),
    "markdown-emphasis": (markdown_emphasis, 750, 100_000),
    "html-entities": (html_entities, 500, 100_000),
    "newlines": (newlines, 20_000, 250_000),
    "captions": (captions, 75, 10_000),
    "letters": (run_of("a"), 50_000, 250_000),
    "digits": (run_of("7"), 50_000, 250_000),
    "hyphens": (run_of("-"), 50_000, 250_000),
    "commas": (run_of(","), 50_000, 250_000),
    "brackets": (run_of("("), 50_000, 250_000),
    "tabs": (run_of("\t"), 50_000, 250_000),
    "emoji": (run_of("😀"), 50_000, 250_000),
    "cjk": (run_of("漢"), 50_000, 250_000),
    "combining": (run_of("é"), 50_000, 250_000),
    "ellipses": (run_of("…"), 50_000, 250_000),
    "asterisks-md": (run_of("*", "markdown"), 2_500, 250_000),
    "underscores-md": (run_of("_", "markdown"), 2_500, 250_000),
    "backticks-md": (run_of("`", "markdown"), 20_000, 250_000),
    "hashes-md": (run_of("#", "markdown"), 5_000, 250_000),
    "brackets-md": (run_of("[", "markdown"), 500, 100_000),
    "lt-html": (run_of("<", "html"), 2_500, 250_000),
    "amp-html": (run_of("&", "html"), 2_500, 250_000),
}


# -- timing ----------------------------------------------------------------------------

EXTENSIONS = {"text": "txt", "markdown": "md", "html": "html"}


def stage_times(fmt: str, source: str, select: list[str] | None = None) -> dict[str, float]:
    """CPU seconds to parse ``source`` and to run each rule of the default set
    (or ``select``) alone on a fresh parse, so that each rule pays for the shared
    analyses it uses.  Keys: ``"parse"`` and the rule codes."""
    from newslint.api import make_settings
    from newslint.engine import RuleSet, parse_document
    from newslint.registry import default_registry
    from newslint.rule import RuleContext

    registry = default_registry()
    settings = make_settings({"select": select} if select else {}, registry)
    ruleset = RuleSet(registry, settings)
    path = "hostile." + EXTENSIONS[fmt]
    rules = [r for r in ruleset.rules_for(path) if r.category != "meta"]
    enabled = frozenset(r.code for r in rules)
    out: dict[str, float] = {}
    # the cyclic collector would charge its passes over every object alive in the
    # process (a test run holds many) to whichever stage happens to set it off
    gc.collect()
    enabled_gc = gc.isenabled()
    gc.disable()
    try:
        t = time.process_time()
        parse_document(source, path, registry, fmt)
        out["parse"] = time.process_time() - t
        for rule in rules:
            doc = parse_document(source, path, registry, fmt)
            ctx = RuleContext(path=path, settings=settings, shared=ruleset.shared, enabled=enabled, registry=registry)
            t = time.process_time()
            for _ in rule.check(doc, ctx) or ():
                pass
            out[rule.code] = time.process_time() - t
    finally:
        if enabled_gc:
            gc.enable()
    return out

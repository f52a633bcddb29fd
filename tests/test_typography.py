"""Typography rules (NL6xx): fixes, positions, the fast pre-check, corpus precision and speed.

Positive and negative cases live in tests/fixtures/<rule-name>/; these tests cover
what fixtures cannot: what the fixes produce, that they are idempotent, positions
in awkward sources, and behaviour over the shared corpus.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.api import check_text
from newslint.config import Overrides, SettingsResolver, settings_from_table
from newslint.diagnostics import Applicability
from newslint.engine import Linter, LintOptions, parse_document
from newslint.registry import default_registry
from newslint_rules.typography import RULES
from newslint_rules.typography.repeated_word import _REPEAT, _may_repeat

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bbc"

TYPOGRAPHY = {"select": ["typography"]}


def findings(text: str, fmt: str = "text", config=TYPOGRAPHY):
    return check_text(text, fmt, config=config)


def fixed(text: str, unsafe: bool = False, fmt: str = "text") -> str:
    registry = default_registry()
    settings = settings_from_table(dict(TYPOGRAPHY), registry, None, Path.cwd())
    linter = Linter(registry, SettingsResolver(registry, Overrides()), LintOptions(fix=True, unsafe_fixes=unsafe))
    result = linter.lint_source(text, f"story.{'md' if fmt == 'markdown' else 'txt'}", settings, fmt)
    return result.fixed_source if result.fixed_source is not None else text


# -- metadata -----------------------------------------------------------------------


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_rule_is_documented(rule):
    sections = rule.doc_sections()
    for key in ("what", "why", "example", "fix safety"):
        assert sections[key], f"{rule.name}: docstring has no {key!r} section"
    assert rule.code.startswith("NL6") and rule.category == "typography"
    assert default_registry().lookup(rule.name) is rule


def test_importing_the_rules_compiles_no_pattern():
    # every CLI run imports the rule modules: compilation waits for the first check
    import subprocess
    import sys

    code = (
        "import newslint_rules.typography as t, sys\n"
        "from newslint_rules.typography._context import LazyPattern\n"
        "mods = [m for n, m in sys.modules.items() if n.startswith('newslint_rules.typography.')]\n"
        "lazy = [v for m in mods for v in vars(m).values() if isinstance(v, LazyPattern)]\n"
        "print(len(lazy), sum(v._compiled is not None for v in lazy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert int(out[0]) >= 10 and out[1] == "0"


# -- fixes ----------------------------------------------------------------------------


def test_safe_fixes_clean_a_story():
    story = (
        "Council cuts  bus routes\n\n"
        "The council said on Monday , after a vote,, that the the routes would go.  "
        "Fares (about £2 ) stay the same .\n"
    )
    assert fixed(story) == (
        "Council cuts bus routes\n\n"
        "The council said on Monday, after a vote, that the routes would go. "
        "Fares (about £2) stay the same.\n"
    )


def test_fixes_are_idempotent():
    story = "Headline here\n\nThe  the council , said it would act ;; soon .\n"
    once = fixed(story)
    assert once != story
    assert fixed(once) == once
    # nothing safe is left to fix
    left = [f for f in findings(once) if f.fix is not None and f.fix.applicability == Applicability.SAFE]
    assert left == []


def test_repeated_word_fix_safety_depends_on_the_word():
    by_text = {f.flagged: f for f in findings("Headline\n\nWe went on on Monday to the the depot.\n")}
    assert by_text["the the"].fix.applicability == Applicability.SAFE
    assert by_text["on on"].fix.applicability == Applicability.UNSAFE
    assert fixed("Headline\n\nWe went on on Monday to the the depot.\n") == "Headline\n\nWe went on on Monday to the depot.\n"
    assert fixed("Headline\n\nWe went on on Monday.\n", unsafe=True) == "Headline\n\nWe went on Monday.\n"


def test_repeated_word_across_a_line_break_keeps_the_first_copy():
    story = "Headline\n\nThe\nthe council met.\n"
    (f,) = [f for f in findings(story) if f.name == "repeated-word"]
    assert (f.start.line, f.start.column, f.end.line, f.end.column) == (3, 1, 4, 4)
    assert "across a line break" in f.message
    assert fixed(story) == "Headline\n\nThe council met.\n"


def test_straight_quotes_become_curly_in_the_right_direction():
    story = "Headline\n\n“One,” she said. “Two,” he said. Then: \"Three.\"\n"
    fs = [f for f in findings(story) if f.name == "mixed-quote-style"]
    assert [f.fix.edits[0].replacement for f in fs] == ["“", "”"]
    assert all(f.fix.applicability == Applicability.UNSAFE for f in fs)
    assert fixed(story) == story  # unsafe: not applied by --fix
    assert fixed(story, unsafe=True) == "Headline\n\n“One,” she said. “Two,” he said. Then: “Three.”\n"


def test_curly_minority_becomes_straight_safely():
    story = 'Headline\n\n"One," she said. "Two," he said. Then: “Three.”\n'
    assert fixed(story) == 'Headline\n\n"One," she said. "Two," he said. Then: "Three."\n'


def test_one_slip_is_reported_once():
    story = "Headline\n\nThe vote  , held on Monday (  after a debate), was close.\n"
    got = sorted((f.name, f.flagged) for f in findings(story))
    assert got == [("space-before-punctuation", "  ,"), ("space-inside-brackets", "(  ")]
    assert fixed(story) == "Headline\n\nThe vote, held on Monday (after a debate), was close.\n"


# -- positions ----------------------------------------------------------------------


def test_positions_with_crlf_bom_and_astral_characters():
    story = "\ufeffHeadline 🚀\r\n\r\nRockets 🚀🚀 launched , and the the crowd cheered.\r\n"
    data = story.encode("utf-8")
    registry = default_registry()
    settings = settings_from_table(dict(TYPOGRAPHY), registry, None, Path.cwd())
    linter = Linter(registry, SettingsResolver(registry, Overrides()), LintOptions())
    from newslint.engine import decode

    source, bom = decode(data)
    res = linter.lint_source(source, "story.txt", settings, has_bom=bom)
    got = {(f.name, f.start.line, f.start.column, f.end.column) for f in res.findings}
    line3 = source.split("\n")[2]
    comma = line3.index(" ,") + 1
    the = line3.index("the the") + 1
    assert got == {
        ("space-before-punctuation", 3, comma, comma + 2),
        ("repeated-word", 3, the, the + 7),
    }
    for f in res.findings:
        assert source[f.source_start:f.source_end] == f.flagged


def test_markdown_markup_between_words_is_not_fixed_across():
    # the flagged space is verbatim, so the fix is kept; the finding lands on line 3
    story = "# Title\n\nThe vote was on **Tuesday** , after a debate.\n"
    (f,) = findings(story, "markdown")
    assert f.name == "space-before-punctuation" and f.start.line == 3
    assert fixed(story, fmt="markdown") == "# Title\n\nThe vote was on **Tuesday**, after a debate.\n"


# -- the pre-check of repeated-word -------------------------------------------------------

_pieces = st.sampled_from(
    ["the", "The", "THE", "a", "on", "it's", "It's", "in-fighting", "20", "naïve", "NAÏVE", "Walla",
     "walla", " ", "  ", "\n", "\n\n", "\u00a0", ",", ".", '"', "'", "‘", "’", "“", "”", "(", ")",
     "-", "—", "/", "¿", "…", "_", "\t"]
)


@settings(max_examples=1000, deadline=None)
@given(st.lists(_pieces, max_size=14).map("".join))
def test_precheck_never_hides_a_match(text):
    if _REPEAT.search(text):
        assert _may_repeat(text), text


# -- corpus ----------------------------------------------------------------------------------

# The shape of what each rule may flag: anything else is a bug in the rule.
SHAPES = {
    "NL601": re.compile(r"^ +[,.;:!?]$"),
    "NL602": re.compile(r"^  +$"),
    "NL603": re.compile(r"^(\w+(?:['’]\w+)*)\s+(?i:\1)$"),
    "NL605": re.compile(r'^["“”]$'),
    "NL606": re.compile(r"^(?:[(\[] +| +[)\]])$"),
    "NL607": re.compile(r"^(?:,,+|;;+|[,;]\.|\.\.| \.)$"),
}


def _corpus_docs():
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus/bbc is not available")
    registry = default_registry()
    files = sorted(CORPUS.glob("*.txt"))
    return registry, [parse_document(p.read_text(encoding="utf-8"), str(p), registry) for p in files]


def test_corpus_findings_are_rare_and_well_formed():
    registry, docs = _corpus_docs()
    settings = settings_from_table({"select": list(SHAPES)}, registry, None, Path.cwd())
    linter = Linter(registry, SettingsResolver(registry, Overrides()), LintOptions())
    words = 0
    found = []
    for doc in docs:
        words += doc.word_count
        found.extend(linter.lint_source(doc.source, doc.path, settings).findings)
    for f in found:
        assert SHAPES[f.code].match(f.flagged), f"{f.path}:{f.start.line}: {f.code} flagged {f.flagged!r}"
    # edited copy: these slips are rare (about 1 per 10,000 words on this corpus)
    assert len(found) <= words / 5000, f"{len(found)} findings in {words} words"
    # the corpus has repeated words the rule must catch ...
    repeated = {f.flagged.lower() for f in found if f.code == "NL603"}
    assert "the the" in repeated
    # ... and legitimate doubles it must leave alone
    assert not repeated & {"had had", "that that", "phi phi", "boing boing", "lord lord"}

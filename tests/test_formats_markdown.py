"""The Markdown input format: blocks, prose extraction, comments and positions."""

from __future__ import annotations

import subprocess
import sys

import pytest

from newslint.document import Document
from newslint.formats.markdown import PLACEHOLDER, parse


def doc_of(source: str) -> Document:
    r = parse(source)
    return Document(source, r.text, r.source_map, r.blocks, format="markdown", comments=r.comments,
                    warnings=r.warnings)


def blocks(source: str) -> list[tuple[str, str]]:
    d = doc_of(source)
    return [(b.kind, d.block_text(b)) for b in d.blocks]


def span_of(d: Document, needle: str, nth: int = 0) -> str:
    """The source text that ``needle`` (found in the text) maps back to."""
    i = -1
    for _ in range(nth + 1):
        i = d.text.index(needle, i + 1)
    s, e = d.source_span(i, i + len(needle))
    return d.source[s:e]


# -- blocks ------------------------------------------------------------------------------


def test_headings_paragraphs_and_kinds():
    src = (
        "# Ceasefire talks resume\n\n"
        "Delegates met on *Monday* in **Geneva**.\n\n"
        "## Background\n\n"
        "# A second level-one heading\n\n"
        "Setext heading\n--------------\n"
    )
    assert blocks(src) == [
        ("headline", "Ceasefire talks resume"),
        ("paragraph", "Delegates met on Monday in Geneva."),
        ("heading", "Background"),
        ("heading", "A second level-one heading"),
        ("heading", "Setext heading"),
    ]


def test_setext_level_one_is_the_headline():
    assert blocks("Talks resume\n============\n\nBody text here.\n")[0] == ("headline", "Talks resume")


def test_blockquote_list_items_and_table_cells():
    src = (
        "> Quoted words run\n> over two lines.\n\n"
        "- first point\n- second point\n  1. nested point\n\n"
        "| Team | Score |\n|------|-------|\n| Rovers | 3 |\n"
    )
    assert blocks(src) == [
        ("blockquote", "Quoted words run\nover two lines."),
        ("list-item", "first point"),
        ("list-item", "second point"),
        ("list-item", "nested point"),
        ("table-cell", "Team"),
        ("table-cell", "Score"),
        ("table-cell", "Rovers"),
        ("table-cell", "3"),
    ]


def test_image_alt_text_is_a_caption_block():
    src = "The mayor spoke. ![Crowds outside the town hall](hall.jpg) Then she left.\n"
    assert blocks(src) == [
        ("paragraph", "The mayor spoke."),
        ("caption", "Crowds outside the town hall"),
        ("paragraph", "Then she left."),
    ]


def test_italic_line_under_an_image_is_a_caption():
    same_paragraph = "![Flood water](f.jpg)\n*Flood water in the high street on Sunday*\n\nBody text.\n"
    assert blocks(same_paragraph) == [
        ("caption", "Flood water"),
        ("caption", "Flood water in the high street on Sunday"),
        ("paragraph", "Body text."),
    ]
    next_paragraph = "![Flood water](f.jpg)\n\n*Flood water in the high street*\n\n*An italic paragraph.*\n"
    assert blocks(next_paragraph) == [
        ("caption", "Flood water"),
        ("caption", "Flood water in the high street"),
        ("paragraph", "An italic paragraph."),
    ]


def test_byline_dateline_and_caption_lines():
    src = (
        "# Storm hits coast\n\nBy Jane Smith\n\n12 March 2024\n\n"
        "Winds reached 90mph overnight.\n\nBy Tuesday the roads were clear\n\n"
        "Photo: A fallen tree in Hove (Reuters)\n"
    )
    assert [k for k, _ in blocks(src)] == ["headline", "byline", "dateline", "paragraph", "paragraph", "caption"]


# -- what is not prose --------------------------------------------------------------------


def test_code_urls_html_blocks_front_matter_and_references_are_not_prose():
    src = (
        "---\ntitle: Secret front matter\nauthor: nobody\n---\n"
        "# Headline\n\n"
        "Read [the report](https://example.com/report \"Report title\") and [the annex][a].\n\n"
        "```python\nprint('fenced code')\n```\n\n"
        "    indented code block\n\n"
        "<div class=\"embed\">\nembedded widget text\n</div>\n\n"
        "Visit <https://example.com/auto> today.\n\n"
        "[a]: https://example.com/annex \"Annex title\"\n"
    )
    d = doc_of(src)
    for hidden in ("Secret", "example", "Report title", "fenced", "indented", "widget", "Annex", "python"):
        assert hidden not in d.text
    assert blocks(src) == [
        ("headline", "Headline"),
        ("paragraph", "Read the report and the annex."),
        ("paragraph", f"Visit {PLACEHOLDER} today."),
    ]


def test_inline_code_is_one_placeholder_mapped_to_the_whole_span():
    d = doc_of("Run ``ls `-l` `` now.\n")
    assert d.text == f"Run {PLACEHOLDER} now."
    assert span_of(d, PLACEHOLDER) == "``ls `-l` ``"


def test_front_matter_with_crlf_and_toml_fences():
    for src in ("---\r\ntitle: Hidden\r\n---\r\nVisible text.\r\n", "+++\ntitle = 'Hidden'\n+++\nVisible text.\n"):
        d = doc_of(src)
        assert d.text == "Visible text."
        assert d.position(0) == (4, 1)


def test_a_thematic_break_is_not_front_matter_when_unclosed():
    assert blocks("---\n\nBody text.\n") == [("paragraph", "Body text.")]


# -- comments ------------------------------------------------------------------------------


def test_inline_and_block_comments_are_recorded_and_removed():
    src = (
        "First line <!-- newslint: ignore repeated-word --> goes on.\n\n"
        "<!-- newslint: disable house-style -->\n\n"
        "Second paragraph.\n"
    )
    d = doc_of(src)
    assert d.text == "First line goes on.\n\nSecond paragraph."
    bodies = [c.body for c in d.comments]
    assert bodies == [" newslint: ignore repeated-word ", " newslint: disable house-style "]
    for c in d.comments:
        assert src[c.source_start : c.source_end].startswith("<!--")
        assert src[c.source_start : c.source_end].endswith("-->")
    # the inline comment sits in the first block, the block comment before the second
    assert d.comments[0].text_offset == len("First line")
    assert d.blocks[0].end <= d.comments[1].text_offset < d.blocks[1].start


def test_multiline_inline_comment_and_unclosed_block_comment():
    d = doc_of("Text <!-- two\nlines --> more.\n\n<!-- never closed\n\nlost text\n")
    assert d.comments[0].body == " two\nlines "
    assert d.text == "Text more."
    assert len(d.warnings) == 1 and "not closed" in d.warnings[0][1]
    assert d.source[d.warnings[0][0] :].startswith("<!-- never")


def test_fixture_marker_comment_on_the_flagged_line():
    src = "Intro line.\n\nThe the cat sat. <!-- expect: repeated-word \"The the\" -->\n"
    d = doc_of(src)
    assert d.text == "Intro line.\n\nThe the cat sat."
    c = d.comments[0]
    assert d.source_position(c.source_start)[0] == 3
    assert c.body.strip().startswith("expect:")


def test_inline_html_tags_are_dropped_and_br_is_a_line_break():
    d = doc_of("One <span class=\"x\">two</span><br>three\n")
    assert d.text == "One two\nthree"
    assert span_of(d, "\n") == "<br>"


# -- positions ----------------------------------------------------------------------------


def test_crlf_soft_breaks_are_newlines_mapped_to_both_characters():
    src = "# Title\r\n\r\nLine one\r\nline two\r\n"
    d = doc_of(src)
    assert d.text == "Title\n\nLine one\nline two"
    i = d.text.index("one\n") + 3
    assert d.source_span(i, i + 1) == (src.index("\r\nline"), src.index("line two"))
    assert d.position(d.text.index("two")) == (4, 6)


def test_lf_soft_break_is_verbatim():
    d = doc_of("Line one\nline two\n")
    i = d.text.index("\n")
    assert d.source_map.is_verbatim(0, len(d.text))
    assert d.source_span(i, i + 1) == (8, 9)


def test_hard_breaks():
    d = doc_of("Line one  \nline two\\\nline three\n")
    assert d.text == "Line one\nline two\nline three"
    assert d.position(d.text.index("three")) == (3, 6)


def test_tabs_and_astral_characters_count_as_one_column():
    src = "Intro\tline 🙂 here\n\n> 𝔘𝔫𝔦𝔱 🇺🇦 *Kyiv*\tnow\n"
    d = doc_of(src)
    assert d.position(d.text.index("here")) == (1, 14)
    assert d.position(d.text.index("Kyiv")) == (3, 12)
    assert d.position(d.text.index("now")) == (3, 18)
    i = d.text.index("𝔘𝔫𝔦𝔱")
    assert span_of(d, "𝔘𝔫𝔦𝔱") == "𝔘𝔫𝔦𝔱" and d.position(i) == (3, 3)


def test_entities_and_escapes_map_to_the_whole_construct():
    src = "AT&amp;T paid &pound;5 &#8212; and &#x1F600; \\*not emphasis\\* caf&eacute;.\n"
    d = doc_of(src)
    assert d.text == "AT&T paid £5 — and 😀 *not emphasis* café."
    assert span_of(d, "&") == "&amp;"
    assert span_of(d, "£") == "&pound;"
    assert span_of(d, "😀") == "&#x1F600;"
    assert span_of(d, "*") == "\\*"
    assert span_of(d, "café") == "caf&eacute;"
    assert d.position(d.text.index("paid")) == (1, 10)


def test_link_text_maps_inside_the_brackets():
    src = "See [the *full* report](http://example.com/report) today.\n"
    d = doc_of(src)
    assert d.text == "See the full report today."
    assert span_of(d, "report") == "report" and d.position(d.text.index("report")) == (1, 17)
    assert d.position(d.text.index("today")) == (1, 52)


def test_list_and_blockquote_prefixes_are_skipped():
    src = "> - quoted item\n>   continues here\n\n10. tenth item\n"
    d = doc_of(src)
    assert d.position(d.text.index("quoted")) == (1, 5)
    assert d.position(d.text.index("continues")) == (2, 5)
    assert d.position(d.text.index("tenth")) == (4, 5)


def test_table_cells_with_an_escaped_pipe():
    src = "| Name | Note |\n|---|---|\n| Rovers | won a \\| b |\n"
    d = doc_of(src)
    assert blocks(src)[-1] == ("table-cell", "won a | b")
    assert span_of(d, "won") == "won"
    assert d.position(d.text.index("b", d.text.index("won"))) == (3, 21)


def test_heading_with_closing_hashes():
    src = "## Markets fall ##\n"
    d = doc_of(src)
    assert d.text == "Markets fall" and d.position(d.text.index("fall")) == (1, 12)


def test_byte_order_mark_left_in_the_string():
    d = doc_of("\ufeff# Title\n\nBody.\n")
    assert blocks(d.source) == [("headline", "Title"), ("paragraph", "Body.")]
    assert d.position(0) == (1, 4)


def test_empty_and_blank_input():
    for src in ("", "\n\n", "   \n", "<!-- only a comment -->\n"):
        d = doc_of(src)
        assert d.text == "" and d.blocks == []


def test_markdown_it_is_imported_lazily():
    code = "import sys, newslint.formats.markdown; print('markdown_it' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_through_the_api():
    api = pytest.importorskip("newslint.api")
    d = api.parse("# Title\n\nBody text.\n", "markdown")
    assert d.format == "markdown" and [b.kind for b in d.blocks] == ["headline", "paragraph"]


def test_text_after_a_comment_at_the_start_of_a_line_is_prose():
    src = "Intro.\n\n<!-- newslint: ignore repeated-word --> The the text.\n\n<div>raw <b>html</b></div>\n"
    d = doc_of(src)
    assert blocks(src) == [("paragraph", "Intro."), ("paragraph", "The the text.")]
    # the comment belongs to the block it shares a line with
    assert d.comments[0].text_offset == d.blocks[1].start
    assert d.position(d.blocks[1].start) == (3, 41)


def test_suppression_comments_work_end_to_end():
    api = pytest.importorskip("newslint.api")
    src = "Intro.\n\nThe the cat. <!-- newslint: ignore repeated-word -->\n\n<!-- newslint: ignore repeated-word --> The the dog.\n\nThe the end.\n"
    found = [(f.name, f.start.line) for f in api.check_text(src, "markdown", {"select": ["repeated-word"]})]
    assert found == [("repeated-word", 7)]


@pytest.mark.parametrize(
    "line, kind",
    [
        ("*By Tom Aldridge, local democracy reporter*", "byline"),
        ("By Sarah Hill, Europe correspondent in Kyiv", "byline"),
        ("**By Jane Smith and Raj Patel**", "byline"),
        ("By Monday, news of the deal had spread", "paragraph"),
        ("By the end of the year", "paragraph"),
    ],
)
def test_byline_forms(line, kind):
    assert blocks(f"# Headline\n\n{line}\n\nBody text.\n")[1] == (kind, line.strip("*"))


def test_link_labels_are_not_searched_where_no_bracket_closes_them(monkeypatch):
    # a run of "[" with no "]" after it cannot open a link or an image: the
    # label search (the costly part of a pasted run of brackets) is skipped
    from newslint.formats import markdown as md_format

    helpers = md_format._markdown().helpers
    calls = []
    real = helpers.parseLinkLabel

    def counting(*args, **kwargs):
        calls.append(args[1])
        return real(*args, **kwargs)

    monkeypatch.setattr(helpers, "parseLinkLabel", counting)
    parse("Prices [[[[[[ rose " + "[" * 500 + " again.\n")
    assert calls == []
    doc = parse("A [link](http://example.com) and ![a chart](c.png) [[[ here.\n")
    assert len(calls) >= 2  # links and images before the last "]" are still read
    assert "link" in doc.text and "[[[ here" in doc.text

"""The HTML input format: the prose a reader sees, blocks, comments, positions, bad markup."""

from __future__ import annotations

import pytest

from newslint.document import Document
from newslint.formats.html import PLACEHOLDER, parse


def doc_of(source: str) -> Document:
    r = parse(source)
    return Document(source, r.text, r.source_map, r.blocks, format="html", comments=r.comments,
                    warnings=r.warnings)


def blocks(source: str) -> list[tuple[str, str]]:
    d = doc_of(source)
    return [(b.kind, d.block_text(b)) for b in d.blocks]


def span_of(d: Document, needle: str) -> str:
    i = d.text.index(needle)
    s, e = d.source_span(i, i + len(needle))
    return d.source[s:e]


def messages(source: str) -> list[str]:
    return [m for _, m in doc_of(source).warnings]


# -- blocks ------------------------------------------------------------------------------


def test_block_kinds():
    src = """<!DOCTYPE html>
<html><head><title>Site | Story</title></head>
<body>
<h1>Bridge reopens</h1>
<p class="story-byline">By Jane Smith</p>
<p class="dateline">LEEDS, 3 May</p>
<p>Traffic moved again on <b>Friday</b>.</p>
<h2>Delays</h2>
<h1>Another level-one heading</h1>
<figure><img src="b.jpg" alt="The bridge at dusk"><figcaption>The bridge (PA)</figcaption></figure>
<blockquote><p>It is a relief,</p>said one driver.</blockquote>
<ul><li>Lane one</li><li>Lane two</ul>
<table><caption>Closures</caption><tr><th>Day</th><td>Monday</td></tr></table>
<address>Reporting by Ann Lee</address>
Bare text in the body.
</body></html>
"""
    assert blocks(src) == [
        ("headline", "Bridge reopens"),
        ("byline", "By Jane Smith"),
        ("dateline", "LEEDS, 3 May"),
        ("paragraph", "Traffic moved again on Friday."),
        ("heading", "Delays"),
        ("heading", "Another level-one heading"),
        ("caption", "The bridge at dusk"),
        ("caption", "The bridge (PA)"),
        ("blockquote", "It is a relief,"),
        ("blockquote", "said one driver."),
        ("list-item", "Lane one"),
        ("list-item", "Lane two"),
        ("caption", "Closures"),
        ("table-cell", "Day"),
        ("table-cell", "Monday"),
        ("byline", "Reporting by Ann Lee"),
        ("paragraph", "Bare text in the body."),
    ]


def test_title_is_the_headline_only_without_h1():
    with_h1 = "<html><head><title>Page title</title></head><body><h1>Real headline</h1></body></html>"
    assert blocks(with_h1) == [("headline", "Real headline")]
    without = "<html><head><title>Page title</title></head><body><p>Body text.</p></body></html>"
    assert blocks(without) == [("headline", "Page title"), ("paragraph", "Body text.")]


def test_inline_elements_do_not_split_blocks_and_br_is_a_line_break():
    d = doc_of('<p>One <a href="/x" title="hidden">two</a> <em>three</em><br/>four</p>')
    assert d.text == "One two three\nfour"
    assert span_of(d, "\n") == "<br/>"


def test_img_alt_splits_a_paragraph_into_a_caption():
    assert blocks('<p>Before <img alt="A &quot;quoted&quot; alt" data-alt="no"> after</p>') == [
        ("paragraph", "Before"),
        ("caption", 'A "quoted" alt'),
        ("paragraph", "after"),
    ]


def test_q_shows_quotation_marks():
    d = doc_of("<p>She said <q>we <q>will</q> go</q>.</p>")
    assert d.text == "She said “we ‘will’ go”."


# -- what is not prose --------------------------------------------------------------------


def test_scripts_styles_hidden_and_chrome_are_skipped():
    src = """<html><head><style>p { color: red }</style><script>var t = "<p>script text</p>";</script>
<meta name="description" content="meta text"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<noscript>Enable scripts</noscript><template><p>template text</p></template>
<svg><text>svg text</text></svg>
<div hidden><p>hidden text</p></div>
<p style="color: red; display: none">invisible text</p>
<pre>preformatted code</pre>
<p title="attribute text">Visible <span data-x="attr">words</span> only.</p>
</body></html>"""
    assert doc_of(src).text == "Visible words only."


def test_inline_code_is_a_placeholder_mapped_to_the_element():
    d = doc_of("<p>Run <code>rm -rf <b>/</b></code> now.</p>")
    assert d.text == f"Run {PLACEHOLDER} now."
    assert span_of(d, PLACEHOLDER) == "<code>rm -rf <b>/</b></code>"


def test_comments_are_recorded_and_removed():
    src = "<p>First <!-- newslint: ignore repeated-word --> words.</p>\n<!-- between -->\n<p>Second.</p>"
    d = doc_of(src)
    assert d.text == "First words.\n\nSecond."
    assert [c.body for c in d.comments] == [" newslint: ignore repeated-word ", " between "]
    c = d.comments[0]
    assert src[c.source_start : c.source_end] == "<!-- newslint: ignore repeated-word -->"
    assert c.text_offset == len("First ")
    assert d.blocks[0].end <= d.comments[1].text_offset <= d.blocks[1].start


# -- whitespace ----------------------------------------------------------------------------


def test_whitespace_collapses_like_a_browser():
    src = "<p>\n    Line one\n    line two  and\tthree <b> bold</b></p>"
    d = doc_of(src)
    assert d.text == "Line one\nline two and three bold"
    assert span_of(d, "\n") == "\n    "
    assert span_of(d, "two and")[3:-3] == "  "
    # words and single spaces stay verbatim
    assert d.source_map.is_verbatim(0, len("Line one"))


def test_crlf_tabs_and_astral_characters():
    src = "<h1>Title</h1>\r\n<p>Line\tone 🙂\r\n   𝔘𝔫𝔦𝔱 here</p>\r\n"
    d = doc_of(src)
    assert d.text == "Title\n\nLine one 🙂\n𝔘𝔫𝔦𝔱 here"
    assert span_of(d, "🙂\n") == "🙂\r\n   "
    assert d.position(d.text.index("one")) == (2, 9)
    assert d.position(d.text.index("𝔘")) == (3, 4)
    assert d.position(d.text.index("here")) == (3, 9)


def test_entities_map_to_the_whole_entity():
    src = "<p>AT&amp;T&nbsp;paid &pound;5 &#8212; caf&eacute; &#x1F600; &#8217;quoted&#x2019; &unknown; R&D</p>"
    d = doc_of(src)
    assert d.text == "AT&T\xa0paid £5 — café 😀 ’quoted’ &unknown; R&D"
    assert span_of(d, "&T") == "&amp;T"
    assert span_of(d, "\xa0") == "&nbsp;"
    assert span_of(d, "café") == "caf&eacute;"
    assert span_of(d, "😀") == "&#x1F600;"
    assert d.position(d.text.index("paid")) == (1, 18)


# -- bad input -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "src, text, warning",
    [
        ("<p>Open <b>bold</p><p>next</p>", "Open bold\n\nnext", "'<b>' is not closed before '</p>'"),
        ("<div><p>Never closed", "Never closed", "'<div>' is never closed"),
        ("<p>Text</p></section>", "Text", "Stray '</section>'"),
        ("<p>Kept</p><!-- unterminated <p>hidden</p>", "Kept", "never closed with '-->'"),
        ("<p>Kept</p><p class=\"x", "Kept", "Tag is not closed"),
        ("<p>If a < b then</p>", "If a < b then", "bare '<'"),
        ("<h1>One<h2>Two</h2>", "One\n\nTwo", "'<h1>' is not closed before '<h2>'"),
    ],
)
def test_malformed_html_never_raises_and_warns(src, text, warning):
    d = doc_of(src)
    assert d.text == text
    assert any(warning in m for m in messages(src)), messages(src)
    for offset, message in d.warnings:
        assert 0 <= offset <= len(src) and "\n" not in message


def test_optional_end_tags_are_not_problems():
    src = "<html><body><p>One<p>Two<ul><li>a<li>b</ul><table><tr><td>1<td>2<tr><td>3</table><dl><dt>t<dd>d</dl>"
    assert messages(src) == []
    assert [k for k, _ in blocks(src)] == ["paragraph", "paragraph", "list-item", "list-item", "table-cell",
                                           "table-cell", "table-cell", "paragraph", "paragraph"]


def test_a_bad_character_reference_does_not_swallow_the_rest():
    d = doc_of("<p>Price &# and &#xZZ; here</p><p>Second <b>para</b></p>")
    assert d.text == "Price &# and &#xZZ; here\n\nSecond para"


def test_warnings_are_capped():
    src = "<p>x</p>" + "</span>" * 100
    ms = messages(src)
    assert 1 < len(ms) <= 21 and "more markup problems" in ms[-1]


def test_empty_and_blank_input():
    for src in ("", "   \n", "<html><head></head><body></body></html>", "<!-- just a comment -->"):
        d = doc_of(src)
        assert d.text == "" and d.blocks == [] and d.warnings == []


def test_markup_problems_are_reported_through_the_engine():
    api = pytest.importorskip("newslint.api")
    findings = api.check_text("<p>Open <b>bold</p>\n<p>Fine.</p>\n", "html")
    problems = [f for f in findings if f.name == "markup-problem"]
    assert len(problems) == 1 and (problems[0].start.line, problems[0].start.column) == (1, 9)


def test_a_comment_goes_with_the_text_it_shares_a_line_with():
    src = "<p>Intro.</p>\n<!-- before --> <p>Second.</p>\n<p>Third.</p> <!-- after -->\n<p>Fourth.</p>"
    d = doc_of(src)
    before, after = d.comments
    assert before.text_offset == d.blocks[1].start
    assert after.text_offset == d.blocks[2].end


def test_suppression_comments_work_end_to_end():
    api = pytest.importorskip("newslint.api")
    src = ("<p>Intro.</p>\n<!-- newslint: ignore repeated-word --> <p>The the cat.</p>\n"
           "<p>The the dog.</p> <!-- newslint: ignore repeated-word -->\n<p>The the end.</p>\n")
    found = [(f.name, f.start.line) for f in api.check_text(src, "html", {"select": ["repeated-word"]})]
    assert found == [("repeated-word", 4)]


@pytest.mark.parametrize(
    "cls, kind",
    [("byline", "byline"), ("story-byline", "byline"), ("article__dateline", "dateline"), ("byline-name x", "byline"),
     ("byline-container", "paragraph"), ("nobyline", "paragraph"), ("bylines", "paragraph")],
)
def test_byline_and_dateline_classes(cls, kind):
    assert blocks(f'<div class="{cls}"><p>By Ann Lee</p></div>') == [(kind, "By Ann Lee")]

"""Property: every word of the text, read back from the source, is that word.

Documents are generated in all three formats from the same kinds of pieces
(words with accents, emoji and letters outside the Basic Multilingual Plane,
tabs, entities, emphasis, links, code, comments, headings, lists, quotes) with
LF or CRLF line ends.  For every word the generator meant as prose, in order:

* the words of ``Document.text`` are exactly those words (markup, URLs, code
  and comments never leak into the text);
* ``Document.source_span`` of each word, decoded (entities, Markdown escapes),
  is the word;
* ``Document.position`` agrees with counting lines and code points in the source.
"""

from __future__ import annotations

import html
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint.analysis.text import find_words
from newslint.document import Document
from newslint.formats import html as html_format
from newslint.formats import markdown, plain

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# words a line may start with (no list markers, digits or '#')
LEAD_WORDS = ["Kyiv", "café", "Zürich", "naïve", "Łódź", "Ελλάδα", "Москва", "東京", "𝔘𝔫𝔦𝔱", "Russia's",
              "well-known", "d’etat", "O'Neill", "𝒜lpha", "straße"]
WORDS = LEAD_WORDS + ["1.5", "U.S", "42", "x", "ÉTÉ", "Ølstykke"]
NONWORDS = ["🙂", "👍🏽", "—", "…", "(", ")", "!", "?", ",", "🇺🇦"]


def expected_words(prose: list[str]) -> list[str]:
    return [w.text for w in find_words(" ".join(prose))]


_MD_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def decode(fmt: str, s: str) -> str:
    if fmt == "markdown":
        s = _MD_ESCAPE.sub(r"\1", s)
    if fmt != "text":
        s = html.unescape(s)
    return s


def check(fmt: str, source: str, prose: list[str]) -> None:
    parser = {"text": plain.parse, "markdown": markdown.parse, "html": html_format.parse}[fmt]
    r = parser(source)
    doc = Document(source, r.text, r.source_map, r.blocks, format=fmt, comments=r.comments, warnings=r.warnings)
    words = find_words(doc.text)
    assert [w.text for w in words] == expected_words(prose), (source, doc.text)
    for w in words:
        s, e = doc.source_span(w.start, w.end)
        assert decode(fmt, source[s:e]) == w.text, (source, w, source[s:e])
        line, col = doc.position(w.start)
        assert line == source.count("\n", 0, s) + 1
        assert col == s - (source.rfind("\n", 0, s) + 1) + 1
    # the whole text maps inside the source, in order
    last = 0
    for b in doc.blocks:
        s, e = doc.source_span(b.start, b.end)
        assert last <= s <= e <= len(source)
        last = s


# -- pieces: (markdown source, html source, plain source, prose) -----------------------

word = st.sampled_from(WORDS)
lead = st.sampled_from(LEAD_WORDS)


@st.composite
def inline_piece(draw):
    """One piece of a line as (markdown, html, plain, prose words)."""
    w = draw(word)
    kind = draw(st.integers(0, 16))
    if kind == 0:
        return (f"*{w}*", f"<em>{w}</em>", w, [w])
    if kind == 1:
        return (f"**{w}**", f"<strong>{w}</strong>", w, [w])
    if kind == 2:
        w2 = draw(word)
        return (f"[{w} {w2}](https://example.com/{w2}?a=1&b=2)", f'<a href="https://example.com/{w2}?a=1&amp;b=2">{w} {w2}</a>',
                f"{w} {w2}", [w, w2])
    if kind == 3:
        return ("`code here`", "<code>code here</code>", "", [])
    if kind == 4:
        return ("caf&eacute;", "caf&eacute;", "café", ["café"])
    if kind == 5:
        return ("AT&amp;T", "AT&amp;T", "AT&T", ["AT", "T"])
    if kind == 6:
        return ("&#8220;" + w + "&#8221;", "&#8220;" + w + "&#x201D;", "“" + w + "”", [w])
    if kind == 7:
        return ("<!-- newslint: ignore x -->", "<!-- note -->", "<!-- note -->", [])
    if kind == 8:
        return (f"\\*{w}\\*", f"*{w}*", f"*{w}*", [w])
    if kind == 9:
        nw = draw(st.sampled_from(NONWORDS))
        return (nw, nw, nw, [])
    if kind == 10:
        return (f"<span>{w}</span>", f"<span class='x'>{w}</span>", w, [w])
    if kind == 11:
        return ("&#x1F600;", "&#x1F600;", "😀", [])
    if kind == 12:
        w2 = draw(word)
        return (f'[{w}](/path "Title hidden") ~~{w2}~~', f'<a title="hidden" href="/p">{w}</a> <s>{w2}</s>',
                f"{w} {w2}", [w, w2])
    if kind == 13:
        return (f"[{w}][ref] <https://example.com/auto>", f"<a href='#ref'>{w}</a> <kbd>Ctrl</kbd>", w, [w])
    if kind == 14:
        return (f"***{w}*** _{w}_", f"<b><i>{w}</i></b> <i>{w}</i>", f"{w} {w}", [w, w])
    if kind == 15:
        return (f"a<br>{w}", f"a<br>{w}", f"a {w}", ["a", w])
    return (w, w, w, [w])


@st.composite
def line(draw):
    first = draw(lead)
    pieces = draw(st.lists(inline_piece(), max_size=6))
    seps = draw(st.lists(st.sampled_from([" ", " ", "  ", "\t", " \t "]), min_size=len(pieces), max_size=len(pieces)))
    md = [first]
    ht = [first]
    pl = [first]
    prose = [first]
    for (m, h, p, words), sep in zip(pieces, seps):
        md.append(sep + m)
        ht.append(sep + h)
        pl.append(sep + p)
        prose.extend(words)
    return "".join(md), "".join(ht), "".join(pl), prose


@st.composite
def document(draw):
    nl = draw(st.sampled_from(["\n", "\r\n"]))
    nblocks = draw(st.integers(1, 5))
    md_blocks, html_blocks, plain_blocks, prose = [], [], [], []
    for _ in range(nblocks):
        kind = draw(st.sampled_from(["p", "p", "h1", "h2", "quote", "list", "image", "table", "code"]))
        lines = draw(st.lists(line(), min_size=1, max_size=3))
        if kind in ("h1", "h2"):
            lines = lines[:1]
        mds = [l[0] for l in lines]
        hts = [l[1] for l in lines]
        pls = [l[2] for l in lines]
        for l in lines:
            prose.extend(l[3])
        if kind == "code":
            # code is never prose
            del prose[len(prose) - sum(len(l[3]) for l in lines):]
            md_blocks.append("```" + nl + nl.join(pls) + nl + "```")
            html_blocks.append("<pre><code>" + nl.join(html.escape(p) for p in pls) + "</code></pre>")
            plain_blocks.append("")
            continue
        if kind == "table":
            mds = [m.replace("|", "") for m in mds]
            md_blocks.append("| " + " | ".join(mds) + " |" + nl + "|" + "---|" * len(mds))
            html_blocks.append("<table><tr>" + "".join(f"<td>{h}" for h in hts) + "</table>")
        elif kind == "p":
            breaks = draw(st.lists(st.sampled_from(["", "  ", "\\"]), min_size=len(mds), max_size=len(mds)))
            md_blocks.append(nl.join(m + brk for m, brk in zip(mds, breaks[:-1] + [""])))
            html_blocks.append("<p>" + nl.join("   " + h for h in hts) + "</p>")
        elif kind in ("h1", "h2"):
            hashes = "#" if kind == "h1" else "##"
            md_blocks.append(f"{hashes} {mds[0]}")
            html_blocks.append(f"<{kind}>{hts[0]}</{kind}>")
        elif kind == "quote":
            md_blocks.append(nl.join("> " + m for m in mds))
            html_blocks.append("<blockquote>" + nl + nl.join(f"<p>{h}</p>" for h in hts) + nl + "</blockquote>")
        elif kind == "list":
            marker = draw(st.sampled_from(["- ", "* ", "1. "]))
            md_blocks.append(nl.join(marker + m for m in mds))
            html_blocks.append("<ul>" + "".join(f"{nl}  <li>{h}" for h in hts) + nl + "</ul>")
        else:
            # an image: its alt text (the first line's words) is the prose
            del prose[len(prose) - sum(len(l[3]) for l in lines):]
            alt = " ".join(lines[0][3])
            md_blocks.append(f"![{alt}](photo.jpg)")
            html_blocks.append(f'<figure><img src="photo.jpg" alt="{html.escape(alt)}"></figure>')
            prose.extend(lines[0][3])
            pls = [alt]
        plain_blocks.append(nl.join(pls))
    return nl, md_blocks, html_blocks, plain_blocks, prose


@SETTINGS
@given(document())
def test_markdown_positions(doc):
    nl, md_blocks, _, _, prose = doc
    front = f"---{nl}title: Hidden words{nl}---{nl}"
    refs = f"{nl}{nl}[ref]: https://example.com/ref 'Hidden title'{nl}"
    check("markdown", front + (nl + nl).join(md_blocks) + refs, prose)


@SETTINGS
@given(document(), st.booleans())
def test_html_positions(doc, wrap):
    nl, _, html_blocks, _, prose = doc
    body = nl.join(html_blocks)
    if wrap:
        body = (f"<!DOCTYPE html>{nl}<html><head><title>Ignored title</title>{nl}"
                f"<script>var s = 'Kyiv café';</script></head>{nl}<body>{nl}{body}{nl}</body></html>{nl}")
        prose = prose if any(b.startswith("<h1>") for b in html_blocks) else ["Ignored", "title"] + prose
    check("html", body, prose)


@SETTINGS
@given(document())
def test_plain_positions(doc):
    nl, _, _, plain_blocks, prose = doc
    # plain text has no markup: its words are the plain pieces' words
    source = (nl + nl).join(b for b in plain_blocks if b) + nl
    words = expected_words([re.sub(r"<!--.*?-->", " ", b) for b in plain_blocks])
    check("text", source, words)


_MARKUP_ALPHABET = st.sampled_from(
    list("ab cé\t\n\r*_`[]()!<>#&;-|\\~=:/\"'") + ["<!--", "-->", "&amp;", "&#", "<p>", "</p>", "<b>", "</a>",
                                                  "\r\n", "    ", "🙂", "𝔘", "\x00", "\ufeff", "> ", "- ", "1. "]
)


@SETTINGS
@given(st.lists(_MARKUP_ALPHABET, max_size=60).map("".join), st.sampled_from(["text", "markdown", "html"]))
def test_any_input_parses_and_maps_inside_the_source(source, fmt):
    parser = {"text": plain.parse, "markdown": markdown.parse, "html": html_format.parse}[fmt]
    r = parser(source)
    doc = Document(source, r.text, r.source_map, r.blocks, format=fmt, comments=r.comments, warnings=r.warnings)
    for w in find_words(doc.text):
        s, e = doc.source_span(w.start, w.end)
        assert 0 <= s <= e <= len(source)
        # a word copied verbatim reads the same in the source
        if doc.source_map.is_verbatim(w.start, w.end):
            assert source[s:e] == w.text
    for c in doc.comments:
        assert source.startswith("<!--", c.source_start) and 0 <= c.text_offset <= len(doc.text)
    for offset, message in doc.warnings:
        assert 0 <= offset <= len(source) and "\n" not in message

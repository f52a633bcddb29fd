"""The plain-text input format: blocks, comments, line ends, positions, speed."""

from __future__ import annotations

from pathlib import Path

from newslint.document import Document
from newslint.formats.plain import parse

SHARED = Path(__file__).resolve().parents[2] / "shared"


def doc_of(source: str) -> Document:
    r = parse(source)
    return Document(source, r.text, r.source_map, r.blocks, format="text", comments=r.comments,
                    warnings=r.warnings)


def blocks(source: str) -> list[tuple[str, str]]:
    d = doc_of(source)
    return [(b.kind, d.block_text(b)) for b in d.blocks]


def test_block_kinds():
    src = (
        "Council approves new bridge\n\n"
        "By Jane Smith\n\n"
        "Leeds, 3 May 2024\n\n"
        "The council voted on Tuesday to build a new bridge.\n\n"
        "Picture: The old bridge in 1950\n\n"
        "Workers at the site in Hove (Getty Images)\n\n"
        "Cranes lifting steel over the river\n\n"
        "Work starts in June.\nIt will take two years.\n"
    )
    assert blocks(src) == [
        ("headline", "Council approves new bridge"),
        ("byline", "By Jane Smith"),
        ("dateline", "Leeds, 3 May 2024"),
        ("paragraph", "The council voted on Tuesday to build a new bridge."),
        ("caption", "Picture: The old bridge in 1950"),
        ("caption", "Workers at the site in Hove (Getty Images)"),
        ("caption", "Cranes lifting steel over the river"),
        ("paragraph", "Work starts in June.\nIt will take two years."),
    ]


def test_a_first_line_ending_in_a_full_stop_is_not_a_headline():
    assert blocks("The council met today.\n\nMore text.\n")[0][0] == "paragraph"


def test_paragraphs_split_on_blank_lines_with_spaces_and_crlf():
    src = "Title line\r\n \t\r\n\r\nFirst para.\r\n\r\n\r\n   Second para.\r\n"
    assert blocks(src) == [("headline", "Title line"), ("paragraph", "First para."), ("paragraph", "Second para.")]


def test_crlf_inside_a_paragraph_is_one_newline_mapped_to_both_characters():
    src = "Headline\r\n\r\nLine one\r\nline two.\r\n"
    d = doc_of(src)
    assert d.text == "Headline\n\nLine one\nline two."
    i = d.text.index("\nline")
    assert d.source_span(i, i + 1) == (src.index("\r\nline"), src.index("line two"))
    assert d.position(d.text.index("two")) == (4, 6)
    # everything else is verbatim
    assert d.source_map.is_verbatim(d.text.index("Line"), i)


def test_tabs_and_astral_characters_count_as_one_column():
    src = "Title 🙂 here\n\n\tIndented 𝔘𝔫𝔦𝔱 word 🇺🇦 and\tmore.\n"
    d = doc_of(src)
    assert d.position(d.text.index("here")) == (1, 9)
    assert d.position(d.text.index("𝔘")) == (3, 11)
    assert d.position(d.text.index("and")) == (3, 24)
    assert d.position(d.text.index("more")) == (3, 28)
    i = d.text.index("word")
    s, e = d.source_span(i, i + 4)
    assert src[s:e] == "word"


def test_comments_are_recorded_where_they_stand():
    src = (
        "Title\n\n"
        "First words <!-- newslint: ignore repeated-word --> go on.\n"
        "Next line. <!-- expect: x -->\n\n"
        "<!-- newslint: disable house-style -->\n\n"
        "Last paragraph.\n"
    )
    d = doc_of(src)
    assert d.text == "Title\n\nFirst words go on.\nNext line.\n\nLast paragraph."
    assert [c.body for c in d.comments] == [" newslint: ignore repeated-word ", " expect: x ",
                                            " newslint: disable house-style "]
    first, marker, disable = d.comments
    assert d.text[first.text_offset :].startswith(" go on.")
    assert d.text[: marker.text_offset].endswith("Next line.")
    assert d.blocks[1].end <= disable.text_offset <= d.blocks[2].start
    for c in d.comments:
        assert src[c.source_start : c.source_end].startswith("<!--")


def test_comments_do_not_leave_doubled_spaces():
    assert doc_of("A <!-- c --> b\n").text == "A b"
    assert doc_of("A <!-- c -->b\n").text == "A b"
    assert doc_of("A<!-- c --> b\n").text == "A b"


def test_byte_order_mark_left_in_the_string_is_not_text():
    d = doc_of("\ufeffTitle\n\nBody.\n")
    assert d.text == "Title\n\nBody." and d.blocks[0].kind == "headline"
    assert d.position(0) == (1, 2)


def test_empty_and_blank_input():
    for src in ("", "\n", " \r\n\t\n", "<!-- only -->\n"):
        d = doc_of(src)
        assert d.text == "" and d.blocks == []


def test_whole_text_maps_back_verbatim_without_comments_or_crlf():
    src = "Title\n\nOne  two\tthree.\n\nFour.\n"
    d = doc_of(src)
    for b in d.blocks:
        s, e = d.source_span(b.start, b.end)
        assert src[s:e] == d.block_text(b)


def test_wire_credit_lines_are_bylines_not_captions():
    src = ("Ports reopen\n\nShips sailed on Monday.\n\n"
           "Reporting by Jane Smith in Odesa; Editing by Tom Lee\n\n"
           "(Additional reporting by Ann Roe)\n\nA photo of the port at dawn\n")
    from newslint.api import parse as _parse
    d = _parse(src, "text")
    assert [b.kind for b in d.blocks] == ["headline", "paragraph", "byline", "byline", "caption"]


def test_list_lines_are_list_items():
    from newslint.api import parse as _parse

    src = ("Smoking ban\n\nThe key measures are:\n"
           " - A ban on smoking in all enclosed public places\n"
           " - Fines of up to 2,500 pounds for licensees\n   who fail to enforce it\n"
           "1. Checks by environmental health officers\n\nA closing paragraph.\n")
    d = _parse(src, "text")
    assert [b.kind for b in d.blocks] == ["headline", "paragraph", "list-item", "list-item", "list-item", "paragraph"]
    assert d.block_text(d.blocks[1]) == "The key measures are:"
    assert d.block_text(d.blocks[3]) == "- Fines of up to 2,500 pounds for licensees\n   who fail to enforce it"
    # sentences never run from one item into the next
    assert all(s.block == d.blocks[s.block].index for s in d.sentences)
    assert [d.text[s.start:s.end] for s in d.sentences if s.block == 2] == [
        "- A ban on smoking in all enclosed public places"]

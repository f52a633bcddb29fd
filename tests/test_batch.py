"""The batch API: rows of (id, text, format) in, flat finding records out."""

from __future__ import annotations

import pickle

import pytest

from newslint.api import RECORD_COLUMNS, check_text, lint_batch
from newslint.batch import engine_for

STORY = (
    "The goverment said on Monday that the the plan would go ahead.\n\n"
    'Mr Smith said: "We are ready.\n\n'
    "Critics disagreed ,saying the plan was rushed.\n"
)
MARKDOWN = "# Council vote\n\nThe council  voted on *Tuesday* to close the the library.\n"


def _expected(rid: str, text: str, fmt: str) -> list[tuple]:
    return [
        (rid, f.start.line, f.start.column, f.end.line, f.end.column, f.code, f.message)
        for f in check_text(text, fmt)
    ]


def _got(records: list[dict]) -> list[tuple]:
    return [(r["id"], r["line"], r["column"], r["end_line"], r["end_column"], r["code"], r["message"])
            for r in records]


def test_records_match_check_text_and_have_the_documented_columns():
    records = lint_batch([("s1", STORY, "text"), {"id": "s2", "text": MARKDOWN, "format": "markdown"}])
    assert _got(records) == _expected("s1", STORY, "text") + _expected("s2", MARKDOWN, "markdown")
    assert {r["code"] for r in records} >= {"NL103", "NL603"}
    for r in records:
        assert tuple(r) == RECORD_COLUMNS


def test_character_offsets_point_at_the_flagged_text():
    records = lint_batch([("s1", STORY), ("s2", MARKDOWN, "markdown")])
    texts = {"s1": STORY, "s2": MARKDOWN}
    flagged = {(r["code"], texts[r["id"]][r["start_offset"]:r["end_offset"]]) for r in records}
    assert ("NL103", "goverment") in flagged
    assert ("NL603", "the the") in flagged or any(c == "NL603" and "the" in t for c, t in flagged)
    for r in records:
        text = texts[r["id"]]
        line_start = sum(len(x) for x in text.splitlines(keepends=True)[: r["line"] - 1])
        assert r["start_offset"] == line_start + r["column"] - 1


def test_bad_rows_become_meta_findings_and_the_batch_goes_on():
    rows = [
        ("ok1", STORY, "text"),
        ("none", None, "text"),
        ("nan", float("nan"), "text"),
        ("num", 12, "text"),
        ("utf16", "x".encode("utf-16"), "text"),
        ("pdf", "Some text.", "pdf"),
        ("ok2", MARKDOWN, "markdown"),
    ]
    records = lint_batch(rows)
    by_id: dict[str, list[str]] = {}
    for r in records:
        by_id.setdefault(r["id"], []).append(r["code"])
    for rid in ("none", "nan", "num", "utf16", "pdf"):
        assert by_id[rid] == ["NL901"], rid
    msgs = {r["id"]: r["message"] for r in records if r["code"] == "NL901"}
    assert "missing" in msgs["none"] and "missing" in msgs["nan"]
    assert "not text (int)" in msgs["num"]
    assert "unknown format 'pdf'" in msgs["pdf"]
    assert _got([r for r in records if r["id"] == "ok1"]) == _expected("ok1", STORY, "text")
    assert _got([r for r in records if r["id"] == "ok2"]) == _expected("ok2", MARKDOWN, "markdown")


def test_engine_is_built_once_per_configuration():
    a = engine_for({"select": ["NL103"]})
    assert engine_for({"select": ["NL103"]}) is a
    assert engine_for({"select": ["NL603"]}) is not a
    only = lint_batch([("s1", STORY)], config={"select": ["NL103"]})
    assert {r["code"] for r in only} == {"NL103"}


def test_function_pickles_by_reference():
    assert pickle.loads(pickle.dumps(lint_batch)) is lint_batch


def test_records_fit_the_arrow_schema():
    pa = pytest.importorskip("pyarrow")
    from newslint.api import record_schema

    records = lint_batch([("s1", STORY), ("bad", None)])
    table = pa.Table.from_pylist(records, schema=record_schema())
    assert table.schema.names == list(RECORD_COLUMNS)
    assert table.num_rows == len(records)
    assert table.column("suggestions").type == pa.list_(pa.string())


def test_fix_edits_carry_the_offsets_the_service_gives():
    import json

    texts = {"s1": STORY, "s2": MARKDOWN}
    records = lint_batch([("s1", STORY), ("s2", MARKDOWN, "markdown")])
    with_fix = [r for r in records if r["fix"] is not None]
    assert {r["code"] for r in with_fix} >= {"NL603"}
    for r in with_fix:
        text = texts[r["id"]]
        fix = json.loads(r["fix"])
        # the same object as the HTTP service's finding (to_dict with offsets)
        service = [f.to_dict(offsets=True)["fix"] for f in check_text(text, "markdown" if r["id"] == "s2" else "text")
                   if f.code == r["code"] and f.source_start == r["start_offset"]]
        assert service == [fix]
        for edit in fix["edits"]:
            assert 0 <= edit["start_offset"] <= edit["end_offset"] <= len(text)
            line_start = sum(len(x) for x in text.splitlines(keepends=True)[: edit["line"] - 1])
            assert edit["start_offset"] == line_start + edit["column"] - 1
        # applying the edits by offset gives the text the fix describes
        fixed = text
        for edit in sorted(fix["edits"], key=lambda e: -e["start_offset"]):
            fixed = fixed[: edit["start_offset"]] + edit["replacement"] + fixed[edit["end_offset"]:]
        assert fixed != text
    repeated = next(r for r in with_fix if r["code"] == "NL603" and r["id"] == "s1")
    edits = json.loads(repeated["fix"])["edits"]
    text = texts["s1"]
    fixed = text
    for edit in sorted(edits, key=lambda e: -e["start_offset"]):
        fixed = fixed[: edit["start_offset"]] + edit["replacement"] + fixed[edit["end_offset"]:]
    assert "the the plan" not in fixed and "that the plan" in fixed

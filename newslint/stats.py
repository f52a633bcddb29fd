"""``newslint stats``: readability figures per story, as a table or JSON.

The figures are the ones the readability rules use (:mod:`newslint.readability`):
words, sentences, Flesch reading ease, Flesch-Kincaid grade and reading time,
over every block of the story except bylines, datelines and table cells.  JSON
output adds textstat's other indices (computed offline).
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any

from .document import Document
from .engine import InputError, parse_document, read_file, read_stream
from .files import discover
from .output.escape import printable
from .readability import (
    NON_STORY_KINDS,
    WORDS_PER_MINUTE,
    Figures,
    block_figures,
    describe_ease,
    story_figures,
    textstat_indices,
)
from .registry import Registry, default_registry

EXIT_OK = 0
EXIT_ERROR = 2


def _files(paths: list[str], registry: Registry, errors: list[str]) -> list[str]:
    """The stories under ``paths``, found as ``newslint check`` finds them
    (configuration's include and exclude apply)."""
    from .config import Overrides, SettingsResolver

    notes: list[str] = []
    files, problems = discover(paths, SettingsResolver(registry, Overrides()), registry, notes=notes)
    for note in notes:
        print(f"newslint: {printable(note)}", file=sys.stderr)
    errors.extend(problems)
    for p in paths:
        if os.path.isdir(p) and not any(f.startswith(os.path.normpath(p)) for f in files):
            errors.append(f"{p}: no stories found (no .txt, .md or .html files)")
    return files


def _minutes(seconds: float) -> str:
    s = int(round(seconds))
    return f"{s // 60}:{s % 60:02d}"


def figures_record(path: str, fig: Figures, paragraphs: int) -> dict[str, Any]:
    return {
        "path": path,
        "words": fig.words,
        "sentences": fig.sentences,
        "paragraphs": paragraphs,
        "syllables": fig.syllables,
        "words_per_sentence": round(fig.words_per_sentence, 2),
        "syllables_per_word": round(fig.syllables_per_word, 3),
        "reading_ease": round(fig.reading_ease, 1),
        "reading_ease_band": describe_ease(fig.reading_ease) if fig.words else "",
        "grade": round(fig.grade, 1),
        "reading_time_seconds": round(fig.reading_time),
    }


def story_text(doc: Document) -> str:
    """The story's prose, block by block, without bylines and datelines."""
    return "\n\n".join(
        doc.text[bf.block.start : bf.block.end]
        for bf in block_figures(doc)
        if bf.block.kind not in NON_STORY_KINDS
    )


def run_stats(paths: list[str], fmt: str = "text", registry: Registry | None = None) -> tuple[str, int]:
    """Figures for each story under ``paths``; returns (output, exit status).

    Files that cannot be read are reported on standard error, and make the exit
    status 2; the others are still measured.
    """
    registry = registry or default_registry()
    errors: list[str] = []
    records: list[dict[str, Any]] = []
    total = Figures(0, 0, 0)
    total_paragraphs = 0
    from .config import Overrides, SettingsResolver

    resolver = SettingsResolver(registry, Overrides())
    for path in _files(paths, registry, errors):
        try:
            if path == "-":
                source, _ = read_stream(sys.stdin.buffer, resolver.for_path("-").max_file_size)
                doc = parse_document(source, "-", registry, "text")
            else:
                source, _ = read_file(path, resolver.for_path(path).max_file_size)
                doc = parse_document(source, path, registry)
        except InputError as exc:
            errors.append(f"{path}: {exc}")
            continue
        fig = story_figures(doc)
        paragraphs = sum(1 for b in doc.blocks if b.kind == "paragraph")
        rec = figures_record(path, fig, paragraphs)
        if fmt == "json":
            rec["textstat"] = textstat_indices(story_text(doc)) if fig.words else None
        records.append(rec)
        total = total + fig
        total_paragraphs += paragraphs
    for e in errors:
        print(f"newslint: error: {printable(e)}", file=sys.stderr)
    status = EXIT_ERROR if errors else EXIT_OK
    if fmt == "json":
        doc_out: dict[str, Any] = {
            "files": records,
            "total": {k: v for k, v in figures_record("", total, total_paragraphs).items() if k != "path"},
            "reading_speed_wpm": WORDS_PER_MINUTE,
        }
        return json.dumps(doc_out, indent=2, ensure_ascii=False) + "\n", status
    return _table(records, total, total_paragraphs), status


_COLUMNS = (
    ("words", "Words", "{}"),
    ("sentences", "Sentences", "{}"),
    ("words_per_sentence", "Words/sent", "{:.1f}"),
    ("reading_ease", "Reading ease", "{:.1f}"),
    ("grade", "Grade", "{:.1f}"),
)


def _table(records: list[dict[str, Any]], total: Figures, paragraphs: int) -> str:
    if not records:
        return ""
    rows = []
    for r in records:
        rows.append([r["path"]] + [f.format(r[k]) for k, _, f in _COLUMNS] + [_minutes(r["reading_time_seconds"])])
    if len(records) > 1:
        t = figures_record("", total, paragraphs)
        rows.append([f"total ({len(records)} stories)"] + [f.format(t[k]) for k, _, f in _COLUMNS]
                    + [_minutes(t["reading_time_seconds"])])
    header = ["Story"] + [h for _, h, _ in _COLUMNS] + ["Reading time"]
    widths = [max(len(header[i]), *(len(row[i]) for row in rows)) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        first = cells[0].ljust(widths[0])
        rest = [c.rjust(w) for c, w in zip(cells[1:], widths[1:])]
        return "  ".join([first] + rest).rstrip()

    out = [line(header), line(["-" * w for w in widths])]
    out.extend(line(r) for r in rows[: len(records)])
    if len(records) > 1:
        out.append(line(["-" * w for w in widths]))
        out.append(line(rows[-1]))
    out.append("")
    out.append(
        f"Reading ease: Flesch, higher is easier (60-70 is plain English). Grade: Flesch-Kincaid. "
        f"Reading time at {WORDS_PER_MINUTE} words a minute."
    )
    return "\n".join(out) + "\n"

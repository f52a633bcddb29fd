"""What ``newslint check`` loads: a plain check must not import the archive, the
batch code, the HTTP service, the language server or the optional Dask/Arrow
stack; those load when their own command (or option) runs."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from newslint import archive
from newslint.cli import build_parser

STORY = "Council backs budget\n\nThe council approved the budget on Tuesday, the leader said.\n"

#: module names (and the packages under them) a plain check must not import
NOT_FOR_CHECK = (
    "newslint.archive",
    "newslint.batch",
    "newslint.crossstory_run",
    "newslint.output.records",
    "newslint.server",
    "newslint.lsp",
    "newslint.stats",
    "dask",
    "distributed",
    "pyarrow",
    "pandas",
    "starlette",
    "uvicorn",
    "pygls",
    "wcmatch",
)

_IMPORT_LINE = re.compile(r"^import time:\s+\d+ \|\s+\d+ \|\s*(\S+)\s*$")


def _imported(tmp_path: Path, *args: str) -> set[str]:
    """The modules ``python -m newslint check ARGS story.txt`` imports, read from
    ``-X importtime``."""
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "newslint", "check", "--isolated", *args, str(story)],
        capture_output=True, text=True, cwd=tmp_path, timeout=120,
    )
    assert proc.returncode in (0, 1), proc.stderr[-2000:]
    return {m.group(1) for line in proc.stderr.splitlines() if (m := _IMPORT_LINE.match(line))}


def _loaded(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if any(m == n or m.startswith(n + ".") for n in names))


def test_check_imports_only_what_it_needs(tmp_path):
    modules = _imported(tmp_path)
    assert "newslint.engine" in modules  # the listing was read
    assert _loaded(modules, NOT_FOR_CHECK) == []


def test_archive_wide_check_loads_the_cross_story_runner(tmp_path):
    # the same listing sees a module the option does need
    modules = _imported(tmp_path, "--archive-wide")
    assert _loaded(modules, ("newslint.crossstory_run",)) == ["newslint.crossstory_run"]
    assert _loaded(modules, ("newslint.archive", "dask", "pyarrow")) == []


def test_archive_partition_size_default_matches_the_archive_module():
    args = build_parser().parse_args(["archive", "in.parquet", "--output", "out"])
    assert args.partition_size == archive.DEFAULT_PARTITION_SIZE

"""--fix and --diff change only the bytes of the edits they apply, and --fix writes
safely: whole files, inside the tree named, links kept, nothing left after a kill.

The diffs are applied with the real ``patch``; the kill is a real SIGKILL.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

PATCH = shutil.which("patch")
needs_patch = pytest.mark.skipif(PATCH is None, reason="needs the patch program")


def cli(*argv: str) -> tuple[int, bytes, str]:
    """Run newslint in this process; stdout as bytes (what a pipe would carry)."""
    from newslint.cli import main

    raw = io.BytesIO()
    out = io.TextIOWrapper(raw, encoding="utf-8", newline="")
    err = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
        out.flush()
    return code, raw.getvalue(), err.getvalue()


def apply_reported_edits(data: bytes, report: list[dict]) -> bytes:
    """Apply the safe fixes of a JSON report the way the report says: positions are
    1-based lines (ended by LF, CRLF or a lone CR) and code-point columns;
    overlapping fixes after the first are skipped."""
    bom = data.startswith(b"\xef\xbb\xbf")
    text = data[3:].decode("utf-8") if bom else data.decode("utf-8")
    starts = [0] + [m.end() for m in re.finditer(r"\r\n?|\n", text)]

    def offset(line: int, col: int) -> int:
        return starts[line - 1] + col - 1

    taken: list[tuple[int, int]] = []
    edits = []
    for f in report:
        fix = f.get("fix")
        if not fix or fix["applicability"] != "safe":
            continue
        spans = [(offset(e["line"], e["column"]), offset(e["end_line"], e["end_column"]), e["replacement"])
                 for e in fix["edits"]]
        if any((a < d and c < b) or (a == c and (a == b or c == d)) for a, b, _ in spans for c, d in taken):
            continue
        taken.extend((a, b) for a, b, _ in spans)
        edits.extend(spans)
    for a, b, rep in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
        text = text[:a] + rep + text[b:]
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")


def expected_by_reported_edits(path: Path, work: Path) -> bytes:
    """The original with exactly the reported edits applied, pass after pass."""
    data = path.read_bytes()
    probe = work / path.name
    for _ in range(10):
        probe.write_bytes(data)
        _, out, _ = cli("check", "--isolated", "--format", "json", str(probe))
        new = apply_reported_edits(data, json.loads(out))
        if new == data:
            break
        data = new
    return data


PIECES = ["The the council met", "It  rained  today", "Officials in Kiev said so", "A plain sentence",
          "caf\u00e9  \u2615 here", "trailing   ", "\t tabbed  line", "", "Some words ,here", "  ", "THE END",
          "form\x0cfeed  here", "line\u2028sep the the", "next\x85line  x", "<b>bold</b>  the the"]
ENDS = ["\n", "\r\n", "\r"]


@st.composite
def story(draw) -> bytes:
    lines = draw(st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(ENDS)), min_size=1, max_size=12))
    text = "".join(p + e for p, e in lines)
    if not draw(st.booleans()):
        text = text.rstrip("\r\n")  # no final line end
    bom = draw(st.booleans())
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")


@needs_patch
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=story(), ext=st.sampled_from([".txt", ".md", ".html"]))
def test_fix_applies_exactly_the_reported_edits_and_diff_patches_the_same(tmp_path_factory, data, ext) -> None:
    base = tmp_path_factory.mktemp("prop")
    for d in ("fix", "patched", "probe"):
        (base / d).mkdir()
    name = "story" + ext
    (base / "fix" / name).write_bytes(data)
    (base / "patched" / name).write_bytes(data)
    expected = expected_by_reported_edits(base / "fix" / name, base / "probe")

    _, diff, err = cli("check", "--isolated", "--diff", str(base / "patched" / name))
    assert "Traceback" not in err
    cli("check", "--isolated", "--fix", str(base / "fix" / name))
    fixed = (base / "fix" / name).read_bytes()
    assert fixed == expected
    if diff:
        # headers name the absolute path; strip to the file name for patch
        diff = diff.replace(("a" + str(base / "patched" / name)).encode(), b"a/" + name.encode())
        diff = diff.replace(("b" + str(base / "patched" / name)).encode(), b"b/" + name.encode())
        r = subprocess.run(check=False, args=[PATCH, "-p1", "-s", "--no-backup-if-mismatch"], cwd=base / "patched", input=diff,
                           capture_output=True, timeout=30)
        assert r.returncode == 0, (r.stdout, r.stderr, diff)
    assert (base / "patched" / name).read_bytes() == fixed


SPECIAL = {
    "no_final_newline.txt": b"Headline\n\nThe the council met in Kiev.\nNo newline at end  here",
    "cr_only.txt": b"Headline\r\rThe the council met.\rIt  rained.\rEnd",
    "mixed.md": b"\xef\xbb\xbf# Headline\r\n\r\nThe  council met.   \r\nMore text here.\n\rAnother the the line.\r\n",
    "clean.txt": b"Headline\n\nNothing to fix here.\n",
    "only_cr_no_end.txt": b"The the end",
}


@needs_patch
def test_diff_piped_to_patch_equals_fix_for_every_file(tmp_path: Path, monkeypatch) -> None:
    for d in ("fix", "patched"):
        for name, data in SPECIAL.items():
            (tmp_path / d / "stories").mkdir(parents=True, exist_ok=True)
            (tmp_path / d / "stories" / name).write_bytes(data)
    monkeypatch.chdir(tmp_path / "patched")
    code, diff, _ = cli("check", "--isolated", "--diff", "stories")
    assert code == 1
    assert diff.count(b"\\ No newline at end of file\n") >= 4
    # the header of each file starts a line of its own
    assert all(line.startswith((b"--- a/", b"+++ b/", b"@@", b" ", b"-", b"+", b"\\ "))
               for line in diff.split(b"\n") if line)
    r = subprocess.run(check=False, args=[PATCH, "-p1"], cwd=tmp_path / "patched", input=diff, capture_output=True, timeout=30)
    assert r.returncode == 0, r
    monkeypatch.chdir(tmp_path / "fix")
    cli("check", "--isolated", "--fix", "stories")
    for name in SPECIAL:
        fixed = (tmp_path / "fix" / "stories" / name).read_bytes()
        assert (tmp_path / "patched" / "stories" / name).read_bytes() == fixed, name
    assert (tmp_path / "fix" / "stories" / "cr_only.txt").read_bytes() == b"Headline\r\rThe council met.\rIt rained.\rEnd"


# -- where fixes are written -------------------------------------------------------


def test_symlink_pointing_out_of_the_tree_is_reported_not_written(tmp_path: Path, monkeypatch) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_bytes(b"Headline\n\nThe the council met.\n")
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "inside.txt").write_bytes(b"Headline\n\nThe the mayor spoke.\n")
    os.symlink(outside, tree / "link.txt")
    monkeypatch.chdir(tmp_path)
    code, _, err = cli("check", "--isolated", "--fix", "tree")
    assert code == 2
    assert "link.txt: could not write fixes: it is a link to" in err and "outside the tree being checked" in err
    assert outside.read_bytes() == b"Headline\n\nThe the council met.\n"
    assert (tree / "inside.txt").read_bytes() == b"Headline\n\nThe mayor spoke.\n"
    assert os.path.islink(tree / "link.txt")


def test_symlink_inside_the_tree_is_fixed_through_and_kept(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "real.txt").write_bytes(b"Headline\n\nThe the council met.\n")
    os.symlink("real.txt", tmp_path / "link.txt")
    monkeypatch.chdir(tmp_path)
    cli("check", "--isolated", "--fix", "link.txt")
    assert os.path.islink("link.txt")
    assert (tmp_path / "real.txt").read_bytes() == b"Headline\n\nThe council met.\n"


def test_hard_linked_file_is_refused_and_the_link_kept(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "a.txt").write_bytes(b"Headline\n\nThe the council met.\n")
    os.link(tmp_path / "a.txt", tmp_path / "b.txt")
    monkeypatch.chdir(tmp_path)
    code, _, err = cli("check", "--isolated", "--fix", "a.txt")
    assert code == 2 and "a.txt: could not write fixes: it has 2 hard links" in err
    assert os.stat("a.txt").st_ino == os.stat("b.txt").st_ino
    assert (tmp_path / "b.txt").read_bytes() == b"Headline\n\nThe the council met.\n"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="giving files away needs root")
def test_owner_and_group_are_kept(tmp_path: Path, monkeypatch) -> None:
    p = tmp_path / "a.txt"
    p.write_bytes(b"Headline\n\nThe the council met.\n")
    os.chown(p, 12345, 23456)
    os.chmod(p, 0o640)
    monkeypatch.chdir(tmp_path)
    cli("check", "--isolated", "--fix", "a.txt")
    st_ = os.stat(p)
    assert p.read_bytes() == b"Headline\n\nThe council met.\n"
    assert (st_.st_uid, st_.st_gid, st_.st_mode & 0o777) == (12345, 23456, 0o640)


def test_group_is_kept_where_permitted(tmp_path: Path, monkeypatch) -> None:
    p = tmp_path / "a.txt"
    p.write_bytes(b"Headline\n\nThe the council met.\n")
    groups = [g for g in os.getgroups() if g != os.stat(p).st_gid]
    if not groups:
        pytest.skip("the user belongs to one group only")
    os.chown(p, -1, groups[0])
    monkeypatch.chdir(tmp_path)
    cli("check", "--isolated", "--fix", "a.txt")
    assert os.stat(p).st_gid == groups[0] and p.read_bytes() == b"Headline\n\nThe council met.\n"


def test_file_changed_after_checking_is_left_alone(tmp_path: Path) -> None:
    from newslint.fixwrite import FixRefused, write_fixed

    p = tmp_path / "a.txt"
    p.write_bytes(b"edited meanwhile\n")
    with pytest.raises(FixRefused, match="changed while it was being checked"):
        write_fixed(str(p), b"new\n", b"old\n", [str(tmp_path)])
    assert p.read_bytes() == b"edited meanwhile\n"


def test_stale_temp_files_of_a_dead_process_are_removed(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "a.txt").write_bytes(b"Headline\n\nThe the council met.\n")
    stale = tmp_path / ".newslint-999999999-abcdef.tmp"
    stale.write_bytes(b"half")
    mine = tmp_path / f".newslint-{os.getpid()}-abcdef.tmp"  # a live process's: kept
    mine.write_bytes(b"busy")
    monkeypatch.chdir(tmp_path)
    cli("check", "--isolated", "--fix", "a.txt")
    assert not stale.exists() and mine.exists()


# -- a real kill ------------------------------------------------------------------------


def _fixture_files(d: Path, n: int) -> dict[str, bytes]:
    d.mkdir(parents=True, exist_ok=True)
    files = {}
    for i in range(n):
        body = "".join(f"Paragraph {j} of story {i}: the the council met in Kiev  today.\r\n\r\n" for j in range(12))
        data = f"Story {i}\n\n{body}".encode()
        (d / f"s{i:03}.txt").write_bytes(data)
        files[f"s{i:03}.txt"] = data
    return files


def test_a_fix_run_killed_part_way_leaves_whole_files(tmp_path: Path) -> None:
    n = 80
    originals = _fixture_files(tmp_path / "ref", n)
    subprocess.run(check=False, args=[sys.executable, "-m", "newslint", "check", "--isolated", "--fix", "-q", "ref"],
                   cwd=tmp_path, capture_output=True, timeout=300)
    fixed = {name: (tmp_path / "ref" / name).read_bytes() for name in originals}
    assert all(fixed[k] != originals[k] for k in originals)
    partial = 0
    for trial, delay in enumerate((0.0, 0.02, 0.1)):
        d = tmp_path / f"run{trial}"
        _fixture_files(d, n)
        proc = subprocess.Popen([sys.executable, "-m", "newslint", "check", "--isolated", "--fix", "-q", d.name],
                                cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        # wait until the run has started writing, then a little more, then kill it
        while time.monotonic() < deadline and proc.poll() is None:
            if any((d / k).read_bytes() != originals[k] for k in ("s000.txt", "s001.txt")):
                break
            time.sleep(0.02)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        states = []
        for name in originals:
            data = (d / name).read_bytes()
            assert data in (originals[name], fixed[name]), f"{name} is neither old nor new"
            states.append(data == fixed[name])
        partial += 0 < sum(states) < len(states)
        # the next run finishes the job and leaves no temporary file behind
        subprocess.run(check=False, args=[sys.executable, "-m", "newslint", "check", "--isolated", "--fix", "-q", d.name],
                       cwd=tmp_path, capture_output=True, timeout=300)
        assert sorted(p.name for p in d.iterdir()) == sorted(originals)
        assert all((d / k).read_bytes() == fixed[k] for k in originals)
    assert partial, "no run was killed part-way through"

"""Special files: FIFOs, devices, endless standard input, symlink loops, UTF-32.

Each test runs the real command in a subprocess with a timeout, against real
FIFOs, real device links and real symbolic links.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs and /dev")

TIMEOUT = 60


def newslint(*args: str, cwd: Path, stdin=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        check=False, args=[sys.executable, "-m", "newslint", *args],
        cwd=cwd, stdin=stdin if stdin is not None else subprocess.DEVNULL,
        capture_output=True, timeout=TIMEOUT,
    )


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text("Headline\n\nThe the council met today.\n", encoding="utf-8")
    os.mkfifo(tmp_path / "s.txt")
    os.symlink("/dev/zero", tmp_path / "zero.txt")
    os.symlink("/dev/urandom", tmp_path / "random.md")
    os.symlink("loop2.txt", tmp_path / "loop1.txt")
    os.symlink("loop1.txt", tmp_path / "loop2.txt")
    return tmp_path


def test_directory_walk_skips_special_files_with_a_note(tree: Path) -> None:
    r = newslint("check", ".", cwd=tree)
    err = r.stderr.decode()
    out = r.stdout.decode()
    assert r.returncode == 1, err  # the regular file's finding still comes through
    assert "a.txt:3:1" in out and "repeated-word" in out
    notes = [line for line in err.splitlines() if "skipped" in line]
    assert any("s.txt: skipped: FIFO, not a regular file" in n for n in notes), err
    assert any("zero.txt: skipped: character device" in n for n in notes), err
    assert any("random.md: skipped: character device" in n for n in notes), err
    assert any("loop1.txt: skipped: symbolic link loop" in n for n in notes), err
    assert "Traceback" not in err


def test_special_files_named_on_the_command_line_are_reported(tree: Path) -> None:
    r = newslint("check", "s.txt", "zero.txt", "random.md", "a.txt", cwd=tree)
    out = r.stdout.decode()
    assert r.returncode == 2
    assert "s.txt:1:1: NL901 [unreadable-input] Cannot check this file: not a regular file (FIFO)" in out
    assert "zero.txt:1:1: NL901 [unreadable-input] Cannot check this file: not a regular file (character device)" in out
    assert "random.md:1:1: NL901" in out
    assert "a.txt:3:1" in out


def test_symlink_loop_is_named_as_a_loop(tree: Path) -> None:
    r = newslint("check", "loop1.txt", cwd=tree)
    assert r.returncode == 2
    assert r.stderr.decode().splitlines()[0] == "newslint: error: loop1.txt: symbolic link loop"


def test_stdin_from_dev_zero_stops_at_the_size_limit(tmp_path: Path) -> None:
    (tmp_path / "newslint.toml").write_text("max-file-size = 1000000\n", encoding="utf-8")
    with open("/dev/zero", "rb") as zero:
        r = newslint("check", "-", cwd=tmp_path, stdin=zero)
    out = r.stdout.decode()
    assert r.returncode == 2
    assert "NL907 [file-too-large]" in out and "over the 1 MB limit" in out


def test_stdin_under_the_limit_is_checked(tmp_path: Path) -> None:
    r = subprocess.run(check=False, args=[sys.executable, "-m", "newslint", "check", "-"], cwd=tmp_path,
                       input=b"Headline\n\nThe the end.\n", capture_output=True, timeout=TIMEOUT)
    assert r.returncode == 1 and b"repeated-word" in r.stdout


def test_pack_file_on_a_device_is_a_configuration_error(tmp_path: Path) -> None:
    (tmp_path / "newslint.toml").write_text(
        '[rules.house-style]\npack-files = ["/dev/zero"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("Headline\n\nText.\n", encoding="utf-8")
    r = newslint("check", "a.txt", cwd=tmp_path)
    err = r.stderr.decode()
    assert r.returncode == 2
    assert err.count("\n") == 1 and "pack file /dev/zero: not a regular file (character device)" in err


def test_pack_file_fifo_does_not_block(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pack.toml")
    (tmp_path / "newslint.toml").write_text(
        '[rules.house-style]\npack-files = ["pack.toml"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("Headline\n\nText.\n", encoding="utf-8")
    r = newslint("check", "a.txt", cwd=tmp_path)
    assert r.returncode == 2 and b"not a regular file (FIFO)" in r.stderr


@pytest.mark.parametrize("codec", ["utf-32", "utf-32-le", "utf-32-be"])
def test_utf32_is_named(tmp_path: Path, codec: str) -> None:
    (tmp_path / "w.txt").write_bytes("Headline\n\nSome words in a story.\n".encode(codec))
    r = newslint("check", "w.txt", cwd=tmp_path)
    assert r.returncode == 2
    assert "file is UTF-32; newslint reads UTF-8 only" in r.stdout.decode()


def test_utf16_is_still_named_utf16(tmp_path: Path) -> None:
    (tmp_path / "w.txt").write_bytes("Headline\n\nSome words.\n".encode("utf-16"))
    r = newslint("check", "w.txt", cwd=tmp_path)
    assert "UTF-16" in r.stdout.decode()


@pytest.mark.parametrize("option", ["--config", "--baseline"])
@pytest.mark.parametrize("special", ["fifo", "/dev/zero"])
def test_configuration_and_baseline_on_special_files(tmp_path: Path, option: str, special: str) -> None:
    (tmp_path / "a.txt").write_text("Headline\n\nText.\n", encoding="utf-8")
    if special == "fifo":
        os.mkfifo(tmp_path / "cfg.toml")
        special, kind = "cfg.toml", "FIFO"
    else:
        kind = "character device"
    r = newslint("check", option, special, "a.txt", cwd=tmp_path)
    err = r.stderr.decode()
    assert r.returncode == 2 and err.count("\n") == 1
    assert f"not a regular file ({kind})" in err


def test_stats_stdin_from_dev_zero_stops_at_the_limit(tmp_path: Path) -> None:
    (tmp_path / "newslint.toml").write_text("max-file-size = 1000000\n", encoding="utf-8")
    with open("/dev/zero", "rb") as zero:
        r = newslint("stats", "-", cwd=tmp_path, stdin=zero)
    assert r.returncode == 2 and b"over the 1 MB limit" in r.stderr

"""The readability rules and ``newslint stats`` work with the network forbidden.

textstat 0.7 downloads NLTK's CMU dictionary on first use; newslint must never
trigger that.  Each check runs in a fresh interpreter (so no earlier import or
cached download hides an attempt), with every socket connection made to raise
and recorded, NLTK's data path pointed at an empty directory and HOME moved.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

STORY = """Health board restructures services

The implementation of the reorganisation necessitates comprehensive consultation with
professional representative organisations regarding operational responsibilities,
organisational accountability and departmental administrative arrangements throughout
the organisation's regional infrastructure.

Patients will still see the same doctors. The clinics will open at the same times.
"""

SCRIPT = textwrap.dedent(
    """
    import json, socket, sys

    attempts = []

    def forbidden(*args, **kwargs):
        attempts.append(repr(args[1:] if args else kwargs))
        raise OSError("network access is forbidden in this test")

    socket.socket.connect = forbidden
    socket.socket.connect_ex = forbidden
    socket.create_connection = forbidden

    assert "textstat" not in sys.modules and "nltk" not in sys.modules

    from newslint.api import check_text
    from newslint.cli import main

    source = open(sys.argv[1], encoding="utf-8").read()
    readability = check_text(source, config={"select": ["readability"]})
    everything = check_text(source)

    import io, contextlib
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = main(["stats", "--format", "json", sys.argv[1]])
    stats = json.loads(out.getvalue())
    print(json.dumps({
        "attempts": attempts,
        "readability": sorted({f.name for f in readability}),
        "default": sorted({f.name for f in everything}),
        "stats_status": status,
        "textstat": stats["files"][0]["textstat"],
        "grade": stats["files"][0]["grade"],
        "textstat_imported": "textstat" in sys.modules,
    }))
    """
)


def test_readability_and_stats_never_touch_the_network(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    empty = tmp_path / "nltk_data"
    empty.mkdir()
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("NLTK")}
    env.update({"NLTK_DATA": str(empty), "HOME": str(home), "PYTHONPATH": str(ROOT)})
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(story)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["attempts"] == []
    assert result["readability"] == ["hard-to-read"]
    assert "hard-to-read" in result["default"]
    assert result["stats_status"] == 0
    # textstat really ran (offline), with newslint's syllable counter behind it
    assert result["textstat_imported"] is True
    assert result["textstat"] is not None and result["textstat"]["gunning_fog"] > 0
    assert result["grade"] > 10
    assert list(empty.iterdir()) == []  # nothing was downloaded

"""Fuzzing the whole linter: random text, Markdown and HTML through the API and the
command line, built from the pieces hostile input is made of (runs of one
character class, quotation marks, attributions, comments and suppressions, deep
nesting, long lines) mixed with ordinary words.  Whatever comes in, no rule
crashes, every position lies inside the source, and every message is one line."""

from __future__ import annotations

import json
import subprocess
import sys

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint.api import check_text

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_WORDS = ["the", "the the", "Kiev", "Kyiv", "goverment", "Mr Smith", "Ms Jones", "said", "he", "she",
          "council", "vote", "£5m", "3.5", "U.S.", "Zelensky", "Zelenskyy", "Reuters"]

_PIECES = st.one_of(
    st.sampled_from(_WORDS).map(lambda w: w + " "),
    # runs of one character class
    st.tuples(st.sampled_from(list(" .,;:!?\"'“”‘’()[]*_`#<>&-—…\t\n") + ["😀", "漢", "é", "a", "7"]),
              st.integers(1, 400)).map(lambda p: p[0] * p[1]),
    # quotations and attributions
    st.sampled_from(['"We agree," he said. ', '"No," said Mr Smith. ', "“Yes,” she said. ",
                     "'Maybe', they said. ", 'She told reporters: "Never." ', '"Open ', 'close" ']),
    # comments and suppressions
    st.sampled_from(["<!-- note -->", "<!-- newslint: disable repeated-word -->",
                     "<!-- newslint: enable repeated-word -->", "<!-- newslint: ignore NL603 -->",
                     "<!-- newslint: bogus -->", "<!--", "-->"]),
    # structure
    st.sampled_from(["\n\n", "\n", "\r\n", "\r", "# ", "## ", "- ", "1. ", "> ", "    ", "![alt text](p.jpg)",
                     "<p>", "</p>", "<h1>", "</h1>", "<li>", "<blockquote>", "<script>x</script>", "&amp;",
                     "&#8220;", "| a | b |\n|---|---|\n"]),
    # nesting
    st.tuples(st.sampled_from(["- ", "> ", "<div>", "["]), st.integers(1, 120)).map(lambda p: p[0] * p[1]),
)

DOCUMENTS = st.lists(_PIECES, max_size=40).map("".join)
FORMATS = st.sampled_from(["text", "markdown", "html"])


def _check_findings(source: str, findings) -> None:
    for f in findings:
        assert f.code not in ("NL903", "NL908"), f.message
        assert 0 <= f.source_start <= f.source_end <= len(source)
        assert "\n" not in f.message
        assert f.start.line >= 1 and f.start.column >= 1


@SETTINGS
@given(DOCUMENTS, FORMATS)
def test_api_survives_anything(source, fmt):
    _check_findings(source, check_text(source, fmt))


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(DOCUMENTS, FORMATS), min_size=1, max_size=8))
def test_cli_survives_anything(tmp_path_factory, files):
    root = tmp_path_factory.mktemp("fuzz")
    ext = {"text": "txt", "markdown": "md", "html": "html"}
    for i, (source, fmt) in enumerate(files):
        (root / f"f{i}.{ext[fmt]}").write_bytes(source.encode("utf-8"))
    proc = subprocess.run(
        [sys.executable, "-m", "newslint", "check", "--isolated", "--format", "json", str(root)],
        capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode in (0, 1, 2), proc.stderr
    assert "Traceback" not in proc.stderr
    for f in json.loads(proc.stdout):
        assert f["code"] not in ("NL903", "NL908"), f["message"]
        assert "\n" not in f["message"]
        assert f["line"] >= 1 and f["column"] >= 1

"""The grammar rules against a real LanguageTool server.

Skipped unless ``NEWSLINT_LANGUAGETOOL_URL`` names one, e.g.::

    docker run -d -p 8010:8010 erikvl87/languagetool
    NEWSLINT_LANGUAGETOOL_URL=http://localhost:8010 pytest tests/test_languagetool_real.py
"""

from __future__ import annotations

import os

import pytest

from newslint import languagetool as lt
from newslint.api import check_text

URL = os.environ.get(lt.URL_ENV, "")

pytestmark = pytest.mark.skipif(not URL, reason=f"{lt.URL_ENV} is not set")

GRAMMAR = ["lt-grammar", "lt-spelling", "lt-style", "lt-punctuation"]


def test_server_knows_british_english():
    langs = lt.Client(URL, timeout=30).languages()
    assert any(d.get("longCode") == "en-GB" for d in langs)


@pytest.mark.parametrize("fmt,src", [
    ("text", "Ministers meet 😀\n\nThe minister said 🇺🇦 that teh budget was agreed.\n"),
    ("markdown", "# Ministers meet 😀\n\nThe minister said *teh* budget 🇺🇦 was agreed.\n"),
    ("html", "<h1>Ministers &amp; aides 😀</h1><p>The minister said <b>teh</b> budget was agreed.</p>"),
])
def test_spelling_mistake_after_emoji_maps_to_the_source(fmt, src):
    found = check_text(src, format=fmt, config={"select": GRAMMAR, "languagetool": {"url": URL, "timeout": 30}})
    typos = [f for f in found if src[f.source_start:f.source_end] == "teh"]
    assert typos, [(f.name, f.flagged, f.message) for f in found]
    assert typos[0].data["languagetool_rule"]


def test_consistent_names_are_not_flagged():
    src = ("Talks resume\n\nOleksandr Kovalchuk said the talks would resume on Monday. "
           "Mr Kovalchuk said both sides wanted a deal.\n")
    found = check_text(src, config={"select": ["lt-spelling"], "languagetool": {"url": URL, "timeout": 30}})
    assert not any(f.flagged == "Kovalchuk" for f in found)

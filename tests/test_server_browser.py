"""The web page in a real headless browser: Debian's Chromium driven by Playwright.

``.ci/run`` installs the ``chromium`` package; Playwright never downloads a browser
here (``executable_path``). Set ``NEWSLINT_SCREENSHOT=docs/web-page.png`` to save
the screenshot of the seeds' story that README shows.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytest.importorskip("starlette")
pytest.importorskip("uvicorn")
sync_api = pytest.importorskip("playwright.sync_api")

from support.live_server import live_server  # noqa: E402

from newslint.server.service import ServiceOptions  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
STORY = (ROOT / "seeds" / "grain-corridor.txt").read_text(encoding="utf-8").rstrip("\n")
TIMEOUT_MS = 30_000

pytestmark = pytest.mark.skipif(
    not os.access(CHROMIUM, os.X_OK),
    reason=f"no Chromium at {CHROMIUM}: .ci/run installs Debian's chromium package (apt-get failed or was not run)",
)


@pytest.fixture(scope="module")
def page():
    options = ServiceOptions(config_file=str(ROOT / "seeds" / "newslint.toml"))
    with live_server(options) as (url, _), sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, timeout=TIMEOUT_MS)
        try:
            context = browser.new_context(viewport={"width": 1400, "height": 1000})
            # only the test server may be reached
            context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(url) else route.abort())
            p = context.new_page()
            p.set_default_timeout(TIMEOUT_MS)
            errors: list[str] = []
            p.on("pageerror", lambda exc: errors.append(str(exc)))
            p.goto(url + "/")
            yield p, errors
        finally:
            browser.close()


def findings_shown(p) -> list[str]:
    return p.locator("#findings li .rule").all_inner_texts()


def test_typing_the_seeds_story_highlights_findings_and_a_fix_applies(page):
    p, errors = page
    story = p.locator("#story")
    # paste the story, then type its last line key by key as a reporter would
    head, _, last = STORY.rpartition("\n")
    story.fill(head + "\n")
    story.press_sequentially(last, delay=5)
    p.wait_for_function("() => document.querySelectorAll('#findings li').length >= 12")
    p.wait_for_function("() => document.getElementById('status').textContent.includes('found')")
    rules = findings_shown(p)
    for expected in ("NL201 pronoun-mismatch", "NL102 house-style", "NL103 misspelling", "NL603 repeated-word",
                     "NL601 space-before-punctuation", "NL302 duplicate-sentence"):
        assert expected in rules, rules
    # the flagged words are highlighted in the text, with the finding's message
    marks = p.locator("#highlighted mark")
    texts = marks.all_inner_texts()
    assert "goverment" in texts and "Kiev" in texts and "the the" in texts
    kiev = p.locator("#highlighted mark", has_text="Kiev").first
    assert "Kyiv" in (kiev.get_attribute("title") or "")
    # the checked copy is the story, character for character
    assert p.locator("#highlighted").inner_text() == STORY
    if os.environ.get("NEWSLINT_SCREENSHOT"):
        p.screenshot(path=os.environ["NEWSLINT_SCREENSHOT"], full_page=True)

    # clicking a highlight selects its finding in the list
    kiev.click()
    assert "house-style" in p.locator("#findings li.active").inner_text()

    # one click on the repeated word's fix removes it and the page checks again
    item = p.locator("#findings li", has_text="repeated-word")
    before = len(rules)
    item.locator("button.fix").click()
    p.wait_for_function(f"() => document.querySelectorAll('#findings li').length === {before - 1}")
    assert "the the" not in story.input_value()
    assert story.input_value() == STORY.replace("the the", "the", 1)
    assert "NL603 repeated-word" not in findings_shown(p)

    # and one click applies every remaining safe fix
    assert p.locator("#findings button.fix").count() > 0
    p.locator("#fix-all").click()
    p.wait_for_function("() => document.querySelectorAll('#findings button.fix').length === 0")
    fixed = story.input_value()
    assert "goverment" not in fixed and "Kiev" not in fixed and "last ," not in fixed
    assert "reporters in Kyiv that the government would" in fixed
    assert p.locator("#fix-all").is_hidden()
    assert errors == []


def test_bad_format_answer_is_shown_not_thrown(page):
    p, errors = page
    p.locator("#story").fill("The the end.")
    p.locator("#format").select_option("markdown")
    p.wait_for_function("() => document.querySelectorAll('#findings li').length === 1")
    assert "repeated-word" in p.locator("#findings").inner_text()
    assert p.locator("#status").inner_text() == "1 problem found."
    assert errors == []

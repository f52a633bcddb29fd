"""The grammar rules (NL501-NL504) against a PROTOCOL FAKE of LanguageTool.

tests/lt_fake_server.py speaks LanguageTool's documented HTTP API on 127.0.0.1
and reports matches from a small regex table, with UTF-16 offsets as the real
(Java) server does.  It knows no grammar: these tests check how newslint talks
to a server and maps what comes back, not LanguageTool's judgement.
"""

from __future__ import annotations

import socket
import time

import pytest
from lt_fake_server import FakeLanguageTool

from newslint import languagetool as lt
from newslint.api import check_text, make_settings
from newslint.config import Overrides, SettingsResolver
from newslint.engine import Linter, LintOptions
from newslint.registry import default_registry

GRAMMAR = ["lt-grammar", "lt-spelling", "lt-style", "lt-punctuation"]


@pytest.fixture
def fake():
    with FakeLanguageTool() as server:
        yield server


@pytest.fixture(autouse=True)
def no_url_from_environment(monkeypatch):
    monkeypatch.delenv(lt.URL_ENV, raising=False)


def config(url: str, select=GRAMMAR, **lt_settings) -> dict:
    return {"select": list(select), "languagetool": {"url": url, **lt_settings}}


def lint_many(sources: list[str], cfg: dict, fmt: str = "text"):
    """Lint several documents in one run (one Linter, one settings object)."""
    reg = default_registry()
    settings = make_settings(cfg, reg)
    linter = Linter(reg, SettingsResolver(reg, Overrides()), LintOptions())
    return [linter.lint_source(s, f"story{i}.txt", settings, fmt).findings for i, s in enumerate(sources)]


def by_text(findings):
    return {(f.name, f.flagged) for f in findings}


# -- offsets ---------------------------------------------------------------------------------


def test_utf16_offsets_map_to_code_points():
    text = "a😀b🇺🇦c"  # 😀 is one surrogate pair; the flag is two
    to_cp = lt.utf16_to_codepoints(text)
    utf16 = [len(text[:i].encode("utf-16-le")) // 2 for i in range(len(text) + 1)]
    for cp, unit in enumerate(utf16):
        assert to_cp(unit) == cp
    assert to_cp(2) == 1  # inside a surrogate pair: the character's start
    ascii_map = lt.utf16_to_codepoints("plain")
    assert ascii_map(3) == 3 and ascii_map(99) == 5


def test_plain_text_with_emoji(fake):
    src = "Fans cheer 😀🇺🇦 victory\n\nThe crowd 👏👏 sang and teh band played 🎺 on.\n"
    found = check_text(src, config=config(fake.url))
    spelling = [f for f in found if f.name == "lt-spelling"]
    assert len(spelling) == 1
    f = spelling[0]
    assert f.flagged == "teh"
    assert src[f.source_start : f.source_end] == "teh"
    assert (f.start.line, f.start.column) == (3, src.splitlines()[2].index("teh") + 1)
    assert f.suggestions == ("the",)


def test_markdown_source_positions(fake):
    src = (
        "# Storm 🌩️ hits coast &amp; town\n\n"
        "Residents 😀 said *teh* damage was [severe](https://example.com/a) and, in order to "
        "help, teh council opened a hall.\n"
    )
    found = check_text(src, format="markdown", config=config(fake.url))
    got = sorted((f.name, f.flagged, src[f.source_start : f.source_end]) for f in found)
    assert got == [
        ("lt-spelling", "teh", "teh"),
        ("lt-spelling", "teh", "teh"),
        ("lt-style", "in order to", "in order to"),
    ]
    lines = {f.start.line for f in found}
    assert lines == {3}


def test_html_source_positions(fake):
    src = (
        "<html><body><h1>Caf&eacute; owners &amp; staff 😀</h1>\n"
        "<p>The owner, Ren&eacute;e 👩‍🍳, said <b>teh</b> rent had doubled,, and "
        "<a href='/x'>a increase</a> was due.</p></body></html>\n"
    )
    found = check_text(src, format="html", config=config(fake.url))
    got = sorted((f.name, src[f.source_start : f.source_end]) for f in found)
    assert got == [
        ("lt-grammar", "a "),
        ("lt-punctuation", ",,"),
        ("lt-spelling", "teh"),
    ]


def test_matches_in_later_batches_keep_their_offsets(fake):
    paras = [f"Paragraph {i} 😀 has some words and teh typo in it." for i in range(8)]
    src = "Headline here\n\n" + "\n\n".join(paras) + "\n"
    found = check_text(src, config=config(fake.url, **{"max-text-length": 120}))
    typos = [f for f in found if f.name == "lt-spelling"]
    assert len(typos) == 8
    assert all(src[f.source_start : f.source_end] == "teh" for f in typos)
    assert len(fake.requests) > 1
    assert all(len(r["text"]) <= 120 for r in fake.requests)


def test_a_block_longer_than_the_limit_is_cut_at_sentence_ends(fake):
    sentences = " ".join(f"Sentence {i} mentions teh budget again." for i in range(12))
    src = f"Headline\n\n{sentences}\n"
    found = check_text(src, config=config(fake.url, **{"max-text-length": 150}))
    assert sum(1 for f in found if f.flagged == "teh") == 12
    assert len(fake.requests) > 2 and all(len(r["text"]) <= 150 for r in fake.requests)


# -- requests and caching --------------------------------------------------------------------


def test_one_request_per_document_for_all_four_rules(fake):
    src = "Budget row\n\nThe minister have said teh plan,, in order to save money, was a idea.\n"
    found = check_text(src, config=config(fake.url))
    assert by_text(found) == {
        ("lt-grammar", "The minister have"),
        ("lt-grammar", "a "),
        ("lt-spelling", "teh"),
        ("lt-punctuation", ",,"),
        ("lt-style", "in order to"),
    }
    assert len(fake.requests) == 1
    form = fake.requests[0]
    assert form["language"] == "en-GB"
    assert form["disabledRules"] == "EN_QUOTES"
    assert "Budget row" in form["text"] and "teh plan" in form["text"]


def test_rule_id_in_message_and_data(fake):
    found = check_text("Title\n\nThey saw teh car.\n", config=config(fake.url, select=["lt-spelling"]))
    (f,) = found
    assert f.code == "NL502"
    assert "MORFOLOGIK_RULE_EN_GB" in f.message and "'teh'" in f.message
    assert not f.message.endswith(".")
    assert f.data["languagetool_rule"] == "MORFOLOGIK_RULE_EN_GB"
    assert f.data["languagetool_category"] == "TYPOS"
    assert f.to_dict()["data"]["languagetool_rule"] == "MORFOLOGIK_RULE_EN_GB"  # JSON output
    assert f.fix is not None and str(f.fix.applicability) == "display-only"


def test_selecting_one_rule_reports_only_its_kind(fake):
    src = "Title\n\nThe minister have said teh plan,, in order to save money.\n"
    found = check_text(src, config=config(fake.url, select=["lt-style"]))
    assert by_text(found) == {("lt-style", "in order to")}


def test_results_are_cached_by_text_and_settings(fake):
    src = "Title\n\nThey saw teh car.\n"
    results = lint_many([src, src, src], config(fake.url))
    assert all(by_text(r) == {("lt-spelling", "teh")} for r in results)
    assert len(fake.requests) == 1
    other = lint_many([src], config(fake.url, language="en-US"))
    assert by_text(other[0]) == {("lt-spelling", "teh")}
    assert len(fake.requests) == 2 and fake.requests[1]["language"] == "en-US"


def test_configured_rules_are_sent(fake):
    cfg = config(fake.url, **{"disabled-rules": ["MORFOLOGIK_RULE_EN_GB"], "enabled-rules": ["X_RULE"]})
    found = check_text("Title\n\nThey saw teh car.\n", config=cfg)
    assert found == []
    assert fake.requests[0]["disabledRules"] == "MORFOLOGIK_RULE_EN_GB"
    assert fake.requests[0]["enabledRules"] == "X_RULE"


def test_nothing_starts_unless_grammar_rules_are_selected(fake, capsys):
    src = "Title\n\nThey saw teh car.\n"
    found = check_text(src, config={"languagetool": {"url": fake.url}})
    assert not any(f.category == "grammar" for f in found)
    found = check_text(src, config={"select": ["readability"], "languagetool": {"url": fake.url}})
    assert fake.requests == [] and fake.language_requests == 0
    assert capsys.readouterr().err == ""


def test_grammar_rules_are_opt_in():
    reg = default_registry()
    for code, name in zip(("NL501", "NL502", "NL503", "NL504"), GRAMMAR):
        rule = reg.lookup(name)
        assert rule is not None and rule.code == code
        assert rule.default_enabled is False and rule.category == "grammar"
        assert rule.fix_safety == "display-only"
        sections = rule.doc_sections()
        assert sections["why"] and sections["example"] and sections["fix safety"]
    assert reg.lookup("lt-spelling") is not reg.lookup("NL103")


def test_paragraph_end_punctuation_is_not_asked_of_headlines(fake):
    src = "# Minister visits Kyiv\n\nThe visit was brief\n\nIt ended at noon.\n"
    found = check_text(src, format="markdown", config=config(fake.url, select=["lt-punctuation"]))
    assert [(f.start.line, f.data["languagetool_rule"]) for f in found] == [(3, "PUNCTUATION_PARAGRAPH_END")]


# -- names ------------------------------------------------------------------------------------


def test_names_used_consistently_are_not_spelling_mistakes(fake):
    src = ("Talks resume\n\nMykola said talks would resume. Later Mykola added that teh date was set.\n\n"
           "Stoltenberg did not comment.\n")
    found = check_text(src, config=config(fake.url, select=["lt-spelling"]))
    assert by_text(found) == {("lt-spelling", "teh"), ("lt-spelling", "Stoltenberg")}


def test_names_spelt_two_ways_stay_reported(fake):
    src = ("Talks resume\n\nKovalenko said talks would resume. Kovalenko's aide agreed.\n\n"
           "Later Kovalenco denied it.\n")
    found = check_text(src, config=config(fake.url, select=["lt-spelling"]))
    assert sorted(f.flagged for f in found) == ["Kovalenco", "Kovalenko", "Kovalenko"]


def test_names_in_the_people_list_are_not_spelling_mistakes(fake):
    src = "Talks resume\n\nOleksandr Kovalenko arrived. Stoltenberg left.\n"
    cfg = config(fake.url, select=["lt-spelling"])
    cfg["people"] = [{"name": "Oleksandr Kovalenko", "pronouns": "he/him"},
                     {"name": "Jens Stoltenberg", "aliases": ["Stoltenberg"]}]
    assert check_text(src, config=cfg) == []
    cfg["people"] = []
    assert {f.flagged for f in check_text(src, config=cfg)} == {"Oleksandr", "Kovalenko", "Stoltenberg"}


def test_lower_case_typos_are_reported_however_often(fake):
    src = "Title\n\nWe saw teh car and teh bus.\n"
    found = check_text(src, config=config(fake.url, select=["lt-spelling"]))
    assert [f.flagged for f in found] == ["teh", "teh"]


# -- failures ---------------------------------------------------------------------------------


def _warnings(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("newslint: warning:")]


def test_no_server_configured_gives_one_line_and_the_run_goes_on(capsys):
    long_sentence = "Word " + " ".join(["word"] * 44) + "."
    src = f"Title\n\n{long_sentence}\n"
    results = lint_many([src, src], {"select": GRAMMAR + ["long-sentence"]})
    assert all([f.name for f in r] == ["long-sentence"] for r in results)
    lines = _warnings(capsys.readouterr().err)
    assert len(lines) == 1
    assert "[tool.newslint.languagetool]" in lines[0] and "url" in lines[0]
    assert lt.URL_ENV in lines[0]


def test_url_from_the_environment(fake, monkeypatch):
    monkeypatch.setenv(lt.URL_ENV, fake.url)
    found = check_text("Title\n\nThey saw teh car.\n", config={"select": GRAMMAR})
    assert by_text(found) == {("lt-spelling", "teh")}


def _closed_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def test_unreachable_server_gives_one_line_and_is_not_retried(capsys):
    url = f"http://127.0.0.1:{_closed_port()}"
    src = "Title\n\nThey saw teh car.\n"
    t = time.perf_counter()
    results = lint_many([src] * 5, config(url))
    assert time.perf_counter() - t < 5
    assert all(r == [] for r in results)
    lines = _warnings(capsys.readouterr().err)
    assert len(lines) == 1
    assert "cannot reach the LanguageTool server" in lines[0] and url in lines[0]


def test_server_error_skips_that_document_with_one_line(capsys):
    with FakeLanguageTool(mode="500") as server:
        results = lint_many(["Title\n\nOne teh.\n", "Title\n\nTwo teh.\n"], config(server.url))
        assert len(server.requests) == 2  # not fatal: each document is tried
    assert results == [[], []]
    lines = _warnings(capsys.readouterr().err)
    assert len(lines) == 1 and "HTTP 500" in lines[0] and "internal error" in lines[0]


def test_malformed_json_gives_one_line(capsys):
    with FakeLanguageTool(mode="badjson") as server:
        assert check_text("Title\n\nOne teh.\n", config=config(server.url)) == []
    lines = _warnings(capsys.readouterr().err)
    assert len(lines) == 1 and "not JSON" in lines[0]


def test_time_out_gives_one_line_and_stops_asking(capsys):
    with FakeLanguageTool(mode="slow", delay=3) as server:
        t = time.perf_counter()
        results = lint_many(["Title\n\nOne teh.\n", "Title\n\nTwo teh.\n"], config(server.url, timeout=0.3))
        elapsed = time.perf_counter() - t
        assert len(server.requests) == 1
    assert results == [[], []]
    assert elapsed < 2.5
    lines = _warnings(capsys.readouterr().err)
    assert len(lines) == 1 and "within 0.3 s" in lines[0] and "timeout" in lines[0]


def test_unknown_language_names_the_setting(fake, capsys):
    assert check_text("Title\n\nOne teh.\n", config=config(fake.url, language="xx-YY")) == []
    lines = _warnings(capsys.readouterr().err)
    assert len(lines) == 1 and "'xx-YY'" in lines[0] and "language" in lines[0]
    assert fake.requests == []


def test_wrong_url_path_names_the_setting(capsys):
    with FakeLanguageTool(mode="404") as server:
        assert check_text("Title\n\nOne teh.\n", config=config(server.url)) == []
    lines = _warnings(capsys.readouterr().err)
    assert len(lines) == 1 and "HTTP 404" in lines[0] and "url" in lines[0]


# -- local server --------------------------------------------------------------------------------


def test_local_without_a_download_never_downloads(tmp_path, monkeypatch, capsys):
    pytest.importorskip("language_tool_python")
    monkeypatch.setenv("LTP_PATH", str(tmp_path))
    monkeypatch.delenv("LTP_JAR_DIR_PATH", raising=False)
    monkeypatch.setattr("shutil.which", lambda name: "/usr/bin/java")
    assert check_text("Title\n\nOne teh.\n", config={"select": GRAMMAR, "languagetool": {"local": True}}) == []
    lines = _warnings(capsys.readouterr().err)
    assert len(lines) == 1 and "python -m newslint.languagetool download" in lines[0]
    assert list(tmp_path.iterdir()) == []


def test_local_without_java(monkeypatch, capsys):
    pytest.importorskip("language_tool_python")
    monkeypatch.setattr("shutil.which", lambda name: None)
    assert check_text("Title\n\nOne teh.\n", config={"select": GRAMMAR, "languagetool": {"local": True}}) == []
    lines = _warnings(capsys.readouterr().err)
    assert len(lines) == 1 and "Java" in lines[0]


def test_local_server_managed_by_language_tool_python(fake, monkeypatch):
    ltp = pytest.importorskip("language_tool_python")
    from language_tool_python import download_lt

    started = []

    class Installed:
        version_name = "6.8"

    class StandIn:
        """Stands in for language_tool_python.LanguageTool (which would start Java)."""

        def __init__(self, language, **kwargs):
            started.append((language, kwargs))
            self.url = fake.url + "/v2/"

        def close(self):
            pass

    monkeypatch.setattr("shutil.which", lambda name: "/usr/bin/java")
    monkeypatch.delenv("LTP_JAR_DIR_PATH", raising=False)
    monkeypatch.setattr(download_lt.LocalLanguageTool, "get_latest_installed_version", classmethod(lambda cls: Installed()))
    monkeypatch.setattr(ltp, "LanguageTool", StandIn)
    found = check_text("Title\n\nThey saw teh car.\n", config={"select": GRAMMAR, "languagetool": {"local": True}})
    assert by_text(found) == {("lt-spelling", "teh")}
    assert started == [("en-GB", {"language_tool_download_version": "6.8"})]


def test_start_failure_of_local_server_is_one_line(monkeypatch, capsys):
    ltp = pytest.importorskip("language_tool_python")
    import requests
    from language_tool_python import download_lt

    class Installed:
        version_name = "6.8"

    def failing(*args, **kwargs):
        raise requests.exceptions.ConnectionError("Max retries exceeded")

    monkeypatch.setattr("shutil.which", lambda name: "/usr/bin/java")
    monkeypatch.delenv("LTP_JAR_DIR_PATH", raising=False)
    monkeypatch.setattr(download_lt.LocalLanguageTool, "get_latest_installed_version", classmethod(lambda cls: Installed()))
    monkeypatch.setattr(ltp, "LanguageTool", failing)
    assert check_text("Title\n\nOne teh.\n", config={"select": GRAMMAR, "languagetool": {"local": True}}) == []
    lines = _warnings(capsys.readouterr().err)
    assert len(lines) == 1 and "ConnectionError" in lines[0] and "url" in lines[0]


# -- pieces ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "category,issue,kind",
    [
        ("TYPOS", "misspelling", "spelling"),
        ("PUNCTUATION", "typographical", "punctuation"),
        ("TYPOGRAPHY", "whitespace", "punctuation"),
        ("STYLE", "style", "style"),
        ("REDUNDANCY", "style", "style"),
        ("GRAMMAR", "grammar", "grammar"),
        ("CONFUSED_WORDS", "misspelling", "grammar"),
        ("CASING", "typographical", "grammar"),
        ("", "misspelling", "spelling"),
        ("", "whitespace", "punctuation"),
        ("", "register", "style"),
        ("", "", "grammar"),
    ],
)
def test_kind_of_match(category, issue, kind):
    assert lt.kind_of(lt.Match(0, 1, "m", "R", category, "", issue)) == kind


def test_clean_message():
    assert lt.clean_message("Did you mean <suggestion>has</suggestion>?") == "Did you mean 'has'?"
    assert lt.clean_message("possible spelling mistake found.") == "Possible spelling mistake found"


def test_client_ignores_matches_outside_the_text(fake):
    client = lt.Client(fake.url + "/v2/", timeout=5)
    assert client.base == fake.url
    assert any(d["longCode"] == "en-GB" for d in client.languages())
    matches = client.check("Zoë 😀 saw teh car.", "en-GB")
    assert [(m.start, m.end, m.rule_id) for m in matches] == [(10, 13, "MORFOLOGIK_RULE_EN_GB")]
    to_cp = lt.utf16_to_codepoints("short")
    assert lt._parse_match({"offset": 4, "length": 2}, to_cp, 5) is None
    assert lt._parse_match({"offset": "x", "length": 2}, to_cp, 5) is None
    ok = lt._parse_match({"offset": 0, "length": 5, "rule": {"id": "R"}}, to_cp, 5)
    assert ok is not None and (ok.start, ok.end, ok.rule_id) == (0, 5, "R")
    assert lt.utf16_length("a😀b") == 4


def test_setup_command_checks_a_server(fake, capsys):
    assert lt.main(["check", "--url", fake.url]) == 0
    assert "languages" in capsys.readouterr().out
    assert lt.main(["check", "--url", f"http://127.0.0.1:{_closed_port()}"]) == 2

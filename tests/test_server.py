"""The HTTP checking service (``newslint serve``), started for real under uvicorn on a
free loopback port and called with a real HTTP client."""

from __future__ import annotations

import json
import os
import queue
import re
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("starlette")
pytest.importorskip("uvicorn")
httpx = pytest.importorskip("httpx")
jsonschema = pytest.importorskip("jsonschema")

from support.live_server import live_server  # noqa: E402

import newslint  # noqa: E402
from newslint.rule import Rule  # noqa: E402
from newslint.server.service import ServiceOptions  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SEEDS_CONFIG = str(SEEDS / "newslint.toml")
GRAIN = (SEEDS / "grain-corridor.txt").read_text(encoding="utf-8")
METRO = (SEEDS / "metro-reopens.html").read_text(encoding="utf-8")
TIMEOUT = httpx.Timeout(60.0)


@pytest.fixture(scope="module")
def server():
    options = ServiceOptions(config_file=SEEDS_CONFIG, max_body_size=200_000)
    with live_server(options) as (url, app), httpx.Client(base_url=url, timeout=TIMEOUT) as client:
        yield client, app


def post(client, payload, **kw):
    return client.post("/v1/check", content=json.dumps(payload), headers={"Content-Type": "application/json"}, **kw)


def position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def cli_json(path: Path, *extra: str) -> list[dict]:
    proc = subprocess.run(
        [sys.executable, "-m", "newslint", "check", "--format", "json", "--config", SEEDS_CONFIG, *extra, str(path)],
        check=False, capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)


def schema(openapi: dict, name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}", "components": openapi["components"]}


# -- checking ------------------------------------------------------------------------


@pytest.mark.parametrize("seed,fmt", [("grain-corridor.txt", "text"), ("metro-reopens.html", "html"), ("council-budget.md", "markdown")])
def test_check_returns_the_cli_json_findings_with_offsets(server, seed, fmt):
    client, _ = server
    text = (SEEDS / seed).read_text(encoding="utf-8")
    r = post(client, {"text": text, "format": fmt})
    assert r.status_code == 200, r.text
    body = r.json()
    findings = body["findings"]
    expected = cli_json(SEEDS / seed)
    assert len(findings) == len(expected) > 5

    def strip(f: dict) -> dict:
        out = {k: v for k, v in f.items() if k not in ("path", "start_offset", "end_offset")}
        out["related"] = [{k: v for k, v in r.items() if k != "path"} for r in f.get("related", [])]
        return out

    got = [strip(f) for f in json.loads(json.dumps(findings))]
    for f in got:
        if f["fix"]:
            for e in f["fix"]["edits"]:
                del e["start_offset"], e["end_offset"]
    assert got == [strip(f) for f in expected]
    # offsets index the submitted text and agree with line and column
    for f in findings:
        assert position(text, f["start_offset"]) == (f["line"], f["column"])
        assert position(text, f["end_offset"]) == (f["end_line"], f["end_column"])
        for e in (f["fix"] or {}).get("edits", []):
            assert position(text, e["start_offset"]) == (e["line"], e["column"])


def test_offsets_count_code_points(server):
    client, _ = server
    text = "Crowds \U0001F44F cheered. The the mayor arrived."
    r = post(client, {"text": text})
    f = next(f for f in r.json()["findings"] if f["name"] == "repeated-word")
    assert text[f["start_offset"] : f["end_offset"]] == "The the"
    assert f["start_offset"] == text.index("The the") == 18
    assert f["column"] == 19
    assert len(text.encode("utf-16-le")) // 2 > len(text)  # the emoji is two UTF-16 units


def test_safe_fixes_are_offered_and_applied(server):
    client, _ = server
    body = post(client, {"text": GRAIN}).json()
    safe = [f for f in body["findings"] if f["fix"] and f["fix"]["applicability"] == "safe"]
    assert safe and body["safe_fixes"]["count"] == len(safe)
    edits = sorted((e for f in safe for e in f["fix"]["edits"]), key=lambda e: e["start_offset"], reverse=True)
    fixed = GRAIN
    for e in edits:
        fixed = fixed[: e["start_offset"]] + e["replacement"] + fixed[e["end_offset"] :]
    assert body["safe_fixes"]["fixed_text"] == fixed
    again = post(client, {"text": fixed}).json()
    assert not [f for f in again["findings"] if f["fix"] and f["fix"]["applicability"] == "safe"]
    clean = post(client, {"text": (SEEDS / "clean.md").read_text(), "format": "markdown"}).json()
    assert clean["findings"] == [] and clean["safe_fixes"] == {"count": 0, "fixed_text": None}


def test_allowed_config_overrides(server):
    client, _ = server
    text = "The the council met on Monday. It agreed a budget for the year ahead after a long debate."
    base = {f["name"] for f in post(client, {"text": text}).json()["findings"]}
    assert "repeated-word" in base
    ignored = post(client, {"text": text, "config": {"ignore": ["repeated-word"]}}).json()
    assert "repeated-word" not in {f["name"] for f in ignored["findings"]}
    assert "NL603" not in ignored["rules_run"]
    only = post(client, {"text": text, "config": {"select": ["long-sentence"], "rules": {"long-sentence": {"max-words": 5}}}}).json()
    assert {f["name"] for f in only["findings"]} == {"long-sentence"}
    assert only["rules_run"] == ["NL401"]
    sev = post(client, {"text": text, "config": {"severity": {"repeated-word": "error"}}}).json()
    assert [f["severity"] for f in sev["findings"] if f["name"] == "repeated-word"] == ["error"]
    # ALL runs every rule the server allows; the grammar rules (LanguageTool) are left out
    everything = post(client, {"text": text, "config": {"select": ["ALL"]}}).json()
    assert "NL201" in everything["rules_run"] and "NL501" not in everything["rules_run"]
    assert not [c for c in everything["rules_run"] if c.startswith("NL5")]
    # the server's own configuration still applies: seeds/newslint.toml turns on dialect-mix
    assert "NL104" in post(client, {"text": text}).json()["rules_run"]


@pytest.mark.parametrize(
    "payload,status,words",
    [
        ({"format": "text"}, 400, '"text" is required'),
        ({"text": 3}, 400, '"text" is required'),
        ({"text": "x", "colour": 1}, 400, "unknown key 'colour'"),
        ({"text": "x", "config": []}, 400, '"config" must be a JSON object'),
        ({"text": "x", "format": "docx"}, 422, "unknown format 'docx'"),
        ({"text": "x", "config": {"select": ["no-such-rule"]}}, 422, "unknown rule or selector 'no-such-rule'"),
        ({"text": "x", "config": {"rules": {"long-sentence": {"max-words": "many"}}}}, 422, "max-words must be an integer"),
        ({"text": "x", "config": {"languagetool": {"url": "http://127.0.0.1:1"}}}, 403, "config key 'languagetool' cannot be set"),
        ({"text": "x", "config": {"max-file-size": 10}}, 403, "config key 'max-file-size' cannot be set"),
        ({"text": "x", "config": {"rules": {"house-style": {"pack-files": ["/etc/passwd"]}}}}, 403, "rules.house-style.pack-files cannot be set"),
        ({"text": "x", "config": {"rules": {"duplicate-paragraph": {"ignore-patterns": ["(a+)+$"]}}}}, 403, "ignore-patterns cannot be set"),
        ({"text": "x", "config": {"extend-select": ["grammar"]}}, 403, "cannot be turned on by a request"),
        ({"text": "x", "config": {"select": ["lt-spelling"]}}, 403, "NL502 (lt-spelling) cannot be turned on"),
    ],
)
def test_bad_requests_get_a_clear_4xx(server, payload, status, words):
    client, _ = server
    r = post(client, payload)
    assert r.status_code == status, r.text
    message = r.json()["error"]
    assert words in message and "\n" not in message and "Traceback" not in r.text


def test_malformed_bodies(server):
    client, _ = server
    for content, status, words in (
        (b"{not json", 400, "not valid JSON"),
        (b"[1, 2]", 400, "must be a JSON object"),
        (b"\xff\xfe{}", 400, "not UTF-8"),
        (b"", 400, "not valid JSON"),
    ):
        r = client.post("/v1/check", content=content, headers={"Content-Type": "application/json"})
        assert r.status_code == status and words in r.json()["error"], (content, r.text)
    r = client.post("/v1/check", content=b'{"text": "x"}', headers={"Content-Type": "text/plain"})
    assert r.status_code == 415 and "application/json" in r.json()["error"]
    r = client.get("/v1/check")
    assert r.status_code == 405 and r.json()["error"] == "GET is not allowed on /v1/check"
    r = client.get("/v2/check")
    assert r.status_code == 404 and "/v2/check" in r.json()["error"]


def test_body_size_limit(server):
    client, _ = server
    big = {"text": "word " * 50_000}
    r = post(client, big)
    assert r.status_code == 413 and "200000 bytes" in r.json()["error"]

    def chunks():  # no Content-Length: the limit is counted as the body arrives
        data = json.dumps(big).encode()
        for i in range(0, len(data), 16_384):
            yield data[i : i + 16_384]

    r = client.post("/v1/check", content=chunks(), headers={"Content-Type": "application/json"})
    assert r.status_code == 413 and "limit" in r.json()["error"]
    assert post(client, {"text": "A short story."}).status_code == 200


def test_time_limit():
    options = ServiceOptions(time_limit=0.0005)
    with live_server(options) as (url, _), httpx.Client(base_url=url, timeout=TIMEOUT) as client:
        r = post(client, {"text": GRAIN * 3})
        assert r.status_code == 503
        assert "time limit of 0.0005 s" in r.json()["error"]
        assert client.get("/healthz").status_code == 200  # the service still answers


def test_rules_and_explain(server):
    client, app = server
    rules = client.get("/v1/rules").json()
    registry = app.state.service.registry
    assert [r["code"] for r in rules] == [r.code for r in registry.all_rules()]
    by_name = client.get("/v1/rules/repeated-word").json()
    assert by_name == client.get("/v1/rules/NL603").json() == client.get("/v1/rules/nl603").json()
    assert by_name["fix_safety"] == "safe" and by_name["docs"]["why"]
    enabled = {r["name"]: r["enabled"] for r in rules}
    assert enabled["dialect-mix"] is True  # turned on by seeds/newslint.toml
    assert enabled["lt-grammar"] is False
    r = client.get("/v1/rules/no-such-rule")
    assert r.status_code == 404 and "unknown rule 'no-such-rule'" in r.json()["error"]
    health = client.get("/healthz").json()
    assert health["status"] == "ok" and health["rules"] == sum(enabled.values())


def test_responses_match_the_openapi_document(server):
    client, _ = server
    served = client.get("/openapi.json").json()
    committed = json.loads((ROOT / "docs" / "openapi.json").read_text(encoding="utf-8"))
    assert served == committed, "docs/openapi.json is stale: newslint serve --print-openapi > docs/openapi.json"
    jsonschema.Draft202012Validator.check_schema(served["components"]["schemas"]["Finding"])
    check = post(client, {"text": GRAIN}).json()
    jsonschema.validate(check, schema(served, "CheckResponse"))
    rules_schema = {"type": "array", "items": {"$ref": "#/components/schemas/Rule"}, "components": served["components"]}
    jsonschema.validate(client.get("/v1/rules").json(), rules_schema)
    jsonschema.validate(client.get("/healthz").json(), schema(served, "Health"))
    jsonschema.validate(post(client, {"text": 1}).json(), schema(served, "Error"))
    jsonschema.validate({"text": GRAIN, "format": "text", "config": {"ignore": ["NL603"]}}, schema(served, "CheckRequest"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"text": "x", "colour": 1}, schema(served, "CheckRequest"))


def test_rules_are_built_once(server):
    client, app = server
    service = app.state.service
    before = list(service._base.ruleset(service.settings).rules_for(service.path))
    post(client, {"text": GRAIN})
    post(client, {"text": METRO, "format": "html"})
    after = service._base.ruleset(service.settings).rules_for(service.path)
    assert [id(r) for r in after] == [id(r) for r in before]
    post(client, {"text": GRAIN, "config": {"ignore": ["NL401"]}})
    linter = service._linters[json.dumps({"ignore": ["NL401"]}, separators=(",", ":"))]
    post(client, {"text": METRO, "format": "html", "config": {"ignore": ["NL401"]}})
    assert service._linters[json.dumps({"ignore": ["NL401"]}, separators=(",", ":"))] is linter


class _SlowRule(Rule):
    """Takes a minute over any story that says 'glacier' (a runaway rule).

    Why: test support.
    """

    code = "XT191"
    name = "slow-rule"
    category = "typography"
    summary = "Sleeps over glaciers"

    def check(self, doc, ctx):
        if "glacier" in doc.text:
            time.sleep(60)
        return iter(())


class _SlowPlugin:
    @newslint.hookimpl
    def newslint_rules(self):
        return [_SlowRule]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="checks run in a forked process on Linux only")
def test_a_check_over_the_time_limit_is_stopped_not_left_running():
    from newslint.registry import registry_with

    options = ServiceOptions(time_limit=1.0, config_file=None)
    with live_server(options, registry_with([_SlowPlugin()])) as (url, app), httpx.Client(base_url=url, timeout=TIMEOUT) as client:
        assert post(client, {"text": "A short story."}).status_code == 200
        first = app.state.checker.pid
        assert first is not None and first != os.getpid()
        r = post(client, {"text": "The glacier moved."})
        assert r.status_code == 503 and "time limit of 1 s" in r.json()["error"]
        # the runaway check was stopped: the next story is answered long before
        # the minute the slow rule would have taken, by a new process
        started = time.monotonic()
        r = post(client, {"text": "A short story."})
        assert r.status_code == 200 and r.json()["rules_run"]
        assert time.monotonic() - started < 30
        assert app.state.checker.pid not in (None, first)
        with pytest.raises(ProcessLookupError):
            os.kill(first, 0)


class _OddData(Rule):
    """Reports 'zebra' with data that is not JSON (a plugin's mistake).

    Why: test support.
    """

    code = "XT190"
    name = "odd-data"
    category = "typography"
    summary = "Reports zebra with a set in its data"

    def check(self, doc, ctx):
        i = doc.text.find("zebra")
        if i >= 0:
            yield self.report(i, i + 5, "'zebra' found", data={"kinds": {"plains", "mountain"}})


class _OddPlugin:
    @newslint.hookimpl
    def newslint_rules(self):
        return [_OddData]


def test_an_internal_error_is_a_500_without_a_traceback():
    from newslint.registry import registry_with

    with live_server(registry=registry_with([_OddPlugin()])) as (url, _), httpx.Client(base_url=url, timeout=TIMEOUT) as client:
        r = post(client, {"text": "A zebra escaped from the zoo."})
        assert r.status_code == 500
        assert r.json() == {"error": "internal error while checking; the server log has the details"}
        assert "Traceback" not in r.text and "TypeError" not in r.text
        assert post(client, {"text": "A horse escaped from the zoo."}).status_code == 200


# -- CORS ------------------------------------------------------------------------------


def preflight(client, origin: str):
    return client.options(
        "/v1/check",
        headers={"Origin": origin, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"},
    )


def test_cors_is_off_by_default(server):
    client, _ = server
    r = preflight(client, "https://cms.example.org")
    assert "access-control-allow-origin" not in r.headers
    r = client.post(
        "/v1/check", content=b'{"text": "x"}', headers={"Content-Type": "application/json", "Origin": "https://cms.example.org"}
    )
    assert r.status_code == 200 and "access-control-allow-origin" not in r.headers


def test_cors_for_named_origins_only():
    options = ServiceOptions(cors_origins=("https://cms.example.org",))
    with live_server(options) as (url, _), httpx.Client(base_url=url, timeout=TIMEOUT) as client:
        r = preflight(client, "https://cms.example.org")
        assert r.status_code == 200
        assert r.headers["access-control-allow-origin"] == "https://cms.example.org"
        r = preflight(client, "https://elsewhere.example.com")
        assert r.status_code == 400 and "access-control-allow-origin" not in r.headers
        r = client.post(
            "/v1/check", content=b'{"text": "The the end."}',
            headers={"Content-Type": "application/json", "Origin": "https://cms.example.org"},
        )
        assert r.headers["access-control-allow-origin"] == "https://cms.example.org"
        assert r.json()["findings"][0]["name"] == "repeated-word"


# -- the web page ---------------------------------------------------------------------


def test_web_page_is_served_from_the_package(server):
    client, _ = server
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "default-src 'none'" in page.headers["content-security-policy"]
    assert '<textarea id="story"' in page.text
    for asset, media in (("/static/app.js", "text/javascript"), ("/static/style.css", "text/css")):
        r = client.get(asset)
        assert r.status_code == 200 and r.headers["content-type"].startswith(media)
        assert asset in page.text
        # nothing is loaded from another host
        assert not re.search(r"https?://|//[a-z]", r.text.replace("://' ", "")), asset
    assert not re.search(r"(src|href)=\"(https?:)?//", page.text)


# -- the command line -------------------------------------------------------------------


def serve_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "newslint", "serve", *args]


def test_newslint_serve_starts_and_answers():
    proc = subprocess.Popen(
        serve_cmd("--port", "0", "--config", SEEDS_CONFIG), stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True
    )
    lines: queue.Queue[str] = queue.Queue()

    def read() -> None:  # a thread, so waiting for the first line is bounded
        assert proc.stderr is not None
        for line in proc.stderr:
            lines.put(line)

    threading.Thread(target=read, daemon=True).start()
    try:
        deadline = time.monotonic() + 60
        url = None
        while url is None and time.monotonic() < deadline:
            try:
                line = lines.get(timeout=1)
            except queue.Empty:
                continue
            m = re.search(r"serving on (http://127\.0\.0\.1:\d+)", line)
            if m:
                url = m.group(1)
        assert url, "newslint serve did not say where it listens"
        r = httpx.get(url + "/healthz", timeout=TIMEOUT)
        assert r.json()["status"] == "ok"
        r = httpx.post(url + "/v1/check", json={"text": "Grain ships left Kiev. The the end."}, timeout=TIMEOUT)
        assert {f["name"] for f in r.json()["findings"]} >= {"house-style", "repeated-word"}
    finally:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)


@pytest.mark.parametrize(
    "args,words",
    [
        (("--cors-origin", "https://cms.example.org/"), "drop the trailing '/'"),
        (("--cors-origin", "cms.example.org"), "is not an origin"),
        (("--config", "no-such-file.toml"), "does not exist"),
        (("--time-limit", "0"), "--time-limit must be a positive"),
        (("--max-body-size", "-1"), "--max-body-size must be a positive"),
        (("--port", "70000"), "--port must be between"),
    ],
)
def test_newslint_serve_refuses_bad_options(args, words):
    proc = subprocess.run(serve_cmd(*args), check=False, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert words in proc.stderr and proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr


def test_newslint_serve_says_when_the_port_is_taken():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        proc = subprocess.run(serve_cmd("--port", str(port)), check=False, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert f"cannot listen on 127.0.0.1:{port}" in proc.stderr and "Traceback" not in proc.stderr


def test_the_listening_socket_sends_without_delay():
    from newslint.server.run import bind

    sock = bind("127.0.0.1", 0)
    try:
        assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
        assert sock.getsockname()[0] == "127.0.0.1"
    finally:
        sock.close()


def test_print_openapi_matches_the_committed_document():
    proc = subprocess.run(serve_cmd("--print-openapi"), check=False, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0
    assert proc.stdout == (ROOT / "docs" / "openapi.json").read_text(encoding="utf-8")


def test_the_core_does_not_import_the_server():
    code = (
        "import sys, newslint.cli, newslint.engine, newslint.api\n"
        "from newslint.cli import build_parser\n"
        "build_parser()\n"
        "loaded = [m for m in sys.modules if m.startswith(('starlette', 'uvicorn', 'newslint.server'))]\n"
        "assert not loaded, loaded\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True, timeout=60, env={**os.environ})
    assert proc.returncode == 0, proc.stderr

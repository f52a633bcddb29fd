"""Output formats: SARIF against the official schema, GitHub annotations."""

from __future__ import annotations

import json

import pytest
from conftest import SHARED

SCHEMA = SHARED / "data" / "sarif-schema-2.1.0.json"


@pytest.fixture
def stories(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a b.txt").write_text("Head\n\nA LOUD line with an emoji \U0001F600 and MORE.\n", encoding="utf-8")
    (tmp_path / "c.md").write_text("# Head\n\nShe said: \"QUIET please\".\n", encoding="utf-8")
    return tmp_path


def test_sarif_validates_against_official_schema(run_cli, stories):
    jsonschema = pytest.importorskip("jsonschema")
    if not SCHEMA.exists():
        pytest.skip("../shared/data/sarif-schema-2.1.0.json is absent")
    r = run_cli("check", "--format", "sarif", ".")
    doc = json.loads(r.out)
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(doc, schema)
    run = doc["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    results = run["results"]
    assert len(results) == 3
    ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    for res in results:
        assert ids[res["ruleIndex"]] == res["ruleId"] == "XT101"
        assert res["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"].islower()
    uris = sorted(res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for res in results)
    assert uris == ["a%20b.txt", "a%20b.txt", "c.md"]
    more = [r for r in results if "MORE" in r["message"]["text"]][0]
    # column after the emoji counts one code point for it
    assert more["locations"][0]["physicalLocation"]["region"]["startColumn"] == 33


def test_sarif_empty_run_is_valid(run_cli, tmp_path, monkeypatch):
    jsonschema = pytest.importorskip("jsonschema")
    if not SCHEMA.exists():
        pytest.skip("../shared/data/sarif-schema-2.1.0.json is absent")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ok.txt").write_text("Head\n\nAll fine.\n")
    doc = json.loads(run_cli("check", "--format", "sarif", "ok.txt").out)
    jsonschema.validate(doc, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert doc["runs"][0]["results"] == []


def test_github_annotations_escape_properties_and_data(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a,b:c.txt").write_text("Head\n\n100% LOUD.\n")
    r = run_cli("check", "--format", "github", ".")
    assert r.out == (
        "::warning file=a%2Cb%3Ac.txt,line=3,col=6,endColumn=10,endLine=3,"
        "title=XT101 shouting::'LOUD' is in capitals\n"
    )


def test_unknown_format_is_usage_error(run_cli, stories):
    r = run_cli("check", "--format", "yaml", ".")
    assert r.code == 2 and "unknown output format 'yaml'" in r.err


def test_output_file(run_cli, stories):
    r = run_cli("check", "--format", "json", "--output", "report.json", ".")
    assert r.out == "" and r.code == 1
    assert len(json.loads((stories / "report.json").read_text())) == 3

"""The commands as a user runs them (Typer's runner, real files)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from tolltrack.cli.main import app

runner = CliRunner()


def test_help_lists_every_command_with_a_description() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    names = (
        "extract",
        "estimate",
        "eval",
        "ingest",
        "incidents",
        "incident",
        "claims",
        "docs",
        "export",
    )
    for name in names:
        assert name in result.output
    for name in names:
        sub = runner.invoke(app, [name, "--help"])
        assert sub.exit_code == 0 and "Example" in sub.output


def test_extract_writes_claims_format_lines(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": "d1", "text": "Police said two people were killed.", "event": "e"})
        + "\n",
        "utf-8",
    )
    result = runner.invoke(app, ["extract", str(src)])
    assert result.exit_code == 0, result.output
    [line] = [x for x in result.stdout.splitlines() if x.startswith("{")]
    record = json.loads(line)
    assert record["id"] == "d1" and record["event"] == "e"
    [claim] = record["claims"]
    assert set(claim) == {
        "category",
        "low",
        "high",
        "approx",
        "claimant",
        "claimant_side",
        "victims",
        "superseded",
        "evidence",
        "start",
        "end",
    }
    assert (claim["category"], claim["low"], claim["high"]) == ("killed", 2, 2)
    assert record["text"][claim["start"] : claim["end"]] == claim["evidence"]


def test_extract_reads_stdin() -> None:
    line = json.dumps({"id": "s", "text": "Three people were injured."})
    result = runner.invoke(app, ["extract", "-"], input=line + "\n")
    assert result.exit_code == 0
    assert '"injured"' in result.stdout


def test_bad_line_names_file_and_line_and_the_rest_goes_on(tmp_path: Path) -> None:
    src = tmp_path / "mixed.jsonl"
    src.write_text(
        '{"id": "a", "text": "Four people died."}\n{broken\n{"id": "b", "text": "Five died."}\n',
        "utf-8",
    )
    result = runner.invoke(app, ["extract", str(src)])
    assert result.exit_code == 1
    assert f"{src}:2" in result.stderr and "malformed JSON" in result.stderr
    ids = [json.loads(x)["id"] for x in result.stdout.splitlines() if x.startswith("{")]
    assert ids == ["a", "b"]


def test_extract_table(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Moscow said 63 soldiers were killed.", "utf-8")
    result = runner.invoke(app, ["extract", "--table", str(tmp_path)])
    assert result.exit_code == 0
    assert "Moscow" in result.stdout and "63" in result.stdout


def test_estimate_one_line_per_event(tmp_path: Path) -> None:
    rows = [
        {"id": "1", "event": "e1", "published": "2020-01-01", "text": "Two people were killed."},
        {
            "id": "2",
            "event": "e1",
            "published": "2020-01-02",
            "text": "The death toll rose to three, and five people were injured.",
        },
        {"id": "3", "event": "e2", "published": "2020-01-02", "text": "Nobody was hurt."},
    ]
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    result = runner.invoke(app, ["estimate", str(src)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(x) for x in result.stdout.splitlines() if x.startswith("{")]
    assert lines == [
        {"event": "e1", "killed": 3, "injured": 5, "missing": 0},
        {"event": "e2", "killed": 0, "injured": 0, "missing": 0},
    ]


def test_eval_with_predictions_file(tmp_path: Path) -> None:
    claim = {
        "category": "killed",
        "low": 2,
        "high": 2,
        "approx": False,
        "claimant": "police",
        "claimant_side": "US",
        "victims": None,
        "superseded": False,
        "evidence": "two",
    }
    gold = tmp_path / "gold.jsonl"
    pred = tmp_path / "pred.jsonl"
    gold.write_text(json.dumps({"id": "a", "text": "two", "claims": [claim]}) + "\n", "utf-8")
    pred.write_text(
        json.dumps({"id": "a", "claims": [{**claim, "claimant_side": None}]}) + "\n", "utf-8"
    )
    result = runner.invoke(app, ["eval", str(gold), "--pred", str(pred), "--errors"])
    assert result.exit_code == 0, result.output
    assert "figure" in result.stdout and "1.000" in result.stdout
    assert "side (gold US)" in result.stdout

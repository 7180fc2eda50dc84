"""Accuracy floors on the dev data, as trafilatura's evaluation gate pins F1 in CI.

Each floor is a figure reached and recorded in BENCHMARKS.md; a change that lowers it fails
here. Raise a floor when a change raises the figure. Skipped where ../shared/data is absent.
"""

from __future__ import annotations

from tests.conftest import load_jsonl, shared_file
from tolltrack.evaluate.claims import score_claims
from tolltrack.evaluate.gold import blind_document
from tolltrack.evaluate.incidents import incident_gold, score_incidents
from tolltrack.extract import Extractor
from tolltrack.runner.local import estimate_events

FIGURE_F1 = 0.98
ATTRIBUTED_F1 = 0.96
SUPERSEDED_ACCURACY = 0.98
KILLED_ACCURACY = 0.848
INJURED_ACCURACY = 0.748


def test_paraphrased_dev_claim_floors() -> None:
    rows = load_jsonl(shared_file("paraphrased-dev.jsonl"))
    extractor = Extractor()
    pred = {str(r["id"]): [c.to_dict() for c in extractor.extract(blind_document(r))] for r in rows}
    scores = score_claims(rows, pred)
    assert scores.figure.f1 >= FIGURE_F1
    assert scores.attributed.f1 >= ATTRIBUTED_F1
    assert scores.superseded_accuracy >= SUPERSEDED_ACCURACY


def test_gvc_dev_incident_floors() -> None:
    rows = load_jsonl(shared_file("gvc-dev.jsonl"))
    estimates = {
        e.event: {"killed": e.killed, "injured": e.injured}
        for e in estimate_events((blind_document(r) for r in rows), Extractor())
    }
    scores = {s.category: s.accuracy for s in score_incidents(incident_gold(rows), estimates)}
    assert scores["killed"] >= KILLED_ACCURACY
    assert scores["injured"] >= INJURED_ACCURACY

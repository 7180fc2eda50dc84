"""The repository on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

from tolltrack.model import Claim, Place
from tolltrack.store import Store
from tolltrack.store.repository import DocumentRow, NewIncident, content_id


def doc_row(n: int, incident: str, published: str, copy_of: str | None = None) -> DocumentRow:
    text = f"Document {n}: {n} people were killed."
    return DocumentRow(
        id=content_id("d", text),
        key=f"k{n}",
        content_hash=content_id("h", text),
        source="t",
        url=None,
        site="example.org",
        title=f"Title {n}",
        published=published,
        text=text,
        copy_of=copy_of,
        incident_id=incident,
    )


def claim(low: int, side: str | None = "UA", start: int = 0) -> Claim:
    return Claim(
        "killed",
        low,
        low,
        False,
        "Kyiv" if side else None,
        side,
        None,
        False,
        "killed",
        start,
        start + 6,
    )


def incident(i: str) -> NewIncident:
    return NewIncident(
        i, None, f"label {i}", "strike", Place("Kyiv", "UA", 50.4, 30.5, "city"), None
    )


def test_add_is_atomic_and_idempotent(db_url: str) -> None:
    store = Store(db_url)
    row = doc_row(1, "i1", "2023-01-02")
    assert store.add_document(row, [(claim(5), "2023-01-02", "UA:kyiv")], incident("i1"))
    assert not store.add_document(row, [(claim(5), "2023-01-02", "UA:kyiv")], incident("i1"))
    assert store.counts() == {"incidents": 1, "documents": 1, "claims": 1}
    [inc] = store.incidents()
    assert (inc.first_report, inc.last_report, inc.documents, inc.claims) == (
        "2023-01-02",
        "2023-01-02",
        1,
        1,
    )
    assert inc.place is not None and inc.place.country == "UA"
    [rec] = store.claim_records("i1")
    assert rec.claim == claim(5) and rec.reported == "2023-01-02" and rec.source == "example.org"
    store.close()


def test_reopening_keeps_rows_and_schema(db_url: str) -> None:
    Store(db_url).add_document(doc_row(1, "i1", "2023-01-02"), [], incident("i1"))
    again = Store(db_url)  # migrations run again: nothing to do, nothing lost
    assert again.counts()["documents"] == 1


def test_merge_and_split(db_url: str) -> None:
    store = Store(db_url)
    a, b = doc_row(1, "ia", "2023-01-02"), doc_row(2, "ib", "2023-01-05")
    store.add_document(a, [(claim(1), None, None)], incident("ia"))
    store.add_document(b, [(claim(2), None, None)], incident("ib"))
    store.merge_incidents("ia", "ib")
    [merged] = store.incidents()
    assert merged.id == "ia" and merged.documents == 2 and merged.claims == 2
    assert (merged.first_report, merged.last_report) == ("2023-01-02", "2023-01-05")
    new = store.split_incident("ia", [b.id])
    assert {i.id: i.documents for i in store.incidents()} == {"ia": 1, new: 1}
    assert [r.claim.low for r in store.claim_records(new)] == [2]


def test_lookups(db_url: str) -> None:
    store = Store(db_url)
    store.add_document(doc_row(1, "i1abc", "2023-01-02"), [], incident("i1abc"))
    assert store.resolve_id("incidents", "i1a") == "i1abc"
    assert store.resolve_id("incidents", "zz") is None
    assert store.find_incidents("LABEL I1") == ["i1abc"]
    assert [i.id for i in store.recent_incidents("2023-01-01", "2023-01-03")] == ["i1abc"]
    assert store.recent_incidents("2023-02-01", "2023-02-03") == []

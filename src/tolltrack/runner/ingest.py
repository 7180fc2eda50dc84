"""Ingest: read sources, extract, resolve and store, one document per transaction.

Each document is stored with its claims in one transaction and is skipped when its content
is already stored, so an interrupted run (Ctrl-C, ``kill -9``) re-run gives the database an
uninterrupted run gives: no loss, no duplicate. Documents are resolved in input order against
what is already stored, so the result does not depend on where a run was interrupted.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import timedelta

from tolltrack.errors import InputError
from tolltrack.extract import Extractor
from tolltrack.extract.sentences import split_sentences
from tolltrack.ingest import ReadResult
from tolltrack.model import Claim, Document
from tolltrack.resolve import dates, incidents, places, similarity
from tolltrack.resolve.claimants import claimant_key
from tolltrack.resolve.similarity import MinHash
from tolltrack.runner.stats import incident_stats
from tolltrack.store import Store
from tolltrack.store.repository import DocumentRow, NewIncident, content_id


@dataclass
class IngestCounts:
    read: int = 0
    new: int = 0
    duplicate: int = 0
    failed: int = 0
    errors: list[InputError] = field(default_factory=list)


def content_hash(doc: Document) -> str:
    """Equal for the same text, whatever its whitespace: re-ingesting adds nothing."""
    normal = " ".join(doc.text.split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


class Ingestor:
    """Turns documents into stored rows. Keeps the copy index of this run in memory."""

    def __init__(self, store: Store, extractor: Extractor | None = None) -> None:
        self.store = store
        self.extractor = extractor or Extractor()
        self.copies = similarity.CopyIndex()
        for doc_id, data in store.all_minhashes():
            self.copies.add(doc_id, similarity.from_bytes(data))

    def ingest(
        self,
        items: Iterable[ReadResult],
        on_item: Callable[[IngestCounts], None] | None = None,
    ) -> IngestCounts:
        counts = IngestCounts()
        for item in items:
            counts.read += 1
            if isinstance(item, InputError):
                counts.failed += 1
                counts.errors.append(item)
            else:
                try:
                    stored = self.add(item)
                except InputError as exc:
                    counts.failed += 1
                    counts.errors.append(exc)
                    continue
                if stored:
                    counts.new += 1
                else:
                    counts.duplicate += 1
            if on_item is not None:
                on_item(counts)
        return counts

    def add(self, doc: Document, claims: list[Claim] | None = None) -> bool:
        """Store one document; False when its content is already stored.

        ``claims`` are the document's extracted claims when a batch run extracted them
        already; otherwise they are extracted here.
        """
        digest = content_hash(doc)
        if self.store.has_content(digest):
            return False
        if claims is None:
            claims = self.extractor.extract(doc)
        lead = f"{doc.title or ''}\n{doc.text[:600]}"
        mh = similarity.minhash(doc.text)
        doc_id = content_id("d", digest)
        copy_of = self.copies.original_of(mh)
        incident = self._incident_for(doc, doc_id, lead, mh, copy_of)
        row = DocumentRow(
            id=doc_id,
            key=doc.id,
            content_hash=digest,
            source=doc.source,
            url=doc.url,
            site=doc.site,
            title=doc.title,
            published=doc.published,
            text=doc.text,
            copy_of=copy_of,
            incident_id=incident.id,
            minhash=similarity.to_bytes(mh),
        )
        stored = self.store.add_document(
            row, self._resolved(doc, claims), incident, stats=incident_stats
        )
        if stored:
            self.copies.add(doc_id, mh)
        return stored

    def _resolved(
        self, doc: Document, claims: list[Claim]
    ) -> list[tuple[Claim, str | None, str | None]]:
        spans = split_sentences(doc.text) if claims else []
        out = []
        for c in claims:
            sentence = next((doc.text[s:e] for s, e in spans if s <= c.start < e), c.evidence)
            out.append(
                (
                    c,
                    dates.stated_day(sentence, doc.published),
                    claimant_key(c.claimant, c.claimant_side),
                )
            )
        return out

    def _incident_for(
        self, doc: Document, doc_id: str, lead: str, mh: MinHash, copy_of: str | None
    ) -> NewIncident:
        kind = incidents.kind_of(lead)
        place = places.find_place(lead)
        label = (
            (doc.title or doc.text[:80]).strip().splitlines()[0][:200]
            if (doc.title or doc.text.strip())
            else doc_id
        )
        if doc.event:
            existing = self.store.incident_by_event(doc.event)
            inc_id = existing or content_id("i", "event", doc.event)
            return NewIncident(inc_id, doc.event, label, kind, place, doc.published)
        original = self.store.document(copy_of) if copy_of else None
        if original is not None and original.incident_id is not None:
            # A syndicated copy reports what its original reports.
            return NewIncident(original.incident_id, None, label, kind, place, doc.published)
        day = dates.parse_day(doc.published)
        if day is None:  # no date, no window to look in: an incident of its own
            return NewIncident(content_id("i", doc_id), None, label, kind, place, None)
        since = (day - timedelta(days=incidents.WINDOW_DAYS)).isoformat()
        until = (day + timedelta(days=incidents.WINDOW_DAYS)).isoformat()
        candidates = self.store.recent_incidents(since, until)
        hashes = self.store.incident_minhashes(i.id for i in candidates)
        scored = [
            incidents.Candidate(
                inc,
                max(
                    (similarity.similarity(mh, similarity.from_bytes(h)) for h in hashes[inc.id]),
                    default=0.0,
                ),
            )
            for inc in candidates
        ]
        chosen = incidents.choose(kind, place, doc.published, scored)
        if chosen is not None:
            return NewIncident(chosen, None, label, kind, place, doc.published)
        return NewIncident(content_id("i", doc_id), None, label, kind, place, doc.published)

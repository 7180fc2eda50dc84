"""Claim-level scoring (shared/spec/claims-format.md, "Scoring").

A predicted claim matches a gold claim of the same document when category, low and high are
equal ("figure"); "attributed" also requires equal claimant_side. Matching is one-to-one.
Superseded accuracy is measured over figure matches, pairing claims of the same side first.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

Key = tuple[str, int | None, int | None]


@dataclass(frozen=True, slots=True)
class PRF:
    tp: int
    n_pred: int
    n_gold: int

    @property
    def precision(self) -> float:
        return self.tp / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class ErrorItem:
    doc_id: str
    kind: str  # "miss" or "false positive" or "side"
    claim: Mapping[str, Any]
    sentence: str


@dataclass
class ClaimScores:
    figure: PRF
    attributed: PRF
    superseded_correct: int
    superseded_total: int
    per_category: dict[str, PRF]
    errors: list[ErrorItem] = field(default_factory=list)

    @property
    def superseded_accuracy(self) -> float:
        return self.superseded_correct / self.superseded_total if self.superseded_total else 0.0


def _key(c: Mapping[str, Any]) -> Key:
    return (str(c.get("category")), c.get("low"), c.get("high"))


def _sentence_of(text: str, evidence: str | None, start: int | None = None) -> str:
    if start is None:
        start = text.find(evidence) if evidence else -1
    if start is None or start < 0:
        return evidence or ""
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    right_candidates = [i for i in (text.find(". ", start), text.find("\n", start)) if i >= 0]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    return " ".join(text[left:right].split())


def score_claims(
    gold_docs: Iterable[Mapping[str, Any]],
    predictions: Mapping[str, Sequence[Mapping[str, Any]]],
    keep_errors: bool = False,
) -> ClaimScores:
    tp = n_pred = n_gold = 0
    atp = 0
    sup_ok = sup_n = 0
    cat_tp: Counter[str] = Counter()
    cat_pred: Counter[str] = Counter()
    cat_gold: Counter[str] = Counter()
    errors: list[ErrorItem] = []
    for doc in gold_docs:
        doc_id = str(doc["id"])
        gold = list(doc.get("claims") or [])
        pred = list(predictions.get(doc_id, []))
        n_gold += len(gold)
        n_pred += len(pred)
        for c in gold:
            cat_gold[str(c["category"])] += 1
        for c in pred:
            cat_pred[str(c["category"])] += 1
        # Figure matching, one-to-one, preferring pairs whose sides agree.
        g_by: dict[Key, list[Mapping[str, Any]]] = defaultdict(list)
        p_by: dict[Key, list[Mapping[str, Any]]] = defaultdict(list)
        for c in gold:
            g_by[_key(c)].append(c)
        for c in pred:
            p_by[_key(c)].append(c)
        matched_p: set[int] = set()
        matched_g: set[int] = set()
        for key, gs in g_by.items():
            ps = list(p_by.get(key, []))
            for g in sorted(
                gs, key=lambda g: not any(p["claimant_side"] == g.get("claimant_side") for p in ps)
            ):
                if not ps:
                    break
                same = [p for p in ps if p.get("claimant_side") == g.get("claimant_side")]
                p = same[0] if same else ps[0]
                ps.remove(p)
                matched_p.add(id(p))
                matched_g.add(id(g))
                tp += 1
                cat_tp[key[0]] += 1
                sup_n += 1
                sup_ok += bool(p.get("superseded")) == bool(g.get("superseded"))
        # Attributed matching: the key includes the side.
        ga = Counter((*_key(c), c.get("claimant_side")) for c in gold)
        pa = Counter((*_key(c), c.get("claimant_side")) for c in pred)
        atp += sum(min(n, pa[k]) for k, n in ga.items())
        if keep_errors:
            text = str(doc.get("text", ""))
            for g in gold:
                if id(g) not in matched_g:
                    errors.append(
                        ErrorItem(doc_id, "miss", g, _sentence_of(text, g.get("evidence")))
                    )
            for p in pred:
                if id(p) not in matched_p:
                    errors.append(
                        ErrorItem(
                            doc_id,
                            "false positive",
                            p,
                            _sentence_of(text, p.get("evidence"), p.get("start")),
                        )
                    )
            for k, n in ga.items():
                if n > pa[k] and (k[:3]) in p_by:
                    wrong = [p for p in p_by[k[:3]] if p.get("claimant_side") != k[3]]
                    for p in wrong[: n - pa[k]]:
                        errors.append(
                            ErrorItem(
                                doc_id,
                                f"side (gold {k[3]})",
                                p,
                                _sentence_of(text, p.get("evidence"), p.get("start")),
                            )
                        )
    cats = sorted(set(cat_gold) | set(cat_pred))
    return ClaimScores(
        figure=PRF(tp, n_pred, n_gold),
        attributed=PRF(atp, n_pred, n_gold),
        superseded_correct=sup_ok,
        superseded_total=sup_n,
        per_category={c: PRF(cat_tp[c], cat_pred[c], cat_gold[c]) for c in cats},
        errors=errors,
    )

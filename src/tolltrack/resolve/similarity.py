"""Near-duplicate text (syndicated copies) with MinHash, via datasketch."""

from __future__ import annotations

import re

import numpy as np
from datasketch import MinHash, MinHashLSH

__all__ = ["CopyIndex", "MinHash", "from_bytes", "minhash", "similarity", "to_bytes"]

NUM_PERM = 64
SCHEME = "affine32"  # stored hash values are only comparable under the same scheme
COPY_THRESHOLD = 0.8  # estimated Jaccard of word 5-shingles above which texts are copies
_WORD = re.compile(r"\w+")


def minhash(text: str) -> MinHash:
    words = _WORD.findall(text.lower())
    m = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    shingles = {" ".join(words[i : i + 5]) for i in range(max(1, len(words) - 4))}
    m.update_batch([s.encode("utf-8") for s in shingles])
    return m


def to_bytes(m: MinHash) -> bytes:
    return bytes(m.hashvalues.astype(np.uint64).tobytes())


def from_bytes(data: bytes) -> MinHash:
    return MinHash(
        num_perm=NUM_PERM, hashvalues=np.frombuffer(data, dtype=np.uint64), scheme=SCHEME
    )


class CopyIndex:
    """Finds a stored document that a new text is a copy of."""

    def __init__(self) -> None:
        self._lsh = MinHashLSH(threshold=COPY_THRESHOLD, num_perm=NUM_PERM)
        self._hashes: dict[str, MinHash] = {}

    def add(self, doc_id: str, m: MinHash) -> None:
        if doc_id not in self._hashes:
            self._lsh.insert(doc_id, m)
            self._hashes[doc_id] = m

    def original_of(self, m: MinHash) -> str | None:
        """The most similar stored document above the threshold (ties: smallest id)."""
        best: tuple[float, str] | None = None
        for doc_id in self._lsh.query(m):
            score = m.jaccard(self._hashes[doc_id])
            if score >= COPY_THRESHOLD and (best is None or (-score, doc_id) < (-best[0], best[1])):
                best = (score, doc_id)
        return None if best is None else best[1]


def similarity(a: MinHash, b: MinHash) -> float:
    return float(a.jaccard(b))

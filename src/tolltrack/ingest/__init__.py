"""Ingest: turn inputs (files, stdin) into :class:`tolltrack.model.Document` items.

Each source format has one module behind the same small interface (:mod:`.base`).
A failing input yields an :class:`~tolltrack.errors.InputError` item instead of raising,
so the rest of a batch goes on.
"""

from tolltrack.ingest.base import ReadResult, decode_text, read_path, read_stream

__all__ = ["ReadResult", "decode_text", "read_path", "read_stream"]

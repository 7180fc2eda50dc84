"""Reconcile: pure functions over one incident's claims (no I/O)."""

from tolltrack.reconcile.estimate import estimate_incident

__all__ = ["estimate_incident"]

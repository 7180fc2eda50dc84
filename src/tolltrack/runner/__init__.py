"""Runner: the only place that chains stages (ingest → extract → reconcile)."""

"""Evaluate: score predicted claims and incident estimates against gold, as the spec says."""

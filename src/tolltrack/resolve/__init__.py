"""Resolve: dates, claimants, places and incidents, across documents."""

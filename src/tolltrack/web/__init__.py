"""Web UI and JSON API (FastAPI): ``tolltrack serve``. Needs the ``web`` extra."""

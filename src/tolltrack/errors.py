"""One exception tree for tolltrack. Every error names the input that failed and why.

Errors keep their constructor arguments in ``args`` so that they pickle across process
boundaries (worker pools, Ray) and come back as the same type with the same message.
"""

from __future__ import annotations


class TolltrackError(Exception):
    """Base of every tolltrack error: ``source`` is the input, ``reason`` what went wrong."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(source, reason)
        self.source = source
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


class InputError(TolltrackError):
    """An input (file, line, URL) could not be read or parsed."""


class ConfigError(TolltrackError):
    """A configuration or data file (e.g. a user's actors file) is invalid."""


class MissingExtraError(TolltrackError):
    """An optional dependency is needed; ``reason`` names the extra to install."""

"""Extract: find casualty figures in a document's text and decide which are claims.

*Finding* (numbers, triggers, reporting frames, revision markers) is kept apart from
*deciding* (pairing a number with a category, attributing it, merging repeats), as
spaCy separates its matchers from its pipeline components.
"""

from tolltrack.extract.pipeline import Extractor, extract_claims

__all__ = ["Extractor", "extract_claims"]

"""Pure evidence logic on plain strings: passages, ranking against a claim, stance suggestion.

No ORM here; `sources.services` turns the results into Evidence rows.
"""

from .passages import split_passages
from .ranking import RankedPassage, rank_passages
from .stance import StanceSuggestion, suggest_stance, suggest_stances

__all__ = ["split_passages", "rank_passages", "RankedPassage", "suggest_stance", "suggest_stances", "StanceSuggestion"]

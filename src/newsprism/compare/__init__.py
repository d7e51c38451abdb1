"""The compare stage: what a story's sources agree on, where they differ, how they frame.

    story.py        compare_story (the stage): consensus, exclusives, conflicts, framing
    match.py        when two claims say the same thing; independent sources
    conflicts.py    quantity and date conflicts
    attribution.py  one quote given to different speakers
    budget.py       how many figure or quote pairs a story may try (bounded by its text)
    claim_budget.py how many claim pairs clustering may find and score (bounded by its text)
    voice.py        a consensus item that is someone's quoted words, shown as theirs
    framing.py      the words each outlet uses for an entity; tone
"""

from .story import compare_story

__all__ = ["compare_story"]

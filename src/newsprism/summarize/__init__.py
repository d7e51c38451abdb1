"""The summarize stage: a neutral summary in which every sentence cites its sources.

    story.py     summarize_story (the stage): consensus first, then what is disputed
    select.py    which sentences are candidates and how they score
    neutral.py   neutral wording: loaded terms replaced, attribution added
    timeline.py  dated events resolved to calendar days
"""

from .story import summarize_story

__all__ = ["summarize_story"]

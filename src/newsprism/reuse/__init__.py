"""The reuse stage: which articles share passages, who copied whom, and what they changed.

    index.py   find_reuse (the stage), prints and candidates, the incremental update
    align.py   word alignment of two texts into passages and edits
    origin.py  which side of a pair the shared text came from
"""

from .index import find_reuse

__all__ = ["find_reuse"]

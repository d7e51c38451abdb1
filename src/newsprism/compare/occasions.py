"""Two matched statements that tell of two occasions, not of one fact dated two ways.

Read on real news (stop 35): "A previous Reuters poll released on Sept. 24 found that 37% ..."
and "A Sept. 26-30 Reuters poll found that 45% ..." match as one statement (the same pollster,
the same question), and their days differ because they are two polls. The writer says so
("previous"), and the figures they give differ too. Neither is a disagreement about a date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Claim

# A determiner + "previous / prior / earlier / separate", or "another": the writer marks the
# thing as one of several occasions ("a previous poll", "an earlier attack", "another vote").
_MARKER = (r"\b(?:(?:a|an|the|its|their|his|her)\s+(?:previous|prior|earlier|separate)"
           r"|another)\s+")
_OTHER_OCCASION = re.compile(_MARKER + r"[a-z]", re.IGNORECASE)


def marks_other_occasion(text: str, noun: str | None = None) -> bool:
    """`text` calls what it tells of one of several occasions ("a previous poll"); with
    `noun`, the marked thing must be that noun ("a separate trade agreement" for
    "agreement"), within two words after the marker."""
    if noun is None:
        return _OTHER_OCCASION.search(text) is not None
    stem = re.escape(noun.lower()[:max(4, len(noun) - 2)])
    return re.search(_MARKER + r"(?:[\w'-]+\s+){0,2}" + stem, text, re.IGNORECASE) is not None


def figures_differ(claims: Sequence[Claim]) -> bool:
    """Two of the claims, of different articles, each give figures of one counted noun and
    no value in common: statements that differ in their numbers as well as their days are
    more likely two occasions than one fact misdated."""
    for i, a in enumerate(claims):
        for b in claims[i + 1:]:
            if a.article_id == b.article_id:
                continue
            units = {q.unit for q in a.quantities} & {q.unit for q in b.quantities}
            for unit in units:
                va = {(q.low, q.high) for q in a.quantities if q.unit == unit}
                vb = {(q.low, q.high) for q in b.quantities if q.unit == unit}
                if not va & vb:
                    return True
    return False


OCCASION_DOUBT = "the statements also give different figures: maybe two occasions"

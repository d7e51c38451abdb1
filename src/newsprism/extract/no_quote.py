"""Quote-marked or reported text that no one in the article says, though a cue stands near it:
a row of linked headlines pasted into a sentence, and a gloss or translation in brackets.
`quotes.find_attributions` drops the attributions these find."""

from __future__ import annotations

import re

from ..lexicons.cues import CUE_LEMMAS
from .direct import Attribution

_HEADLINE_ROW = re.compile(r"(?:^|\s)\|(?:\s|$)")  # the bar between two linked headlines


def in_headline_row(text: str, a: Attribution) -> bool:
    """"Tech Desk: X praises audit report | Senators urge …": a row of linked headlines pasted
    into a sentence reports no one (real Baly text gave "audit report | Senators urge …" to X).
    True when the quote runs across the bar between two headlines, or its cue is in one of
    the row's headlines: a bar within `ROW_REACH` characters of it with no sentence mark or
    quote mark between (a real cue after the row, "… MORE (R-Wyo.), who …, told the Post", is
    kept)."""
    if _HEADLINE_ROW.search(text[a.start:a.end]):
        return True
    if a.cue is None:
        return False
    c0, c1 = a.cue
    before, after = text[max(0, c0 - ROW_REACH):c0], text[c1:c1 + ROW_REACH]
    near = [before[m.end():] for m in _HEADLINE_ROW.finditer(before)][-1:] + \
        [after[:m.start()] for m in _HEADLINE_ROW.finditer(after)][:1]
    return any(not _SENTENCE_MARK.search(between) for between in near)


ROW_REACH = 60  # characters from a cue to a bar for the cue to be in a headline of the row
_SENTENCE_MARK = re.compile(r"[.!?\n\"“”]")


def gloss(doc, text: str, a: Attribution) -> bool:
    """`gave us Les Enragés (“the enraged”) as a term for …`: a quoted fragment that opens a
    bracket after a word glosses or translates it; the subject of the sentence's verb did not
    say it (real Baly text gave it to "the revolutionary era"). Kept: a fragment whose cue is
    inside the bracket (`(“…,” he said)`) or is a verb of saying or citing (`citing Exodus
    18:21 (“select out of all the people …”)`, PolNeAR train)."""
    if a.kind != "partial":
        return False
    opened = text[:a.start].rstrip().rstrip("“\"‘'").rstrip()
    if not opened.endswith("(") or a.cue is not None and a.cue[0] >= len(opened):
        return False
    cue = doc.char_span(a.cue[0], a.cue[1], alignment_mode="expand") if a.cue else None
    return cue is None or not any(t.lemma_.lower() in CUE_LEMMAS for t in cue)

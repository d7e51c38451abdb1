"""One cue verb read by more than one pass: one attribution, one speaker.

The direct pass (quote marks and their cue) and the indirect pass (reported clauses, "according
to X") can each read the same cue: `X said the goal was not to “A” but to “B”`, or
`He “A,” he said. “B”` where the indirect pass reads the fragment A and the direct pass the
quote B after the cue. `find_attributions` calls these after merging the passes.
"""

from __future__ import annotations

import dataclasses

from .direct import Attribution


def one_reading_per_cue(direct: list[Attribution], indirect: list[Attribution]
                         ) -> list[Attribution]:
    """`“A,” he said. “B”` where the indirect pass read A (a fragment) and the direct pass B:
    one cue and one speaker phrase, read twice, name one speaker. The indirect pass reads
    after every direct quote's speaker is known (and a preceding "according to X"), so its
    reading stands (real Baly text: "he" given to the man the paragraph is about for B and to
    the strategist quoted before for A)."""
    later = {(a.cue, a.speaker_span): a.speaker for a in indirect
             if a.cue is not None and a.speaker_span is not None}
    out = []
    for d in direct:
        key = (d.cue, d.speaker_span)
        if key in later and later[key] != d.speaker:
            d = dataclasses.replace(d, speaker=later[key])
        out.append(d)
    return out


# Characters between two readings of one cue ("… but to “…”"); farther apart the cue may
# really govern two clauses. (15: train-120 better, mixed slices worse; 100: the reverse.)
_MAX_JOIN_GAP = 40


def one_per_cue(text: str, atts: list[Attribution]) -> list[Attribution]:
    """`X pledged to oppose it “today, tomorrow, forever”`, `X said the goal was not to “A” but
    to “B”`: the passes can read one cue verb twice (its clause, and a fragment the clause
    does not cover). One cue with one speaker is one attribution: the first keeps the whole
    reported content (the span over both, within a paragraph; else one more part) and the
    others continue it, each still its own quote."""
    first: dict[tuple, int] = {}
    out = list(atts)
    for k, a in enumerate(out):
        if a.cue is None or a.speaker_span is None or a.continued:
            continue
        key = (a.cue, a.speaker_span)
        j = first.setdefault(key, k)
        if j == k:
            continue
        b = out[j]
        lo, hi = min(b.clause_start, a.clause_start), max(b.clause_end, a.clause_end)
        gap = text[min(b.clause_end, a.clause_end):max(b.clause_start, a.clause_start)]
        if len(gap) > _MAX_JOIN_GAP or "\n" in gap:
            continue  # two readings far apart: the cue may really govern two clauses
        if b.kind != "direct" and "\n" not in text[lo:hi]:
            b = dataclasses.replace(b, clause_start=lo, clause_end=hi)
        elif not any(s <= a.start and a.end <= e for s, e in b.parts):
            b = dataclasses.replace(b, parts=(*b.parts, (a.start, a.end)))
        out[j] = b
        out[k] = dataclasses.replace(a, continued=True)
    return out

"""Whether an "according to X" names a source (shared by the quote, claim and provenance
passes; no imports, so every pass may use it).
"""

from __future__ import annotations

# "going according to plan": the object of "according to" is a norm or a plan, not a source.
NORM_NOUNS = frozenset("""
plan plans script schedule timetable law laws rule rules tradition custom protocol procedure
procedures design expectation expectations instruction instructions guideline guidelines
constitution regulation regulations blueprint playbook precedent standard standards norm norms
book recipe formula pattern
""".split())


# "ordered according to their ranking scores", "priced according to size": a verb of
# arranging or measuring right before it makes the object a criterion (stop 54, real text).
ARRANGING = frozenset("""
order sort rank arrange group classify categorize categorise price vary differ adjust weight
distribute allocate assign divide organize organise grade tailor calibrate scale tax pay
""".split())


def according_to(t) -> bool:
    """`t` opens an "according to X" that names a source: "according to officials" yes;
    "going according to plan", "according to the rules", "according to a classic script",
    "ordered according to their scores" no."""
    doc = t.doc
    if t.lower_ != "according" or t.i + 1 >= len(doc) or doc[t.i + 1].lower_ != "to":
        return False
    before = t.i - 1
    while before >= 0 and doc[before].pos_ == "ADV":
        before -= 1
    if before >= 0 and doc[before].pos_ in ("VERB", "AUX") \
            and doc[before].lemma_.lower() in ARRANGING:
        return False
    objs = [c for c in doc[t.i + 1].children if c.dep_ == "pobj"]
    head = objs[0] if objs else (doc[t.i + 2] if t.i + 2 < len(doc) else None)
    return head is None or head.lower_ not in NORM_NOUNS


_DASHES = ("—", "–", "--")


def aside_start(sent, according) -> int:
    """Where the claim of an "according to X" starts: the sentence's start, or the token after
    an open dash before it (`Despite the fact that A's “B” had little use — he was pinned
    down, according to the defense — …`: the defense said only what the aside says; round 16,
    issue 20). A closed pair of dashes before it is part of the claim, and a dash the
    sentence never closes after it ("… at year's end -- nearly $38 million, according to X.")
    sets off no aside."""
    dashes = [t.i for t in sent if t.i < according.i and t.text in _DASHES]
    closed = any(t.text in _DASHES for t in sent if t.i > according.i)
    return dashes[-1] + 1 if len(dashes) % 2 and closed else sent.start


def behind_dash(doc, lo: int, hi: int) -> bool:
    """A dash opens an aside between tokens `lo` and `hi` (an odd number of them) that a dash
    after `hi` closes in its sentence: an "according to" at `hi` belongs to the aside, not to
    a quote before `lo`."""
    sent = doc[hi].sent
    return sum(t.text in _DASHES for t in doc[lo:hi]) % 2 == 1 \
        and any(t.text in _DASHES for t in doc[hi:sent.end])

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


# The tokens that stand as the cue of a phrase naming a source: "according (to X)" and "(in
# the) words (of X)" / "(in X's) words" (`according_to`, `words_of`).
PHRASE_CUES = frozenset({"according", "words"})


def words_of(t):
    """`t` is the "words" of "in the words of X" or "in X's words": X's head token (the
    source, as of "according to X"); else None ("in other words", "in a few words")."""
    if t.lower_ != "words" or t.dep_ != "pobj" or t.head.lower_ != "in" or t.head.i >= t.i:
        return None
    poss = [c for c in t.children if c.dep_ == "poss"]
    own = {u.i for c in poss for u in c.subtree}
    # Only the idiom: "in" then "the" or the possessor, and adjectives ("in the immortal
    # words of X", "in his own words"); not "in X's blank stare and robotic words of ...".
    if any(u.i not in own and u.lower_ != "the" and u.pos_ != "ADJ"
           for u in t.doc[t.head.i + 1:t.i]):
        return None
    if poss:
        return poss[0]
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ == "of" and c.i == t.i + 1:
            objs = [g for g in c.children if g.dep_ == "pobj"]
            return objs[0] if objs else None
    return None


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

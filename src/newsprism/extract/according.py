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


def according_to(t) -> bool:
    """`t` opens an "according to X" that names a source: "according to officials" yes;
    "going according to plan", "according to the rules", "according to a classic script" no."""
    doc = t.doc
    if t.lower_ != "according" or t.i + 1 >= len(doc) or doc[t.i + 1].lower_ != "to":
        return False
    objs = [c for c in doc[t.i + 1].children if c.dep_ == "pobj"]
    head = objs[0] if objs else (doc[t.i + 2] if t.i + 2 < len(doc) else None)
    return head is None or head.lower_ not in NORM_NOUNS

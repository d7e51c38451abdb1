"""Which verbs' clauses report something said, beyond the cue lexicons (`quotes` reads them)."""

from __future__ import annotations

# "Any reasonable person knows that ...", "everyone knows ...": a subject that stands for
# anyone is nobody's statement (not "someone familiar with the talks said", a source).
ANYONE = frozenset("anyone anybody everyone everybody nobody".split())


def stands_for_anyone(head) -> bool:
    return head.lower_ in ANYONE or head.pos_ == "NOUN" and any(
        c.dep_ == "det" and c.lower_ in ("any", "every") for c in head.children)


def on_verb_phrase(t, verb, hops: int = 2) -> bool:
    """`t` is the verb's own object or in a phrase right on it (`told by the treasurer`)."""
    for _ in range(hops):
        if t.head.i == t.i:
            return False
        t = t.head
        if t.i == verb.i:
            return True
    return False


def past_relative_word(verb, comp) -> int:
    """The first token of what a relative-clause cue reports: in `a category that voters said
    mattered`, the relative word before the cue stands for the noun and is no part of what
    was said ("mattered ..." is); otherwise the clause's first token."""
    lo = comp.left_edge.i
    if lo < verb.i and verb.dep_ == "relcl" and verb.doc[lo].tag_ in ("WDT", "WP"):
        return min((t.i for t in comp.subtree if t.i > verb.i), default=lo)
    return lo


def phone_call(lemma: str, parts) -> bool:
    """`Obama called relatives of the victims`: "call" with one object alone (no "a liar", no
    "for", no "as", no apposition: "called Y, a former driver, an outstanding leader"), and no
    quote mark in the rest of its sentence ("called a report ... “outrageous”"), is a
    telephone call or a summons, not words said about that object."""
    if lemma != "call" or len(parts) != 1 or parts[0].dep_ != "dobj":
        return False
    obj = parts[0]
    return not any(c.dep_ in ("appos", "npadvmod", "attr") for c in obj.children) \
        and not any(t.is_quote for t in obj.doc[obj.head.i:obj.sent.end])


NAMED = ("PERSON", "ORG", "GPE", "NORP")


def said_object(parts: list) -> list:
    """The parts of what an object verb reports, or [] when its object is only whom it is
    about: "accused Bill Clinton of misconduct", "praised the Pentagon for ...", "criticized
    President Obama for ..." have a name as the object (the whole of it, or its head with a
    title or article before it, no clause), which is no statement (the "of"/"for" phrase is no
    clause of its own either), so nothing is reported. Not "called Merkel “the chancellor of
    ...”", nor "urged Congress to act"."""
    named = [c for c in parts if c.dep_ == "dobj" and (
        all(t.ent_type_ in NAMED or t.is_punct for t in c.subtree)
        or c.ent_type_ in NAMED and not any(t.pos_ in ("VERB", "AUX") for t in c.subtree))]
    return [] if len(named) == len(parts) else parts

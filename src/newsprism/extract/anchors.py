"""What a figure or a date is about: the named place, organisation or person it hangs on.

"Northam defeated Gillespie by 9 points" and "In New Jersey, Murphy defeated Guadagno by 13
points" give two margins, not two versions of one: the figures hang on different people and
places. `anchors_at` reads the parse around a figure or date and returns the names of the
GPE / ORG / PERSON entities that govern or modify it ("PERSON:northam", "GPE:ohio");
`compare.anchors` compares them across outlets.

`speech_date` tells a date of the act of saying ("X said on Monday", "in a statement on
Tuesday, X said") from a date of the event reported: the first says when the speaker spoke.
"""

from __future__ import annotations

from ..lexicons.cues import SPEECH_NOUNS
from ..nlp.loader import ents_of

ANCHOR_TYPES = frozenset({"GPE", "ORG", "PERSON"})
# Prepositions on the verb whose object places the event ("held a rally in Las Vegas").
_PLACE_PREPS = frozenset({"in", "at", "near", "across", "throughout", "inside", "outside"})
_CLIMB = 6  # heads climbed from a figure to its verb
_RELATIVE = frozenset({"that", "which", "who", "whom"})
_ALIASES = {"us": "us", "u.s": "us", "united states": "us", "america": "us",
            "united states of america": "us", "uk": "uk", "u.k": "uk",
            "britain": "uk", "united kingdom": "uk", "great britain": "uk"}


def _name(ent) -> str:
    words = [w for w in ent.text.replace("\n", " ").split() if w.lower() not in ("the", "'s")]
    text = " ".join(words).lower().strip(".,;:'’\"").replace(".", "")
    text = text.removesuffix("'s").removesuffix("’s")
    if ent.label_ == "PERSON" and words:
        # People are named in full once and by surname after: compare surnames.
        text = words[-1].lower().strip(".,;:'’\"").removesuffix("'s").removesuffix("’s")
    return f"{ent.label_}:{_ALIASES.get(text, text)}"


def _entity_names(tokens, skip: range) -> set[str]:
    out = set()
    for t in tokens:
        if t.i in skip or t.ent_type_ not in ANCHOR_TYPES:
            continue
        for ent in ents_of(t.doc):  # few per sentence: fine
            if ent.start <= t.i < ent.end:
                out.add(_name(ent))
                break
    return out


def _subtree_without_clauses(tok):
    """The phrase headed by `tok` without relative or subordinate clauses in it."""
    out = [tok]
    for c in tok.children:
        if c.dep_ not in ("relcl", "acl", "advcl", "ccomp", "parataxis", "punct"):
            out.extend(_subtree_without_clauses(c))
    return out


def _verb_of(tok):
    """The verb `tok` hangs on (within a few steps), or None."""
    for _ in range(_CLIMB):
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ != "amod":
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _subject(verb):
    """The verb's subject phrase head; through a relative pronoun to what it stands for, and
    up coordination and open complements ("X held a rally that attracted ...", "X is set to
    ...")."""
    for _ in range(3):
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.lower_ in _RELATIVE and verb.dep_ == "relcl":
            head = _verb_of(verb.head)
            if head is None:
                return None
            verb = head
            continue
        if subj is not None:
            return subj
        if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i:
            verb = verb.head
            continue
        return None
    return None


_POSSESSIVES = frozenset({"its", "their"})


def _possessor(verb, skip: range) -> set[str]:
    """What "its" / "their" on a figure's noun stands for in a reported clause: the subject of
    the verb the clause hangs on ("The Nova ministry said that its 300 nurses ...": Nova)."""
    for _ in range(3):
        if verb.dep_ not in ("ccomp", "conj", "xcomp", "advcl") or verb.head.i == verb.i:
            return set()
        verb = verb.head
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return _entity_names(_subtree_without_clauses(subj), skip)
    return set()


def _modifier_names(t, skip: range) -> set[str]:
    """Names in the modifiers of a noun on a figure's way up to its verb; on an adverb, the
    place it is measured from ("60 miles south of Boston" / "65 miles south of Cambridge",
    stop 56, a real possible conflict: a distance from different places is two facts)."""
    if t.pos_ in ("NOUN", "PROPN", "NUM"):
        mods = [c for c in t.children if c.dep_ in ("compound", "amod", "poss", "nmod")
                or (c.dep_ == "prep" and c.lower_ in ("in", "of", "from", "for", "at"))]
    elif t.pos_ == "ADV":
        mods = [c for c in t.children if c.dep_ == "prep" and c.lower_ in ("of", "from")]
    else:
        return set()
    return {n for m in mods for n in _entity_names(_subtree_without_clauses(m), skip)}


def anchors_at(doc, start: int, end: int) -> tuple[str, ...]:
    """Named places, organisations and people that the figure or date at chars [start, end)
    hangs on: the modifiers of its noun phrase, its verb's subject and the places of its
    verb ("in Ohio"). Entities inside the figure itself do not count."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return ()
    skip = range(span.start, span.end)
    tok = span.root
    names: set[str] = set()
    # The noun phrases on the way up to the verb ("five of the Arkansas department's 200
    # tracers": the department's modifiers and the counted noun's own).
    path = []
    cur = tok
    for _ in range(_CLIMB):
        path.append(cur)
        if cur.pos_ in ("VERB", "AUX") or cur.head.i == cur.i:
            break
        cur = cur.head
    possessive = False
    for t in path:
        names |= _modifier_names(t, skip)
        possessive |= t.pos_ in ("NOUN", "PROPN", "NUM") and any(
            c.dep_ == "poss" and c.lower_ in _POSSESSIVES for c in t.children)
    verb = _verb_of(tok)
    if possessive and verb is not None:
        names |= _possessor(verb, skip)
    if verb is not None:
        subj = _subject(verb)
        if subj is not None:
            names |= _entity_names(_subtree_without_clauses(subj), skip)
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in _PLACE_PREPS:
                names |= {n for n in _entity_names(_subtree_without_clauses(c), skip)
                          if n.startswith("GPE:")}
            elif c.dep_ in ("npadvmod",) and c.ent_type_ == "GPE":
                names |= _entity_names([c], skip)
    return tuple(sorted(names))


def speech_date(doc, start: int, end: int, speech_verbs: frozenset[str]) -> bool:
    """Whether the date at chars [start, end) dates an act of saying: it hangs directly on a
    verb of saying ("X said Friday", "X said on Thursday night that ...") or on a speech noun
    that does ("in a statement on Tuesday, X said ...")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    for _ in range(_CLIMB):
        if tok.head.i == tok.i:
            return False
        # Up through the date itself, prepositions and speech nouns only: "after the meeting
        # on Tuesday, X said" dates the meeting.
        if tok.pos_ == "ADP" or tok.i in range(span.start, span.end) or \
                tok.ent_type_ in ("DATE", "TIME") or (
                tok.pos_ == "NOUN" and tok.lemma_.lower() in SPEECH_NOUNS):
            tok = tok.head
        else:
            break
        if tok.pos_ in ("VERB", "AUX"):
            return tok.lemma_.lower() in speech_verbs
    return False

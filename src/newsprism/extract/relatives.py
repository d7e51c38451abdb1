"""Readings of relative clauses the passes got wrong on a fresh real sample (issue 20, stop 39,
seed 433). Each keeps to what the clause's shape shows, and abstains otherwise:

- `relative_pronouns`: a he/she that speaks inside a relative clause of "who" hung on a
  person's name (`… former candidates like Gov. Scott Walker, who bailed on the race when he
  realized his finances were upside-down`) is that person: the clause is about its antecedent.
  The resolver looks back for the last subject and gave it to the previous sentence's subject
  (Ben Carson), as the antecedent here is a verb's object. Only when no other person is named
  between the name and the pronoun; a name or title of the other gender leaves it unresolved.
- `relative_misread`: `proposed new rules Tuesday that more specifically define …`, `propose
  alternative terms that more forcefully convey …`: the parser hangs a relative clause of the
  object noun on the verb as its reported clause. A reported "that" clause has a subject of its
  own; one whose only subject is "that" (or none) after an object noun of the same verb is the
  noun's relative clause: nothing was reported. Nor is a lone relative word a quote (`prepare
  for what he said would be difficult days` gave "what" as said, beside the clause itself).
"""

from __future__ import annotations

import dataclasses

from .names import name_gender, pronoun_gender

_SUBJECTS = frozenset(("nsubj", "nsubjpass", "csubj", "csubjpass", "expl"))
_RELATIVE_WORDS = frozenset(("that", "which"))
_WH_WORDS = frozenset(("what", "which", "that", "who", "whom", "whatever"))
_MAX_HOPS = 4  # from the pronoun's cue up to the relative clause


def _token_at(doc, span: tuple[int, int] | None):
    if span is None:
        return None
    sp = doc.char_span(span[0], span[1], alignment_mode="expand")
    return sp[0] if sp is not None and len(sp) == 1 else None


def _who_clause(verb):
    """The relative clause of "who" that holds `verb` (itself or a few heads up), hung on a
    person's name; else None."""
    x = verb
    for _ in range(_MAX_HOPS):
        if x.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.lower_ == "who" for c in x.children):
            return x if x.head.ent_type_ == "PERSON" and x.head.pos_ == "PROPN" else None
        if x.head.i == x.i or x.dep_ not in ("advcl", "ccomp", "conj", "xcomp"):
            return None
        x = x.head
    return None


def _person_between(doc, lo: int, hi: int, name_tokens: set[int]) -> bool:
    return any(t.ent_type_ == "PERSON" and t.i not in name_tokens for t in doc[lo:hi])


def relative_pronouns(finder, atts: list) -> list:
    """`atts` with a he/she speaker inside a "who" clause given to the clause's antecedent."""
    doc, out = finder.doc, []
    for a in atts:
        pron = _token_at(doc, a.speaker_span)
        clause = None
        if pron is not None and pron.lower_ in ("he", "she") and pron.dep_ == "nsubj":
            clause = _who_clause(pron.head)
        if clause is None:
            out.append(a)
            continue
        head = clause.head
        name_tokens = {t.i for t in head.subtree if t.ent_type_ == "PERSON"} | {head.i}
        if _person_between(doc, head.i + 1, pron.i, name_tokens):
            out.append(a)  # someone else named in the clause: the resolver's reading stands
            continue
        name, chars = finder.resolve(head, None)
        words = " ".join(t.text for t in head.subtree if t.i < clause.i)
        gender = name_gender(name or "", words)
        if name is None:
            out.append(a)
            continue
        if gender is not None and gender != pronoun_gender(pron.text):
            out.append(dataclasses.replace(a, speaker=None))
            finder.speaker_conf[a.speaker_span] = 0.0
            continue
        finder.speaker_conf[a.speaker_span] = max(finder.speaker_conf.get(chars, 0.0),
                                                  finder.speaker_conf.get(a.speaker_span, 0.0))
        out.append(dataclasses.replace(a, speaker=name))
    return out


def _misread_clause(doc, a):
    """True when `a`'s reported clause is a relative clause of the cue verb's object noun."""
    cue = doc.char_span(a.cue[0], a.cue[1], alignment_mode="expand") if a.cue else None
    verb = next((t for t in cue or () if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")
               and c.ent_type_ != "PERSON"]
    for c in verb.children:
        if c.dep_ != "ccomp" or not any(o.i < c.i for o in objects) \
                or not (c.idx <= a.start < c.idx + len(c.text) or
                        min(t.idx for t in c.subtree) <= a.start <= c.idx):
            continue
        relative = [t for t in c.children if t.lower_ in _RELATIVE_WORDS and t.i < c.i]
        # (any subject before the verb counts: "that he's committed" hangs "he" on "'s")
        subjects = [t for t in c.subtree if t.dep_ in _SUBJECTS and t.i < c.i]
        if relative and all(s.lower_ in _RELATIVE_WORDS for s in subjects):
            return True
    return False


def _without_lone_wh(text: str, a):
    """`a` without a part that is one relative word: `prepare for what he said would be …`
    splits around "he said" into "what" and the clause; "what" alone is no quote."""
    parts = tuple(p for p in a.parts if text[p[0]:p[1]].strip().lower() not in _WH_WORDS)
    if not parts or len(parts) == len(a.parts):
        return a
    return dataclasses.replace(a, parts=parts, start=min(p[0] for p in parts),
                               end=max(p[1] for p in parts))


def relative_misread(finder, atts: list) -> list:
    """`atts` without indirect attributions whose clause is an object noun's relative clause,
    and without a part of one that is one relative word."""
    return [_without_lone_wh(finder.text, a) if a.kind == "indirect" else a for a in atts
            if a.kind != "indirect" or not _misread_clause(finder.doc, a)]

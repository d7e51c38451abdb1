"""Definite role subjects as references (issue 20, stop 40; past roles, stop 41).

"The president … amplified his calls": a main clause's subject "the <role>" that speaker
resolution (`speakers.People.resolve_description`) gives to a person holding that role as a
title ("President X", "X, the mayor") refers to them as their name would, so a he/she after it
finds them. A role held once ("former President X") counts only for a description that says
so ("the former president")."""

from __future__ import annotations

from ..nlp.loader import tokens_of
from ..text import fold
from .names import PERSON_ROLE_NOUNS, role_words
from .persons import PAST_QUALIFIERS


def described_subjects(people, threshold: float) -> None:
    """Record each such subject of `people`'s article (a `speakers.People`) as a salient
    reference to the person it resolves to with at least `threshold` confidence."""
    for t in tokens_of(people.doc):
        if t.dep_ == "nsubj" and t.head.dep_ == "ROOT" and t.tag_ == "NN" \
                and fold(t.lemma_) in PERSON_ROLE_NOUNS and not people.in_quote(t.idx) \
                and any(c.lower_ == "the" for c in t.children):  # (a main clause's)
            k, conf = people.resolve_description(t, t.idx)
            if k is None:
                continue
            _, titles = people.persons[k].held(bool(PAST_QUALIFIERS & {
                c.lower_ for c in t.children}))
            if conf >= threshold and role_words((t.lemma_, t.text)) & titles:
                people.refer(t.idx, k, True)

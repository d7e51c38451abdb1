"""Definite role subjects as references (issue 20, stop 40; past roles, stop 41).

"The president … amplified his calls": a main clause's subject "the <role>" that speaker
resolution (`speakers.People.resolve_description`) gives to a person holding that role as a
title ("President X", "X, the mayor") refers to them as their name would, so a he/she after it
finds them. A role held once ("former President X") counts only for a description that says
so ("the former president").

A heading line without final punctuation ("Iowa push") is often parsed into the sentence after
it, its word as the main verb and the paragraph's own verb hung under it (stop 43, real text:
"Iowa push / The president held a rally ... “...,” he told supporters" gave the quote to the
candidate named before the heading). `main_verb` counts a verb attached across a line break as
a main clause's: no sentence of the cleaned text runs on across one."""

from __future__ import annotations

from ..nlp.loader import text_of, tokens_of
from ..text import fold
from .names import PERSON_ROLE_NOUNS, role_words
from .persons import PAST_QUALIFIERS


def main_verb(verb) -> bool:
    """The root of its sentence, or a verb the parse hangs on a word of an earlier line (the
    heading merged into its sentence: the verb heads its own line's clause)."""
    if verb.dep_ == "ROOT":
        return True
    head = verb.head
    if head.i >= verb.i:
        return False
    text = text_of(verb.doc)  # `doc.text` is rebuilt from every token on each access
    return "\n" in text[head.idx:verb.idx] and not any(
        "\n" in text[a.idx:verb.idx] for a in verb.ancestors if a.i > head.i)


def described_subjects(people, threshold: float) -> None:
    """Record each such subject of `people`'s article (a `speakers.People`) as a salient
    reference to the person it resolves to with at least `threshold` confidence."""
    for t in tokens_of(people.doc):
        if t.dep_ == "nsubj" and main_verb(t.head) and t.tag_ == "NN" \
                and fold(t.lemma_) in PERSON_ROLE_NOUNS and not people.in_quote(t.idx) \
                and any(c.lower_ == "the" for c in t.children):  # (a main clause's)
            k, conf = people.resolve_description(t, t.idx)
            if k is None:
                continue
            _, titles = people.persons[k].held(bool(PAST_QUALIFIERS & {
                c.lower_ for c in t.children}))
            if conf >= threshold and role_words((t.lemma_, t.text)) & titles:
                people.refer(t.idx, k, True)

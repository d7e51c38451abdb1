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

from ..lexicons.cues import SCENE_MARKS
from ..nlp.loader import text_of, tokens_of
from ..text import fold
from .names import PERSON_ROLE_NOUNS, is_title_token, role_words
from .persons import PAST_QUALIFIERS


def main_verb(verb) -> bool:
    """The root of its sentence, or a verb the parse hangs on a word of an earlier line (the
    heading merged into its sentence: the verb heads its own line's clause). Not a root that
    a scene mark opens: "President Trump tweeted hours after X, the director, released a
    statement" parsed with "released" as the root (stop 58, a fresh Baly draw: X took
    Trump's "He praised ..." at 0.95)."""
    if verb.dep_ == "ROOT":
        return not any(c.dep_ == "mark" and c.i < verb.i and c.lower_ in SCENE_MARKS
                       for c in verb.children)
    head = verb.head
    if head.i >= verb.i:
        return False
    text = text_of(verb.doc)  # `doc.text` is rebuilt from every token on each access
    return "\n" in text[head.idx:verb.idx] and not any(
        "\n" in text[a.idx:verb.idx] for a in verb.ancestors if a.i > head.i)


def opens_sentence(span) -> bool:
    """The name `span` (after its titles) opens its sentence; or, as a proper noun or a
    subject, its line: the parser runs a heading without final punctuation into the sentence
    after it ("Second look / Mr. Romney, meanwhile, is trying …", stop 58, a Baly article:
    Romney's "he is telling voters" then went to the man named before the heading), and a
    paragraph's first name into the quote that ends the paragraph before ("… a solution.” /
    Humphrey, for example, said he's hopeful …", "Humphrey" an object of the quote's verb:
    PolNeAR train). (Not any word opening a line: "Harsh? He doesn't think so", an
    adjective the NER calls a PERSON, hung on the sentence before: PolNeAR dev.)"""
    doc, first, start = span.doc, span.start, span.sent.start
    while start < first and doc[start].is_space:
        start += 1  # (a paragraph break the sentence opens with: "\n\nHumphrey, for example, said")
    while first > start and (is_title_token(doc[first - 1].text) or doc[first - 1].text == "."):
        first -= 1
    if first == start:
        return True
    return (span.root.pos_ == "PROPN" or span.root.dep_ in ("nsubj", "nsubjpass")) \
        and "\n" in doc[first - 1].text_with_ws


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

"""`“…,” Rios reports that officials wrote in a letter`: a tag after a quote whose verb
reports another verb of saying with its own subject names two people, the one who reports
(Rios) and the one whose words the quote is (the officials). The inner verb, with its empty
object slot the quote fills, is the quote's cue, and its subject the speaker. And the other
way round (`outer_cue`): `X said the call record indicated otherwise: “I beg to differ ...”`,
the quote after the inner verb is the words of the outer verb's subject."""

from __future__ import annotations

import re

from ..lexicons.cues import CUE_LEMMAS, WORDING_LEMMAS
from .cues import negated
from .names import PERSON_ROLE_NOUNS

# Verbs whose direct object is whom they speak to, not what they say ("told the council").
_ADDRESSEE_LEMMAS = frozenset({"tell", "ask", "inform", "assure", "warn"})


def inner_cue(verb):
    """(inner verb, its subject) when `verb`, a cue after the closing mark, reports a verb of
    saying whose words are the quote; else None."""
    if verb.lemma_.lower() not in CUE_LEMMAS:
        return None
    for c in verb.children:
        if c.dep_ != "ccomp" or c.i < verb.i or c.pos_ != "VERB" or negated(c) \
                or c.lemma_.lower() not in WORDING_LEMMAS:
            continue
        subject = next((s for s in c.children if s.dep_ == "nsubj" and s.i > verb.i), None)
        if subject is None or subject.lower_ in ("it", "that", "this", "which") \
                or any(g.dep_ in ("ccomp", "xcomp") or g.dep_ == "dobj"
                       and c.lemma_.lower() not in _ADDRESSEE_LEMMAS for g in c.children):
            return None  # the inner verb's words are written out: the quote is not them
        return c, subject
    return None


_FIRST_PERSON = re.compile(r"\b(?:I|me|my|myself)\b")
_SOMEONE_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "they", "who"})


def _someone(tok) -> bool:
    """A person, a body or a pronoun of one: someone who can speak as "I" (not the speakers
    `cues` also allows, a record, a poll or a document)."""
    return tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or tok.lower_ in _SOMEONE_PRONOUNS \
        or tok.lemma_.lower() in PERSON_ROLE_NOUNS


def outer_cue(verb, content: str):
    """The cue of a quote after a colon: `verb` (the nearest cue before it), or the verb of
    saying that reports it, when `verb`'s subject is a thing (no person, body or pronoun of
    one), the outer verb's subject someone, and the quote speaks in the first person singular,
    as no thing does (stop 62, a fresh Baly draw: "Rep. Sheila Jackson Lee, D-Texas, said the
    call record indicated otherwise: “I beg to differ with my friends.”" gave the quote to
    "the call record")."""
    if verb is None or verb.dep_ != "ccomp" or not _FIRST_PERSON.search(content):
        return verb
    head = verb.head
    inner = next((s for s in verb.children if s.dep_ in ("nsubj", "nsubjpass")), None)
    outer = next((s for s in head.children if s.dep_ == "nsubj"), None)
    if head.i > verb.i or head.lemma_.lower() not in CUE_LEMMAS or negated(head) \
            or inner is None or outer is None or _someone(inner) or not _someone(outer):
        return verb
    return head

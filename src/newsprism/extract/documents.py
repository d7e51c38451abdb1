"""Documents and possessors in a speaker phrase (issue 20, round 16: wrong speakers of fresh
real Baly samples).

"a statement", "the report", "a tweet" speak for whoever issued them (`cues._issuer` finds
"a statement from X", "X's statement", "the statement" after "X said in a statement"); a
proper name set before the noun names the issuer too ("a Pentagon report", "the Mueller
report"). When the article does not say who issued it, the document is no speaker: the quote
keeps the phrase as `speaker_text` and has no speaker, so two unrelated "the statement"
quotes can never be one speaker's (an attribution conflict needs a resolved speaker).

A name in the possessive inside the speaker phrase ("X, Trump's son-in-law, said") is whose
relation it is, not who speaks."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..nlp.loader import ents_of

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from ..model import Mention

# Entity types of a name before a document noun that can have issued it.
_ISSUER_TYPES = ("PERSON", "ORG")
_POSSESSIVE_AFTER = re.compile(r"['\u2019]s?(?=\W|$)")


def is_unissued_document(head) -> bool:
    """`head` (a noun the caller found in its list of document nouns) is a common noun, not
    a title-cased outlet ("The Post reported"): with no issuer found it speaks for no one."""
    return head.pos_ == "NOUN" and head.text[:1].islower()


def is_document_phrase(text: str, nouns: frozenset[str]) -> bool:
    """A speaker phrase kept as written whose last word is a lower-case document noun
    ("the statement"): an "it" after it is that document, and so no one either."""
    words = re.findall(r"[A-Za-z\u00C0-\u024F]+", text)
    return bool(words) and words[-1] in nouns | {w + "s" for w in nouns}


def compound_issuer(head) -> Span | None:
    """The PERSON or ORG entity of a proper name written right before the document noun
    ("a Pentagon report", "the Mueller report", "a Trump tweet"), or the owner of the account
    it was posted on ("a post on X's Twitter feed"), or None."""
    owner = account_owner(head)
    if owner is not None:
        return owner
    for c in head.children:
        # (the parser makes a name before a parenthesis a "nmod": "the Office (GAO) report")
        if c.dep_ in ("compound", "nmod") and c.i < head.i and c.pos_ == "PROPN" \
                and c.ent_type_ in _ISSUER_TYPES:
            ent = next((e for e in ents_of(c.doc) if e.start <= c.i < e.end), None)
            if ent is not None and ent.end <= head.i:
                return ent
    return None


# Where a post is put: "a post on X's Twitter feed" is X's.
_ACCOUNTS = frozenset("feed account page timeline channel blog website site".split())


def account_owner(head) -> Span | None:
    """The PERSON or ORG entity whose account ("on X's feed") the document was posted on."""
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("on", "to"):
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj" and obj.lemma_.lower() in _ACCOUNTS:
                poss = next((c for c in obj.children if c.dep_ == "poss"), None)
                if (ent := _issuer_entity(poss)) is not None:
                    return ent
    return None


def _issuer_entity(tok) -> Span | None:
    """The PERSON or ORG entity holding `tok` (None for no token or another entity)."""
    ent = next((e for e in ents_of(tok.doc) if e.start <= tok.i < e.end), None) \
        if tok is not None else None
    return ent if ent is not None and ent.label_ in _ISSUER_TYPES else None


def participle_issuer(head) -> Span | None:
    """The PERSON or ORG entity after "by" in a participle on the document noun ("a report
    released by the Brookings Institution", "a lawsuit filed in Manhattan by X"), or None."""
    for c in head.children:
        if c.dep_ != "acl" or c.tag_ != "VBN":
            continue
        for by in c.children:
            if by.dep_ in ("agent", "prep") and by.lower_ == "by":
                obj = next((o for o in by.children if o.dep_ == "pobj"), None)
                if (ent := _issuer_entity(obj)) is not None:
                    return ent
    return None


def possessor_only(text: str, m: Mention, head: Token) -> bool:
    """The name `m` is written in the possessive ("Trump's") and does not hold the phrase's
    head: "Jared Kushner, Trump's son-in-law and senior adviser, said" is not Trump's quote
    when the NER missed Kushner."""
    if m.start <= head.idx < m.end:
        return False
    return bool(_POSSESSIVE_AFTER.match(text, m.end)) or m.text.endswith(("'s", "\u2019s"))


def issuer_span(tok) -> Span:
    """The PERSON or ORG entity holding the issuer token `tok` ("The Harbour Trust released a
    statement": the whole name, not its head "Trust"), else the token alone."""
    ents = ents_of(tok.doc)
    ent = next((e for e in ents if e.start <= tok.i < e.end), None)
    if ent is not None and ent.label_ in _ISSUER_TYPES:
        return ent
    # "X's attorney, Michael Bromwich, said in a statement": the name beside the role issued
    # it (real text gave the statement to an attorney general named before).
    for c in tok.children:
        named = next((e for e in ents if c.dep_ == "appos" and e.start <= c.i < e.end), None)
        if named is not None and named.label_ in _ISSUER_TYPES:
            return named
    return tok.doc[tok.i:tok.i + 1]

"""Whom a speaker phrase cannot stand for, from the shape of its own clause (issue 20, round 14
real samples). `cues` reads these tests and leaves a speaker out (or unresolved) rather than
guess.

- A subject pronoun never stands for a person named later in its own clause: in "he called
  for the dismissal of X's predecessor" or "she said X would win" "he"/"she" is not X (a
  pronoun that comes first and governs the name cannot be that name). A clause of its own
  joined to the verb ("he spoke and X left") is not part of it. Nor is a parenthetical
  "he says" a person its host clause names ("Ryan, he says, is helping ...").
- A subject pronoun whose sentence has just named someone else's remark ("X was referring
  to Y's comment last year, when he said ...") may be either: the remark's owner (Y) is as
  likely as the sentence's subject (X).
- A subject pronoun of a clause reported by one person the article does not name ("A
  security guard told a reporter that he believed ...", stop 40) is that person: no one
  named before.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..lexicons.cues import (
    CLAIM_NOUNS,
    CUE_LEMMAS,
    ISSUED_NOUNS,
    PARENTHETICAL_LEMMAS,
    READ_DOCUMENT_NOUNS,
    READABLE_NOUNS,
)
from ..nlp.loader import ents_of
from .names import PERSON_ROLE_NOUNS
from .spans import SUBJECT_DEPS
from .things import inanimate_head

if TYPE_CHECKING:
    from .speakers import People

# Past this many tokens writers name the subject again in a long paraphrase ("the president
# often says: In his view, ... what Mr. Obama said in Springfield was ..."); an apposition
# names the subject itself ("before clarifying that he, Christie, ...").
BIND_REACH = 15
_BREAKS = re.compile(r"\n|;|:| - |—|–")
# Clauses joined to the pronoun's verb that have their own subject and so lie outside the
# pronoun's reach: "he said A, and X said B" may be X; so may a verb of saying with its own
# subject that the parser joined to the reported clause ("he said A would win and X said B").
_OWN_CLAUSE_DEPS = frozenset({"conj", "parataxis"})
# Clauses in which writers name the speaker as background, against the rule: "he said after
# X read the facts to which Lazar admitted", "he told Y, to cheers at the event where Trump
# spoke".
_ASIDE_DEPS = frozenset({"advcl", "relcl", "acl"})


def _own_clause_tokens(pron) -> list:
    """The tokens after `pron` in its verb's clause and line (within `BIND_REACH`), without
    an apposition, the pronoun's own phrase, a joined clause of its own (`_OWN_CLAUSE_DEPS`),
    an adverbial or relative clause (`_ASIDE_DEPS`) or words in brackets (an aside)."""
    verb, doc = pron.head, pron.doc
    # (the parser's sentence may run over a paragraph break: stop at the line's end)
    end = next((t.i + 1 for t in doc[pron.i:pron.sent.end] if "\n" in t.text_with_ws),
               pron.sent.end)
    out, stack = [], [c for c in verb.children if c.i != pron.i]
    while stack:
        t = stack.pop()
        if t.dep_ in _ASIDE_DEPS and not _goes_on_saying(t) or t.dep_ in _OWN_CLAUSE_DEPS \
                and (t.head.i == verb.i or t.lemma_.lower() in CUE_LEMMAS) \
                and any(c.dep_ in SUBJECT_DEPS for c in t.children):
            continue
        if pron.i < t.i < min(end, pron.i + BIND_REACH) and t.dep_ not in ("appos", "npadvmod") \
                and not _in_brackets(t, pron.i):
            out.append(t)
        stack.extend(t.children)
    return out


def _host_clause_tokens(pron) -> list:
    """For a parenthetical cue ("Ryan, he says, is helping ...", "Democrats such as X can
    offer solutions, he says"), the tokens of the clause it reports, on its line: what "he"
    says about them, so he is none of them."""
    verb, doc = pron.head, pron.doc
    if verb.dep_ != "parataxis" or verb.head.i == verb.i \
            or verb.lemma_.lower() not in PARENTHETICAL_LEMMAS:
        return []
    # Set off by commas on both sides: not "math he said showed ..." nor "(that she insisted
    # were not scandals)", which the parser also hangs on as parataxis.
    first = pron.left_edge.i  # ("Kushner, the official said, told ...": the phrase's start)
    if first == 0 or doc[first - 1].text != "," \
            or not any(t.text == "," for t in doc[verb.i + 1:verb.i + 4]):
        return []
    own = {t.i for t in verb.subtree}
    # (only the stretch of the sentence the parenthetical sits in: not past a dash, colon,
    # semicolon or line break, "Trump was back to implying X lied - if it was bad, he said")
    return [t for t in verb.head.subtree if t.i not in own and t.sent == pron.sent
            and not _BREAKS.search(doc[min(t.i, pron.i):max(t.i, pron.i)].text)]


def _goes_on_saying(clause) -> bool:
    """"he said, adding that ...", "he said when asked about ...": an adverbial clause of a
    verb of saying with no subject of its own goes on with the pronoun's speech act."""
    return clause.dep_ == "advcl" and clause.lemma_.lower() in CUE_LEMMAS \
        and not any(c.dep_ in SUBJECT_DEPS for c in clause.children)


def _in_brackets(t, lo: int) -> bool:
    """An opening bracket between token `lo` and `t` that is not closed before `t`."""
    words = [w.text for w in t.doc[lo:t.i]]
    return words.count("(") + words.count("[") > words.count(")") + words.count("]")


def named_in_own_clause(pron, people: People) -> frozenset[int]:
    """The people a subject he/she (or description) `pron` cannot be: those its own clause
    names after it
    (the head word of a person mention, or of a proper noun, that names exactly one person
    of the article). Words inside quote marks are a quote's own."""
    if pron.dep_ not in SUBJECT_DEPS or pron.head.i == pron.i:
        return frozenset()
    out: set[int] = set()
    for t in _own_clause_tokens(pron) + _host_clause_tokens(pron):
        if t.pos_ != "PROPN" or t.dep_ == "compound" or people.in_quote(t.idx):
            continue  # ("the Lanz administration": a name that only modifies a noun)
        ent = next((e for e in ents_of(t.doc) if e.start <= t.i < e.end), None)
        name = ent.text if ent is not None and ent.label_ == "PERSON" else t.text
        fits = [k for k, p in enumerate(people.persons) if p.matches(name)]
        if len(fits) == 1:
            out.add(fits[0])
    return frozenset(out)


def rival_claimant(pron, people: People, chosen: int) -> bool:
    """Another person than `chosen`, of a gender that fits, owns a remark named before the
    subject pronoun `pron` in its sentence ("Y's comment", "Y's claim"): the pronoun may
    stand for either."""
    if pron.dep_ not in SUBJECT_DEPS:
        return False
    gender = {"he": "m", "she": "f"}.get(pron.lower_)
    for t in pron.doc[pron.sent.start:pron.i]:
        if t.dep_ != "poss" or t.pos_ != "PROPN" or t.head.lemma_.lower() not in CLAIM_NOUNS:
            continue
        ent = next((e for e in ents_of(t.doc) if e.start <= t.i < e.end), None)
        name = ent.text if ent is not None and ent.label_ == "PERSON" else t.text
        fits = [k for k, p in enumerate(people.persons) if p.matches(name)]
        if len(fits) == 1 and fits[0] != chosen and people.agrees(fits[0], gender):
            return True
    return False


def cannot_be(pron, people: People, chosen: int) -> bool:
    """The person `chosen` for the subject pronoun `pron` is ruled out by its clause, or
    another fits as well."""
    return chosen in named_in_own_clause(pron, people) or rival_claimant(pron, people, chosen) \
        or reported_by_someone_unnamed(pron, people)


_WRITTEN = READABLE_NOUNS | READ_DOCUMENT_NOUNS | ISSUED_NOUNS | CLAIM_NOUNS


def reported_by_someone_unnamed(pron, people: People) -> bool:
    """"A security guard told a reporter that he believed the sellers ...": the subject
    pronoun of a clause reported by a singular person noun that resolves to no one named (an
    indefinite one never does) stands for that unnamed person."""
    verb = pron.head
    if pron.dep_ not in SUBJECT_DEPS or verb.dep_ != "ccomp" \
            or verb.head.lemma_.lower() not in CUE_LEMMAS:
        return False
    subj = next((c for c in verb.head.children if c.dep_ in SUBJECT_DEPS), None)
    if subj is None or subj.tag_ != "NN" or not subj.text.islower() \
            or subj.lemma_.lower() in _WRITTEN or inanimate_head(subj, PERSON_ROLE_NOUNS):
        return False  # (a person, not "the report said he ...")
    indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an", "another")
                     for c in subj.children)
    return indefinite or people.resolve_description(subj, subj.idx)[0] is None


def relative_antecedent(rel):
    """The noun a relative pronoun `rel` ("who") stands for: the parser's head of its clause,
    unless a person's name stands right before it (", who"): in "the Reverend X Graham, who
    called it “…”, and senator Y Graham, who said: “…”" the parser may hang the second
    "who" on the first Graham."""
    doc, j = rel.doc, rel.i - 1
    if j >= 0 and doc[j].text == ",":
        j -= 1
    parsed = rel.head.head
    if j >= 0 and doc[j].pos_ == "PROPN" and doc[j].ent_type_ == "PERSON" \
            and doc[j].dep_ not in ("pobj", "poss") and parsed.ent_type_ == "PERSON":
        return doc[j]  # (not "X, 24, from Manchester, who said": a place the model tagged)
    return _of_place_or_body(rel, parsed) or _noun_before(rel, parsed) or parsed


def _noun_before(rel, parsed):
    """"a website quoting an anonymous ex-staffer who alleged …": a "who" right after a noun
    (no comma) stands for that noun when the parser hung it on a noun further back that names
    no person (stop 59, a Baly article: the website's words). Not "a man in the crowd who
    ..." (a prepositional phrase's noun, which the parser may rightly pass over), nor the
    last of a coordination ("groups, entertainers and business leaders who said": all of
    them). None otherwise."""
    if rel.lower_ not in ("who", "whom") or rel.i == 0:
        return None
    near = rel.doc[rel.i - 1]
    if near.pos_ != "NOUN" or parsed.i >= near.i or parsed.pos_ == "PRON" \
            or parsed.ent_type_ == "PERSON" or parsed.lemma_.lower() in PERSON_ROLE_NOUNS \
            or near.dep_ in ("pobj", "conj") or any(c.dep_ == "conj" for c in near.children):
        return None
    return near


_PLACE_OR_BODY = frozenset({"ORG", "GPE", "FAC", "LOC"})


def _of_place_or_body(rel, parsed):
    """"X, vice president of Atlantic Plate Glass Co., who said …": "who" hung on an
    organisation or a place after a person's role stands for the person (the role, or the
    name it is set beside), not for the company (stop 58, a Baly article). None otherwise."""
    if rel.lower_ not in ("who", "whom") or parsed.ent_type_ not in _PLACE_OR_BODY \
            or parsed.dep_ != "pobj" or parsed.head.lower_ not in ("of", "at", "for", "with"):
        return None
    role = parsed.head.head
    while role.dep_ == "compound" and role.head.i != role.i:
        role = role.head
    if role.pos_ != "NOUN" or role.lemma_.lower() not in PERSON_ROLE_NOUNS:
        return None
    named = role.head if role.dep_ == "appos" else None
    return named if named is not None and named.ent_type_ == "PERSON" else role


def unless_bound(found: tuple[int | None, float], subject, people: People
                 ) -> tuple[int | None, float]:
    """A description subject's (person, confidence), or (None, 0) when its own clause names
    that person after it: in "The president said Clinton was ready" the president is not
    Clinton; nor is a role anyone's whose name owns it: "President Donald Trump's nominee
    for the Supreme Court says ..." is not Trump (stop 63, real text: the nominee's words went
    to Trump, the only person the sentence named)."""
    k = found[0]
    owners = {people.resolve_name(c.text) for c in subject.children
              if c.dep_ == "poss" and c.pos_ == "PROPN"}
    return (None, 0.0) if k is not None and (k in named_in_own_clause(subject, people)
                                             or k in owners) else found

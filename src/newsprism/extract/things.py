"""Things that do not speak (issue 20, round 16, second task: wrong speakers of fresh real
Baly draws).

"The sensitivity of the model's projections … confirms what X has stated about “…”", "her
GMO moratorium proposal, telling CNN …", "anger over … reports that said …": the parse gives
the cue a subject whose head is an abstract or inanimate common noun. Such a thing is no
speaker, whatever the cue verb (`cues.thing_speaker` already covered it for a few verbs of
showing): the phrase stays as `speaker_text` with no speaker.

The test is narrow on purpose (precision before recall): a common noun with no entity type
counts as a thing only when its form is an abstract noun's (-ity, -ness, -ism, -ance, -ence,
-tion, -sion, -ment, -ship) or it is in a short list of ideas, feelings and measures, and
never when it is a person, role, group, institution, outlet or document noun (the project
keeps documents, polls and studies as written) or one of the institutions those endings also
make ("the university", "the administration", "the government", "the commission")."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .direct import Attribution

_ABSTRACT_ENDINGS = ("ity", "ness", "ism", "ance", "ence", "tion", "sion", "ment", "ship")
# Ideas, feelings, plans and measures that take a cue verb only as a figure of speech.
_THING_NOUNS = frozenset("""
proposal idea notion concept theory anger fury outrage fear concern frustration hope worry
moratorium projection projections trend trends rise increase decline drop surge
math logic effort attempt bid
""".split())
# Nouns with those endings that name people, institutions, documents or studies: they
# speak, or the project keeps them as written.
_SPEAKING_ABSTRACTS = frozenset("""
university authority authorities community city majority minority plurality charity celebrity
society municipality entity fraternity sorority personality presidency agency residence faction
administration organization organisation association commission coalition opposition delegation
foundation institution federation corporation nation congregation generation population station
convention prosecution constitution legislation petition resolution declaration publication
television division mission audience conference intelligence alliance government department
parliament establishment movement management leadership ministry embassy witness business
defence defense competition confederation union partnership ownership membership readership
agreement settlement indictment judgment judgement amendment investigation assessment
evaluation examination calculation enforcement collection constellation
""".split())
# Nouns of words said or written ("his quotes", "her phrase", "CNN's response"): they do not
# speak; whose they are does (`cues.CueReader._owner_of_words`).
SAID_NOUNS = frozenset("quote word remark comment phrase response reply answer explanation "
                       "thread tweet".split())
# Nouns of what someone thinks or says: "His assumption … was that “…”", "X's comments" are
# theirs (PolNeAR's gold reads them so).
_MIND_NOUNS = frozenset("""
assumption belief view position stance conclusion explanation suggestion contention assertion
insistence declaration description characterization characterisation prediction opinion
comment remark argument reaction question discussion
""".split()) | SAID_NOUNS
# Who an "of" phrase on a quantity or share names speaks ("The proportion of voters saying").
_WHO_ENTS = ("PERSON", "NORP", "ORG")


def inanimate_head(head, speaking: frozenset[str]) -> bool:
    """`head` of a speaker phrase is an abstract or inanimate common noun, not someone who can
    say something; `speaking` is the caller's nouns of people, groups and documents. A
    capitalised word is left alone (the tagger calls some names nouns: "Hannity")."""
    if head.pos_ != "NOUN" or head.ent_type_ or not head.text.islower():
        return False
    lemma, word = head.lemma_.lower(), head.lower_
    if {lemma, word} & (speaking | _SPEAKING_ABSTRACTS):
        return False
    if lemma in _MIND_NOUNS and any(c.dep_ == "poss" for c in head.children):
        return False
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"):
        if any(o.ent_type_ in _WHO_ENTS or o.lemma_.lower() in speaking or o.pos_ == "PRON"
               for o in prep.children if o.dep_ == "pobj"):
            return False
    return lemma in _THING_NOUNS or word in _THING_NOUNS or lemma.endswith(_ABSTRACT_ENDINGS)


def inner_cue_speaks(a: Attribution, direct: list[Attribution],
                     things: set[tuple[int, int]]) -> bool:
    """`The sensitivity of … confirms what X has stated about “…”`: an indirect reading whose
    speaker phrase is a thing (`things`) leaves the quote to the direct reading whose own cue,
    inside that clause, has a speaker (round 16, issue 20). An unresolved "they" keeps it."""
    return a.speaker is None and a.speaker_span in things and any(
        d.start == a.start and d.end == a.end and d.speaker is not None and d.cue is not None
        and a.clause_start <= d.cue[0] < a.clause_end for d in direct)

"""Cues and speakers: the speech-verb lexicons and the dependency walks that find, for a cue,
who is speaking and which words name them (shared by the direct and indirect passes of
`quotes`). Every walk is bounded, so a runaway parse costs constant work per cue.

Long because the lexicons and the walks that read them change together: a new cue word and the
walk that finds its speaker are one change.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from ..lexicons.cues import (
    ATTEMPT_HEADS,
    CUE_LEMMAS,
    IRREALIS_HEADS,
    ISSUE_LEMMAS,
    ISSUED_NOUNS,
    OBJECT_LEMMAS,
    PARENTHETICAL_LEMMAS,
    READ_DOCUMENT_NOUNS,
    READABLE_NOUNS,
    SCENE_MARKS,
    SPEECH_LEMMAS,
    SPEECH_NOUNS,
    VERDICT_LEMMAS,
    WORDING_LEMMAS,
)
from ..model import Article, Mention
from ..nlp.loader import ents_of, sents_of, text_of, tokens_of
from ..text import fold
from .according import PHRASE_CUES, according_to, words_of
from .binding import cannot_be, relative_antecedent, unless_bound
from .documents import (
    compound_issuer,
    is_document_phrase,
    is_unissued_document,
    issuer_span,
    participle_issuer,
    possessor_only,
)
from .names import (
    PERSON_ROLE_NOUNS,
    is_title_token,
    lone_name_gender,
    pronoun_gender,
)
from .pronoun_doubt import Doubts
from .quotemarks import pair_quotes
from .spans import (
    FINITE_TAGS,
    NP_START,
    SUBJECT_DEPS,
    SpanReader,
    quoting_governor,
    swallowed_cue,
)
from .speakers import QUALIFIERS, SPEAKER_MIN_CONFIDENCE, People
from .things import SAID_NOUNS, inanimate_head
from .unsaid import (
    asked_of_subject,
    blamed_for,
    controlling_object,
    for_to_infinitive,
    generic_gerund,
    joined_to_reported_clause,
    known_in_report,
    legal_plea,
    naming_call,
    object_controlled,
    passive_cue,
    points_back,
    preferred,
    premise,
    vocative_imperative,
)
from .vague import crowd_belief, predicted_words

if TYPE_CHECKING:
    from spacy.tokens import Token

_QUOTE_CHARS = frozenset('"“”«»')
_NP_RIGHT = frozenset({"compound", "flat", "prep", "pobj", "amod", "nummod", "appos"})
MAX_CUE_GAP = 12  # tokens between a quote mark and its cue verb
# After a quote the speaker phrase can be long ("X, who served as ..., told"); the verb must
# then have its subject between the quote and itself.
MAX_RIGHT_CUE_GAP = 30
MAX_CLAUSE_TOKENS = 300  # longer "clauses" are parse failures; the cap keeps work linear
# Cues whose object is who was spoken to ("told X", "asked X", "wrote to X"): never a speaker.
ADDRESS_LEMMAS = frozenset("tell ask inform assure urge warn thank remind write brief "
                           "answer reply respond email text call".split())
# Documents that speak for whoever issued them ("the statement said").
DOCUMENT_NOUNS = frozenset("statement letter release communique communiqué memo report "
                           "post tweet filing complaint lawsuit".split())
ISSUER_REACH = 2000  # characters a later "the statement" may look back for its issuer
# Confidence of speakers that are not pronouns or descriptions: a name the article's people
# hold, a name alone (the NER's, not grouped), a group or document as written, "it" after one.
CONF_NAME = 1.0
CONF_LONE_NAME = 0.9
CONF_AS_WRITTEN = 0.8
CONF_IT = 0.6


# Cues whose subject is often a thing ("Vaccine hoarding threatens ...", "an adjective that
# describes ..."): with them a common noun speaks only if it names people, a group or a
# document.
THING_SUBJECT_LEMMAS = frozenset("threaten describe signal indicate show find suggest reveal "
                                 "predict estimate fear expect mean".split())
SPEAKING_GROUP_NOUNS = frozenset("""
official expert analyst critic scientist researcher lawmaker resident witness police authority
source protester investigator prosecutor doctor economist aide observer member voter supporter
opponent activist student parent teacher worker people person poll survey study data document
record group party campaign government administration agency committee court panel company
firm council board ministry department office union coalition team staff family relative
""".split())


_SPEAKING_NOUNS = PERSON_ROLE_NOUNS | DOCUMENT_NOUNS | SPEAKING_GROUP_NOUNS | READABLE_NOUNS
# What may be the subject of "read" as a cue (`“…,” the article read`, `a sign that read “…”`).
READABLE = READABLE_NOUNS | READ_DOCUMENT_NOUNS


# Verbs whose complement's "subject" is their object (`let X know`, `made X sign`): a
# participle hung on that complement is not X's.
_CAUSATIVE_LEMMAS = frozenset("let make help have see watch hear".split())
_SPEAKING = CUE_LEMMAS | VERDICT_LEMMAS  # verbs whose subject speaks


def _chain_top(verb):
    """The top verb of a participle's chain (see `Cues._chain_subject`), on the participle's
    line: a head in another paragraph is the parser running two together ("The Justice
    Department welcomed the decision, saying ..." hung on the next paragraph's "A spokesman
    for X said"; stop 57), and no further than a finite subordinate clause with its own
    subject that opens the sentence, the participle inside it ("After an adviser appeared on
    Fox News saying the document was a fake, her team backtracked": the adviser's words; stop
    57), nor past a joined clause with its own subject ("sailors arrived as Governor X
    denounced them, vowing ...", parsed with "denounced" joined to "arrived": X vows; stop 60).
    A participle after the main verb stays the main subject's, wherever the parser hangs it
    ("a memo was released as the polls closed stating that ...": the memo's)."""
    means = verb.head.head if verb.dep_ == "pcomp" and verb.head.lower_ == "by" else None
    if means is not None and means.tag_ not in ("VB", "VBG") \
            and any(c.dep_ in SUBJECT_DEPS for c in means.children):
        # "…, though X stunned lawmakers by telling them that …": X told them (not "calls
        # for the party to respond by recognizing …": an infinitive's subject does nothing yet)
        return means
    top, hops = verb, 0
    text = text_of(verb.doc)
    while top.dep_ in ("advcl", "conj", "xcomp", "ccomp", "pcomp", "prep", "csubj") \
            and top.head.i != top.i and hops < 6 \
            and "\n" not in text[min(top.idx, top.head.idx):max(top.idx, top.head.idx)] \
            and not (top.i != verb.i and top.dep_ == "advcl" and top.tag_ in FINITE_TAGS
                     and verb.i < top.head.i
                     and any(c.dep_ in SUBJECT_DEPS for c in top.children)) \
            and not (top.i != verb.i and top.dep_ == "conj" and top.tag_ in FINITE_TAGS
                     and any(c.dep_ in SUBJECT_DEPS for c in top.children)) \
            and not (
                top.dep_ == "ccomp" and top.head.lemma_.lower() not in CUE_LEMMAS
                and top.head.lemma_.lower() not in _CAUSATIVE_LEMMAS
                and any(c.dep_ in SUBJECT_DEPS for c in top.children)):
        top, hops = top.head, hops + 1
    return _speaking_clause_before(verb, top) or top


def _speaking_clause_before(verb, top):
    """`Marines arrived to bolster security as President Trump denounced the protesters,
    vowing …`: a comma-set participle right after a subordinate clause whose own subject
    speaks, in a sentence whose top verb does not speak, continues that clause (Trump vowed;
    stop 60, real text: the parser hung it on the arriving). None otherwise: after "X said
    … because officials ignored it, adding …" X still adds."""
    if verb.tag_ != "VBG" or top.i >= verb.i or top.lemma_.lower() in _SPEAKING:
        return None
    for t in tokens_of(verb.doc)[top.i + 1:verb.i]:
        if t.dep_ == "advcl" and t.tag_ in FINITE_TAGS and t.lemma_.lower() in _SPEAKING \
                and verb.i - 2 <= t.right_edge.i < verb.i \
                and any(c.dep_ in SUBJECT_DEPS for c in t.children):
            return t
    return None


_SET_OFF = frozenset((",", "—", "–", "--"))  # an apposition's commas or dashes


def _with_subject(verb):
    """`The group rejected it, with Jane Doe, its chair, saying that …`: in this absolute
    construction the noun after "with" is the participle's subject, not the clause's. The
    parser hangs the participle on the noun (acl) or beside "with" on the clause's verb
    (advcl; the acl case is `Cues._parsed_speaker`'s). The noun, or None."""
    if verb.tag_ != "VBG" or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    if verb.dep_ not in ("advcl", "conj", "xcomp") or verb.head.i == verb.i:
        return None
    for prep in verb.head.children:
        if prep.dep_ != "prep" or prep.lower_ != "with" or not prep.i < verb.i:
            continue
        for noun in prep.children:
            # Next to the participle, or set off by the commas of its own apposition or
            # clause: "spoke with reporters, saying" is no absolute (the subject speaks).
            if noun.dep_ == "pobj" and _may_speak(noun) \
                    and (noun.right_edge.i + 1 == verb.i and not noun.right_edge.is_punct
                         or noun.right_edge.i + 2 >= verb.i
                         and all(t.text in _SET_OFF for t in noun.doc[noun.right_edge.i:verb.i]
                                 if t.is_punct)
                         and any(c.dep_ in ("appos", "relcl", "acl") for c in noun.children)):
                return noun
    return None


def _nearest_subject(verb):
    """The subject of `verb` nearest it: with two, the parser read a fronted phrase as one
    ("Briefing Parliament on Tuesday, Minister X called …, but said …"). None without."""
    subj = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    return min(subj, key=lambda c: abs(c.i - verb.i)) if subj else None


# Words that open a clause of time or reason, which the parser may read as a preposition whose
# object is the clause's subject.
_CLAUSE_OPENERS = frozenset({"after", "before", "since", "until", "because", "as", "once",
                             "while", "when"})


def _opener_object(verb):
    """`X issued a response after a TV interview on Sunday alleged that …`: a finite cue
    without a subject right after the object of a clause opener the parser read as a
    preposition ("after" + "a TV interview"): that object is its subject, not the main
    clause's (stop 60, real text: the allegation had gone to X). None otherwise."""
    if verb.dep_ != "advcl" or verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.i == 0 \
            or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    for t in tokens_of(verb.doc)[max(0, verb.i - 8):verb.i]:
        if t.dep_ == "pobj" and t.right_edge.i == verb.i - 1 \
                and t.head.lower_ in _CLAUSE_OPENERS and t.pos_ in ("NOUN", "PROPN"):
            return t
    return None


def _may_speak(noun) -> bool:
    """A person, an organisation, a speaking group ("critics") or a personal pronoun: not "a
    reference to the film", which no participle of saying has as its subject."""
    if noun.pos_ == "PRON":
        return noun.lower_ not in ("it", "this", "that", "which", "what")
    return noun.ent_type_ in ("PERSON", "ORG", "NORP") \
        or noun.lemma_.lower() in SPEAKING_GROUP_NOUNS or any(
            c.dep_ == "appos" and c.ent_type_ in ("PERSON", "ORG") for c in noun.children)


def inverted_object(verb, noun) -> bool:
    """`“…,” praised his looks and character`: after a verb whose object is what it praises,
    calls or denies (`OBJECT_LEMMAS`), a common noun is that object, not a subject written after
    its verb (`“…,” said his spokesman`); only a name inverts there (stop 45). No noun at all
    (None) is no speaker either."""
    return noun is None or verb.lemma_.lower() in OBJECT_LEMMAS and noun.pos_ != "PROPN" \
        and noun.ent_type_ not in ("PERSON", "ORG")


def _says_itself(noun) -> bool:
    """The words-noun `noun` ("Little's explanation") introduces the quote itself: a label
    before a colon (`Little's explanation: “…”`) or the subject of a verb of speaking (`CNN's
    response said`); not an object or a subject of another verb a cue was hung on (`X
    challenged Y's comments, tweeting: “…”`, `Y's remarks drew ire, with Z stating: “…”`)."""
    doc = noun.doc
    if noun.i + 1 < len(doc) and doc[noun.i + 1].text == ":":
        return True
    return noun.dep_ == "nsubj" and noun.head.lemma_.lower() in SPEECH_LEMMAS | {"continue"}


def before_main_clause(verb, o_tok: int) -> bool:
    """`When Clinton tried to interrupt, Sanders cut her off: “Excuse me, I'm talking!”`: a cue
    (or the verb it completes) in an adverbial clause opened by `SCENE_MARKS` whose main verb
    comes after it and before the colon that opens the quote (`o_tok`) does not introduce the
    quote; the main clause does (stop 45, real text: Sanders's words given to Clinton)."""
    v, hops = verb, 0
    while v.dep_ in ("xcomp", "conj") and v.head.i != v.i and hops < 3:
        v, hops = v.head, hops + 1
    if v.dep_ != "advcl" or not any(c.dep_ in ("mark", "advmod") and c.i < v.i
                                    and c.lower_ in SCENE_MARKS for c in v.children):
        return False
    # Only a main clause that ends in the colon opening the quote: the parse also hangs a
    # reporting verb on its own complement ("after Trump told the Post he was “not quite there
    # yet”": "told" under "was"), which this must not read as a main clause.
    return verb.i < v.head.i < o_tok and o_tok > 0 and verb.doc[o_tok - 1].text == ":"


def _hung_on_that_clause(verb) -> bool:
    """`X hopes to calm worries that Y would hurt Z, noting that …`: a comma-set participle
    whose chain stops at a "that" clause of a verb or noun that reports nothing. The parser
    hangs it there, but the clause's subject (Y, often a thing) is rarely its owner, and the
    parse cannot say whether X is: no speaker rather than a wrong one (nor the words next to
    the cue in its place)."""
    if verb.tag_ != "VBG" or verb.lower_ == "according" \
            or verb.dep_ not in ("advcl", "conj", "xcomp", "pcomp", "csubj"):
        return False
    top = _chain_top(verb)
    return top.i != verb.i and top.dep_ in ("ccomp", "acl") \
        and top.head.lemma_.lower() not in CUE_LEMMAS \
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in top.children) \
        and any(c.dep_ in SUBJECT_DEPS for c in top.children) \
        and verb.i > 0 and verb.doc[verb.i - 1].text == ","


def _name_words(head) -> str:
    """The words of the name headed by `head` ("KellyAnne Conway"), without what describes
    it."""
    lo = hi = head.i
    doc = head.doc
    while lo > 0 and doc[lo - 1].dep_ in ("compound", "flat") and doc[lo - 1].head.i == head.i:
        lo -= 1
    while hi + 1 < len(doc) and doc[hi + 1].dep_ == "flat" and doc[hi + 1].head.i == head.i:
        hi += 1
    return doc[lo:hi + 1].text


def _cut_in_name(span) -> bool:
    """The phrase stops inside a name the parse cut: "according to Columbia University
    historian Eric Foner became ..." read "Columbia" (stop 44): it names no one. The rest of
    the name must hold a capitalised word ("the Tax Policy Center - half" is whole)."""
    after = span.doc[span.end] if span.end < len(span.doc) else None
    return after is not None and after.ent_iob_ == "I" \
        and after.ent_type_ in ("PERSON", "ORG", "GPE", "FAC", "LOC") \
        and any(t.is_title for t in _rest_of_entity(after))


def _rest_of_entity(token) -> list:
    """`token` and the tokens after it in its named entity ("University" of "Columbia
    University"; "of Inspector General" of "Office of Inspector General")."""
    doc, out = token.doc, [token]
    i = token.i + 1
    while i < len(doc) and doc[i].ent_iob_ == "I":
        out.append(doc[i])
        i += 1
    return out


def _and_titled(between: str) -> bool:
    """The text between two names joins two people: "and", maybe with the second one's
    title ("Secretary of State Mike Pompeo and Defence Secretary Jim Mattis had urged ...,
    saying": stop 44, real text, the words of both went to Mattis)."""
    m = re.fullmatch(r",?\s+(?:and|&)\s+((?:[A-Z][\w.'’-]*\s+)*)", between)
    if m is None:
        return False
    title = m.group(1).split()
    # (or an employer and a role: "Zinke and Whitefish Energy CEO Andy Techmanski", stop 47)
    return not title or is_title_token(title[-1]) or fold(title[-1]) in PERSON_ROLE_NOUNS


def _other_first_name(head, person: str) -> bool:
    """The capitalised word before surname `head` in its name is a first name other than
    `person`'s: "Genesis Palomo said", typed ORG, in an article naming her mother Maria
    Palomo (stop 44, real text: the daughter's words went to the mother). Titles ("Mayor de
    Blasio"), role words, places, particles and words of the person's own name ("Dan La Botz"
    written "La Botz") are no first name."""
    if head.i == 0:
        return False
    prev = head.doc[head.i - 1]
    if prev.dep_ not in ("compound", "flat") or prev.head.i != head.i or prev.pos_ != "PROPN" \
            or not prev.text[:1].isupper() or is_title_token(prev.text) \
            or prev.lower_ in PERSON_ROLE_NOUNS or prev.ent_type_ in ("GPE", "NORP", "LOC", "FAC"):
        return False
    # A first name: one name with the surname as the model read it ("Genesis Palomo", one
    # entity), not a word of a page's furniture before it ("Embed Trump").
    if not (head.ent_iob_ == "I" and prev.ent_type_ == head.ent_type_
            and head.ent_type_ in ("PERSON", "ORG")):
        return False
    own = [fold(w) for w in person.split()]
    if len(own) < 2:
        return False  # "Renate Myles said", the person known only as "Myles": her first name
    return fold(prev.text) not in own and not (
        fold(prev.text)[:1] == own[0][:1] and len(prev.text.rstrip(".")) == 1)


def _participle_owner(noun):
    """The phrase a participle describes when `noun` is that participle's object ("those
    seeking [the nomination]" -> "those"), for a noun that is not a person's name."""
    if noun.ent_type_ in ("PERSON", "NORP") or noun.dep_ not in ("dobj", "pobj"):
        return None
    verb = noun.head if noun.dep_ == "dobj" else noun.head.head
    if verb.tag_ in ("VBG", "VBN") and verb.dep_ == "acl" and verb.head.i < verb.i:
        return verb.head
    return None


# Object pronouns never speak ("let them know that …", "..., told him"). "her" is left out: it
# is as often the possessive ("her spokesman said"). (Defined once: an earlier copy with "her"
# was shadowed by this one, so this set is the one every use already read.)
_OBJECT_PRONOUNS = frozenset({"him", "them", "me", "us", "whom"})
# Words, posts and documents whose owner says what a participle on them reports ("retweeting
# Mark Levin's tweet blasting ...", "given Mr. Trump's comments saying ..."); not an act
# ("the president's refusal to call ...": PolNeAR train, the one who judges it speaks).
_OWNED_WORDS = ISSUED_NOUNS | READ_DOCUMENT_NOUNS | SPEECH_NOUNS


def _named_thing(head) -> bool:
    """"The Hill", "The Atlantic": a singular name that takes "the" and that the NER tags as
    no person is an outlet's or a body's, never a bare surname (stop 63, real text:
    "according to The Hill" went to Rep. Katie Hill, named in the same article)."""
    return head.tag_ == "NNP" and head.ent_type_ not in ("", "PERSON") and any(
        c.dep_ == "det" and c.lower_ == "the" for c in head.children)


def object_pronoun(tok) -> bool:
    """An object pronoun; "US" in capitals is the country ("The US said ...", real text, stop
    48, was left without a speaker, and a later "it added" went to an earlier source)."""
    return tok.lower_ in _OBJECT_PRONOUNS and not (tok.text.isupper() and len(tok.text) > 1)


def negated(verb) -> bool:
    """`did not say`, `never called for`: the cue verb is negated, so what it reports is not
    what its subject said. A "not" cut off from the verb by punctuation is someone else's
    (`“… Probably not,” she said`: the parser hangs the quote's "not" on the cue). So is
    one under "no longer", and one joined by "or" to a negated verb of its form with no
    subject of its own: "no longer treat them with respect or believe they are ..." (stop
    61, a Baly opinion piece)."""
    doc = verb.doc
    if any(c.dep_ == "neg" and not any(
            doc[i].is_punct for i in range(min(c.i, verb.i) + 1, max(c.i, verb.i)))
           or c.lower_ == "longer" and any(g.dep_ == "neg" for g in c.children)
           for c in verb.children):
        return True
    return verb.dep_ == "conj" and verb.tag_ == verb.head.tag_ and verb.head.i < verb.i \
        and any(c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in verb.head.children) \
        and not any(c.dep_ in SUBJECT_DEPS for c in verb.children) and negated(verb.head)


def _to_infinitive(tok) -> bool:
    """`to say`: the token has its own "to"."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


# Subordinators of a condition or of a time still to come: a present-tense cue under one
# (`after X confirms that ...`, `once X announces ...`, `unless X says ...`) is awaited.
_CONDITION_MARKS = frozenset("after once when whenever until till unless before provided "
                             "providing lest".split())


def _conditional(verb) -> bool:
    """`after Israel confirms that ...`, `once X announces ...`, `as soon as X says ...`: a
    present-tense cue in a clause of condition or of a time to come reports nothing said yet.
    The past (`after X confirmed that ...`) is a statement and stays a cue."""
    if verb.tag_ not in ("VBZ", "VBP") or verb.dep_ not in ("advcl", "ccomp", "conj"):
        return False
    if verb.head.lower_ == "soon" and verb.head.i < verb.i:  # "as soon as X says"
        return True
    return any(c.dep_ in ("mark", "advmod") and c.i < verb.i and c.lower_ in _CONDITION_MARKS
               for c in verb.children)


def unasserted(verb) -> bool:
    """A cue that reports nothing said: negated; asked about (`asked whether she would
    agree that ...`, `if he says that ...`); an infinitive after "be" (`the best I can do
    is to explain why ...`: a plan, not a statement); or an infinitive under a verb of
    permission, intention or expectation (`would allow the minority to demand ...`, `plans
    to announce ...`: nothing said yet). "went on to say", "tried to explain" report what
    was said and stay cues. A passive cue with an infinitive ("X is expected to say ...",
    "X is said to have left") is others' words about X. A cue in a clause of condition or
    of a time to come (`after X confirms that ...`: `_conditional`) and the question in
    `X said, when asked whether ...` report nothing said."""
    if negated(verb):
        return True
    if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in verb.children):
        return True
    if _conditional(verb):
        return True
    if _guessed(verb) or verb.dep_ == "conj" and verb.tag_ == "VB" and _guessed(verb.head) \
            and not any(c.dep_ in ("nsubj", "aux") for c in verb.children):
        # "X might say he is not interested": a guess at words, none said; so is a bare verb
        # joined to one ("A person … may panic and think she is going to die", stop 59)
        return True
    if verb.lemma_.lower() == "ask" and verb.tag_ == "VBN" and not any(
            c.dep_ in ("nsubj", "nsubjpass", "agent", "aux") for c in verb.children):
        return True  # "X said, when asked whether Y ...": the question put to X
    if any(c.dep_ == "nsubjpass" for c in verb.children) and any(
            c.dep_ == "xcomp" and _to_infinitive(c) for c in verb.children):
        return True  # "X is expected to say ...", "X is said to have left": not X's words
    if _irrealis_conjunct(verb) or _imperative_condition(verb):
        return True
    if for_to_infinitive(verb) or asked_of_subject(verb) or naming_call(verb) \
            or legal_plea(verb) or points_back(verb) or vocative_imperative(verb) or premise(verb) \
            or preferred(verb) or generic_gerund(verb) or known_in_report(verb):
        return True
    if verb.tag_ != "VB" or not _to_infinitive(verb):
        return False
    head = verb.head.lemma_.lower()
    return (verb.dep_ == "xcomp" and head == "be") \
        or (verb.dep_ == "xcomp" and head == "have" and any(  # "will have to ask why …"
            c.dep_ == "aux" and c.lower_ in _WILL_OR_MAY for c in verb.head.children)) \
        or (verb.dep_ in ("xcomp", "ccomp") and head in IRREALIS_HEADS and (
            # "tried to show how far he's come" is an attempt; "trying to say that X" says it
            head not in ATTEMPT_HEADS or verb.lemma_.lower() not in SPEECH_LEMMAS))


def _guessed(verb) -> bool:
    """`verb` under "might" or "may", or the advice of "should" ("companies should still
    expect the pressure to continue", stop 61: the writer's counsel, nothing they said; not
    a writer's own "I should say that ...", which says it)."""
    aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    return bool(aux & {"might", "may"}) or "should" in aux and not (
        verb.lemma_.lower() in _SAYS_IT
        and any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in verb.children))


_SAYS_IT = WORDING_LEMMAS | {"note", "admit", "mention"}  # "I should say / note that ..."


# Modals of a time to come or a possibility: "Future historians ... will have to ask why ..."
# (stop 58, a Baly opinion piece) asks nothing yet; "had to admit" did.
_WILL_OR_MAY = frozenset("will 'll ’ll shall would could may might should must".split())


def _irrealis_conjunct(verb) -> bool:
    """A present-form cue with no subject of its own, coordinated with an infinitive under a
    verb of permission or intention, shares that infinitive: "would allow the party to meet
    and demand a vote", "will be allowed to form groups and demand lower prices" (the parser
    may hang the second verb on "allowed" itself). A past form ("was asked to leave and
    said ...") is a statement and stays a cue."""
    if verb.dep_ != "conj" or verb.tag_ not in ("VB", "VBP") \
            or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    first = verb.head
    while first.dep_ == "conj" and first.head.pos_ in ("VERB", "AUX"):
        first = first.head
    if first.lemma_.lower() in IRREALIS_HEADS:  # "allowed to form ... and demand"
        return any(c.dep_ == "xcomp" and _to_infinitive(c) for c in first.children)
    return _to_infinitive(first) and first.dep_ in ("xcomp", "ccomp") \
        and first.head.lemma_.lower() in IRREALIS_HEADS


def _imperative_condition(verb) -> bool:
    """`Ask any voter and they will tell you …`, `Grab a group of Republicans and ask, and 90
    percent of them will assure it's not true`: a future cue joined to an imperative that
    opens the sentence is what someone would say if asked (stop 60, real text), no one's
    words."""
    if verb.dep_ != "conj" or not any(
            c.dep_ == "aux" and c.lower_ in ("will", "'ll", "’ll", "would", "'d", "’d")
            for c in verb.children):
        return False
    first = verb.head
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    return first.tag_ == "VB" and first.dep_ == "ROOT" and first.i == first.sent.start \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in first.children)


def thing_speaker(head, verb) -> bool:
    """The speaker head `head` of cue `verb` is a thing, not someone who can say something."""
    if verb is None or verb.lemma_.lower() not in THING_SUBJECT_LEMMAS or head.pos_ != "NOUN":
        return False
    lemma = head.lemma_.lower()
    return not (lemma in PERSON_ROLE_NOUNS or lemma in DOCUMENT_NOUNS
                or lemma in SPEAKING_GROUP_NOUNS or head.lower_ in SPEAKING_GROUP_NOUNS)


def text_reader(t):
    """The text that reads in `“…,” the email read`, `“…,” it read`, `read the statement`,
    `a sign, which read “…”` (the token before "read", or after it when "read" follows a
    quote or a comma), or None: "read" is a cue only when a text reads, never a person.
    Read from the words, since the tagger often takes this "read" for a noun."""
    doc = t.doc
    if t.lower_ != "read" or t.i == 0:
        return None
    before = doc[t.i - 1]
    if before.lower_ in READABLE and before.lower_ != "that" and not before.is_punct:
        return before
    if before.lower_ == "that" and t.dep_ == "relcl" and t.head.lemma_.lower() in READABLE:
        # "carried placards that read: “Nazi go home”" (stop 63, real text: the placards'
        # words had gone to the crowd chanting before them)
        return t.head
    if before.is_quote or before.text == ",":
        j = t.i + 1
        if j < len(doc) and doc[j].lower_ in ("the", "a", "an", "this", "its", "one", "another"):
            j += 1 if doc[j].lower_ not in ("one", "another") else 0
        if j < len(doc) and doc[j].lemma_.lower() in READABLE:
            return doc[j]
    return None


def phrasal_cue(t) -> bool:
    """A verb that is a cue only with its particle or frame: "as X put it", "X pointed out"."""
    lemma = t.lemma_.lower()
    if t.lower_ == "read":
        return text_reader(t) is not None
    if lemma == "put":
        return any(c.dep_ == "dobj" and c.lower_ == "it" for c in t.children) \
            and any(c.dep_ == "mark" and c.lower_ == "as" for c in t.children)
    return lemma == "point" and any(c.dep_ == "prt" and c.lower_ == "out" for c in t.children)


def _adverb_name(t, verb) -> bool:
    """`said Varsly,`, `Early described`: a capitalised word in "-ly" right beside the cue,
    not opening its sentence, that the tagger read as an adverb is a name (an adverb is
    not capitalised there)."""
    doc = t.doc
    return t.dep_ == "advmod" and t.tag_ == "RB" and abs(t.i - verb.i) == 1 \
        and len(t) > 3 and t.lower_.endswith("ly") and t.text[0].isupper() \
        and t.text[1:].islower() and not t.is_sent_start and t.i > 0 \
        and not doc[t.i - 1].is_quote and "\n" not in doc[t.i - 1].text_with_ws \
        and doc[t.i - 1].text not in (".", ":", "!", "?", "—", "–", "-")


def _is_date(t) -> bool:
    """"Tuesday", "last week" (but not "the 46-year-old")."""
    return t.ent_type_ in ("DATE", "TIME") and not any(c.dep_ == "det" for c in t.children)


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


def _topic_apposition(head):
    """"Of Carson, Levine, who backs Rubio, said": the parser made the fronted topic's
    preposition the subject and the speaker an apposition of its object. That name, or None
    (a preposition is never a speaker)."""
    obj = next((c for c in head.children if c.dep_ == "pobj"), None)
    if obj is None:
        return None
    if any(t.text == "," for t in head.doc[head.i + 1:obj.i]):
        return obj  # (or the parser hung the topic on the name: "Of [Carson,] Levine")
    return next((c for c in obj.children if c.dep_ == "appos" and c.i > obj.i), None)


# Document nouns that name one kind of document ("the release" after "said in a statement").
_STATEMENT_KIND = frozenset({"statement", "release", "communique", "communiqué"})


def _document_kind(lemma: str) -> str:
    lemma = lemma.lower()
    return "statement" if lemma in _STATEMENT_KIND else lemma


# Honorifics that may stand between a qualifier and the name ("the younger Mr. X").
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir"})


# Prepositions whose phrase, hung on a name speaker, names someone else: "Fauci with a rebuke
# of Trump", "Democrats with ties to both Clintons" (`CueReader._in_clause`).
_ASIDE_PREPOSITIONS = frozenset("with to against about on toward towards".split())

class CueReader(SpanReader):
    """One parsed article: its quote pairs, people, sentences, and cue/speaker lookups."""

    speech_lemmas = SPEECH_LEMMAS

    def __init__(self, article: Article, doc, mentions: tuple[Mention, ...]):
        self.article, self.doc, self.text = article, doc, text_of(doc)
        self.pairs = [p for p in pair_quotes(self.text)]
        self.quoted = [(p.open, p.close + 1) for p in self.pairs]
        self.people = People(doc, mentions, self.quoted)
        self.doubts = Doubts(SPEAKER_MIN_CONFIDENCE)  # he/she after an unresolved he/she
        self.mentions = mentions
        self._starts = [t.idx for t in tokens_of(doc)]
        self._persons = sorted((m for m in mentions if m.label == "PERSON"),
                               key=lambda m: m.start)
        self._person_starts = [m.start for m in self._persons]
        self._groups: list[tuple[int, str]] = []  # (offset, phrase) of group/document speakers
        # Confidence of each resolved speaker span (chars), read by `find_attributions`.
        self.speaker_conf: dict[tuple[int, int], float] = {}
        self.things: set[tuple[int, int]] = set()  # speaker phrases headed by a thing
        # Objects that speak (`X criticized Y for saying`): no subject the next he/she leans on.
        self._blamed: set[int] = set()
        self._issuers = self._find_issuers()
        try:
            sents = list(sents_of(doc)) if len(doc) else []
        except ValueError:  # a Doc without sentence boundaries (tokenizer only)
            sents = []
        self._sent_starts = [s.start for s in sents] or [0]
        self._sent_ends = [s.end for s in sents] or [len(doc)]

    # -- token helpers ------------------------------------------------------------------
    def other_person_between(self, lo: int, hi: int, speaker: str | None) -> bool:
        """Someone other than `speaker` is the subject of a clause in text[lo:hi]: narration
        between two quotes (`“A,” X said. But Y was relentless. “B”`) leaves B's speaker
        open (a name as an object, `she votes for Y`, or a subject of a verb elsewhere, does
        not)."""
        words = set((speaker or "").split())
        i = bisect.bisect_left(self._person_starts, lo)
        return any(m.text.split()[-1] not in words and any(
            t.dep_ in ("nsubj", "nsubjpass") and lo <= t.head.idx < hi for t in self.doc[
                self.tok_at(m.start):self.tok_at(m.end - 1) + 1])
            for m in self._persons[i:] if m.start < hi)

    def sent_of(self, i: int):
        """The sentence holding token i (precomputed once: `Token.sent` rescans each call)."""
        k = bisect.bisect_right(self._sent_starts, i) - 1
        return self.doc[self._sent_starts[k]:self._sent_ends[k]]

    def tok_at(self, char: int) -> int:
        return max(0, bisect.bisect_right(self._starts, char) - 1)

    def same_line(self, a, b) -> bool:
        """Tokens `a` and `b` are on one line (the parser runs some sentences across
        paragraphs; a cue or a source never reaches over a line break)."""
        lo, hi = sorted((a.idx, b.idx))
        return "\n" not in self.text[lo:hi]

    def in_quote(self, token) -> bool:
        return self.people.in_quote(token.idx)

    # -- cues ---------------------------------------------------------------------------
    def cue_verb(self, lo: int, hi: int, near_end: bool):
        """The speech verb in tokens [lo, hi) closest to the quote (not a participle used as
        an adjective: "X's proposed fee")."""
        order = range(hi - 1, lo - 1, -1) if near_end else range(lo, hi)
        for i in order:
            t = self.doc[i]
            if (t.pos_ in ("VERB", "AUX") and t.dep_ != "amod"
                    and (t.lemma_.lower() in SPEECH_LEMMAS or phrasal_cue(t))
                    or text_reader(t) is not None) and not self.in_quote(t) \
                    and not naming_call(t) and not legal_plea(t):  # `an exercise called
                # the “…”`: a name given; "who pleaded guilty": a plea in court
                return t
            if according_to(t) or words_of(t) is not None:  # "in the words of X"
                return t
        return None

    def _same_line(self, subj, verb):
        """`subj`, unless the parser joined two paragraphs between it and the verb: then the
        nearest noun on the verb's own line."""
        lo, hi = sorted((subj.idx, verb.idx))
        if "\n" not in self.text[lo:hi]:
            return subj
        for i in range(verb.i - 1, max(-1, verb.i - 8), -1):
            t = self.doc[i]
            if "\n" in t.text_with_ws:
                break
            if t.pos_ in ("NOUN", "PROPN", "PRON") and t.ent_type_ not in ("DATE", "TIME"):
                return t
        return None

    def speaker_of(self, verb, nearby: bool = True) -> tuple[Token | None, tuple[int, int]]:
        """(speaker head token, cue token range) for a cue verb: from the parse, else (when
        `nearby`) from the words next to the verb."""
        if _hung_on_that_clause(verb):  # whose participle it is, the parse cannot tell
            return None, (verb.i, verb.i)
        head, cue = self._parsed_speaker(verb)
        if head is not None and head.pos_ == "ADP":
            head = _topic_apposition(head)  # "Of Carson, Levine said": Levine
        if head is not None and (self.in_quote(head) or _is_date(head)):
            head = None  # the speaker is never quoted text, nor "Tuesday" in "said Tuesday"
        if head is not None and head.i < verb.i:
            head = self._after_dateline(head, verb)
        phrase = verb.lower_ in PHRASE_CUES  # "according to X", "in X's words"
        if head is None and nearby and not phrase:
            head = self._nearby_speaker(verb)
        if head is not None and not phrase and self._addressee(head, verb) \
                and head.i != getattr(self._set_off_after(verb), "i", -1):  # (", writes X,")
            head = None  # "told X", "in a letter to X": X was spoken to, not speaking
        return head, cue

    @staticmethod
    def _addressee(head, verb) -> bool:
        if head.head.i == verb.i and head.dep_ in ("dative", "iobj"):
            return True
        if head.head.i == verb.i and head.dep_ == "dobj" and head.i > verb.i \
                and verb.lemma_.lower() in ADDRESS_LEMMAS:
            return True
        prep = head.head
        return head.dep_ == "pobj" and prep.lower_ == "to" and prep.head.i in (
            verb.i, *(c.i for c in verb.children))

    def _find_issuers(self) -> list[tuple[int, Token, str]]:
        """(offset, issuer token, document noun) for "X said in a statement", "X issued a
        statement": who a later "the statement said" stands for."""
        out = []
        for t in tokens_of(self.doc):
            if t.lemma_.lower() not in DOCUMENT_NOUNS or t.pos_ != "NOUN" or self.in_quote(t):
                continue
            verb = t.head if t.dep_ == "dobj" else t.head.head if t.dep_ == "pobj" else None
            if verb is None or verb.pos_ not in ("VERB", "AUX"):
                continue
            if t.dep_ == "dobj" and verb.lemma_.lower() not in ISSUE_LEMMAS:
                continue
            if t.dep_ == "pobj" and t.head.lower_ not in ("in", "through", "via"):
                continue
            subj = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and not self.in_quote(c)]
            if subj and subj[0].pos_ in ("PROPN", "PRON", "NOUN"):
                out.append((t.idx, subj[0], _document_kind(t.lemma_)))
        return out

    def _after_dateline(self, head, verb):
        """`WASHINGTON (Agency) – X has said`: a subject before a dash (or a spaced hyphen)
        that precedes the verb is the dateline; the speaker is the noun phrase after the
        dash."""
        doc = self.doc
        dash = next((i for i in range(verb.i - 1, head.i, -1)
                     if doc[i].text in ("—", "–", "--")
                     or doc[i].text == "-" and doc[i].whitespace_ and doc[i - 1].whitespace_),
                    None)
        if dash is None or verb.i - dash > 12 \
                or not (doc[dash - 1].text == ")" or head.text.isupper() and len(head) > 1):
            return head  # "X — a teacher — says" is an apposition, not a dateline
        if dash + 1 == verb.i:
            # "PLACE (Agency) - Calling X “…”, Y vowed ...": the participle opens the
            # sentence after the dateline; its subject is that of the clause it opens.
            top = verb.head
            subj = [c for c in top.children if c.dep_ in SUBJECT_DEPS and c.i > verb.i] \
                if verb.tag_ == "VBG" and verb.dep_ == "advcl" and top.i > verb.i else []
            return subj[0] if subj and not self.in_quote(subj[0]) else None
        t, hops = doc[dash + 1], 0
        while dash < t.head.i < verb.i and t.head.i != t.i and hops < 12 \
                and t.head.pos_ not in ("VERB", "AUX"):
            t, hops = t.head, hops + 1
        return t if t.pos_ in ("PROPN", "NOUN", "PRON") else head

    def _nearby_speaker(self, verb):  # noqa: C901  (one case per surface pattern of a subject-less cue)
        """When the parse gives no subject: for `..., writing “...”` the subject of the finite
        verb before the comma; for a finite verb the noun phrase right before it, skipping
        comma-enclosed phrases that are not one (`X, in Kentucky, said`)."""
        doc = self.doc
        sent = self.sent_of(verb.i)
        line_start = self.text.rfind("\n", 0, verb.idx) + 1
        lo = max(sent.start, verb.i - 40)
        if verb.tag_ == "VBG" and verb.i == sent.start and verb.i > 0 \
                and "\n" not in doc[verb.i - 1].text_with_ws:
            # "X said A. Adding, “B”": the participle opening a sentence goes on the previous
            # sentence's speaker (same paragraph).
            root = self.sent_of(verb.i - 1).root
            subj = [c for c in root.children if c.dep_ in SUBJECT_DEPS]
            ok = subj and not self.in_quote(subj[0]) and subj[0].idx >= line_start
            return subj[0] if ok else None
        if verb.tag_ == "VBG":
            j = verb.i - 1
            while j > lo and doc[j].is_quote:  # `... “X,” saying`
                j -= 1
            if doc[j].text != ",":
                return None
            for i in range(j - 1, lo - 1, -1):
                t = doc[i]
                if t.idx < line_start:
                    return None
                if t.pos_ in ("VERB", "AUX") and not self.in_quote(t):
                    subj = [c for c in t.children if c.dep_ in SUBJECT_DEPS]
                    if subj:  # the nearest verb with a subject ("has delivered": not "has")
                        ok = not self.in_quote(subj[0]) and subj[0].idx >= line_start
                        return subj[0] if ok else None
            return None
        if verb.tag_ not in FINITE_TAGS:
            return None
        end = verb.i  # walk back over comma-separated segments
        for _ in range(3):
            comma = end > lo and doc[end - 1].text == ","
            last = end - 1 if comma else end
            seg_start = last
            while seg_start > lo and doc[seg_start - 1].text != "," \
                    and doc[seg_start - 1].idx >= line_start:
                seg_start -= 1
            seg = doc[seg_start:last]
            # "a White House official who spoke anonymously said": the noun before the
            # relative clause is the one that speaks.
            rel = next((t.i for t in seg if t.tag_ in ("WP", "WDT") and t.i > seg_start
                        and t.head.dep_ == "relcl"), None)
            if rel is not None and not comma:
                seg = doc[seg_start:rel]
            if not len(seg) or self.in_quote(seg[0]) or seg[0].idx < line_start \
                    or any(t.pos_ in ("VERB", "AUX") and t.tag_ in FINITE_TAGS for t in seg):
                return None
            t = seg[-1]
            if t.text == ")":  # "Sen. X (D-Ill.) said": the bracket after the name
                opening = [u.i for u in seg if u.text == "("]
                t = doc[opening[-1] - 1] if opening and opening[-1] > seg_start else t
            if len(seg) > 1 and seg[0].pos_ == "CCONJ":  # "But X said"
                seg = seg[1:]
            if any(u.lower_ == "and" and not u.ent_type_ for u in seg[1:-1]):
                return None  # "..., Welch and Brennan agreed": both; neither alone (stop 63)
            if seg[0].pos_ in NP_START and t.pos_ in ("PROPN", "NOUN", "PRON") \
                    and not _is_date(t) and (comma or t.dep_ not in ("dobj", "pobj", "iobj")):
                return t
            if not comma:
                return None
            end = seg_start
        return None

    def _chain_subject(self, verb):
        """"X emphasized that ..., claiming ...", "X began by saying": the participle shares
        the subject of the top verb of its chain, not of the clause it is attached to. A
        complement climbs only to a verb that reports it ("X said he would go, adding"): "X
        attacked Y, saying A, B is “…”", parsed with "is" as the root and "attacked" as its
        complement, stays X's."""
        top = _chain_top(verb)
        subjects = [c for c in top.children if c.dep_ in SUBJECT_DEPS
                    and "\n" not in self.text[c.idx:verb.idx]]
        if not subjects:
            return None
        # "possible contender Jeb Bush doubled down ..., stating": a description and its name
        # parsed as two subjects side by side; the name (the later one) heads it.
        return next((d for d in subjects if d.left_edge.i == subjects[0].right_edge.i + 1),
                    subjects[0])

    def _set_off_after(self, verb):
        """`The bill, writes the Harbour Register, “…”`: a parenthetical cue between commas
        with a name after it. The parser takes the noun before the first comma (the sentence's
        subject) as the cue's; the name after the cue is the one who writes or says it."""
        doc = self.doc
        # ("X, who ..., told POLITICO, “…”": whom one tells is spoken to, never the speaker.)
        if verb.lemma_.lower() not in PARENTHETICAL_LEMMAS - {"tell"} or verb.i == 0 \
                or doc[verb.i - 1].text != "," or verb.tag_ not in ("VBZ", "VBD", "VBP"):
            return None
        for c in verb.children:
            if c.dep_ in ("dobj", "attr", "npadvmod", "nsubj") and c.i > verb.i \
                    and c.pos_ in ("PROPN", "NOUN") and not self.in_quote(c) \
                    and c.right_edge.i + 1 < len(doc) and doc[c.right_edge.i + 1].text == "," \
                    and any(t.pos_ == "PROPN" for t in doc[c.left_edge.i:c.right_edge.i + 1]):
                return c
        return None

    def _passive_address(self, verb):
        """The speaker of a passive verb of address: "Residents are being warned not to
        return", "X was told that ...": its subject was spoken to; the speaker is its agent
        ("by X") or no one. "X refused to answer and was told to refuse" (the subject is the
        first verb's): who spoke is not said here."""
        if not any(c.dep_ == "nsubjpass" for c in verb.children):
            return None
        agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children
                  if g.dep_ == "pobj" and not self.in_quote(g)]
        return self._same_line(agents[0], verb) if agents else None

    def _participle_subject(self, verb):
        """Who says what a participle cue says: the object blamed for it (`X criticized Y for
        saying …`: Y, `unsaid.blamed_for`), else the subject of its "with" or of the top verb
        of its chain; None when neither applies."""
        if (blamed := blamed_for(verb)) is not None:
            self._blamed.add(blamed.i)
            return blamed
        if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "conj", "xcomp", "pcomp", "csubj"):
            return _with_subject(verb) or self._chain_subject(verb)
        return None

    def _phrase_source(self, verb) -> tuple[Token | None, tuple[int, int]] | None:
        """(source, the phrase's tokens) of "according to X" and of "in the words of X" / "in
        X's words" (`verb` is "according" or "words"); None for any other cue."""
        doc = self.doc
        if (source := words_of(verb)) is not None:
            return source, (verb.head.i, verb.i + 1 if source.i > verb.i else verb.i)
        if verb.lower_ != "according":
            return None
        to = doc[verb.i + 1]
        objs = [c for c in to.children if c.dep_ == "pobj"]
        head = objs[0] if objs else (doc[verb.i + 2] if verb.i + 2 < len(doc) else None)
        return head, (verb.i, verb.i + 1)

    def _parsed_speaker(self, verb) -> tuple[Token | None, tuple[int, int]]:  # noqa: C901  (one case per dependency pattern of a speech verb's subject)
        doc = self.doc
        if (phrase := self._phrase_source(verb)) is not None:
            return phrase
        cue_end = verb.i
        reader = text_reader(verb)
        if reader is not None and not self.in_quote(reader):
            return reader, (verb.i, cue_end)  # `“…,” the email read`: the email
        lemma = verb.lemma_.lower()
        # "Y quoted X as saying" / "X was quoted as saying": the quoted one speaks.
        if lemma == "quote":
            for c in verb.children:
                if c.dep_ in ("prep", "advcl") and c.lower_ == "as":
                    cue_end = max(cue_end, c.right_edge.i if c.right_edge.i - c.i < 3 else c.i)
            for c in verb.children:
                if c.dep_ in ("dobj", "nsubjpass"):
                    return c, (verb.i, cue_end)
        if lemma == "say" and (q := quoting_governor(verb)) is not None:
            for c in q.children:
                if c.dep_ in ("dobj", "nsubjpass"):
                    return c, (q.i, verb.i)
        # (A "subject" inside quote marks is the parser joining the quote to the cue.)
        if passive_cue(verb):
            return self._passive_address(verb), (verb.i, cue_end)
        if (named := self._set_off_after(verb)) is not None:
            return named, (verb.i, cue_end)
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and not self.in_quote(c)]
        if not subjects:
            subjects = [c for c in verb.children if _adverb_name(c, verb)]
        if subjects:
            # Several subjects: the parser ran sentences together; the one nearest the verb.
            c = min(subjects, key=lambda c: abs(c.i - verb.i))
            # "said Army Capt. Jane Doe": a name split in two subjects; its last part heads it
            # (`np_span` takes the first part back in).
            c = next((d for d in subjects if d.left_edge.i == c.right_edge.i + 1), c)
            return self._same_line(c, verb), (verb.i, cue_end)
        if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
            noun = verb.head
            # "X emailed supporters saying", "X issued a statement saying", "X responded on
            # Twitter, calling": the noun is an object; the verb's subject speaks. But "with X
            # saying": X speaks.
            gov = noun.head if noun.dep_ == "dobj" else noun.head.head if noun.dep_ == "pobj" \
                and not (noun.head.lower_ == "with" and _may_speak(noun)) else None
            # ("cited a law saying the secretary “shall furnish” ...": the law says it; and
            # "retweeting Mark Levin's tweet blasting CNN for coming “to the defense”", stop
            # 62: Levin's tweet, not the retweeter, says it.)
            if gov is not None and gov.pos_ in ("VERB", "AUX") \
                    and gov.lemma_.lower() not in ("cite", "invoke", "reference") \
                    and not (noun.lemma_.lower() in _OWNED_WORDS and any(
                        c.dep_ == "poss" and c.pos_ != "PRON" for c in noun.children)):
                subj = [c for c in gov.children if c.dep_ in SUBJECT_DEPS]
                if subj and not self.in_quote(subj[0]):
                    return self._same_line(subj[0], verb), (verb.i, cue_end)
            return noun, (verb.i, cue_end)  # "a joint statement saying ..."
        if (subj := self._participle_subject(verb)) is not None:
            return subj, (verb.i, cue_end)
        prev_tok = doc[verb.i - 1] if verb.i > 0 else None
        # "..., said X", "” said X", and "Said X:" at the start of a line.
        inverted = prev_tok is not None and verb.tag_ != "VBG" and (
            prev_tok.is_quote or prev_tok.text == "," or "\n" in prev_tok.text_with_ws)
        for c in verb.children:  # "..., said Haddad": inverted subjects the parser calls dobj
            if inverted and c.dep_ in ("dobj", "attr", "npadvmod") and c.i > verb.i \
                    and c.pos_ in ("PROPN", "NOUN", "PRON") and not self.in_quote(c) \
                    and not object_pronoun(c) \
                    and not (c.i + 1 < len(doc) and doc[c.i + 1].text == "-") \
                    and not inverted_object(verb, c):  # ("matter-of-")
                return c, (verb.i, cue_end)
        if verb.dep_ in ("conj", "advcl", "xcomp") and verb.head.pos_ in ("VERB", "AUX"):
            if joined_to_reported_clause(verb) or object_controlled(verb):
                return controlling_object(verb), (verb.i, cue_end)
            if (near := _opener_object(verb) or _nearest_subject(verb.head)) is not None:
                return self._same_line(near, verb), (verb.i, cue_end)
        if inverted and verb.i + 1 < len(doc) and doc[verb.i + 1].pos_ in ("PROPN", "PRON",
                                                                             "DET", "NOUN"):
            t = doc[verb.i + 1]
            while t.head.i != t.i and t.head.i > t.i and t.head.i - verb.i < 6 \
                    and t.head.pos_ in ("PROPN", "NOUN"):
                t = t.head
            return (None if inverted_object(verb, t) else t), (verb.i, cue_end)
        return None, (verb.i, cue_end)

    # -- speakers -----------------------------------------------------------------------
    def resolve(self, head, verb=None, reporter: bool = False
                ) -> tuple[str | None, tuple[int, int] | None]:
        """(resolved speaker name or phrase, speaker char span) for a speaker head token. The
        span is the words of the attribution itself ("he", "who"); the name is what they
        point at. With `reporter` (quotes in quote marks), a he/she cue inside the clause
        another cue reports ("X said he welcomed it and added, “…”") is the outer speaker's
        when both resolve to the same person: the span is then the outer one (X), as the
        reporting clause names who speaks. (An indirect clause inside another continues the
        outer attribution and keeps its own words, `cue_readings.one_per_cue`.)"""
        name, chars = self._resolve_head(head, verb)
        outer = self._reporting_head(head, verb) if name is not None and reporter else None
        if outer is not None:
            outer_name, outer_chars = self._resolve_head(*outer)
            if outer_name == name and outer_chars is not None:
                return outer_name, outer_chars
        return name, chars

    def _reporting_head(self, head, verb):
        """(speaker head, cue) of the cue whose reported clause holds `verb`, when `head` is
        the he/she subject of `verb` (or of the verb it is coordinated with) and that outer
        speaker is written out (not a pronoun); else None."""
        if verb is None or head is None or head.lower_ not in ("he", "she"):
            return None
        v, hops = verb, 0
        while v.dep_ == "conj" and v.head.i != v.i and hops < 3:
            v, hops = v.head, hops + 1
        if head.head.i not in (verb.i, v.i) or v.dep_ != "ccomp":
            return None
        outer = v.head
        between = self.text[outer.idx:head.idx]
        # The reporting clause comes first and runs into the pronoun's clause ("X said he
        # ..."); a pronoun cue after a quote or a line break is a sentence of its own the
        # parser hung on a later verb.
        if outer.pos_ not in ("VERB", "AUX") or outer.lemma_.lower() not in CUE_LEMMAS \
                or negated(outer) or outer.i > head.i or "\n" in between \
                or any(ch in _QUOTE_CHARS for ch in between):
            return None
        outer_head, _ = self.speaker_of(outer, nearby=False)
        if outer_head is None or outer_head.pos_ == "PRON" or outer_head.tag_ in ("WP", "WDT"):
            return None
        return outer_head, outer

    def _resolve_head(self, head, verb=None) -> tuple[str | None, tuple[int, int] | None]:
        if head is None or object_pronoun(head):
            return None, None  # "let them know that …": an object pronoun never speaks
        # "a joint statement saying ...": the phrase ends before its own cue verb.
        stop = verb.i if verb is not None and head.left_edge.i <= verb.i <= head.right_edge.i \
            and (verb.i != head.i or swallowed_cue(head)) else None
        # ("..., WHO confirmed": the World Health Organization, not a relative "who".)
        noun = relative_antecedent(head) if head.tag_ in ("WP", "WDT") \
            and head.head.dep_ == "relcl" and head.text != "WHO" else head
        if noun is not head and head.lower_ == "who":
            first = noun.head if noun.dep_ == "conj" else noun
            others = [c for c in (first, *first.conjuncts) if c.i != noun.i]
            if noun.ent_type_ == "PERSON" and others and not any(
                    c.dep_ == "relcl" for o in others for c in o.children):
                # "Paula Jones and Kathleen Willey, who have accused …": both, no one alone
                # (not "Trump, who …, and Sanders, who says": each has a clause of their own).
                return None, (head.idx, head.idx + len(head))
            # (not a noun read past the parse: `binding.relative_antecedent`)
            outer = _participle_owner(noun) if noun.i == head.head.head.i else None
            if outer is not None:
                # "those seeking the nomination, who insist": the parser hangs "who" on the
                # participle's object; the people are the phrase the participle describes.
                if outer.pos_ not in ("NOUN", "PROPN"):
                    return None, (head.idx, head.idx + len(head))
                name, chars = self._resolve(outer, head.head.left_edge.i)
                own = (head.idx, head.idx + len(head))
                self.speaker_conf[own] = self.speaker_conf.get(chars, 0.0)
                return name, own
        if crowd_belief(noun, verb) or predicted_words(noun, verb):
            # "few people believe ...", "critics will say ...": nobody said it
            left, right = self.np_span(head, stop, verb is not None and head.i > verb.i)
            own = (self.doc[left].idx, self.doc[right].idx + len(self.doc[right]))
            self.speaker_conf[own] = 0.0
            return None, own
        if verb is not None and inanimate_head(noun, _SPEAKING_NOUNS):
            # "The sensitivity of … confirms": a thing, whatever the verb (round 16); the
            # phrase as written, with no speaker.
            left, right = self.np_span(head, stop, head.i > verb.i)
            own = (self.doc[left].idx, self.doc[right].idx + len(self.doc[right]))
            self.speaker_conf[own] = 0.0
            self.things.add(own)
            return None, own
        if thing_speaker(noun, verb):
            own = (head.idx, head.idx + len(head))
            self.speaker_conf[own] = 0.0
            self.things.add(own)
            return None, own
        if noun is not head and noun.pos_ in ("NOUN", "PROPN"):
            # "Sanders, who ... said": the relative pronoun stands for the noun it follows.
            name, chars = self._resolve(noun, head.head.left_edge.i)
            own = (head.idx, head.idx + len(head))
            self.speaker_conf[own] = self.speaker_conf.get(chars, 0.0)
            return name, own
        return self._resolve(head, stop, verb is not None and head.i > verb.i)

    def _resolve(self, head, stop: int | None,
                 after_cue: bool = False) -> tuple[str | None, tuple[int, int]]:
        doc = self.doc
        left, right = self.np_span(head, stop, after_cue)
        if right + 1 < len(doc) and doc[right + 1].text == ")" \
                and doc[left:right + 1].text.count("(") > doc[left:right + 1].text.count(")"):
            right += 1  # "Sen. X (D-Porto)", "a bigger number (59 percent)": keep the bracket
        span = doc[left:right + 1]
        chars = (span.start_char, span.end_char)
        if "|" in span.text:
            # "Leader hosts X at summit | Says ...": a row of linked headlines, not a sentence
            # with a speaker; whoever the row names did not say it.
            self.speaker_conf[chars] = 0.0
            return None, chars
        name, conf = self._who(head, span, chars)
        self.doubts.note_speaker(head, name, self.people)  # an untagged name speaks (round 16)
        self.speaker_conf[chars] = conf if name is not None else 0.0
        return name, chars

    def _addressees(self, head) -> frozenset[int]:
        """People written as addressees before a pronoun speaker in its sentence ("In a
        letter to X, she said"): whoever "she" is, not X."""
        out = set()
        for t in self.sent_of(head.i):
            if t.i >= head.i:
                break
            if t.dep_ == "pobj" and t.head.lower_ == "to" and t.ent_type_ == "PERSON":
                ent = next((e for e in ents_of(self.doc) if e.start <= t.i < e.end), None)
                k = self.people.resolve_name(ent.text) if ent is not None else None
                if k is not None:
                    out.add(k)
        return frozenset(out)

    def _who(self, head, span, chars: tuple[int, int]) -> tuple[str | None, float]:  # noqa: C901  (pronoun, group, document and name speakers each need their own test)
        """(speaker, confidence) for the speaker phrase `span` headed by `head`."""
        people = self.people
        if head.pos_ == "PRON" or pronoun_gender(head.text):
            return self._pronoun_speaker(head)
        lo = bisect.bisect_left(self._person_starts, chars[0] - 200)
        hi = bisect.bisect_left(self._person_starts, chars[1])
        persons = [m for m in self._persons[lo:hi] if m.end > chars[0]]
        own = [m for m in persons if m.start <= head.idx < m.end]
        persons = [m for m in persons if not possessor_only(self.text, m, head)]
        if not own and head.pos_ == "NOUN":
            # "Two jurors who spoke at X's news conference": a name that only modifies the
            # phrase does not speak; one set beside the head does ("the minister, X").
            persons = [m for m in persons if self._beside(head, m)]
        elif not own and head.pos_ == "PROPN":  # "Black, who has been friends with X"
            persons = [m for m in persons if self._beside(head, m)
                       or m.start > head.idx and not self._in_clause(head, m)]
        if persons and self._two_people(head, persons, chars):
            return None, 0.0  # "X and Y said": both speak; neither alone is the speaker
        if persons:
            m = self._named_after_role(persons, chars) or (own[0] if own else persons[0])
            qualifier = self._qualifier(m.start, chars)
            gender = lone_name_gender(self.text, m)  # "Mrs. X", "X herself"
            k, conf = people.name_confidence(m.text, head.idx, qualifier, gender)
            if k is not None:
                if conf >= SPEAKER_MIN_CONFIDENCE:
                    people.refer(head.idx, k, head.i not in self._blamed)
                return people.persons[k].name, min(conf, CONF_NAME)
            if qualifier is not None:
                return None, 0.0  # "the younger Mr. X" with no X Jr. named: not X
            return m.text, CONF_LONE_NAME
        role = head.lemma_.lower() in PERSON_ROLE_NOUNS or head.lower_ in PERSON_ROLE_NOUNS
        single = head.tag_ not in ("NNS", "NNPS")
        if head.lemma_.lower() in DOCUMENT_NOUNS:
            issued = self._document(head, span)
            if issued is not None:
                return issued
        # "King agreed …" in an article naming Peter King: a known surname, not a role word.
        surname = head.pos_ == "PROPN" and people.resolve_name(head.text) is not None
        if role and head.pos_ in ("NOUN", "ADJ", "PROPN") and single and \
                not self._indefinite(head) and not surname:
            # "A spokesman for X said" introduces someone new: never the spokesman named
            # before (a White House spokesman quoted a paragraph earlier).
            k, conf = unless_bound(people.resolve_description(head, head.idx), head, people)
            if k is not None:
                if conf >= SPEAKER_MIN_CONFIDENCE:
                    people.refer(head.idx, k, True)
                return people.persons[k].name, conf
            if self._definite(head):
                # "the governor" with no governor named: unresolved, never a place or group.
                return None, 0.0
        if head.pos_ == "PROPN":
            qualifier = self._qualifier(head.idx, chars)
            k, conf = (None, 0.0) if _named_thing(head) else \
                people.name_confidence(head.text, head.idx, qualifier)
            k = None if k is not None and _other_first_name(head, people.persons[k].name) else k
            if k is not None:
                if conf >= SPEAKER_MIN_CONFIDENCE:
                    people.refer(head.idx, k, True)
                return people.persons[k].name, min(conf, CONF_LONE_NAME)
            if qualifier is not None:
                return None, 0.0
            if "," in span.text:  # "Black, who has been friends with X": the name, not X
                bisect.insort(self._groups, (head.idx, _name_words(head)))
                return _name_words(head), CONF_AS_WRITTEN
        if _cut_in_name(span):
            return None, 0.0
        if (owned := self._owner_of_words(head, chars)) is not None:
            return owned
        if head.pos_ in ("NOUN", "PROPN") and single:
            bisect.insort(self._groups, (head.idx, span.text))
        return span.text, CONF_AS_WRITTEN

    def _pronoun_speaker(self, head) -> tuple[str | None, float]:
        """(speaker, confidence) for a pronoun speaker: he/she resolved to a person, "it" to
        the last group or document; an object pronoun ("him", "her") never speaks."""
        people = self.people
        gender = pronoun_gender(head.text)
        if gender is None:
            return self._it_speaker(head) if head.lower_ == "it" else (None, 0.0)
        if head.lower_ not in ("he", "she"):
            return None, 0.0
        k, conf = self.doubts.resolve(people, head, gender, self._addressees(head))
        if k is None or cannot_be(head, people, k):
            return None, 0.0
        if conf >= SPEAKER_MIN_CONFIDENCE:
            people.refer(head.idx, k, True)
            people.learn_gender(k, gender)
        return people.persons[k].name, conf

    def _owner_of_words(self, head, chars: tuple[int, int]) -> tuple[str | None, float] | None:
        """"Little's explanation", "His quotes are uninspiring:": words are their owner's; a
        named owner speaks, an owner by pronoun only is left unresolved, and so is one the parse
        hung someone else's cue on (`X challenged Y's comments, tweeting: “…”`: X's tweet).
        None (no answer) when `head` is no noun of words with an owner: with no owner the
        phrase stays as written ("2013 FOIA reply reported …"). Stop 45."""
        if head.lemma_.lower() not in SAID_NOUNS or head.pos_ != "NOUN":
            return None
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        if owner is None:
            return None
        if owner.pos_ != "PROPN" or not _says_itself(head):
            return None, 0.0
        return self._who(owner, self.doc[owner.left_edge.i:owner.i + 1], chars)

    def _it_speaker(self, head) -> tuple[str | None, float]:
        """"The agreement, it said": the last group or document speaker as written; none after
        a document no one is named to have issued (round 16)."""
        i = bisect.bisect_left(self._groups, (head.idx, "")) - 1
        if i >= 0 and head.idx - self._groups[i][0] < 600 \
                and not is_document_phrase(self._groups[i][1], DOCUMENT_NOUNS):
            return self._groups[i][1], CONF_IT
        return None, 0.0

    def _document(self, head, span) -> tuple[str | None, float] | None:
        """A document speaker ("the statement"): who issued it; (None, 0.0) when no one is
        named to have (round 16, issue 20); None to read it as any other phrase ("The
        Post")."""
        issuer = self._issuer(head) if head.tag_ not in ("NNS", "NNPS") else None
        if issuer is not None:
            return issuer
        if (ent := compound_issuer(head) or participle_issuer(head)) is not None:
            return self._who(ent.root, ent, (ent.start_char, ent.end_char))  # "FEC filings"
        # "X issued a statement saying …": the statement is the one X issued.
        own = next((subj for at, subj, _ in self._issuers if at == head.idx), None)
        if own is not None and (own.pos_ == "PRON" or own.ent_type_ in ("PERSON", "ORG")):
            ent = issuer_span(own)
            name, conf = self._who(ent.root, ent, (ent.start_char, ent.end_char))
            if name is not None:
                return name, conf
        if is_unissued_document(head):
            bisect.insort(self._groups, (head.idx, span.text))  # ("it" after it: no one)
            return None, 0.0
        return None

    def _qualifier(self, start: int, chars: tuple[int, int]) -> str | None:
        """"jr"/"sr" when the speaker phrase sets the name at `start` apart from a namesake:
        "the younger Mr. X", "the elder X" (the word right before the name or its
        honorific)."""
        if not chars[0] <= start <= chars[1]:
            return None
        # The parse may leave the adjective out of the phrase ("the elder" as its own
        # subject): read the words before the name, within its line and outside quote marks.
        before = re.split(r"[\n\"\u201c\u201d]", self.text[max(0, start - 40):start])[-1]
        words = [fold(w).rstrip(".") for w in before.split()]
        while words and words[-1] in HONORIFICS:
            words.pop()
        return QUALIFIERS.get(words[-1]) if words else None

    def _two_people(self, head, persons: list[Mention], chars: tuple[int, int]) -> bool:
        """Whether the speaker phrase is two named people joined by "and" around its head
        ("X and Y said"); the NER may type one of them otherwise, so two coordinated proper
        nouns with a person among them count too. Not a name inside an apposition ("X, an
        aide to Y and Z")."""
        inside = [m for m in persons if chars[0] <= m.start and m.end <= chars[1]]
        for o, m in zip(inside, inside[1:], strict=False):
            if _and_titled(self.text[o.end:m.start]) \
                    and (o.start <= head.idx < o.end or m.start <= head.idx < m.end):
                return True
        conj = [c for c in head.children if c.dep_ == "conj" and c.pos_ == "PROPN"]
        if not conj or fold(head.lemma_) in PERSON_ROLE_NOUNS or is_title_token(head.text) \
                or not any(c.dep_ == "cc" and c.lower_ in ("and", "&") for c in head.children):
            return False  # ("Vice President for news and talk X": one person, misparsed)
        own = any(m.start <= head.idx < m.end for m in inside)
        return (own or head.pos_ == "PROPN") \
            and any(m.start <= t.idx < m.end for m in inside for t in (head, *conj))

    def _named_after_role(self, persons: list[Mention], chars: tuple[int, int]
                          ) -> Mention | None:
        """In "X spokesman Y" / "X's adviser Y" the name after the role word speaks; the
        name before it is who employs the speaker (whatever head the parser picked)."""
        inside = [m for m in persons if chars[0] <= m.start and m.end <= chars[1]]
        if len(inside) < 2:
            return None
        for o, m in zip(inside, inside[1:], strict=False):
            # Only a role word right between the two names: "X, the daughter of President Y"
            # is X (an apposition), "X spokesman Y" / "X's adviser Y" is Y.
            between = re.fullmatch(r"(?:['\u2019]s)?\s+([A-Za-z-]+)\s+",
                                   self.text[o.end:m.start])
            if between and fold(between.group(1)) in PERSON_ROLE_NOUNS:
                return m
        return None

    def _beside(self, head, m: Mention) -> bool:
        """The name `m` is in apposition to `head` or `head` is a title in the name. A name
        that modifies the head from before it ("Okafor supporters", "Okafor aides") is whose
        people they are, not who speaks, unless the head is a cue read as a noun ("Trump
        asks")."""
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            return False
        root = span.root
        named = root.head.dep_ == "acl" and root.head.head.i == head.i and naming_call(root.head)
        return root.head.i == head.i and root.dep_ in ("appos", "compound", "flat") \
            and (root.i > head.i or head.lemma_.lower() in SPEECH_LEMMAS) \
            or head.head.i == root.i and head.dep_ in ("appos", "compound") \
            or named  # `an activist called X`: X is the activist

    def _in_clause(self, head, m: Mention) -> bool:
        """The name `m` lies in a clause that describes `head` ("X, who has been friends
        with Y"), or in a phrase a preposition hangs on it ("Fauci with a rebuke of Trump",
        "Democrats with ties to both Clintons": round 14)."""
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        t, hops = (span.root if span is not None else head), 0
        # (only "with", "to", "against", ...: "of", "for", "at", "from" name an affiliation, and
        # the parser hangs a titled name under them: "Director of National Intelligence X",
        # "Department of Public Health Director X", "Institute for Policy fellow X")
        while t.i != head.i and t.head.i != t.i and hops < 12:
            if t.dep_ in ("relcl", "acl", "advcl") or t.dep_ == "prep" and t.head.i == head.i \
                    and t.lower_ in _ASIDE_PREPOSITIONS:
                return True
            t, hops = t.head, hops + 1
        return False

    @staticmethod
    def _definite(head) -> bool:
        """"the governor", "its president", "Iran's minister": a description of someone the
        reader should know (an indefinite one, "a spokesman", introduces a new person)."""
        return any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "another")
                   for c in head.children)

    @staticmethod
    def _indefinite(head) -> bool:
        """"a spokesman", "an aide", "another official", "one adviser": a person not named
        before."""
        return any(c.dep_ == "det" and c.lower_ in ("a", "an", "another")
                   or c.dep_ in ("nummod", "det") and c.lower_ == "one" for c in head.children)

    def _issuer(self, head) -> tuple[str | None, float] | None:
        """"a statement from X", "X's statement", "the statement" after "X said in a
        statement": who issued the document."""
        for c in head.children:
            if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN") and not self.in_quote(c) \
                    and not _is_date(c):  # "Wednesday's lawsuit": no one issued it
                return self._who(c, self.doc[c.i:c.i + 1], (c.idx, c.idx + len(c)))
            if c.dep_ == "prep" and c.lower_ in ("from", "by", "of"):
                objs = [o for o in c.children if o.dep_ == "pobj"]
                if objs and objs[0].pos_ in ("PROPN", "NOUN"):
                    o = objs[0]
                    return self._who(o, self.doc[o.i:o.i + 1], (o.idx, o.idx + len(o)))
        if (ent := compound_issuer(head) or participle_issuer(head)) is not None:
            return self._who(ent.root, ent, (ent.start_char, ent.end_char))
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.children):
            return None
        i = bisect.bisect_left(self._issuers, (head.idx,), key=lambda e: (e[0],)) - 1
        # The nearest issuer of the same kind of document: "the report" is not the lawsuit
        # the inmates filed.
        while i >= 0 and self._issuers[i][2] != _document_kind(head.lemma_) \
                and head.idx - self._issuers[i][0] <= ISSUER_REACH:
            i -= 1
        if i < 0 or head.idx - self._issuers[i][0] > ISSUER_REACH:
            return None
        subj = self._issuers[i][1]
        if subj.lemma_.lower() in DOCUMENT_NOUNS:
            # "In a statement, the letter said": a document stands for no one; and asking who
            # issued "the letter" would find this same entry again, without end.
            return None
        ent = issuer_span(subj)  # the whole name: "The Harbour Trust", not "Trust"
        name, conf = self._who(ent.root, ent, (ent.start_char, ent.end_char))
        return (name, conf) if name is not None else None

    # -- the three kinds ----------------------------------------------------------------

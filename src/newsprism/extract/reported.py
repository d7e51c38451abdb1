"""Which verbs' clauses report something said, beyond the cue lexicons (`quotes` reads them)."""

from __future__ import annotations

from ..lexicons.cues import AS_VERDICT_LEMMAS, WORDING_LEMMAS
from .spans import FINITE_TAGS

# "Any reasonable person knows that ...", "everyone knows ...": a subject that stands for
# anyone is nobody's statement (not "someone familiar with the talks said", a source).
# "None of us knows ...": no one's statement either.
ANYONE = frozenset("anyone anybody everyone everybody nobody none".split())


def stands_for_anyone(head) -> bool:
    return head.lower_ in ANYONE or head.pos_ in ("NOUN", "NUM", "PRON") and any(
        c.dep_ == "det" and c.lower_ in ("any", "every", "no") for c in head.children)


def on_verb_phrase(t, verb, hops: int = 2) -> bool:
    """`t` is the verb's own object or in a phrase right on it (`told by the treasurer`)."""
    for _ in range(hops):
        if t.head.i == t.i:
            return False
        t = t.head
        if t.i == verb.i:
            return True
    return False


def past_relative_word(verb, comp) -> int:
    """The first token of what a relative-clause cue reports: in `a category that voters said
    mattered`, the relative word before the cue stands for the noun and is no part of what
    was said ("mattered ..." is); otherwise the clause's first token."""
    lo = comp.left_edge.i
    if lo < verb.i and verb.dep_ == "relcl" and verb.doc[lo].tag_ in ("WDT", "WP"):
        return min((t.i for t in comp.subtree if t.i > verb.i), default=lo)
    return lo


def phone_call(lemma: str, parts) -> bool:
    """`Obama called relatives of the victims`: "call" with one object alone (no "a liar", no
    "for", no "as", no apposition: "called Y, a former driver, an outstanding leader"), and no
    quote mark in the rest of its sentence ("called a report ... “outrageous”"), is a
    telephone call or a summons, not words said about that object."""
    if lemma != "call" or len(parts) != 1 or parts[0].dep_ != "dobj":
        return False
    obj = parts[0]
    return not any(c.dep_ in ("appos", "npadvmod", "attr") for c in obj.children) \
        and not any(t.is_quote for t in obj.doc[obj.head.i:obj.sent.end])


NAMED = ("PERSON", "ORG", "GPE", "NORP")


def said_object(parts: list, lemma: str = "") -> list:
    """The parts of what an object verb reports, or [] when its object is only whom it is
    about: "praised the Pentagon for ...", "criticized President Obama for ..." have a name as
    the object (the whole of it, or its head with a title or article before it, no clause),
    which is no statement (the "for" phrase is no clause of its own either), so nothing is
    reported. Not "called Merkel “the chancellor of ...”", nor "urged Congress to act". A
    charge is what was said, with whom it is against: "accused Bill Clinton of misconduct"
    reports "Bill Clinton of misconduct" (the "of"/"for" phrase hung on the verb joins the
    parts; stop 59, PolNeAR: such charges are attributions). A verdict alone ("was
    criticized by X as “very tough”": what it is about is the passive subject) reports no
    clause of its own (stop 61)."""
    # "called Friday for new assistance": a day the parser made the object is when, not what
    parts = [c for c in parts if not (c.dep_ == "dobj" and c.ent_type_ in ("DATE", "TIME")
                                      and sum(1 for _ in c.subtree) <= 2)]
    if lemma in AS_VERDICT_LEMMAS - {"call", "describe"} \
            and not any(c.dep_ in ("dobj", "xcomp", "oprd") for c in parts):
        return []
    named = [c for c in parts if c.dep_ == "dobj" and (
        all(t.ent_type_ in NAMED or t.is_punct for t in c.subtree)
        or c.ent_type_ in NAMED and not any(t.pos_ in ("VERB", "AUX") for t in c.subtree)
        or _proper_charged(c))]
    if named and lemma in _CHARGES:
        verb = named[0].head
        charge = [p for p in verb.children if p.dep_ == "prep" and p.lower_ in ("of", "for")
                  and p.i > named[0].i]
        return parts + charge[:1] if charge or any(
            p.dep_ == "prep" and p.lower_ in ("of", "for") for p in named[0].children) else []
    return [] if len(named) == len(parts) else parts


_CHARGES = frozenset("accuse blame".split())  # verbs whose "of"/"for" phrase is the charge


def _proper_charged(obj) -> bool:
    """A proper name the model left untyped, charged with or credited for something after it:
    "Turkey accuses Mr Gulen of being behind the coup" (stop 59: "Mr Gulen" was read as what
    Turkey said). Not in a headline written in title case ("Leadership Announces Dissolution
    Of ...")."""
    if not obj.head.is_lower:
        return False
    if not any(p.dep_ == "prep" and p.lower_ in ("of", "for") and p.i > obj.i
               for p in (*obj.children, *obj.head.children)):
        return False
    return all(t.pos_ == "PROPN" or t.is_punct for t in obj.subtree if t.i <= obj.i)


REFLEXIVES = frozenset("myself yourself himself herself itself ourselves yourselves themselves "
                       "oneself".split())
# The state someone or something is found in: "found the accountant dead".
FOUND_STATES = frozenset("dead alive unconscious unresponsive missing injured wounded safe "
                         "naked asleep awake intact empty abandoned".split())
_PLACE_PREPS = frozenset("in at inside near outside under on behind beside".split())
# Participles of what is found done to someone: "found X shot", "found Y stabbed".
HARMED = frozenset("shoot kill stab beat hang strangle wound injure murder drown burn bind "
                   "tie gag slay".split())


def found_or_named(verb, lemma: str, comp=None) -> bool:
    """Clauses of "find" and "call" that report nothing said (real text, stop 54): a search
    ("will find out who the leakers are"), a state one is in ("you find yourself recoiling",
    "Moscow will find itself isolated"), a discovery of someone or something ("police found
    the accountant dead", "authorities found Kristina Curry shot to death") or a name in the
    passive ("what's called sequestration"). Not "a study found that ...", "found he leaked
    information", "found Mr. Trump too objectionable", "called the move an effort to ...",
    "calls himself a democratic socialist" (his own words about himself)."""
    if lemma not in ("find", "call"):
        return False
    kids = list(verb.children)
    if lemma == "find" and any(c.dep_ == "prt" and c.lower_ == "out" for c in kids):
        return True
    if lemma == "call":  # "what's called X"; not "who's called for tax hikes"
        return any(c.dep_ in ("nsubjpass", "auxpass") for c in kids) \
            and any(c.dep_ == "oprd" for c in kids) \
            and not any(c.dep_ == "prep" and c.lower_ == "for" for c in kids)
    subjects = [c for c in (comp.children if comp is not None else ()) if c.dep_ == "nsubj"]
    if any(c.dep_ == "dobj" and c.lower_ in REFLEXIVES for c in kids) \
            or any(c.lower_ in REFLEXIVES for c in subjects):
        return True
    if comp is None or any(c.dep_ == "mark" and c.lower_ == "that" for c in comp.children):
        return False
    finite = any(t.tag_ in FINITE_TAGS or t.tag_ == "MD" for t in comp.subtree)
    if comp.pos_ not in ("VERB", "AUX") and not finite:
        # A small clause: "found X dead", "found X in her home" are discoveries; "find him
        # unlikable", "find him a little off-putting", "find it difficult" are the subject's
        # judgement, which is kept.
        return comp.pos_ == "ADP" or comp.lower_ in FOUND_STATES or any(
            c.dep_ == "prep" and c.lower_ in _PLACE_PREPS for c in comp.children)
    # "found Kristina Curry shot to death": a bare participle of harm, which the tagger may
    # read as a past tense; the discovery of a person, not a finding reported ("a panel
    # found the United States was in breach" is one).
    bare = not any(c.dep_ in ("aux", "auxpass") for c in comp.children)
    return comp.tag_ in ("VBD", "VBN") and bare and comp.lemma_.lower() in HARMED


_RESULT_WORDS = frozenset("so thus therefore hence consequently".split())


def reason_before(verb, comp) -> bool:
    """The reason before a result is no clause the cue reports (stop 57, real text): "Trump is
    ill-informed about policy, so he says some things that aren't true" ("so" between the
    clause and the cue)."""
    return comp.i < verb.i and any(c.lower_ in _RESULT_WORDS and comp.i < c.i < verb.i
                                   for c in verb.children)


def reason_or_result(verb, comp) -> bool:
    """`reason_before` or `so_that_result`: a clause the cue's parse holds but no statement."""
    return reason_before(verb, comp) or so_that_result(verb, comp)


# What a cue says when its own object stands for a statement told elsewhere ("say the same").
_ANAPHORIC_OBJECTS = frozenset({"same", "so", "this", "it", "otherwise", "likewise"})


def said_the_same(verb, comp) -> bool:
    """A clause before a cue whose own object stands for what was said ("There are wide
    partisan gaps on aid to states: While 91% of Democrats favor this proposal, a smaller
    majority (58%) of Republicans say the same", stop 62, a Pew report in a fresh Baly draw:
    the gap, the writer's finding, went to the Republicans as their statement): the parser
    hung the clause on the cue, but the cue already has what it says."""
    return comp.i < verb.i and any(c.dep_ == "dobj" and c.lemma_.lower() in _ANAPHORIC_OBJECTS
                                   and c.i > verb.i for c in verb.children)


def not_reported(verb, lemma: str, comp) -> bool:
    """A clause the cue's parse holds that is no statement it reports: `found_or_named`,
    `verbless`, `reason_or_result` or `said_the_same`."""
    return found_or_named(verb, lemma, comp) or verbless(comp, verb) \
        or reason_or_result(verb, comp) or said_the_same(verb, comp)


def so_that_result(verb, comp) -> bool:
    """The "that" clause of "so <adjective> … that …" is the result of "so", not what a cue
    between them reports: "the approach was so extreme – demanding the end of private
    insurance – that … it fractured the party", the clause hung on "demanding" (stop 58, a
    fresh Baly draw: an opinion writer's sentence given to "the approach")."""
    if comp.i < verb.i or verb.dep_ not in ("advcl", "acl") or not any(
            c.dep_ == "mark" and c.lower_ == "that" for c in comp.children):
        return False  # (a cue set in: "is so bad, Smith said, that …" reports it all)
    doc = verb.doc
    return any(t.lower_ == "so" and t.dep_ == "advmod" and t.head.pos_ == "ADJ"
               and t.head.i < verb.i and t.head.head.i != verb.i
               for t in doc[verb.sent.start:verb.i])


def quoted_label_after(doc, lo: int, hi: int, in_quote) -> bool:
    """A quoted label right after a naming verb's object `lo`..`hi` (`Democrats called the
    move “without precedent”`, parsed as a preposition of the verb): the label is what was
    said, a partial quote; the object alone ("the move") is no indirect one (stop 57, a real
    article). Not when the quote is inside the parts (`described the budget as “a ...”`)."""
    if hi >= len(doc) or any(in_quote(t) for t in doc[lo:hi]):
        return False
    return doc[hi].is_quote and hi + 1 < len(doc) and in_quote(doc[hi + 1]) \
        and not doc[hi + 1].is_sent_start  # (not a quote opening the next sentence)


def verbless(comp, verb) -> bool:
    """An adjective with no verb in its phrase is no clause a verb of speech reports but the
    parser's guess: "and say the most insane things imaginable" (stop 59, a Baly opinion
    piece: "imaginable" hung on "say" as its clause, "the context" its speaker). Not "polls
    that showed him victorious" (what a poll shows), "called the gesture wholly appropriate"
    (a verdict on it), nor a headline's "Hid" tagged a name."""
    return verb.lemma_.lower() in _NO_SMALL_CLAUSE and comp.pos_ == "ADJ" \
        and not any(t.pos_ in ("VERB", "AUX") for t in comp.subtree)


# Verbs of wording that take no "object + adjective" (unlike "declare X the winner").
_NO_SMALL_CLAUSE = WORDING_LEMMAS - {"declare"}


def as_verdict(clause) -> bool:
    """A clause opened by "as" that gives a verdict ("as arbitrary", "as having been enacted
    without ..."), not one of time or reason with a subject of its own ("condemned the launch
    as Pyongyang fired three missiles": the launch is what was condemned)."""
    return clause.left_edge.lower_ == "as" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children)


def part_end(part) -> int:
    """The last token of a part a statement verb reports: its phrase's end, or, when the
    parser joined a finite verb to a part that is no verb ("described such a tax as
    arbitrary and threatened Tarland with ...": "threatened" hung on "arbitrary"), the token
    before that verb and its "and": the subject's next act is not what was said (stop 61)."""
    joined = [c for c in part.children if c.dep_ == "conj" and c.pos_ == "VERB"
              and c.tag_ in ("VBD", "VBZ", "VBP")]
    if part.pos_ in ("VERB", "AUX") or not joined or any(t.is_quote for t in part.subtree):
        return part.right_edge.i  # (never a cut inside quote marks: `called it “shameful”`)
    first = min(joined, key=lambda c: c.i)
    cc = [c.i for c in part.children if c.dep_ == "cc" and c.i < first.i]
    return (max(cc) if cc else first.left_edge.i) - 1

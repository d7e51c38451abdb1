"""Syntax around a quoted fragment, for the direct pass (`direct.DirectFinder`): whether it is
a title rather than a quote, which verbs a climb from it to its cue passes over, and where the
clause it belongs to ends."""

from __future__ import annotations

from ..lexicons.cues import (
    CLAIM_NOUNS,
    CUE_LEMMAS,
    ISSUE_LEMMAS,
    ISSUED_NOUNS,
    SPEECH_LEMMAS,
    VERDICT_LEMMAS,
    WORDING_LEMMAS,
)
from .quotemarks import inner
from .spans import SUBJECT_DEPS

# Verbs that tie a quoted fragment to their subject past a "being" or a second verb.
# (`defended his remarks as being “sarcastic”`, `portrayed it as being “…”`: verbs of
# characterising, round 14.)
JUDGING = CUE_LEMMAS | VERDICT_LEMMAS | frozenset("defend portray depict".split())
_NAME_GLUE = frozenset("of the and for a an to in on at & with by".split())
# Nouns for a named work: a capitalised name in quote marks right after one is its title
# (`a host on the radio show “Harbour Talk.”`, `his podcast “Porto Nights”`).
_WORK_NOUNS = frozenset("""show program programme series book novel film movie documentary
podcast column album song play segment musical magazine newspaper blog website newsletter
""".split())


def title_name(content: str, before: str) -> bool:
    """`CNN’s “Morning Desk”`, `the “Harbour Bill”`: a capitalised name in quote marks (a
    show, a bill, a slogan's title) after a possessive, article, place preposition or a noun
    for a work (`the radio show “Harbour Talk”`); or of
    three words or more in the middle of a sentence of running text (`the book “…”`)."""
    words = content.rstrip(".,").split()
    if not 1 <= len(words) <= 12 or content.rstrip()[-1:] in ("!", "?"):
        return False
    if not all(w[0].isupper() or w[0].isdigit() or w.lower() in _NAME_GLUE for w in words):
        return False
    prev = before.split()[-1].lower() if before.split() else ""
    if prev.endswith(("’s", "'s")) or prev in ("the", "on", "in", "at", "from"):
        return len(words) <= 6
    if prev.rstrip(",") in _WORK_NOUNS and len(words) <= 6:
        return True
    # `a book, “Those Guys: Inside the World of X.”`: a title with a subtitle
    # Mid-sentence in running text, a capitalised phrase of three words or more in quote marks
    # is a title (`the book “Those Guys Have All the Fun”`, `a column, “America with X”`); on a
    # headline-case line every phrase is capitalised, so there it may be a quote.
    lead = [w for w in before.split()[-3:] if w[:1].isalpha()]
    running = any(w[0].islower() for w in lead)
    last = before.rstrip()[-1:]
    return len(words) >= 3 and running and (last.isalnum() or last in ",;(—–") \
        and ". " not in content


def term_subject(doc, text: str, pair_open: int, content: str, c_tok: int) -> bool:
    """`“Thatcherism” was an undiluted dose of ...`: a word or three in quote marks opening the
    writer's own sentence, its verb (not one of saying) right after the closing mark: a term
    the sentence is about, not words said (stop 46, real text: it was given to the person
    quoted before it)."""
    words = content.split()
    before = text[:pair_open].rstrip()
    if not 1 <= len(words) <= 3 or not content[-1:].isalnum() or c_tok >= len(doc) \
            or before[-1:] not in ("", ".", "!", "?") and "\n" not in text[
                max(0, pair_open - 2):pair_open]:
        return False
    t = doc[c_tok]
    return t.is_lower and t.pos_ in ("AUX", "VERB") and t.lemma_.lower() not in CUE_LEMMAS


def named_not_said(doc, text: str, pair_open: int, content: str, o_tok: int,
                   c_tok: int) -> bool:
    """A title (`title_name`) or a term the writer's sentence is about (`term_subject`) in
    quote marks, unless a verb of saying and its comma come just before (`said_after`)."""
    return (title_name(content, text[max(0, pair_open - 20):pair_open])
            or term_subject(doc, text, pair_open, content, c_tok)) \
        and not said_after(doc, o_tok)


def said_after(doc, o_tok: int) -> bool:
    """`… by interjecting, “Only Rosie.”`, `he said, “Make It Stop.”`: the opening mark
    follows a speech verb and its comma, so the capitalised words are a sentence said, not
    a title (`a column, “America with X”` has a noun before the comma)."""
    return o_tok >= 2 and doc[o_tok - 1].text == "," and doc[o_tok - 2].pos_ == "VERB" \
        and doc[o_tok - 2].tag_ in ("VBD", "VBZ", "VBP", "VBG") \
        and doc[o_tok - 2].lemma_.lower() in SPEECH_LEMMAS


def claim_owner(doc, o_tok: int, c_tok: int, in_quote):
    """(possessor, noun) when a quoted fragment (tokens o_tok..c_tok with its marks) lies in
    the phrase of a noun of something said with a possessor before it (`his promise to be
    “neutral”`, `Trump's claim that Obama “founded” it`): the possessor said it. None when a
    verb with a subject of its own comes first on the way up (`X said Y's plan is “…”`: that
    clause's cue decides), unless it is the noun's own clause (`X's claim that Y “…”`)."""
    if o_tok + 1 >= c_tok:
        return None
    t, hops = doc[o_tok + 1], 0
    while hops < 8 and t.head.i != t.i:
        t, hops = t.head, hops + 1
        if t.i >= o_tok:
            continue
        if t.pos_ == "NOUN" and t.lemma_.lower() in CLAIM_NOUNS:
            poss = claim_possessor(t, in_quote)
            return (poss, t) if poss is not None else None
        if t.pos_ in ("VERB", "AUX") and any(c.dep_ in SUBJECT_DEPS for c in t.children) \
                and not (t.dep_ in ("acl", "ccomp") and t.head.pos_ == "NOUN"
                         and t.head.lemma_.lower() in CLAIM_NOUNS):
            return None
    return None


def claim_possessor(t, in_quote=lambda tok: False):
    """The possessor before a noun of something said (`Smith's call for “…”`; `his preference
    for X and call for “…”`: the first noun's), else None."""
    if t.pos_ != "NOUN" or t.lemma_.lower() not in CLAIM_NOUNS:
        return None
    first = t
    while first.dep_ == "conj" and first.head.pos_ == "NOUN":
        first = first.head
    poss = [c for c in (*t.children, *first.children)
            if c.dep_ == "poss" and c.i < t.i and not in_quote(c)]
    return poss[0] if poss else None


def bare_nonfinite(t, depth: int = 0) -> bool:
    """A verb without a subject of its own under a preposition (`for being “…”`, `as being
    in “…”`, `for failing to make clear that “…”`, `for helping develop “…”`): the verb that
    governs the preposition is the one that speaks of it."""
    if t.tag_ not in ("VBG", "VB") or any(c.dep_ in SUBJECT_DEPS for c in t.children):
        return False
    if t.dep_ == "pcomp":
        return t.head.pos_ == "ADP"
    return t.dep_ == "xcomp" and depth < 3 and t.head.i != t.i and bare_nonfinite(t.head, depth + 1)


def labels_noun_after(doc, o_tok: int, c_tok: int) -> bool:
    """The quoted words (tokens o_tok+1 .. c_tok-2) hang on the noun right after the
    closing mark: `waved “Hispanics for X” signs`, `a big “Star Wars” fan`. Punctuation
    inside the marks does not count: the comma of `for being too “pro-gay,” X said` hangs on
    the next clause, the words do not."""
    return c_tok < len(doc) and doc[c_tok].pos_ in ("NOUN", "PROPN") \
        and any(doc[i].head.i >= c_tok and not doc[i].is_punct
                for i in range(o_tok + 1, c_tok - 1))


def goes_on_to(t) -> bool:
    """`X said, going on to contrast A with B`: a new turn of X's, which the next quote is."""
    return t.lemma_.lower() == "go" and any(c.dep_ == "prt" and c.lower_ == "on"
                                            for c in t.children) \
        and any(c.dep_ == "xcomp" and c.pos_ == "VERB" for c in t.children)


def conj_start(c) -> int:
    """Where a clause after the cue's phrase starts, with the "and" before a second verb."""
    doc, lo = c.doc, c.left_edge.i
    while lo > 0 and (doc[lo - 1].dep_ == "cc" or doc[lo - 1].is_punct
                      and doc[lo - 1].text == ","):
        lo -= 1
    return lo


def issuing_verb(noun, open_tok: int):
    """The finite verb that issued `noun` when the words quoted right after it (from token
    `open_tok`) are that text (`X issued a statement, “…”`, `X posted a message: “…”`), else
    None. A clause hung on a verb inside the quote is the parse running into the quote, not
    a subordinate clause (`after X issued a statement, …` has its own marker)."""
    v = noun.head
    if noun.dep_ != "dobj" or noun.lemma_.lower() not in ISSUED_NOUNS \
            or v.lemma_.lower() not in ISSUE_LEMMAS or v.tag_ not in ("VBD", "VBZ", "VBP") \
            or v.dep_ in ("relcl", "acl") or any(c.dep_ == "mark" for c in v.children) \
            or v.dep_ == "advcl" and v.head.i < open_tok:
        return None
    return v


def noun_saying(t) -> bool:
    """`t` is a participle of saying on a noun (`a law saying ...`, `a statement saying
    ...`): the noun's words, or its issuer's, not those of a verb above it."""
    return t.tag_ == "VBG" and t.dep_ == "acl" and t.lemma_.lower() in WORDING_LEMMAS


def climb_stops(t, in_quote) -> bool:
    """Where the climb from a quoted fragment to the verb whose phrase holds it must stop (the
    fragment is no words of that verb's subject):
    - `the bank had cut rates, and trade tensions had “returned to a simmer”`: a verb inside
      the quote joined by "and" to an earlier clause, with a subject of its own outside the
      quote; the fragment is that subject's clause (round 14). Not when the earlier verb is a
      cue: the parser hangs the second half of a reported clause on it (`X responded, tweeting
      that it was … and they “must be dealt with …”`: still X's);
    - `who cited a law saying the secretary “shall furnish” data`: a participle of saying on a
      noun, outside the quote, says it itself (the law; stop 57, a Baly article);
    - `the United States had gone from “It's morning in America again” to something much
      darker`: a fragment after "from" on a verb that also goes "to" or "into" somewhere names
      a state passed through, no words of the verb's subject (stop 58, a Baly article)."""
    if not in_quote(t) and noun_saying(t):
        return True
    if t.lower_ == "from" and t.dep_ == "prep" and t.head.pos_ in ("VERB", "AUX") and any(
            c.dep_ == "prep" and c.lower_ in ("to", "into") and c.i > t.i and not in_quote(c)
            for c in t.head.subtree):  # (the parse may hang "to" on the quote's last verb)
        return True
    return t.pos_ in ("VERB", "AUX") and t.dep_ == "conj" and in_quote(t) \
        and t.head.lemma_.lower() not in CUE_LEMMAS \
        and any(c.dep_ in SUBJECT_DEPS and not in_quote(c) for c in t.children)


def no_cue_past_and(text: str, pair, verb, c_tok: int) -> bool:
    """With "and"/"or" right after the closing mark of `pair` (at token `c_tok`), no cue
    after it is the quote's: when a colon introduced the quote (`X nudged her: “You go
    first,” and Y sighed`: X's sentence introduces it, and "and" opens a clause of its own),
    or when the quote is a bare fragment, no punctuation closing it, and the cue `verb` has a
    subject of its own after the "and" (`During a segment on “electability” and how best to
    beat X - something polls indicate …`: a noun of the writer's phrase, not the polls'
    words; stop 58, a Baly article). (`X thanked them “for their support” and called …`:
    one subject, X's words.)"""
    if text[:pair.open].rstrip().endswith(":"):
        return True
    return verb is not None and text[:inner(text, pair)[1]].rstrip()[-1:].isalnum() \
        and any(c.dep_ in SUBJECT_DEPS and c_tok < c.i < verb.i for c in verb.children)


def borrowed_subjects(t) -> list:
    """The subjects a verb `t` with none of its own, holding a quoted fragment, takes from the
    verb it hangs on: a participle's (`X interjected, calling Y “…”`), a second verb's (`she
    attacked A and blamed B on “…”`), and a judging infinitive's with no object between
    (`Trump took to Twitter overnight to accuse Clinton's campaign of being “duped” by “a
    con”`, stop 58: PolNeAR dev; not `asked him to call it “…”`, whose object speaks)."""
    head = t.head
    if head.pos_ != "VERB" or head.i >= t.i:
        return []
    judging = t.lemma_.lower() in JUDGING or head.lemma_.lower() in JUDGING
    if not (t.tag_ == "VBG" and t.dep_ in ("advcl", "xcomp", "conj")
            or t.dep_ == "conj" and t.tag_ in ("VBD", "VBN") and judging
            and not any(c.dep_ == "auxpass" for c in t.children)
            or t.tag_ == "VB" and t.dep_ in ("xcomp", "advcl") and t.lemma_.lower() in JUDGING
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)
            and not any(c.dep_ in ("dobj", "dative") and c.i < t.i for c in head.children)):
        return []
    return [c for c in head.children if c.dep_ == "nsubj"]


# Nouns whose "that" clause is what they report: "a report that X would “reassess” …".
_REPORT_NOUNS = frozenset("report reports story article news claim claims statement "
                          "announcement assertion allegation suggestion rumor rumour "
                          "speculation".split())


def in_noun_clause(doc, tok: int, verb) -> bool:
    """The quote opening at token `tok` lies in the "that" clause of a noun of reporting,
    before a cue `verb` further on: `In response to an NBC News report that the campaign
    would “reassess” its role, X told Fox News: “…”` (stop 58, a Baly article: the report's
    word had been X's). The report's, not what the later cue's subject says. (Not any noun:
    in "He expressed amusement that Mr. Rubio had described his views “…”" the words are
    his, PolNeAR train.)"""
    t, hops = doc[tok], 0
    while t.head.i != t.i and t.i != verb.i and hops < 12:
        if t.dep_ in ("acl", "ccomp") and t.head.lemma_.lower() in _REPORT_NOUNS \
                and t.head.pos_ == "NOUN" and t.head.i < tok \
                and any(c.dep_ == "mark" and c.lower_ == "that" for c in t.children):
            return True
        t, hops = t.head, hops + 1
    return False

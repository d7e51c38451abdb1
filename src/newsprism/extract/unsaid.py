"""Cue constructions whose subject did not say what the cue reports: the subject of a passive
cue, of an infinitive supposed after "for" or after an object, of a relative clause about a
noun after the quote, and a cue the parser joined to a clause another cue reports. Each is a
test on the parse of one cue verb; `cues` and `direct` read them and leave the speaker
unresolved (or the quote without this cue) rather than guess."""

from __future__ import annotations

import re

from ..lexicons.cues import CUE_LEMMAS, WORDING_LEMMAS
from .fragments import claim_possessor, noun_saying
from .spans import SUBJECT_DEPS

# "… military aid to Ukraine MORE, both of which …": the capitalised "MORE" that ends a row of
# linked headlines some sites run inside a sentence, after a word with lower-case letters.
_LINK_ROW_END = re.compile(r"[a-z][\w’'.]*\s+MORE\b")

# Subjects that a clause joined to a reported clause may share with the reporting cue.
_SHARED_SUBJECTS = frozenset({"he", "she", "they", "i", "we"})


def passive_cue(verb) -> bool:
    """A cue verb in the passive ("X was told that ...", "the city was promised “...”", "the
    deal was announced"): its subject was spoken to or about, never the speaker (who is the
    agent, "by Y", or not said). "X was quoted as saying" is read before this. The parser
    takes the "'s" of "he's said", "who's argued" (has) for a passive's: a passive only with
    "it" ("it's said that ...")."""
    if verb.lemma_.lower() == "quote":
        return False
    aux = [c for c in verb.children if c.dep_ == "auxpass"]
    if aux and all(a.lower_ in ("'s", "’s") for a in aux):
        return any(c.dep_ in SUBJECT_DEPS and c.lower_ == "it" for c in verb.children)
    return bool(aux) or any(c.dep_ == "nsubjpass" for c in verb.children) \
        or _shared_passive(verb)


def _shared_passive(verb) -> bool:
    """`one group of participants was given a list … and then asked to write …`: a second
    verb with no subject nor object of its own, an infinitive after it, on a passive one,
    shares its passive (stop 58, a Baly article: the participants had been the speakers);
    not `was arrested and said he …` (no infinitive: the subject speaks)."""
    head = verb.head
    return verb.dep_ == "conj" and head.i < verb.i and verb.tag_ in ("VBN", "VBD") \
        and any(c.dep_ in ("auxpass", "nsubjpass") for c in head.children) \
        and not any(c.dep_ in SUBJECT_DEPS or c.dep_ in ("dobj", "dative")
                    for c in verb.children) \
        and any(c.dep_ == "xcomp" and c.tag_ == "VB" for c in verb.children)


def for_to_infinitive(verb) -> bool:
    """`For the government to demand that cities ... might cause riots`: an infinitive with
    its own subject after "for" is a thing supposed, not a statement of that subject."""
    return verb.tag_ == "VB" \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) \
        and any(c.dep_ == "mark" and c.lower_ == "for" for c in verb.children)


def joined_to_reported_clause(verb) -> bool:
    """`The lawsuit demands that the agency pay damages and asks the court to rule ...`: a
    cue with no subject of its own that the parser joined to a clause another cue reports,
    whose subject is not a he/she/they. Whether it goes on the reported clause's subject
    (the agency) or the outer cue's (the lawsuit), the parse cannot tell: no speaker."""
    if verb.dep_ != "conj" or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return False
    first, hops = verb.head, 0
    while first.dep_ == "conj" and first.head.i != first.i and hops < 4:
        first, hops = first.head, hops + 1
    if first.dep_ != "ccomp" or first.head.i > first.i \
            or first.head.lemma_.lower() not in CUE_LEMMAS:
        return False
    subj = [c for c in first.children if c.dep_ in SUBJECT_DEPS]
    return bool(subj) and subj[0].lower_ not in _SHARED_SUBJECTS


def relative_about_later_noun(verb, close_tok: int) -> bool:
    """`lost the “care about” question, though he led in every category that voters said
    mattered`: a cue heading a relative clause of a noun written after a quote, with a
    subject of its own, reports that noun, not the quote before it. (In `“…,” continues
    Mr. X, who notes he ...` the relative word is the subject: X speaks.)"""
    return verb.dep_ == "relcl" and verb.head.i > close_tok and any(
        c.dep_ in SUBJECT_DEPS and c.tag_ not in ("WDT", "WP") for c in verb.children)


def object_controlled(verb) -> bool:
    """`X did not win any, prompting adviser Y to urge him to “get out”`, `X won none, leading
    aide Y to tell him ...`: an infinitive cue whose governing verb has an object before it
    that may speak says what that object did; the governing verb's subject (X) did not say
    it. For a purpose clause ("X called Y to say": either's) only a person's name counts."""
    if verb.dep_ not in ("xcomp", "advcl") or verb.tag_ != "VB" \
            or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    # (the parser may call the infinitive of a causative verb an adverbial clause: "has led
    # some pundits to declare that ...", stop 55, gave "the exclusion of X" the pundits' words)
    controlled = verb.dep_ == "xcomp" or verb.head.lemma_.lower() in _CAUSATIVE
    return any(c.dep_ in ("dobj", "npadvmod") and verb.head.i < c.i < verb.i
               and (c.ent_type_ == "PERSON" or controlled and _caused_speaker(c, verb.head))
               for c in verb.head.children)


_CAUSATIVE = frozenset({"lead", "prompt", "cause", "force", "push", "drive", "spur",
                        "inspire", "encourage", "compel", "persuade", "convince", "move"})


def controlling_object(verb):
    """The object that speaks in an `object_controlled` cue under a causative verb: "…,
    prompting Mr. Giuliani to reply, “…”" (stop 58, a fresh Baly draw: the reply had gone to
    the one quoted before it), "leading aide Y to tell him …": a person's name or a noun that
    may speak, not a pronoun (whom it stands for is another question). None otherwise."""
    if not object_controlled(verb) or verb.head.lemma_.lower() not in _CAUSATIVE:
        return None
    return next((c for c in verb.head.children if c.dep_ == "dobj" and verb.head.i < c.i < verb.i
                 and c.pos_ != "PRON" and _caused_speaker(c, verb.head)), None)


def _caused_speaker(noun, head) -> bool:
    """`_may_speak`, or any noun made to act by a causative verb: "prompting the chief
    justice to remark: “…”" (stop 61, a real article: the remark had gone to the one whose
    answer prompted it); "chose Astana to announce ..." stays a purpose."""
    return _may_speak(noun) or head.lemma_.lower() in _CAUSATIVE and noun.pos_ in ("NOUN", "PROPN")


def blamed_for(verb):
    """`X criticized Y for saying “…”`, `thanked her for calling it “…”`, `Y, whom X fired for
    writing …`: a gerund after "for" on a verb with an object says what the object did; the
    object speaks, not the verb's subject (stop 45: "His rivals have blasted him for saying
    …" gave the words to the rivals). The object token, or None."""
    if verb.tag_ != "VBG" or verb.dep_ != "pcomp" or verb.head.lower_ != "for":
        return None
    prep = verb.head
    gov = prep.head
    if gov.pos_ in ("NOUN", "PROPN", "PRON") and gov.dep_ == "dobj" and _may_speak(gov):
        return gov  # the parser hangs "for" on the object: "praised Y for saying"
    if gov.pos_ not in ("VERB", "AUX"):
        return None
    return next((c for c in gov.children if c.dep_ == "dobj" and c.i < prep.i
                 and _may_speak(c)), None)


def _may_speak(noun) -> bool:
    """People, groups or a personal pronoun: not "chose Astana to announce ..." (a purpose:
    the subject announced)."""
    if noun.pos_ == "PRON":
        return noun.lower_ not in ("it", "this", "that", "which", "what")
    return noun.ent_type_ in ("PERSON", "NORP", "ORG") or noun.tag_ == "NNS"


def asked_of_subject(verb) -> bool:
    """`X said when asked what he likes about ...` (the parser often tags this "asked" a past
    tense): "asked" with no subject of its own, opened by "when"/"if"/"after", puts the
    question to X; its words are the unnamed asker's, not X's."""
    return verb.lemma_.lower() == "ask" and verb.dep_ == "advcl" \
        and not any(c.dep_ in SUBJECT_DEPS or c.dep_ == "aux" for c in verb.children) \
        and any(c.dep_ in ("advmod", "mark") and c.i < verb.i
                and c.lower_ in ("when", "if", "after", "once", "as", "while")
                for c in verb.children)


def in_link_row(text: str, start: int, end: int) -> bool:
    """The clause `text[start:end]` runs into a row of linked headlines ("Lind: X threatened
    to withhold more than just aid MORE"): what the row's headlines say nobody says here."""
    return _LINK_ROW_END.search(text, start, min(len(text), end + 6)) is not None


_OPENING_MARKS = frozenset({'"', "“", "‘", "'"})


def naming_call(verb) -> bool:
    """`a German ship called the St. Louis tried to make port`: "called" right after a thing
    introduced with "a"/"an" and right before a name gives the thing's name; the parser may
    still read it as the sentence's verb with the thing as a speaking subject."""
    doc = verb.doc
    if verb.lower_ != "called" or verb.i < 2 or verb.i + 2 >= len(doc):
        return False
    noun, after = doc[verb.i - 1], doc[verb.i + 1]
    if after.lower_ == "the":
        after = doc[verb.i + 2]
    # The name may be quoted: `an exercise called the “flexed arm hang”` (stop 43, real text:
    # the quoted name went to "an exercise" as its speaker).
    named = after.pos_ == "PROPN" or after.text in _OPENING_MARKS
    # The article may stand further back, before the noun's modifiers: `a coronavirus
    # anti-body test called “COVID-Rapid.”` (stop 44, real text).
    return noun.pos_ == "NOUN" and noun.ent_type_ != "PERSON" and named \
        and (any(t.lower_ in ("a", "an") for t in doc[max(0, verb.i - 4):verb.i - 1])
             or any(t.dep_ == "det" and t.lower_ in ("a", "an") for t in noun.lefts))


# "pleaded guilty", "pleaded not guilty", "pleaded no contest", "pleaded the Fifth": a plea
# entered in court, not words that a quote beside it gives.
_PLEAS = frozenset({"guilty", "innocent", "contest", "fifth"})


def legal_plea(verb) -> bool:
    """`X, who pleaded guilty to one count of lying`: "plead" as a plea in court (stop 60,
    real text: a quoted name before it went to the one who pleaded)."""
    return verb.lemma_.lower() == "plead" and any(
        c.lower_ in _PLEAS or any(g.lower_ in _PLEAS for g in c.children)
        for c in verb.children if c.dep_ in ("acomp", "oprd", "dobj", "advmod", "attr"))


def reported_by_another(verb) -> bool:
    """`Such coercion, the court held, would violate the principle that “…”`: the verb that
    governs a quoted fragment sits inside what another verb of saying reports (a parenthetical
    "the court held", or "X said such coercion would violate …"): its own subject is a thing
    the reporter talks about, not the one who chose the words, so no speaker from it."""
    head = verb.head if verb.dep_ == "ccomp" and verb.head.i != verb.i else None
    reporters = [c for c in verb.children if c.dep_ == "parataxis"] + ([head] if head else [])
    return any((r.lemma_.lower() in CUE_LEMMAS or r.lemma_.lower() in ("hold", "rule"))
               and any(c.dep_ in SUBJECT_DEPS for c in r.children) for r in reporters)


def unless_reported(verb, o_tok: int = -1):
    """`verb` (the governing verb of a quoted fragment opened at token `o_tok`), or None when
    another verb reports it, the fragment is the recipient of a transfer, or the verb gives a
    thing its name (`naming_call`)."""
    if verb is None or reported_by_another(verb) or transfer_recipient(verb, o_tok) \
            or naming_call(verb):
        return None
    return verb


# Verbs of handing something on: the one it went to, labelled in quote marks ("forwarded the
# email to an “overseas individual”"), is named in someone else's words (a filing's, the
# writer's), not the sender's.
TRANSFER_LEMMAS = frozenset("""send forward give pass deliver hand transfer pay wire mail email
e-mail route leak sell lend loan ship donate funnel channel relay""".split())


def transfer_recipient(verb, o_tok: int) -> bool:
    """The quoted fragment opened at `o_tok` is what "to" governs after a verb of
    `TRANSFER_LEMMAS`: `Corsi forwarded this email to an “overseas individual.”`."""
    doc = verb.doc
    if o_tok < 0 or o_tok + 1 >= len(doc) or verb.lemma_.lower() not in TRANSFER_LEMMAS:
        return False
    t, hops = doc[o_tok + 1], 0
    while t.head.i != t.i and t.head.i > o_tok and hops < 6:  # up to the phrase's head word
        t, hops = t.head, hops + 1
    prep = t.head
    return t.dep_ == "pobj" and prep.lower_ == "to" and prep.i < o_tok \
        and (prep.head.i == verb.i or prep.head.head.i == verb.i)


def in_question_put(doc, o_tok: int, c_tok: int) -> bool:
    """The quoted words (tokens after `o_tok`, before `c_tok`) lie inside a question put to
    the sentence's subject: `Asked if “laws ...” should be “left to each state,” 70 percent
    said the latter`, `when asked whether she would “run again”, X said ...`. An "asked" with
    no subject or auxiliary of its own before them; its words are the asker's (a pollster,
    a reporter), not the answerer's; so with the asker named (`Asked by NBC whether …`)."""
    if o_tok + 1 >= c_tok:
        return False
    t, hops = doc[o_tok + 1], 0
    while t.head.i != t.i and hops < 12:
        t, hops = t.head, hops + 1
        if t.lemma_.lower() == "ask" and t.i < o_tok and t.tag_ in ("VBN", "VBD") \
                and not any(c.dep_ in SUBJECT_DEPS or c.dep_ in ("aux", "auxpass")
                            for c in t.children):
            # (an asker named with "by" asks too: `Asked by NBC whether he is “…”, X said`)
            return True
    return False


def points_back(verb) -> bool:
    """`I cannot walk down the street, Secretary Clinton knows that, without ...` (a speaker's
    turn): a cue with a clause before it and a demonstrative object of its own after it
    ("that", "this") comments on words already said by someone else; the clause is not its
    report. (Not "it": in `...: X called it “…”` "it" is the thing named.)"""
    doc = verb.doc
    nxt = doc[verb.i + 1] if verb.i + 2 < len(doc) else None
    # (the parser may take the "that" before a comma for a clause's mark)
    pointer = nxt is not None and nxt.lower_ in ("that", "this") \
        and (nxt.dep_ == "dobj" or doc[nxt.i + 1].is_punct)
    # (not "X suggested that, in the long run, there could be ...": a clause after it)
    return pointer and any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children) \
        and not any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children)


def vocative_imperative(verb) -> bool:
    """`Jess, tell us what it's been like on the Hill` (stop 55, a reporters' chat read as
    Jess's words): a base-form cue heading its sentence with no auxiliary, and no subject or
    only a name or "you" set off by a comma before it (whom the turn addresses), asks for
    words; no one is reported to have said what follows."""
    if verb.tag_ != "VB" or verb.dep_ != "ROOT" or any(
            c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects:
        return verb.i == verb.sent.start
    doc = verb.doc
    s = subjects[0]
    return len(subjects) == 1 and s.i + 2 == verb.i and doc[s.i + 1].text == "," \
        and (s.pos_ == "PROPN" or s.lower_ == "you") and s.left_edge.i == verb.sent.start


_PREMISE_LEMMAS = frozenset({"assume", "suppose", "presume"})
_BE_FORMS = frozenset({"be", "am", "is", "are", "was", "were", "been", "being", "'s", "’s",
                       "'re", "’re", "'m", "’m"})


def premise(verb) -> bool:
    """`Congress could — assuming Congress is capable of anything — amend the law`: "assuming"
    or "supposing" with no form of "be" before it opens a condition the writer sets, whoever
    the parser makes its subject; no one is reported to assume it. ("He is assuming that
    ...", a progressive, stays his belief.)"""
    return verb.tag_ == "VBG" and verb.lemma_.lower() in _PREMISE_LEMMAS and not any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in _BE_FORMS for c in verb.children)


def own_cue_between(doc, tok: int, verb) -> bool:
    """The quoted fragment at token `tok`, inside what `verb` reports, hangs first on a
    relative clause's cue with a subject of its own: `Democrats say reconciliation would
    address the crisis, which Sen. X called a “civil war”` (X's words, not the Democrats'),
    or of "who" (`unsure if Mr X - who allegedly said “all Muslims should die” - will face
    charges`: his, not the FBI's; stop 57), or on an adverbial clause's finite cue with one:
    `saying there was no point after Frederiksen called the idea “absurd”` (hers), or on a
    participle of saying on a noun (`who cited a law saying the secretary “shall furnish”`:
    the law's; stop 57). Not a supposed one (`if they call it “a
    sham”`, `they would call it ...`: the reporter's words). (Not any cue: in `Obama said
    Americans will say “no”` the words are Obama's.)"""
    t, hops = doc[tok], 0
    while t.head.i != t.i and t.i != verb.i and hops < 12:
        t, hops = t.head, hops + 1
        if claim_possessor(t) is not None:
            return True  # `Smith's call for “a total ban”`: Smith's words (stop 48)
        if t.i != verb.i and noun_saying(t):
            return True
        if t.i != verb.i and controlling_object(t) is not None:
            return True  # "…, prompting Y to reply, “…”": Y's (stop 58)
        if t.i != verb.i and t.lemma_.lower() in CUE_LEMMAS \
                and (t.dep_ == "relcl" or _told_aside(t)) \
                and any(c.dep_ in SUBJECT_DEPS and (c.tag_ not in ("WDT", "WP")
                                                     or c.lower_ == "who" and t.dep_ == "relcl")
                        for c in t.children):
            return True
    return False


# Verbs whose adverbial clause puts words on record ("after X called it “absurd”"), not a
# knowing or thinking one ("as society knows it because “…”").
_ASIDE_LEMMAS = WORDING_LEMMAS | frozenset("call describe label dub term brand warn claim insist "
                                           "deny announce".split())


def _told_aside(t) -> bool:
    """`t` heads an adverbial clause that states, not supposes, what was said."""
    return t.dep_ == "advcl" and t.tag_ in ("VBD", "VBZ", "VBP") \
        and t.lemma_.lower() in _ASIDE_LEMMAS \
        and not any(c.dep_ == "aux" and c.tag_ == "MD" for c in t.children) \
        and not any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in t.children)


def preferred(verb) -> bool:
    """`The media would rather tell you why ...` (stop 61, a Baly opinion piece): what someone
    would rather or sooner do is a preference the writer gives them, nothing they said."""
    return any(c.dep_ == "aux" and c.lower_ in ("would", "'d", "’d") for c in verb.children) \
        and any(c.dep_ == "advmod" and c.lower_ in ("rather", "sooner") for c in verb.children)


def generic_gerund(verb) -> bool:
    """`when it comes to showing mom how thankful you are` (stop 61, a real article): a gerund
    after a preposition of a clause whose subject is the empty "it" is anyone's doing; its
    "it" is no speaker."""
    if verb.tag_ != "VBG" or verb.dep_ != "pcomp":
        return False
    clause = verb.head.head
    return any(c.dep_ == "nsubj" and c.lower_ == "it" for c in clause.children)


# Verbs of knowing: what someone knew is a claim about them, not their words.
_KNOWING = frozenset("know realize realise recognize recognise understand".split())


def known_in_report(verb) -> bool:
    """`Republicans blame the White House ..., and that the administration quickly knew the
    violence was a terrorist attack` (stop 61, a real article), `the senator said officials
    knew the bridge was unsafe`: a verb of knowing inside the clause another cue reports is
    that speaker's claim about the knower; the knower said nothing (the outer attribution
    keeps the whole clause). Not a he/she/they/I/we knowing ("Rubio said he understands voters
    are angry"): most often the speaker's own view, as PolNeAR reads it (stop 61: 8 train
    quotes of that kind)."""
    if verb.lemma_.lower() not in _KNOWING or verb.dep_ not in ("ccomp", "conj"):
        return False
    knower = verb if any(c.dep_ == "nsubj" for c in verb.children) else verb.head
    if any(c.dep_ == "nsubj" and c.lower_ in _SHARED_SUBJECTS for c in knower.children):
        return False  # (or the subject a joined verb shares: "she could not ... but understood")
    t, hops = verb, 0
    while t.dep_ in ("ccomp", "conj") and t.head.i != t.i and hops < 4:
        t, hops = t.head, hops + 1
        if t.lemma_.lower() in CUE_LEMMAS and t.lemma_.lower() not in _KNOWING and any(
                c.dep_ in SUBJECT_DEPS for c in t.children):
            return True
    return False

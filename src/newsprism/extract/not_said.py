"""Round 15 (issue 20): readings where the passes give words a speaker who did not say them,
seen on fresh real samples. Each rule abstains (no speaker, or no quote) rather than pick
another person:

- `than_cue`: a verb of forecasting in a comparative clause (`claims were lower than economists had
  predicted`) measures the main clause against a forecast; nobody said the main clause.
- `in_question`: a cue inside an inverted question (`did you even have to ask whether …?`)
  asks; what it reports was said by no one, and a question's subject is often misparsed.
- `outlet_title`: a quoted title right after an outlet's possessive (`told CBS’ “Face the
  Nation”`) is a show's or a column's name, not the subject's words.
- `refused_act`: a quoted fragment under a non-speech verb that a verb of refusing or failing
  governs (`have declined traveling with a “protective pool”`): nothing was done or said.
- `about_whom`: a speaker span whose last name a preposition governs (`Fauci with a subtle
  rebuke of Trump: “…”`) names whom the line is about.
- `asked_by`: `Asked by NBC whether he is “almost alone”, X said`: X was asked, not asking.
- `date_speaker`: a speaker that is a date or a time of the article (`a poll released on
  Monday, which showed …` resolved "which" to "Monday") is no speaker.
"""

from __future__ import annotations

import dataclasses
import re

from ..lexicons.cues import CUE_LEMMAS, IRREALIS_HEADS
from ..nlp.loader import ents_of
from .turns import object_of_preposition

_POSSESSIVE = re.compile(r"(\w[\w.&-]*)(?:['’]s|['’])\s*[“\"‘']?$")
_FORECAST = frozenset("predict expect forecast estimate anticipate project foresee "
                      "guess".split())
_ABOUT = frozenset("with to against about on".split())
_SMALL = frozenset("a an the of and or in on at to for with".split())


def _cue_verb(doc, cue: tuple[int, int] | None):
    """The verb inside the cue's characters, or None."""
    if cue is None:
        return None
    span = doc.char_span(cue[0], cue[1], alignment_mode="expand")
    return next((t for t in span or () if t.pos_ in ("VERB", "AUX")), None)


def than_cue(verb) -> bool:
    """The cue is a verb of forecasting heading a comparative clause: `… lower than
    economists had predicted`. Not other cues: `less credit than aides say he deserves`
    reports what the aides say (PolNeAR train tune)."""
    return verb.lemma_.lower() in _FORECAST and any(
        c.dep_ == "mark" and c.lower_ == "than" for c in verb.children)


def _inverted(tok) -> bool:
    """An auxiliary before the subject of `tok` (`did you … have`)."""
    subj = [c.i for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("do", "does", "did")
               and any(c.i < s for s in subj) for c in tok.children)


def in_question(doc, verb, text: str) -> bool:
    """The cue sits in an inverted question that ends its sentence with "?"."""
    sent = verb.sent
    last = next((t for t in reversed(sent) if not t.is_space and not t.is_punct
                 or t.text == "?"), None)
    if last is None or last.text != "?":
        return False
    tok = verb
    for _ in range(6):
        if _inverted(tok):
            return True
        if tok.head is tok or tok.dep_ not in ("xcomp", "ccomp", "conj"):
            return False
        tok = tok.head
    return False


def _title_cased(words: str) -> bool:
    ws = [w for w in re.findall(r"[A-Za-z][\w'’-]*", words)]
    return bool(ws) and ws[0][0].isupper() and all(
        w[0].isupper() or w.lower() in _SMALL for w in ws)


def outlet_title(doc, a, text: str) -> bool:
    """A title-cased partial right after an outlet's possessive (`CBS’ “Face the Nation”`)."""
    if a.kind != "partial" or not _title_cased(text[a.start:a.end]):
        return False
    m = _POSSESSIVE.search(text[max(0, a.start - 40):a.start])
    if m is None:
        return False
    word_end = a.start - (len(m.group(0)) - len(m.group(1)))
    word = doc.char_span(word_end - len(m.group(1)), word_end, alignment_mode="expand")
    return word is not None and (any(t.ent_type_ == "ORG" for t in word)
                                 or m.group(1).isupper())


def refused_act(verb) -> bool:
    """The cue is a non-speech verb complementing a verb of refusing or failing."""
    return verb.lemma_.lower() not in CUE_LEMMAS and verb.dep_ == "xcomp" \
        and verb.head.lemma_.lower() in IRREALIS_HEADS


def asked_by(verb) -> bool:
    """`Asked by NBC whether he is “…”, X said`: a participle of asking with its asker named
    and no subject of its own; the question is the asker's, and X answered it (without "by
    NBC" the passes already read no attribution)."""
    return verb.lemma_.lower() == "ask" and verb.tag_ == "VBN" \
        and any(c.dep_ == "agent" for c in verb.children) \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children)


def date_speaker(doc, name: str | None) -> bool:
    """The resolved speaker is one of the article's dates or times."""
    return name is not None and any(
        e.label_ in ("DATE", "TIME") and e.text.lower() == name.lower() for e in ents_of(doc))


def about_whom(doc, a, text: str) -> bool:
    """The speaker is the name at the end of its span that a preposition of the span governs:
    `Fauci with a subtle rebuke of Trump: “…”` is about Trump (a colon line in the body;
    `turns.object_of_preposition` mended only the headline reading, round 14)."""
    if a.speaker_span is None or a.cue is None:
        return False
    span = doc.char_span(a.speaker_span[0], a.speaker_span[1], alignment_mode="expand")
    if span is None or len(span) < 3 or not object_of_preposition(span) \
            or span[-1].ent_type_ != "PERSON" or a.speaker.split()[-1] != span[-1].text:
        return False
    if a.speaker == span.text and text[a.cue[0]:a.cue[1]] != ":":
        return False  # a description kept as written ("people close to Clinton") stays
    tok, path = span[-1], []
    while tok.head.i != tok.i and span.start <= tok.head.i < span.end:
        tok = tok.head
        path.append(tok.lower_)
    # "of/for/at/from" name an affiliation ("Director of National Intelligence James
    # Clapper"); a phrase "with/to/against/about/on" is what the line is about (round 14).
    return any(w in _ABOUT for w in path)


def not_said(finder, atts: list) -> list:
    """`atts` without the attributions the rules above read as nobody's words, and with no
    speaker where only the speaker is wrong."""
    doc, text = finder.doc, finder.text
    out = []
    for a in atts:
        verb = _cue_verb(doc, a.cue)
        if verb is not None and a.kind != "direct" and (
                than_cue(verb) or refused_act(verb) or asked_by(verb)):
            continue
        if outlet_title(doc, a, text):
            continue
        if a.speaker is not None and (date_speaker(doc, a.speaker) or about_whom(doc, a, text) or (
                verb is not None and a.kind != "direct" and in_question(doc, verb, text))):
            a = dataclasses.replace(a, speaker=None)
        out.append(a)
    return out

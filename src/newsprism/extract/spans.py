"""Which words of a sentence are the speaker mention: the noun phrase around a speaker head,
without what describes the speaker only in passing, and the noun phrase between a quote and
its verb. Mixed into `cues.CueReader` (it reads `doc` and `in_quote` from there).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..dates import WEEKDAYS
from ..lexicons.cues import SPEECH_LEMMAS
from .names import PRONOUNS

if TYPE_CHECKING:
    from spacy.tokens import Doc

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
NP_START = frozenset({"PROPN", "PRON", "NOUN", "DET", "ADJ", "NUM"})
_WH = frozenset({"WP", "WDT", "WP$"})
_ORIGIN = frozenset({"of", "from"})  # "said X, 58, of Porto": where the speaker is from
# Nouns of the channel a statement came through ("X in a statement", "X in his speech").
_MEDIA = frozenset("statement speech interview email e-mail release tweet post letter call "
                   "conference remarks video memo op-ed broadcast appearance".split())
_QUANTIFIER_LEADS = frozenset({"both", "either", "neither", "about", "around", "nearly",
                               "almost", "over", "under"})


def _misread_name(doc, i: int) -> bool:
    """A capitalised word inside a sentence that the tagger read as a verb or a modal: part of
    a name ("“…,” Will wrote", "“…,” Tulsa police Chief X said"). Not a speech verb ("Says
    X"), "I", or the first word of a sentence."""
    t = doc[i]
    return t.pos_ in ("VERB", "AUX") and t.text[:1].isupper() and t.text != "I" \
        and not t.text.isupper() and i > 0 and doc[i - 1].text not in (".", "!", "?") \
        and "\n" not in doc[i - 1].text_with_ws and t.lemma_.lower() not in SPEECH_LEMMAS


# Prepositions of a time ("on Sunday", "in 2001"); not "of" ("the Act of 2009", "an
# employee of four years": the time names the thing).
_TIME_PREPS = frozenset({"on", "in", "at", "during", "from", "since", "until", "through"})


def _when(t, head) -> bool:
    """`a TV interview on Sunday`, `an arbitration panel in 2001`: when the words came, not
    who said them (stop 60: "a TV interview on Sunday" had been shown as the speaker)."""
    return t.dep_ == "prep" and t.head.i == head.i and t.lower_ in _TIME_PREPS and any(
        c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in t.children)


def _closes_bracket(doc, lo: int, i: int) -> bool:
    """`doc[i]` is a closing bracket whose opening one is in `doc[lo:i]`."""
    return doc[i].text == ")" and any(t.text == "(" for t in doc[lo:i])


def _possessive_mark(doc, i: int) -> bool:
    """The apostrophe of "Hollis’ aides" (glued to a word ending in s), not a quote mark."""
    return doc[i].text in ("’", "'") and i > 0 and not doc[i - 1].whitespace_ \
        and doc[i - 1].lower_.endswith("s")


def in_reported_clause(t) -> bool:
    """Whether a token lies in a clause reported by a verb of saying ("X said [he ...]")."""
    return any(a.dep_ == "ccomp" and a.head.lemma_.lower() in SPEECH_LEMMAS for a in t.ancestors)


class SpanReader:
    """Speaker-span methods; the class that mixes it in provides `doc`, `in_quote` and the
    speech verbs (", who added ...": a second attribution, not a description)."""

    speech_lemmas: frozenset[str] = frozenset()
    doc: Doc  # provided by the reader

    def in_quote(self, token) -> bool:  # provided by the reader
        raise NotImplementedError

    def np_span(self, head, stop: int | None = None,
                after_cue: bool = False) -> tuple[int, int]:
        """The speaker noun phrase: the head's subtree with its titles and appositions, cut at
        line breaks, quote marks and `stop`, and before what only describes the speaker in
        passing: comma-set participle clauses (", speaking in Z,"), places and ages (", in
        Z,", ", 58,"), and relative clauses set into the sentence before the cue ("X, who grew
        up with Y, said"); after the cue ("..., said X, who grew up with Y.") the clause ends
        the sentence as a part of the speaker's description and is kept."""
        doc = self.doc
        cut_tags = ("VBG", "VBN") if after_cue else ("WP", "WDT", "WP$", "VBG", "VBN")
        if head.pos_ == "PRON":
            return head.i, head.i
        left, right = max(head.left_edge.i, head.i - 40), min(head.right_edge.i, head.i + 40)
        if stop is not None:
            right = min(right, stop - 1) if stop >= head.i else right
            left = max(left, stop + 1) if stop < head.i else left
        for i in range(head.i + 1, right + 1):
            if doc[i].text == "," and i + 1 <= right and (
                    doc[i + 1].pos_ == "ADP" and not (after_cue and doc[i + 1].lower_ in _ORIGIN)
                    or doc[i + 1].pos_ == "NUM" and not after_cue
                    and not self._apposition_at(i + 2, right)) \
                    or self._medium(doc[i], head) or self._margin(doc[i], head) \
                    or _when(doc[i], head) \
                    or doc[i].is_quote and not _possessive_mark(doc, i) \
                    or self.in_quote(doc[i]) and not _possessive_mark(doc, i) \
                    or "\n" in doc[i - 1].text_with_ws \
                    or doc[i].pos_ in ("VERB", "AUX") and doc[i].dep_ not in ("relcl", "acl") \
                    and doc[i].head.i == head.i \
                    or doc[i].pos_ == "SCONJ" and doc[i].head.i != head.i \
                    or doc[i].text == "," and i + 1 <= right \
                    and (doc[i + 1].tag_ in cut_tags or doc[i + 1].tag_ in _WH
                         and doc[i + 1].head.lemma_.lower() in self.speech_lemmas) \
                    or self._bare_clause(doc[i], head):
                right = i - 1
                if doc[i].is_quote or self.in_quote(doc[i]):
                    right = self._before_cut_clause(head, i, right)
                break
        for i in range(head.i - 1, left - 1, -1):
            # A dash before the speaker ends a dateline ("RENO, Nev. (AP) — X said"); the
            # apostrophe of "Sanders’ aides" is no quote mark.
            if doc[i].is_quote and not _possessive_mark(doc, i) or self.in_quote(doc[i]) \
                    or "\n" in doc[i].text_with_ws \
                    or doc[i].text in ("—", "–", "--") or _spaced_hyphen(doc, i, head):
                left = i + 1
                break
        k = left - 1
        if k >= 0 and head.dep_ in SUBJECT_DEPS and doc[k].dep_ in SUBJECT_DEPS \
                and doc[k].head.i == head.head.i and doc[k].right_edge.i == k \
                and doc[k].pos_ == "PROPN":
            left = doc[k].left_edge.i  # the first part of a name split in two subjects
        if right - head.i > 30:  # a runaway parse: keep the name and its compounds
            right = head.i
            while right + 1 < len(doc) and doc[right + 1].dep_ in ("compound", "flat") \
                    and doc[right + 1].head.i == head.i:
                right += 1
        # (a bracket the phrase opens stays whole: "independents (61%)" had lost "%)", stop 62)
        while right > head.i and (doc[right].is_punct and not _closes_bracket(doc, head.i, right)
                                  or doc[right].is_space or doc[right].tag_ == "WDT"
                                  or doc[right].pos_ in ("CCONJ", "ADP", "DET")):
            right -= 1
        return self._left_trim(left, head), right

    def _medium(self, t, head) -> bool:
        """`X in a statement`, `X via email`: how the words came, not who said them."""
        if t.dep_ != "prep" or t.head.i != head.i:
            return False
        objs = [c for c in t.children if c.dep_ == "pobj"]
        return t.lower_ == "via" or bool(objs) and objs[0].lemma_.lower() in _MEDIA

    @staticmethod
    def _before_cut_clause(head, i: int, right: int) -> int:
        """`said X, who hosts the show “Harbour Talk.”`: a description cut by a quote mark
        (a title) is left out whole rather than kept in half. The clause may hang on a noun
        inside the phrase ("according to data from St. Louis Police, which classifies a
        “juvenile” as ...", real text, stop 48)."""
        starts = [c.left_edge.i for c in head.subtree
                  if c.dep_ in ("relcl", "acl") and c.i > head.i
                  and c.left_edge.i < i <= c.right_edge.i]
        return min(right, min(starts) - 1) if starts else right

    def _margin(self, t, head) -> bool:
        """`Registered voters by 51-43 percent said`: the figures of a poll result are how
        many spoke, not who; the speakers are the people before them."""
        if t.lower_ != "by" or t.dep_ != "prep" or t.head.i != head.i:
            return False
        return any(c.like_num or c.lower_ in ("percent", "%", "margin", "points")
                   for c in t.subtree)

    def _bare_clause(self, t, head) -> bool:
        """A finite verb the parser hung on the name without a relative pronoun ("X, the
        governor, repeated claims ..."): the sentence's own verb, not part of the name."""
        if t.tag_ not in FINITE_TAGS or t.dep_ not in ("relcl", "acl") or t.head.i != head.i \
                or any(c.dep_ in SUBJECT_DEPS for c in t.children):  # "an official she met"
            return False
        return not any(c.tag_ in ("WDT", "WP", "WP$") or c.lower_ == "that"
                       for c in self.doc[max(t.left_edge.i, head.i + 1):t.i])

    def _apposition_at(self, i: int, right: int) -> bool:
        """", 35, the daughter of ...": a noun phrase after the age (not "of Porto", "who")."""
        doc = self.doc
        return i + 1 <= right and doc[i].text == "," \
            and doc[i + 1].pos_ in ("DET", "ADJ", "NOUN", "PROPN")

    def _left_trim(self, left: int, head) -> int:
        doc = self.doc
        # "and X", "of X" are not the speaker's words; "both X and Y", "about half of X" are.
        while left < head.i and (doc[left].is_punct or "\n" in doc[left].text_with_ws
                                 or doc[left].pos_ in ("CCONJ", "ADP")
                                 and doc[left].lower_ not in _QUANTIFIER_LEADS):
            left += 1
        return left

    def subject_between(self, lo: int, hi: int):
        """The head of a noun phrase filling tokens [lo, hi) up to its first comma (`Ramos` in
        `Ramos, 58,`), or None when those tokens are not a noun phrase."""
        doc = self.doc
        # (a participle may open it as an adjective: "retired harbourmaster X")
        if hi <= lo or doc[lo].pos_ not in NP_START and doc[lo].dep_ != "amod" \
                and not _misread_name(doc, lo):
            return None
        end = next((i for i in range(lo, hi) if doc[i].text in (",", "(", "—", "–")), hi)
        seg = doc[lo:end]
        if any(t.pos_ in ("VERB", "AUX", "SCONJ", "CCONJ") and t.tag_ != "VBN"
               and not _misread_name(doc, t.i) or t.is_quote or "\n" in t.text for t in seg):
            return None
        heads = [t for t in seg if (t.pos_ in ("PROPN", "NOUN", "PRON") or _misread_name(doc, t.i))
                 and t.ent_type_ not in ("DATE", "TIME")]
        if not heads and len(seg) > 1 and seg[-1].lower_ == "old" \
                and any(t.lower_ in ("year", "years") for t in seg):
            return seg[-1]  # "the 43-year-old": an age used as a noun (tagged DATE)
        # "pollster Jeff Horwitt of Hart Research Associates": the person, not the place or
        # body a preposition after the name ties him to (seed 433)
        persons = [t for t in heads if t.ent_type_ == "PERSON"]
        if persons and heads[-1].ent_type_ != "PERSON" and any(
                t.pos_ == "ADP" for t in doc[persons[-1].i + 1:heads[-1].i]):
            return persons[-1]
        return heads[-1] if heads else None


def swallowed_cue(t) -> bool:
    """Whether a noun phrase's head is a speech verb the parser read as a plural noun
    (`the document states`, "states" tagged NNS with "the document" as its modifiers): the
    phrase then holds its own cue, and no later verb is the quote's."""
    return t.tag_ == "NNS" and t.lower_.endswith("s") and t.lemma_.lower() in SPEECH_LEMMAS \
        and any(c.dep_ == "compound" and c.i == t.i - 1 for c in t.children)


def reported_by_no_one(verb) -> bool:
    """Whether a reported clause's report has no person behind it ("a story saying that X
    plans ...", "the paper reported that X ..."): then X is what the sentence is about."""
    if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in SPEECH_LEMMAS:
        return False  # ("if the court granted the relief X has asked for": no report)
    tok = verb.head
    for _ in range(4):  # "posted a story saying that ...": up to the main clause
        subj = next((c for c in tok.children if c.dep_ in SUBJECT_DEPS), None)
        if subj is not None:
            return subj.ent_type_ != "PERSON" and subj.lower_ not in PRONOUNS \
                and subj.pos_ != "PRON"
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def reporting_aside(verb) -> bool:
    """"…, as ordained minister X points out in her book", "as X noted", "as X put it": a
    clause of "as" whose verb reports (a cue verb, "point out", "put it"): its subject is the
    one a following "she writes" continues, as a main clause's would be."""
    lemma = verb.lemma_.lower()
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as"
                                        for c in verb.children) and (
        lemma in SPEECH_LEMMAS or any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)
        and lemma == "point" or lemma == "put" and any(c.lower_ == "it" for c in verb.children))


def _spaced_hyphen(doc, i: int, head) -> bool:
    """A hyphen with spaces at token `i` before the speaker `head` is a dash ("NEW YORK -
    Republican presidential candidate X", "beat Donald Trump - something polls indicate …";
    stop 58): the phrase starts after it; unless a second one closes an aside between the
    head and its verb ("Deborah Jordan Reynolds - Santilli's girlfriend and co-host - told
    The Washington Post": the name is the speaker's)."""
    if doc[i].text != "-" or not (doc[i].whitespace_ and doc[i - 1].whitespace_):
        return False
    return not any(t.text == "-" and t.whitespace_ and doc[t.i - 1].whitespace_
                   for t in doc[head.i + 1:head.head.i])


def quoting_governor(verb):
    """The verb of quoting whose object names who speaks in `verb`, a verb of saying: "Y
    quoted X as saying …" (the parse hangs "saying" on "as" under "quoted", or on "quoted"
    itself), "X was quoted as saying …", "the paper cited X as saying …" (stop 58, a fresh
    Baly draw: "Mr. Hannity quotes the former FBI boss as saying “…”" gave the boss's words
    to Hannity). None otherwise; "cite" only with "as" ("cited a law saying …": the law)."""
    head, via_as = verb.head, False
    if head.i != verb.i and head.lower_ == "as" and verb.dep_ == "pcomp":
        head, via_as = head.head, True
    lemma = head.lemma_.lower()
    if head.i == verb.i or not (lemma == "quote" or lemma == "cite" and via_as):
        return None
    return head


def day_after_cue(doc, i: int) -> bool:
    """A bare weekday right after a verb of speech that the parser hung on the reported
    clause: the day it was said, not a word of what was said (stop 61, a real article). Not
    "said Thursday's shooting was ..." (a possessive), nor "Wednesday was the day" (a
    subject)."""
    tok = doc[i]
    return tok.lower_ in WEEKDAYS and tok.dep_ == "npadvmod" \
        and doc[i - 1].lemma_.lower() in SPEECH_LEMMAS and doc[i + 1].tag_ != "POS"

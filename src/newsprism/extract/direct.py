"""The direct pass: quote marks and their cues, within one article.

A quoted sentence or fragment (`quotemarks.pair_quotes`) gets a cue verb after it (`“...,” he
said`, `“...!” beamed X`), before it (`X said: “...”`), or from the sentence its colon ends; a
fragment in the object of a verb with its own subject is that subject's (`X thanked Y for “...”`),
one on a claim noun its possessor's (`Y's call for “...”`). A quote going on after its cue is
part of it; a later uncued quote follows the previous speaker."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from ..lexicons.cues import CUE_LEMMAS, INDIRECT_LEMMAS, OBJECT_LEMMAS, SPEECH_LEMMAS
from .according import PHRASE_CUES, behind_dash
from .cues import (
    MAX_CLAUSE_TOKENS,
    MAX_CUE_GAP,
    MAX_RIGHT_CUE_GAP,
    SUBJECT_DEPS,
    before_main_clause,
    inverted_object,
    negated,
    phrasal_cue,
    trim_span,
)
from .fragments import (
    JUDGING,
    bare_nonfinite,
    borrowed_subjects,
    claim_owner,
    climb_stops,
    conj_start,
    goes_on_to,
    in_noun_clause,
    issuing_verb,
    labels_noun_after,
    named_not_said,
    no_cue_past_and,
    title_name,
)
from .inner_cues import inner_cue, outer_cue
from .intros import IntroReader
from .names import is_title_token
from .quotemarks import inner
from .signatures import SignatureReader, dash_signed
from .spans import day_after_cue, quoting_governor, swallowed_cue
from .unsaid import in_link_row, in_question_put, relative_about_later_noun, unless_reported

_SENT_BREAK = re.compile(r"[.!?]\s+[A-Z“\"‘']")
_INITIALS = re.compile(r"(?:[A-Z]\.){2,}")  # "T.K.", "U.S.": no sentence end
_CONNECTIVE = re.compile(r"\.\s+(?:But|And|Then|So|Still|Yet)$")
MARKS = " \t\r\n.,\"'“”‘’"


_TRAILING_CONJ = re.compile(r"[,;]?\s+(?:and|but|or)$")


def _sentence_starts(s: str):
    """Offsets in `s` where a new sentence starts (not after "Gov." or an initial)."""
    for m in _SENT_BREAK.finditer(s):
        words = s[:m.start() + 1].split()
        word = words[-1] if words else ""
        if s[m.start()] == "." and (is_title_token(word) or len(word.strip(".")) <= 1
                                    or _INITIALS.fullmatch(word.strip("()[],"))):
            continue
        yield m.end() - 1


def sentence_break(s: str) -> bool:
    """A sentence ends inside `s` (not at "Gov." or an initial)."""
    return next(_sentence_starts(s), None) is not None


_SUBJECT_PRONOUNS = ("He ", "She ", "They ")


def pronoun_turn(gap: str) -> bool:
    """`“A,” X said after …. She did not … “B”`: between two quotes of one paragraph, the
    first quote's cue sentence and then only sentences that open with a subject pronoun (the
    speaker, still): one turn of speech."""
    if "\n" in gap or len(gap) > 250:
        return False
    starts = list(_sentence_starts(gap))
    return bool(starts) and all(gap.startswith(_SUBJECT_PRONOUNS, i) for i in starts) \
        and not gap.strip().endswith((",", ":"))


def one_turn(gap: str, cue_in_gap: bool) -> bool:
    """The text between two quotes continues one turn of speech: only marks, or the first
    quote's own cue sentence ending its paragraph (`,” X said.` + new paragraph + `“`)."""
    head, _, rest = gap.partition("\n")
    if rest.strip(MARKS):
        return False
    body = head.strip(MARKS)
    return not body or cue_in_gap and not sentence_break(body)


@dataclass(frozen=True, slots=True)
class Attribution:
    """An attribution with everything the evaluation needs (richer than `Quote`)."""

    kind: str
    start: int
    end: int
    clause_start: int  # the whole reported content (a partial's enclosing clause)
    clause_end: int
    cue: tuple[int, int] | None
    speaker_span: tuple[int, int] | None
    speaker: str | None
    # `“A,” he said, “B”`: A's attribution lists both parts; B is marked as its continuation.
    parts: tuple[tuple[int, int], ...] = ()
    continued: bool = False
    # `“…,” X said, according to CNN`: the outer reporter (`provenance`), X stays the speaker.
    via: tuple[int, int] | None = None
    # How sure the resolution of `speaker` is (0..1); `find_attributions` sets it and leaves
    # `speaker` None below `speakers.SPEAKER_MIN_CONFIDENCE`.
    speaker_confidence: float | None = None


class DirectFinder(IntroReader, SignatureReader):
    """The direct pass over one article's quote pairs (`direct`), and the clause helper the
    indirect pass shares."""

    def _right_cue(self, n: int, c_tok: int):
        """A cue after the closing mark: `” he said`, `,” said X`, `,” Y quoted X as saying`."""
        doc, text = self.doc, self.text
        next_open = self.pairs[n + 1].open if n + 1 < len(self.pairs) else len(text)
        hi = c_tok
        while hi < len(doc) and hi - c_tok < MAX_RIGHT_CUE_GAP and doc[hi].idx < next_open:
            if hi > c_tok and (doc[hi].is_sent_start and not doc[hi].is_lower
                               or "\n" in doc[hi - 1].text_with_ws or doc[hi].text == ";"):
                break
            hi += 1
        verb = self.cue_verb(c_tok, hi, near_end=False)
        k = c_tok + (c_tok + 1 < len(doc) and doc[c_tok].text == ",")  # (`“…”, and he said`)
        if k < len(doc) and doc[k].pos_ == "CCONJ" \
                and no_cue_past_and(text, self.pairs[n], verb, k):
            return None, None
        head = self.subject_between(c_tok, hi) if verb is None else None
        if head is not None and swallowed_cue(head) and head.i - c_tok <= 3 \
                and (head.i + 1 == len(doc) or doc[head.i + 1].text in (",", ".")):
            return head, head  # `“…,” the document states,`: its own cue; span cut before it
        before = self.text[:self.pairs[n].open].rstrip()[-1:]
        last = self.text[:inner(self.text, self.pairs[n])[1]].rstrip()[-1:]
        if verb is None and last in (",", "!", "?") \
                and (not before or before in ".!?:\n\"”"):
            # `“...,” he continued` / `“...!” she beamed`: a quote left open by a comma and
            # followed by a subject and a verb is that verb's object, whatever the verb.
            v = next((t for t in doc[c_tok:hi] if t.pos_ in ("VERB", "AUX")), None)
            if v is not None and v.pos_ == "VERB" and v.tag_ in ("VBD", "VBZ", "VBP") and (
                    self.subject_between(c_tok, v.i) is not None
                    or v.i == c_tok and not inverted_object(v, self.subject_between(v.i + 1, hi))):
                verb = v  # `“...,” he continued`, `“...!” beamed X`
        if verb is None or verb.lower_ in PHRASE_CUES:  # (not across a dash: round 16)
            return (None, None) if verb is not None and behind_dash(doc, c_tok, verb.i) \
                else (verb, None)
        if verb.tag_ == "VB" and not phrasal_cue(verb) \
                or (verb.i > 0 and doc[verb.i - 1].lower_ == "to"):
            return None, None  # "“...” to deny ...": an infinitive is no cue
        if any(c.dep_ == "mark" and c.lower_ != "as" and c.i < verb.i and not self.in_quote(c)
               for c in verb.children):
            # "“...?” After the student reported it, ...": a clause about something else
            # (after, when, because ...), not the quote's cue; "as X put it" still is one. A
            # "that" ending the quote ("… understand that,” X told") is the parser's error.
            return None, None
        quoting = verb.lemma_.lower() == "quote" or quoting_governor(verb) is not None
        # "“...,” Y quoted X as saying": not the subject but the object is the speaker.
        subject = None if quoting else self.subject_between(c_tok, verb.i)
        if verb.i - c_tok <= 2:
            return verb, subject
        if relative_about_later_noun(verb, c_tok) \
                or in_noun_clause(doc, self.tok_at(self.pairs[n].open) + 1, verb):
            return None, None
        # Further away, the verb's subject must sit between the quote and the verb.
        if any(c.dep_ in SUBJECT_DEPS and c_tok <= c.i < verb.i for c in verb.children):
            return verb, subject
        if quoting:
            return verb, None
        # The parser often misreads `“...,” Ramos, 58, told AFP`; a noun phrase between the
        # quote and the verb is still the verb's subject.
        return (verb, subject) if subject is not None else (None, None)

    def _left_cue(self, n: int, o_tok: int):
        """A cue before the opening mark, in the same sentence and paragraph."""
        doc = self.doc
        prev_close = self.pairs[n - 1].close if n > 0 else -1
        lo = o_tok
        while lo > 0 and o_tok - lo < MAX_CUE_GAP * 2 and doc[lo - 1].idx > prev_close \
                and not doc[lo].is_sent_start and "\n" not in doc[lo - 1].text_with_ws:
            lo -= 1
        verb = self.cue_verb(lo, o_tok, near_end=True)  # (`When X tried to interrupt, Y cut …:`)
        verb = None if verb is not None and before_main_clause(verb, o_tok) else verb
        if verb is not None and verb.lower_ == "according":
            # `X told reporters, according to <outlet>: “…”`: the outlet reported it, X said it.
            said = self.cue_verb(lo, verb.i, near_end=True)
            if said is not None and said.lower_ != "according" and \
                    self.speaker_of(said)[0] is not None:
                verb = said
        if verb is None and o_tok >= 2 and doc[o_tok - 1].text in (",", ":"):
            # `He continued, “...”`, `She went on: “...”`: a verb (and its particle) that ends
            # its clause right before the quote introduces it, whatever the verb.
            k = o_tok - 2
            if doc[k].pos_ in ("ADP", "ADV", "PART") and k > 0:
                k -= 1
            v = doc[k]
            if v.pos_ == "VERB" and v.tag_ in ("VBD", "VBZ", "VBP") and k > lo \
                    and v.lemma_.lower() not in ("be", "have") and not self.in_quote(v) \
                    and v.dep_ not in ("relcl", "advcl", "acl") \
                    and self.speaker_of(v)[0] is not None:
                verb = v
        if verb is None and o_tok >= 3 and doc[o_tok - 1].text in (",", ":"):
            v = issuing_verb(doc[o_tok - 2], o_tok)  # `X issued a statement, “…”`
            if v is not None and v.i > lo and not self.in_quote(v) \
                    and self.speaker_of(v)[0] is not None:
                verb = v
        return verb

    def direct(self) -> list[Attribution]:  # noqa: C901  (one walk over quote pairs with carried state; split tracked in issue 19)
        """Attributions of the quoted passages (direct and partial quotes).
        Long because one pass over the quote pairs carries state from pair to pair (the previous
        attribution, speakers carried to the next pair)."""
        out: list[Attribution] = []
        doc, text = self.doc, self.text
        prev: Attribution | None = None
        prev_idx = -1
        carry: dict[int, tuple[int, str | None, tuple[int, int] | None,
                               tuple[int, int] | None]] = {}
        for n, pair in enumerate(self.pairs):
            cs, ce = trim_span(text, *inner(text, pair))
            content = text[cs:ce]
            if not any(ch.isalpha() for ch in content):
                continue
            n_words = len(content.split())
            o_tok = self.tok_at(pair.open)
            c_tok = min(self.tok_at(pair.close) + 1, len(doc))
            if named_not_said(doc, text, pair.open, content, o_tok, c_tok):
                continue
            if n_words <= 4 and text[:inner(text, pair)[1]].rstrip()[-1:].isalnum() \
                    and self._labels_noun_after(o_tok, c_tok) \
                    and doc[c_tok].pos_ == "NOUN" \
                    and all(doc[i].head.i in range(o_tok + 1, c_tok) or doc[i].head.i == c_tok
                            for i in range(o_tok + 1, c_tok - 1)):
                # `a big “Star Wars” fan`: a name on the noun after it, not words said. A comma
                # inside the mark ends a quoted sentence: `“It’s over,” councilmember X said`.
                continue
            cue: tuple[int, int] | None
            # The second half of `“A,” he said, “B”` (unless B has a cue of its own: `“A,” he
            # said. “B,” she replied.`).
            if n in carry and (content[-1:] == "." or c_tok >= len(doc)
                               or self._right_cue(n, c_tok)[0] is None):
                parent, speaker, sp, cue = carry.pop(n)
                kind = "direct" if content[:1].isupper() else "partial"
                out[parent] = dataclasses.replace(
                    out[parent], parts=(*out[parent].parts, (cs, ce)))
                out.append(Attribution(kind, cs, ce, cs, ce, cue, sp, speaker,
                                       ((cs, ce),), True))
                if sp is not None:
                    prev, prev_idx = out[-1], parent
                continue
            verb = subject = None
            right = False
            # `“Really?” she asked`: only a full stop ends the sentence at the closing mark.
            if c_tok < len(doc) and (content[-1:] != "." or doc[c_tok].is_lower
                                     or self._bare_cue(c_tok)):
                verb, subject = self._right_cue(n, c_tok)
                right = verb is not None
                if right and (nested := inner_cue(verb)) is not None:
                    verb, subject = nested  # `“…,” X reports that officials wrote`
            named = None
            if verb is None:
                named = self._named_colon(pair.open)
            if verb is None and named is None:
                verb = outer_cue(self._left_cue(n, o_tok), content) \
                    or self._colon_intro(pair.open) or self._comma_intro(pair.open, content)
            if verb is None and named is None:
                named = self._dash_byline(pair.close + 1)
            # Direct: a quoted sentence, opened at a line start, after ":" / "," / "that", or
            # right after its cue. Otherwise the quote is a fragment of the writer's sentence.
            before = text[max(0, pair.open - 6):pair.open].rstrip()
            starts_clause = (not before or before[-1] in ":,.!?\n—–-(" or before.endswith("that")
                             or "\n" in text[max(0, pair.open - 2):pair.open]
                             or (verb is not None and 0 <= pair.open - (verb.idx + len(verb)) <= 2))
            kind = "direct" if content[:1].isupper() and starts_clause else "partial"
            owner = claim_owner(doc, o_tok, c_tok, self.in_quote) if named is None \
                and kind == "partial" else None
            if owner is not None:
                verb = None
            elif verb is None and kind == "partial":
                verb = unless_reported(self._governing_verb(o_tok, c_tok), o_tok)
            if verb is not None and (negated(verb) and verb.lemma_.lower() in CUE_LEMMAS
                                     or in_question_put(doc, o_tok, c_tok)):
                # `he did not call for a “...”`: the fragment is what the subject did NOT say;
                # `Asked if “…”, 70 percent said the latter`: the question's words, the asker's.
                # (`he didn't want “...”` under a verb not of speaking still quotes him.)
                verb = None
            if verb is not None:
                head, (c0, c1) = self.speaker_of(verb, nearby=subject is None)
                if subject is not None and (head is None or not c_tok <= head.i < verb.i):
                    head = subject  # the words between `”` and the verb name the speaker
                if head is None and right and verb.i == c_tok:
                    head = self._inverted_subject(verb)
                speaker, sp = self.resolve(head, verb, reporter=True)
                cue = (doc[c0].idx, doc[c1].idx + len(doc[c1]))
            elif owner is not None:  # `his promise to be “neutral”`: his words
                # The span only: a claim may be someone's as others put it ("the rally
                # denounced X's call for “…”"), so no speaker is resolved from it.
                head, noun = owner
                lo_t, hi_t = self.np_span(head)
                sp = (doc[lo_t].idx, doc[hi_t].idx + len(doc[hi_t]))
                speaker = None
                cue = (noun.idx, noun.idx + len(noun))
            elif named is not None:  # `Jane Doe: “...”`, `“...” — Jane Doe`
                head, sp, mark = named
                speaker, _ = self.resolve(head)
                cue = (mark, mark + 1)
            elif kind == "direct" and (lead := self._lead_subject(o_tok, prev)) is not None:
                # `Sen. X … identified A as B. “…”`: the person the sentence before is about
                head, verb = lead
                speaker, sp = self.resolve(head, verb, reporter=True)
                cue = (verb.idx, verb.idx + len(verb))
            elif prev is not None and kind == "direct" and prev.speaker_span \
                    and text.count("\n\n", prev.end, pair.open) <= 1 \
                    and pair.open - prev.end < 600 and not dash_signed(text, prev) \
                    and not self.other_person_between(prev.end, pair.open, prev.speaker):
                speaker, sp, cue = prev.speaker, prev.speaker_span, None  # a follow-on quote
                cue_after = prev.cue is not None and prev.end <= prev.cue[0] < pair.open
                if (one_turn(text[prev.end:pair.open], cue_after)
                        or cue_after and pronoun_turn(text[prev.end:pair.open])) \
                        and not any(goes_on_to(t) for t in self.doc[
                            self.tok_at(prev.end):self.tok_at(pair.open)]):
                    # The next paragraph goes on quoting: one attribution in several parts.
                    root = prev_idx
                    out[root] = dataclasses.replace(out[root], parts=(*out[root].parts,
                                                                      (cs, ce)))
                    prev = Attribution(kind, cs, ce, cs, ce, prev.cue, sp, speaker, ((cs, ce),),
                                       True)
                    out.append(prev)
                    continue
            else:
                speaker, sp, cue = None, None, None
            if n_words <= 2 and speaker is None and getattr(verb, "lower_", "") != "words":
                continue  # scare quotes (not "in the words of a top aide")
            ks, ke = cs, ce
            if kind == "partial" and verb is not None and verb.i < o_tok \
                    and verb.lower_ not in PHRASE_CUES \
                    and verb.right_edge.i - verb.i <= MAX_CLAUSE_TOKENS \
                    and verb.right_edge.i >= c_tok - 1:
                # `calls her “a total stiff”`: what the cue says is the rest of its phrase, up
                # to an adverbial clause (`… “a disgrace” after she …`) or a second verb
                # (`… “a con” and urged …`) after the quote.
                hi = min([verb.right_edge.i + 1] + [
                    conj_start(c) for c in verb.children if c.i >= c_tok and (
                        c.dep_ == "advcl" and any(g.dep_ in ("mark", "nsubj")
                                                  for g in c.children)
                        or c.dep_ == "conj" and c.pos_ == "VERB")])
                clause = self._clause(verb.i + 1, hi, pair.open)
                if clause is not None and clause[0] <= cs and clause[1] >= ce:
                    ks, ke = clause
            att = Attribution(kind, cs, ce, ks, ke, cue, sp, speaker, ((cs, ce),))
            out.append(att)
            # A speaker span is an attribution even when it resolves to no one ("I", "they").
            if kind == "direct" and sp is not None:
                prev, prev_idx = att, len(out) - 1
            m = n + 1
            while m < len(self.pairs) and self._is_title(m):  # `said on NBC's “Meet the Press.”`
                m += 1
            if right and m < len(self.pairs) and sp is not None:
                gap = text[pair.close + 1:self.pairs[m].open]
                # The quote goes on right after its cue, in the same paragraph: one attribution.
                body = _CONNECTIVE.sub(".", gap.rstrip().rstrip("\"”’"))  # `said. But “...`
                if len(gap) < 200 and "\n" not in gap and body[-1:] in (",", ":", ".") \
                        and not sentence_break(body[:-1]) and not self._second_cue(c_tok, m):
                    carry[m] = (len(out) - 1, speaker, sp, cue)
        return out

    def _lead_subject(self, o_tok: int, prev: Attribution | None):
        """(subject, verb) of the sentence right before a quote with no cue, on its line, when
        the subject is a person named there and not the previous quote's speaker, and the
        sentence quotes nothing: `Sen. X, who …, identified A as B. “…”` is X's (not the
        speaker of a quote in the paragraph before). None otherwise."""
        doc, text = self.doc, self.text
        if o_tok == 0 or doc[o_tok - 1].text not in (".", "!", "?") \
                and not (o_tok > 1 and doc[o_tok - 2].text in (".", "!", "?")
                         and doc[o_tok - 1].is_space and "\n" not in doc[o_tok - 1].text):
            return None
        sent = self.sent_of(o_tok - 1)
        line_start = text.rfind("\n", 0, doc[o_tok].idx) + 1
        root = sent.root
        if sent.start == o_tok or root.idx < line_start or root.pos_ != "VERB" \
                or root.lemma_.lower() in ("be", "have") or root.lemma_.lower() in SPEECH_LEMMAS \
                or root.lemma_.lower() in INDIRECT_LEMMAS or root.lemma_.lower() in OBJECT_LEMMAS:
            return None  # (a reported clause goes on in its quote: `quotes._follow_reported`)
        lo, hi = max(line_start, doc[sent.start].idx), doc[o_tok].idx
        if any(lo <= p.close and p.open < hi and not self._is_title(m)
               for m, p in enumerate(self.pairs)):  # (a show's name in quote marks is fine)
            return None
        subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.ent_type_ != "PERSON" or subj.pos_ != "PROPN" \
                or subj.idx < line_start:
            return None
        if prev is not None and prev.speaker_span is not None \
                and subj.text in text[prev.speaker_span[0]:prev.speaker_span[1]]:
            return None  # the previous quote's speaker: the follow-on rule handles it
        return subj, root

    def _inverted_subject(self, verb):
        """`“…,” said retired harbourmaster X, asked about …`: the parser hung X on the
        participle after it, so the inverted cue has no subject; the noun phrase right after
        the verb, up to its comma and within its sentence, is the speaker."""
        doc = self.doc
        end = verb.i + 1
        while end < len(doc) and end - verb.i <= MAX_RIGHT_CUE_GAP \
                and doc[end].text not in (".", "!", "?", ";") and "\n" not in doc[end].text:
            end += 1
        return self.subject_between(verb.i + 1, end)

    def _bare_cue(self, c_tok: int) -> bool:
        """`“....” Smith said.`: a sentence of only a name and a speech verb after a quote that
        ends in a full stop is still its cue (a comma typed as a full stop)."""
        doc = self.doc
        end = next((i for i in range(c_tok, min(len(doc), c_tok + 6))
                    if doc[i].text in (".", "\n") or "\n" in doc[i].text), None)
        if end is None or end - c_tok < 2 or doc[end].text != ".":
            return False
        verb = doc[end - 1]
        return verb.lemma_.lower() in SPEECH_LEMMAS and verb.tag_ == "VBD" \
            and self.subject_between(c_tok, end - 1) is not None

    def _second_cue(self, c_tok: int, m: int) -> bool:
        """`“A,” X said, adding, “B”`: a speech participle between two quotes is B's own cue
        (a second attribution of the same speaker); so is a text that reads (`signs that read`)."""
        doc, stop = self.doc, self.pairs[m].open
        i = c_tok
        while i < len(doc) and doc[i].idx < stop and i - c_tok < MAX_RIGHT_CUE_GAP:
            t = doc[i]
            if t.tag_ == "VBG" and (t.lemma_.lower() in SPEECH_LEMMAS or goes_on_to(t)) \
                    or t.lower_ == "read" and phrasal_cue(t):
                return True
            i += 1
        return False

    def _is_title(self, n: int) -> bool:
        pair, text = self.pairs[n], self.text
        cs, ce = trim_span(text, *inner(text, pair))
        return ce > cs and title_name(text[cs:ce], text[max(0, pair.open - 20):pair.open])

    def _labels_noun_after(self, o_tok: int, c_tok: int) -> bool:
        return labels_noun_after(self.doc, o_tok, c_tok)  # `a big “Star Wars” fan`

    def _governing_verb(self, o_tok: int, c_tok: int):
        """`X thanked Y for “...”`, `X blamed it on “...”`: the verb whose phrase holds a quoted
        fragment, when the verb comes first and has a subject of its own on the same line."""
        doc = self.doc
        if o_tok + 1 >= c_tok or self._labels_noun_after(o_tok, c_tok):
            return None  # `waved “Hispanics for X” signs`: a label on the noun after it
        t, hops = doc[o_tok + 1], 0
        # (`blasted the press for being “unfair”`: a "being" under a preposition is no verb
        # of its own; the verb that governs the preposition is.)
        being = False
        while self.in_quote(t) or t.pos_ not in ("VERB", "AUX") or bare_nonfinite(t):
            if t.head.i == t.i or hops >= 8 or climb_stops(t, self.in_quote):
                return None
            being = being or not self.in_quote(t) and bare_nonfinite(t)
            t, hops = t.head, hops + 1
        if being and t.lemma_.lower() not in JUDGING:
            return None  # (`to put on a show of being “strong”`: no one said it)
        line_start = self.text.rfind("\n", 0, doc[o_tok].idx) + 1
        # Not "the show is dubbed “...”" (passive) nor "a bill that created “...”" (a
        # relative clause): names given in passing, not words someone said.
        if t.pos_ != "VERB" or t.i > o_tok or t.idx < line_start or t.dep_ in ("relcl", "acl") \
                or t.lemma_.lower() in ("be", "have"):
            return None
        subj = [c for c in t.children if c.dep_ == "nsubj" and not self.in_quote(c)] \
            or [c for c in borrowed_subjects(t) if not self.in_quote(c)]
        return t if subj and subj[0].idx >= line_start and subj[0].tag_ not in ("WDT", "WP") \
            else None

    def _clause(self, lo: int, hi: int, anchor: int) -> tuple[int, int] | None:
        """Char span of tokens [lo, hi), cut at line breaks to the part nearest `anchor`."""
        doc, text = self.doc, self.text
        if 0 < lo < hi - 1 and day_after_cue(doc, lo):
            lo += 1  # "A senior official said Thursday the elder brother had traveled ..."
        if hi <= lo:
            return None
        cs, ce = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])
        brk = text.rfind("\n", cs, min(ce, anchor))
        if brk >= 0:
            cs = brk + 1
        brk = text.find("\n", max(cs, anchor), ce)
        if brk >= 0:
            ce = brk
        cs, ce = trim_span(text, cs, ce)
        if (tail := _TRAILING_CONJ.search(text[cs:ce])) is not None:
            ce = cs + tail.start()  # `X warned A could happen, and [B did]`: "and" is not A's
        while ce > cs and text[ce - 1] in ".\"'“”‘’":
            ce -= 1
        return (cs, ce) if ce - cs >= 8 and not in_link_row(text, cs, ce) else None

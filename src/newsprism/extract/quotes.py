"""Quotes and who said them, within one article.

Three kinds (see docs/quotes.md; the direct pass is in `direct`):
- direct: text between paired quote marks (`quotemarks.pair_quotes`) with a cue next to it
  (`“...,” he said`, `X said: “...”`, `“...,” said X`, `“...,” Y quoted X as saying`), or a
  whole quoted sentence right after another quote of the same speaker;
- partial: a quoted fragment inside a reported clause (`X said the deal “increases our will”`);
  one- or two-word fragments count only with an attributed speaker (else: scare quotes);
- indirect: a clause reported by a speech verb (`X said that ...`, `X told Y ...`,
  `X was quoted as saying ...`) or by `according to X`.

Speakers are resolved within the article by `speakers.People` (names, pronouns, role
descriptions); group and document speakers stay as written. The scan over quote marks is
linear and every dependency walk is bounded, so bad text cannot hang the extractor.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from collections import Counter

from ..lexicons.cues import INDIRECT_LEMMAS, OBJECT_LEMMAS, PARENTHETICAL_LEMMAS, SPEECH_LEMMAS
from ..model import Article, Mention, Quote
from ..nlp.loader import ents_of, text_of, tokens_of
from ..text import stable_id
from . import reported
from .according import according_to, aside_start
from .coordinated import split_coordinated
from .credits import credited
from .cue_readings import one_per_cue, one_reading_per_cue
from .cues import CONF_LONE_NAME, CONF_NAME, MAX_CLAUSE_TOKENS, SUBJECT_DEPS, trim_span, unasserted
from .direct import MARKS, Attribution, DirectFinder, one_turn, sentence_break
from .no_quote import quoted_subhead, without_unsaid
from .openers import adverbial, clause_in, own_cue_in
from .persons import without_possessive
from .provenance import with_provenance
from .reported import on_verb_phrase, past_relative_word, phone_call, stands_for_anyone
from .speakers import SPEAKER_MIN_CONFIDENCE
from .subject_rules import subject_rules
from .things import inner_cue_speaks
from .turns import (
    TRANSCRIPT,
    crosses_turn,
    headline_kickers,
    initials_of,
    object_of_preposition,
    plausible_turn,
    speaker_headline,
    turn_label,
)
from .unsaid import own_cue_between

__all__ = ["Attribution", "find_attributions", "find_quotes"]

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


class _Finder(DirectFinder):
    """Adds the indirect kinds and headline colons to the direct pass."""

    def _object_content(self, verb, lemma: str) -> tuple[int, int] | None:
        """What a statement verb without a clause reports: its object or infinitive
        ("announced new sanctions", "called for a ceasefire", "vowed to compete")."""
        if lemma not in OBJECT_LEMMAS or not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
            return None
        parts = [c for c in verb.children if c.i > verb.i and (
            c.dep_ in ("dobj", "xcomp", "oprd") or lemma in reported.AS_VERDICT_LEMMAS and (
                c.dep_ == "prep" and (c.lower_ == "for" and lemma == "call" or c.lower_ == "as")
                or c.dep_ == "advcl" and reported.as_verdict(c)))]
        if not parts or phone_call(lemma, parts) or reported.found_or_named(verb, lemma) \
                or not (parts := reported.said_object(parts, lemma)):
            return None  # ("praised the Pentagon for …": whom it is about; nothing said)
        lo = min(c.left_edge.i for c in parts)
        hi = max(reported.part_end(c) for c in parts) + 1
        if hi - lo < 2 or hi - lo > MAX_CLAUSE_TOKENS or lemma in ("call", "describe") \
                and reported.quoted_label_after(self.doc, lo, hi, self.in_quote):
            return None
        if self.doc[lo].lower_ == "for" and lemma == "call":
            lo += 1
        return self._clause(lo, hi, verb.idx)

    def _said_before(self, according):
        """A verb of saying with a speaker earlier in the sentence of an "according to", on
        its line; not one that says nothing ("X didn't say much, according to Y": Y is the
        source)."""
        sent = self.sent_of(according.i)
        for i in range(according.i - 1, sent.start - 1, -1):
            t = self.doc[i]
            if not self.same_line(t, according):
                return None
            if t.pos_ == "VERB" and t.lemma_.lower() in SPEECH_LEMMAS \
                    and not self.in_quote(t) and not unasserted(t) \
                    and self.speaker_of(t)[0] is not None:
                return t
        return None

    def indirect(self, direct: list[Attribution]) -> list[Attribution]:  # noqa: C901  (one case per cue kind in one pass; split tracked in issue 19)
        """Indirect attributions: clauses reported by a cue outside quote marks.
        Long because every cue kind (speech verb, "according to", statement verb) fills the same
        clause and hole state in one pass over the parse."""
        out: list[Attribution] = []
        later: list[Attribution] = []  # "according to": only where no speech verb claimed it
        doc = self.doc
        for verb in tokens_of(doc):
            lemma = verb.lemma_.lower()
            if self.in_quote(verb):
                continue
            hole: tuple[int, int] | None = None
            comps: list = []
            clause = None
            if verb.lower_ == "according":
                if not according_to(verb):
                    continue
                sent = self.sent_of(verb.i)
                if len(sent) > MAX_CLAUSE_TOKENS:
                    continue
                phrase_end, start = doc[verb.i + 1].right_edge.i + 1, aside_start(sent, verb)
                if verb.i - start >= 4 and sent.end - phrase_end >= 4 and adverbial(
                        doc, doc[start].idx, doc[verb.i - 1].idx + len(doc[verb.i - 1])):
                    # "Indeed, just days earlier, according to X, the FBI had opened …": an
                    # adverbial before the phrase, what X said after it (stop 56).
                    clause = self._clause(phrase_end, sent.end, doc[phrase_end].idx)
                elif verb.i - start >= 4:
                    clause = self._clause(start, verb.i, verb.idx)
                elif sent.end - phrase_end >= 4:
                    clause = self._clause(phrase_end, sent.end, doc[phrase_end].idx)
                else:
                    continue
            elif lemma in PARENTHETICAL_LEMMAS and verb.dep_ == "parataxis" \
                    and not any(c.dep_ == "ccomp" for c in verb.children):
                if verb.right_edge.i - verb.left_edge.i > 40:
                    continue
                sent = self.sent_of(verb.i)
                if len(sent) > MAX_CLAUSE_TOKENS:
                    continue
                clause = self._clause(sent.start, sent.end, verb.idx)
                own = list(verb.subtree)
                hole = (own[0].idx, own[-1].idx + len(own[-1]))
            elif (lemma in INDIRECT_LEMMAS or lemma in OBJECT_LEMMAS) \
                    and verb.pos_ in ("VERB", "AUX"):
                comps = [c for c in verb.children if c.dep_ == "ccomp"] or [
                    # "He said legalizing it could ...": a clause the parser hung on as xcomp
                    c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i
                    and lemma in INDIRECT_LEMMAS and lemma not in OBJECT_LEMMAS
                    and any(t.dep_ == "nsubj" for t in c.subtree)]
                if not comps:
                    clause = self._object_content(verb, lemma)
                else:
                    # Several ccomps: the one after the verb is what it reports.
                    after = [c for c in comps if c.i > verb.i]
                    comp = after[0] if after else comps[-1]
                    if reported.not_reported(verb, lemma, comp):
                        continue  # "find out who", "found X dead", "call themselves X"
                    if any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ == "WDT"
                           and c.i > verb.i + 1 and doc[c.i - 1].pos_ in ("NOUN", "PROPN")
                           and not on_verb_phrase(doc[c.i - 1], verb)  # `told investors that`
                           for c in comp.children):
                        continue  # `complained about X, an agency that is …`: a relative
                        # clause of a noun the parser hung on the verb, not what was said
                        # (`a deadline that aides said went unnoticed` is: "that" before)
                    if comp.right_edge.i - comp.left_edge.i > MAX_CLAUSE_TOKENS:
                        continue  # a runaway parse, not a reported clause (and bounded work)
                    if verb.right_edge.i - verb.left_edge.i <= MAX_CLAUSE_TOKENS + 40:
                        inner = {t.i for t in comp.subtree}
                        own = [t for t in verb.subtree if t.i not in inner]
                        hole = (own[0].idx, own[-1].idx + len(own[-1]))
                    lo, hi = past_relative_word(verb, comp), comp.right_edge.i + 1
                    a, b = sorted((verb.idx, doc[lo].idx if lo > verb.i else doc[hi - 1].idx))
                    if _PARAGRAPH_BREAK.search(self.text, a, b):
                        continue  # the parser ran two paragraphs together (no closing period)
                    if doc[lo].dep_ == "mark" and doc[lo].lower_ in ("that", "if", "whether"):
                        lo += 1
                    if lo > verb.i and _opens_with_own_cue(doc, lo):
                        continue  # `“…,” X said, mentioning Y is “…”`: the participle's own
                    # ", claiming that ...": a second attribution nested in this one ends it.
                    for i in range(lo + 2, hi):
                        t = doc[i]
                        if t.tag_ == "VBG" and t.lemma_.lower() in INDIRECT_LEMMAS \
                                and doc[i - 1].text == ",":
                            hi = i - 1
                            break
                    if hi - lo < 3:
                        continue
                    clause = self._clause(lo, hi, verb.idx)
                    if clause is not None and _PARAGRAPH_BREAK.search(
                            self.text, *sorted((verb.idx, comp.idx))) \
                            and not clause_in(doc, *clause):
                        continue  # a headline above hung on the cue: "In its story on
                        # Friday, the AP called ..." (its part on the cue's line: no clause)
            else:
                continue
            if clause is None:
                continue
            cs, ce = clause
            if any(self.pairs[k].open < cs and ce <= self.pairs[k].close and self._is_title(k)
                   for k in range(len(self.pairs))):
                continue  # `gushed in the book, “What Really Happened: …”`: a title's words
            parts: tuple[tuple[int, int], ...] = ((cs, ce),)
            if hole is not None and cs < hole[0] and hole[1] < ce:
                # "The plan, he said, is dead": the content is on both sides of the cue.
                left, right = trim_span(self.text, cs, hole[0]), trim_span(self.text, hole[1], ce)
                parts = tuple(p for p in (left, right) if p[1] > p[0]
                              and not (p == right and own_cue_in(doc, *p)))
                cs, ce = (parts[0][0], parts[-1][1]) if parts else (cs, ce)
                if len(parts) == 2 and adverbial(doc, *parts[0]) and clause_in(doc, *parts[1]):
                    cs, ce = parts[1]  # "But even so, experts say, this response could …"
                    parts = ((cs, ce),)
            if unasserted(verb):
                continue  # "did not say that ...", "asked whether she would agree that ..."
            head, (c0, c1) = self.speaker_of(verb)
            if verb.lower_ == "according":
                # "Here's what he told reporters, according to <outlet>": the outlet reported
                # it, "he" said it.
                said = self._said_before(verb)
                if said is not None:
                    head, (c0, c1) = self.speaker_of(said)
            if head is None or stands_for_anyone(head):
                continue
            inside = [d for d in direct if d.start < ce and d.end > cs]
            covered = sum(min(ce, d.end) - max(cs, d.start) for d in inside)
            if inside and all(d.kind == "direct" and d.speaker_span for d in inside) \
                    and covered >= 0.6 * (ce - cs):
                continue  # the direct quote already carries it
            speaker, sp = self.resolve(head, verb)
            cue = (doc[c0].idx, doc[c1].idx + len(doc[c1]))
            target = later if verb.lower_ == "according" else out
            if inside:
                # Quoted fragments inside the reported clause: partial quotes of this speaker,
                # one attribution (the first lists every fragment, the others continue it).
                frags = [d for d in inside if not (d.kind == "direct" and d.speaker_span)
                         and not own_cue_between(doc, self.tok_at(d.start), verb)]
                spans = tuple((d.start, d.end) for d in frags)
                for k, d in enumerate(frags):
                    target.append(Attribution("partial", d.start, d.end, cs, ce, cue, sp,
                                              speaker, spans if k == 0 else ((d.start, d.end),),
                                              k > 0))
                continue
            target.append(Attribution("indirect", cs, ce, cs, ce, cue, sp, speaker, parts))
        for a in later:
            if not any(o.clause_start < a.clause_end and o.clause_end > a.clause_start
                       for o in out):
                out.append(a)
        return out

    def _turn_speaker(self, label: str, sp: tuple[int, int]) -> str:
        """The person a transcript label names ("PENCE" -> the article's Mike Pence), else
        the label as a name ("Kate Doe")."""
        name = initials_of(label, [p.name for p in self.people.persons])  # ("RE:" -> Robert E…)
        k, conf = self.people.name_confidence(name, sp[0])
        if k is not None and conf >= SPEAKER_MIN_CONFIDENCE:
            self.speaker_conf[sp] = min(conf, CONF_NAME)
            return self.people.persons[k].name
        self.speaker_conf[sp] = CONF_LONE_NAME
        return name

    def _names_person(self, label: str, pos: int) -> bool:
        k, conf = self.people.name_confidence(" ".join(map(str.capitalize, label.split())), pos)
        return k is not None and conf >= SPEAKER_MIN_CONFIDENCE

    def headline_colons(self, taken: list[Attribution]) -> list[Attribution]:
        """Headline convention `Name: what they said` (a short line, the name right before
        the colon). Lines already holding an attribution are left alone."""
        out: list[Attribution] = []
        text, pos = self.text, 0
        people = {m.end: m for m in self.mentions if m.label in ("PERSON", "ORG")}
        # Names the article tags elsewhere, and surnames of its people: the tagger often
        # misses a bare name in a headline ("Smith: ‘...’").
        known = {m.text for m in people.values()} | {
            m.text.split()[-1] for m in self.mentions if m.label == "PERSON"}
        lines = text.split("\n")
        labels = Counter(turn_label(t) for line in lines if (t := TRANSCRIPT.match(line)))
        for line in lines:
            start, pos = pos, pos + len(line) + 1
            colon = line.find(": ")
            turn = TRANSCRIPT.match(line)  # "SMITH: ..." in an interview transcript
            if turn and not plausible_turn(turn, line, labels,
                                           functools.partial(self._names_person, pos=start)):
                continue  # a capitalised kicker or section head ("PHOTO GALLERY: ...")
            if turn:  # (a turn may open with a quote mark the transcript never closes)
                start, line = start + turn.start(1), line[turn.start(1):]
            if not 0 < colon <= 80 or not turn and (len(line) > 250
                                                    or not speaker_headline(line)):
                continue
            c = start + colon
            # "Name on Topic: ‘...’": the name is the speaker, the topic only a label.
            on = line.find(" on ", 0, colon)
            name_end = start + on if on > 0 and line[:on] in known else c
            lead = self.doc[self.tok_at(start):self.tok_at(name_end - 1) + 1]
            m = people.get(name_end)
            if m is None and not turn and line[:name_end - start] not in known \
                    and not (0 < len(lead) <= 4 and all(
                        t.pos_ == "PROPN" and t.text[:1].isupper() or t.text == "."
                        for t in lead)):
                continue  # the words before the colon are not (only) a name
            cs, ce = trim_span(text, c + 1, start + len(line))
            if len(text[cs:ce].split()) < 3 or not turn and (object_of_preposition(lead) or any(
                    a.start < ce and a.end > cs and a.speaker and a.cue != (c, c + 1)
                    for a in taken)):  # (a quote after the colon is a part of the line)
                continue
            while ce > cs and text[ce - 1] in "\"'“”‘’.":
                ce -= 1
            head = self.doc[self.tok_at(name_end - 1)]
            speaker, _ = self.resolve(head)
            # The speaker words are the line up to the colon ("Senator X:"), when short.
            if len(lead) <= 8:  # after a "EXCLUSIVE –" kicker
                dash = max(text.rfind(d, start, name_end) for d in (" – ", " — ", " - "))
                sp = trim_span(text, dash + 3 if dash >= 0 else start, name_end)
            else:
                sp = (m.start, m.end) if m else (head.idx, name_end)
            if turn and (speaker is None or self.speaker_conf.get(sp, 0.0) < CONF_LONE_NAME):
                speaker = self._turn_speaker(turn.group(1), sp)
            out.append(Attribution("indirect", cs, ce, cs, ce, (c, c + 1), sp, speaker,
                                   ((cs, ce),)))
        return out


def _opens_with_own_cue(doc, lo: int) -> bool:
    """The "clause" a cue reports opens with a speech participle after a comma (`X said,
    mentioning the boat is “…”`, parsed with the participle as the subject of the clause):
    that is a second attribution with its own cue, not what the first verb reports."""
    t = doc[lo]
    return lo > 0 and doc[lo - 1].text == "," and t.tag_ == "VBG" \
        and t.lemma_.lower() in INDIRECT_LEMMAS


def find_attributions(article: Article, doc, mentions: tuple[Mention, ...]) -> list[Attribution]:
    """Every attribution with its full reported clause (what `find_quotes` and eval read)."""
    finder = _Finder(article, doc, mentions)
    direct = finder.direct()
    indirect = finder.indirect(direct)
    # An indirect pass that found the speaker of a quoted fragment replaces the direct pass's
    # weaker reading of it (no speaker, or no enclosing clause).
    replaced = {(a.start, a.end) for a in indirect if a.kind == "partial"
                and not inner_cue_speaks(a, direct, finder.things)}
    merged = one_reading_per_cue(
        [d for d in direct if (d.start, d.end) not in replaced], indirect)
    seen = {(a.start, a.end) for a in merged}
    for a in indirect:
        if (a.start, a.end) not in seen:
            merged.append(a)
            seen.add((a.start, a.end))
    heads, text = finder.headline_colons(merged), finder.text
    if heads:  # they replace speakerless quotes on the same line, and a transcript turn
        # replaces what runs across it (marks paired from one turn into the next)
        merged = [a for a in merged if not any(h.start < a.end and a.start < h.end and (
            not a.speaker or a.cue == h.cue or crosses_turn(text, a, h))
            for h in heads)] + heads
    merged = subject_rules(finder, headline_kickers(text, merged, finder._names_person))
    merged.sort(key=lambda a: (a.start, a.end))
    merged = split_coordinated(finder, one_per_cue(text, _follow_reported(text, merged)))
    merged = without_unsaid(doc, text, merged, _person_names(finder))
    return _confident(finder, credited(finder, with_provenance(finder, _nested_inside(merged))))


def _person_names(finder: _Finder) -> frozenset[str]:
    """The names a resolved speaker is a person by: the article's people and every name the
    model tags PERSON (with its surname alone)."""
    names = {p.name for p in finder.people.persons}
    for e in ents_of(finder.doc):
        if e.label_ == "PERSON":
            names |= {e.text, e[-1].text}
    return frozenset(names)


def _span_confidence(confs: dict[tuple[int, int], float],
                     span: tuple[int, int] | None) -> float:
    """The confidence recorded for a speaker span; a span the passes widened (a headline's
    "Senator X:", a signature) takes the best one recorded on its words."""
    if span is None:
        return 0.0
    if span in confs:
        return confs[span]
    inside = [c for (s, e), c in confs.items() if s < span[1] and span[0] < e]
    return max(inside, default=0.0)


def _confident(finder: _Finder, atts: list[Attribution]) -> list[Attribution]:
    """Each attribution with its speaker's confidence; a speaker below
    `SPEAKER_MIN_CONFIDENCE` is unresolved (None), its span kept. The passes read the
    resolved name until here (follow-on quotes, scare quotes), so nulling is done last."""
    out = []
    for a in atts:
        conf = 0.0 if a.speaker is None else _span_confidence(finder.speaker_conf, a.speaker_span)
        speaker = without_possessive(a.speaker) \
            if a.speaker is not None and conf >= SPEAKER_MIN_CONFIDENCE else None
        out.append(dataclasses.replace(a, speaker=speaker, speaker_confidence=conf))
    return out


_LOOK_BACK = 20


def _ends_sentence(text: str, end: int) -> bool:
    """The quote ending at `end` ends its sentence (no cue can follow it there)."""
    rest = text[end:end + 40].lstrip(" \t\"”’'")
    if not rest or rest[0] == "\n":
        return True
    return text[end - 1:end] in ".!?…" and (rest[0].isupper() or rest[0] in "\"“‘'")


def _follow_reported(text: str, atts: list[Attribution]) -> list[Attribution]:
    """`X announced Y. “...”`, `X said Y had “...”.` + new paragraph + `“...”`: a quoted
    sentence with no cue of its own right after a reported clause goes on with that clause's
    speaker, as one attribution (the direct pass already does this after a direct quote)."""
    out = list(atts)
    for k, a in enumerate(out):
        if a.kind != "direct" or a.speaker_span is not None or a.continued:
            continue
        # (the nearest attributions only: the pass stays linear on a text of many quotes)
        before = [j for j in range(max(0, k - _LOOK_BACK), k) if out[j].end <= a.start]
        if not before:
            continue
        j = max(before, key=lambda j: (max(out[j].end, out[j].clause_end), j))
        b = out[j]
        if b.speaker_span is None or b.cue is None or b.kind == "direct" and not b.continued \
                or text[b.speaker_span[0]:b.speaker_span[1]].lower() in ("which", "that") \
                or not _ends_sentence(text, a.end) or quoted_subhead(text, a.start, a.end):
            continue
        gap_start = max(b.end, b.clause_end, b.cue[1])
        gap = text[gap_start:a.start]
        if gap_start > a.start or not one_turn(gap, True) \
                or sentence_break(text[max(0, gap_start - 30):gap_start]
                                  + gap.partition("\n")[0].rstrip(MARKS)):
            continue
        root = j
        while out[root].continued and root > 0:  # the attribution the chain started with
            root = next((i for i in range(root - 1, max(-1, root - _LOOK_BACK), -1)
                         if not out[i].continued and out[i].cue == b.cue
                         and out[i].speaker_span == b.speaker_span), j)
            if root == j:
                break
        out[root] = dataclasses.replace(out[root], parts=(*out[root].parts, (a.start, a.end)))
        out[k] = dataclasses.replace(a, cue=b.cue, speaker_span=b.speaker_span,
                                     speaker=b.speaker, continued=True)
    return out


def _nested_inside(atts: list[Attribution]) -> list[Attribution]:
    """An attribution whose cue and clause lie inside another's reported clause (`X says the
    race is long but he feels “…”`, `X recalled that listeners, who wondered if “…”, …`)
    continues the outer one: the writer reports the outer speaker, who reports the inner. Each
    is still its own quote with its own speaker."""
    heads = sorted((a for a in atts if not a.continued and a.cue is not None and a.speaker_span
                    and a.kind != "direct"), key=lambda b: b.clause_start)
    starts = [b.clause_start for b in heads]
    out = list(atts)
    for k, a in enumerate(out):
        if a.continued or a.cue is None or a.kind == "direct":
            continue
        # An outer clause starts at or before the inner one: the nearest such heads only, so
        # the pass stays linear on a text of many attributions.
        i = bisect.bisect_right(starts, a.clause_start)
        for b in heads[max(0, i - _LOOK_BACK):i]:
            if b is a:
                continue
            if b.clause_start <= a.cue[0] and a.cue[1] <= b.clause_end \
                    and b.clause_start <= a.clause_start and a.clause_end <= b.clause_end \
                    and not (b.cue is not None and b.clause_start <= b.cue[0] < b.clause_end):
                out[k] = dataclasses.replace(a, continued=True)
                break
    return out


def find_quotes(article: Article, doc, mentions: tuple[Mention, ...]) -> tuple[Quote, ...]:
    """Direct, partial and indirect quotes of one parsed article, with resolved speakers."""
    text = text_of(doc)
    out: list[Quote] = []
    for a in find_attributions(article, doc, mentions):
        # An indirect clause around a parenthetical cue ("The plan, he said, is dead") is one
        # quote per side, so no quote text holds the cue; other kinds carry one span.
        spans = a.parts if a.kind == "indirect" and len(a.parts) > 1 else ((a.start, a.end),)
        # (A quoted sentence that continues the clause is a part too, but its own quote.)
        spans = tuple(p for p in spans if a.kind != "indirect" or a.clause_start <= p[0]
                      and p[1] <= a.clause_end) or ((a.start, a.end),)
        for start, end in spans:
            out.append(_quote(article.id, text, a, start, end))
    return tuple(out)


def _quote(article_id: str, text: str, a: Attribution, start: int, end: int) -> Quote:
    sp, cue = a.speaker_span, a.cue
    if a.speaker is not None and not any(ch.isalnum() for ch in a.speaker):
        # A closing mark written as two apostrophes ("’’") read as the speaker: no one.
        a = dataclasses.replace(a, speaker=None, speaker_confidence=0.0)
        if sp is not None and not any(ch.isalnum() for ch in text[sp[0]:sp[1]]):
            sp = None
    return Quote(
        id=stable_id(article_id, str(start), str(end)), article_id=article_id,
        start=start, end=end, text=text[start:end], kind=a.kind,  # type: ignore[arg-type]
        speaker=a.speaker, speaker_confidence=a.speaker_confidence,
        speaker_text=text[sp[0]:sp[1]] if sp else None,
        speaker_start=sp[0] if sp else None, speaker_end=sp[1] if sp else None,
        cue=text[cue[0]:cue[1]] if cue else None,
        cue_start=cue[0] if cue else None, cue_end=cue[1] if cue else None,
        via_text=text[a.via[0]:a.via[1]] if a.via else None,
        via_start=a.via[0] if a.via else None, via_end=a.via[1] if a.via else None)

"""Quotes and who said them, within one article.

Three kinds (see docs/quotes.md):
- direct: text between paired quote marks (`quotemarks.pair_quotes`) with a cue next to it
  (`“...,” he said`, `X said: “...”`, `“...,” said X`, `“...,” Y quoted X as saying`), or a
  whole quoted sentence right after another quote of the same speaker;
- partial: a quoted fragment inside a reported clause (`X said the deal “increases our will”`);
  one- or two-word fragments count only when a speaker is attributed (else they are scare
  quotes);
- indirect: a clause reported by a speech verb (`X said that ...`, `X told Y ...`,
  `X was quoted as saying ...`) or by `according to X`.

Speakers are resolved within the article by `speakers.People` (names, pronouns, role
descriptions); group and document speakers stay as written. The scan over quote marks is
linear and every dependency walk is bounded, so bad text cannot hang the extractor.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from ..model import Article, Mention, Quote
from ..text import stable_id
from .cues import (
    INDIRECT_LEMMAS,
    MAX_CLAUSE_TOKENS,
    MAX_CUE_GAP,
    MAX_RIGHT_CUE_GAP,
    OBJECT_LEMMAS,
    PARENTHETICAL_LEMMAS,
    SUBJECT_DEPS,
    CueReader,
    trim_span,
)
from .names import is_title_token

_SENT_BREAK = re.compile(r"[.!?]\s+[A-Z“\"‘']")


_MARKS = " \t\r\n.,\"'“”‘’"


def _sentence_break(s: str) -> bool:
    """A sentence ends inside `s` (not at "Gov." or an initial)."""
    for m in _SENT_BREAK.finditer(s):
        words = s[:m.start() + 1].split()
        word = words[-1] if words else ""
        if s[m.start()] == "." and (is_title_token(word) or len(word.strip(".")) <= 1):
            continue
        return True
    return False


_NAME_GLUE = frozenset("of the and for a an to in on at & with by".split())


def _title_name(content: str, before: str) -> bool:
    """`CNN’s “Morning Desk”`, `the “Harbour Bill”`: a capitalised name in quote marks (a
    show, a bill, a slogan's title) after a possessive, article or place preposition."""
    words = content.rstrip(".,").split()
    if not 1 <= len(words) <= 6 or content.rstrip()[-1:] in ("!", "?"):
        return False
    if not all(w[0].isupper() or w[0].isdigit() or w.lower() in _NAME_GLUE for w in words):
        return False
    prev = before.split()[-1].lower() if before.split() else ""
    return prev.endswith(("’s", "'s")) or prev in ("the", "on", "in", "at", "from")


def _one_turn(gap: str, cue_in_gap: bool) -> bool:
    """The text between two quotes continues one turn of speech: only marks, or the first
    quote's own cue sentence ending its paragraph (`,” X said.` + new paragraph + `“`)."""
    head, _, rest = gap.partition("\n")
    if rest.strip(_MARKS):
        return False
    body = head.strip(_MARKS)
    return not body or cue_in_gap and not _sentence_break(body)


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


class _Finder(CueReader):
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
        before = self.text[:self.pairs[n].open].rstrip()[-1:]
        if verb is None and self.text[:self.pairs[n].close].rstrip()[-1:] in (",", "!", "?") \
                and (not before or before in ".!?:\n\"”"):
            # `“...,” he continued` / `“...!” she beamed`: a quote left open by a comma and
            # followed by a subject and a verb is that verb's object, whatever the verb.
            v = next((t for t in doc[c_tok:hi] if t.pos_ in ("VERB", "AUX")), None)
            if v is not None and v.pos_ == "VERB" and v.tag_ in ("VBD", "VBZ", "VBP") and (
                    self.subject_between(c_tok, v.i) is not None
                    or v.i == c_tok and self.subject_between(v.i + 1, hi) is not None):
                verb = v  # `“...,” he continued`, `“...!” beamed X`
        if verb is None or verb.lower_ == "according":
            return verb, None
        if verb.tag_ == "VB" or (verb.i > 0 and doc[verb.i - 1].lower_ == "to"):
            return None, None  # "“...” to deny ...": an infinitive is no cue
        quoting = verb.lemma_.lower() == "quote" or verb.head.lemma_.lower() == "quote"
        # "“...,” Y quoted X as saying": not the subject but the object is the speaker.
        subject = None if quoting else self.subject_between(c_tok, verb.i)
        if verb.i - c_tok <= 2:
            return verb, subject
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
        verb = self.cue_verb(lo, o_tok, near_end=True)
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
        return verb

    def direct(self) -> list[Attribution]:
        out: list[Attribution] = []
        doc, text = self.doc, self.text
        prev: Attribution | None = None
        prev_idx = -1
        carry: dict[int, tuple[int, str | None, tuple[int, int] | None,
                               tuple[int, int] | None]] = {}
        for n, pair in enumerate(self.pairs):
            cs, ce = trim_span(text, pair.open + 1, pair.close)
            content = text[cs:ce]
            if not any(ch.isalpha() for ch in content):
                continue
            n_words = len(content.split())
            if _title_name(content, text[max(0, pair.open - 20):pair.open]):
                continue
            o_tok = self.tok_at(pair.open)
            c_tok = min(self.tok_at(pair.close) + 1, len(doc))
            cue: tuple[int, int] | None
            if n in carry:  # the second half of `“A,” he said, “B”`
                parent, speaker, sp, cue = carry.pop(n)
                kind = "direct" if content[:1].isupper() else "partial"
                out[parent] = dataclasses.replace(
                    out[parent], parts=(*out[parent].parts, (cs, ce)))
                out.append(Attribution(kind, cs, ce, cs, ce, cue, sp, speaker,
                                       ((cs, ce),), True))
                if speaker:
                    prev, prev_idx = out[-1], parent
                continue
            verb = subject = None
            right = False
            # `“Really?” she asked`: only a full stop ends the sentence at the closing mark.
            if c_tok < len(doc) and (content[-1:] != "." or doc[c_tok].is_lower):
                verb, subject = self._right_cue(n, c_tok)
                right = verb is not None
            if verb is None:
                verb = self._left_cue(n, o_tok)
            if verb is None:
                verb = self._colon_intro(pair.open)
            # Direct: a quoted sentence, opened at a line start, after ":" / "," / "that", or
            # right after its cue. Otherwise the quote is a fragment of the writer's sentence.
            before = text[max(0, pair.open - 6):pair.open].rstrip()
            starts_clause = (not before or before[-1] in ":,.!?\n—–-(" or before.endswith("that")
                             or "\n" in text[max(0, pair.open - 2):pair.open]
                             or (verb is not None and 0 <= pair.open - (verb.idx + len(verb)) <= 2))
            kind = "direct" if content[:1].isupper() and starts_clause else "partial"
            if verb is None and kind == "partial":
                verb = self._governing_verb(o_tok, c_tok)
            if verb is not None:
                head, (c0, c1) = self.speaker_of(verb, nearby=subject is None)
                if subject is not None and (head is None or not c_tok <= head.i < verb.i):
                    head = subject  # the words between `”` and the verb name the speaker
                speaker, sp = self.resolve(head, verb)
                cue = (doc[c0].idx, doc[c1].idx + len(doc[c1]))
            elif prev is not None and kind == "direct" and prev.speaker \
                    and text.count("\n\n", prev.end, pair.open) <= 1 \
                    and pair.open - prev.end < 600:
                speaker, sp, cue = prev.speaker, prev.speaker_span, None  # a follow-on quote
                cue_after = prev.cue is not None and prev.end <= prev.cue[0] < pair.open
                if _one_turn(text[prev.end:pair.open], cue_after):
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
            if n_words <= 2 and speaker is None:
                continue  # scare quotes
            ks, ke = cs, ce
            if kind == "partial" and verb is not None and verb.i < o_tok \
                    and verb.lower_ != "according" \
                    and verb.right_edge.i - verb.i <= MAX_CLAUSE_TOKENS \
                    and verb.right_edge.i >= c_tok - 1:
                # `calls her “a total stiff”`: what the cue says is the rest of its phrase.
                clause = self._clause(verb.i + 1, verb.right_edge.i + 1, pair.open)
                if clause is not None and clause[0] <= cs and clause[1] >= ce:
                    ks, ke = clause
            att = Attribution(kind, cs, ce, ks, ke, cue, sp, speaker, ((cs, ce),))
            out.append(att)
            if kind == "direct" and speaker:
                prev, prev_idx = att, len(out) - 1
            if right and n + 1 < len(self.pairs) and speaker is not None:
                gap = text[pair.close + 1:self.pairs[n + 1].open]
                # The quote goes on right after its cue, in the same paragraph: one attribution.
                body = gap.rstrip()
                if len(gap) < 200 and "\n" not in gap and body[-1:] in (",", ":", ".") \
                        and not _sentence_break(body[:-1]):
                    carry[n + 1] = (len(out) - 1, speaker, sp, cue)
        return out

    def _governing_verb(self, o_tok: int, c_tok: int):
        """`X thanked Y for “...”`, `X blamed it on “...”`: the verb whose phrase holds a quoted
        fragment, when the verb comes first and has a subject of its own on the same line."""
        doc = self.doc
        if o_tok + 1 >= c_tok:
            return None
        t, hops = doc[o_tok + 1], 0
        while self.in_quote(t) or t.pos_ not in ("VERB", "AUX"):
            if t.head.i == t.i or hops >= 8:
                return None
            t, hops = t.head, hops + 1
        line_start = self.text.rfind("\n", 0, doc[o_tok].idx) + 1
        # Not "the show is dubbed “...”" (passive) nor "a bill that created “...”" (a
        # relative clause): names given in passing, not words someone said.
        if t.pos_ != "VERB" or t.i > o_tok or t.idx < line_start or t.dep_ in ("relcl", "acl") \
                or t.lemma_.lower() in ("be", "have"):
            return None
        subj = [c for c in t.children if c.dep_ == "nsubj" and not self.in_quote(c)]
        return t if subj and subj[0].idx >= line_start and subj[0].tag_ not in ("WDT", "WP") \
            else None

    def _colon_intro(self, open_char: int):
        """`Cruz responded:` then the quote (same line or next paragraph): the main verb of the
        sentence that ends with the colon is the cue."""
        text = self.text
        j = open_char - 1
        while j >= 0 and text[j].isspace() and open_char - j < 8:
            j -= 1
        if j < 0 or text[j] != ":":
            return None
        tok = self.doc[self.tok_at(j)]
        sent = self.sent_of(tok.i)
        if len(sent) > MAX_CLAUSE_TOKENS:
            return None
        line_start = text.rfind("\n", 0, j) + 1
        # The parser often runs a sentence across paragraphs ("Cruz continued:\n\n“...”"):
        # the verb the colon hangs on, else the sentence's root, on the colon's own line.
        for cand in (tok.head, sent.root):
            if cand.pos_ in ("VERB", "AUX") and not self.in_quote(cand) \
                    and line_start <= cand.idx < tok.idx \
                    and cand.lemma_.lower() not in ("be", "have") \
                    and self.speaker_of(cand)[0] is not None:
                return cand
        return None

    def _clause(self, lo: int, hi: int, anchor: int) -> tuple[int, int] | None:
        """Char span of tokens [lo, hi), cut at line breaks to the part nearest `anchor`."""
        doc, text = self.doc, self.text
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
        while ce > cs and text[ce - 1] in ".\"'“”‘’":
            ce -= 1
        return (cs, ce) if ce - cs >= 8 else None

    def _object_content(self, verb, lemma: str) -> tuple[int, int] | None:
        """What a statement verb without a clause reports: its object or infinitive
        ("announced new sanctions", "called for a ceasefire", "vowed to compete")."""
        if lemma not in OBJECT_LEMMAS or not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
            return None
        parts = [c for c in verb.children if c.i > verb.i and (
            c.dep_ in ("dobj", "xcomp", "oprd") or c.dep_ == "prep" and (
                c.lower_ == "for" and lemma == "call" or c.lower_ == "as")
            and lemma == "call")]
        if not parts:
            return None
        lo = min(c.left_edge.i for c in parts)
        hi = max(c.right_edge.i for c in parts) + 1
        if hi - lo < 2 or hi - lo > MAX_CLAUSE_TOKENS:
            return None
        if self.doc[lo].lower_ == "for" and lemma == "call":
            lo += 1
        return self._clause(lo, hi, verb.idx)

    def indirect(self, direct: list[Attribution]) -> list[Attribution]:
        out: list[Attribution] = []
        later: list[Attribution] = []  # "according to": only where no speech verb claimed it
        doc = self.doc
        for verb in doc:
            lemma = verb.lemma_.lower()
            if self.in_quote(verb):
                continue
            hole: tuple[int, int] | None = None
            comps: list = []
            clause = None
            if verb.lower_ == "according":
                if verb.i + 1 >= len(doc) or doc[verb.i + 1].lower_ != "to":
                    continue
                sent = self.sent_of(verb.i)
                if len(sent) > MAX_CLAUSE_TOKENS:
                    continue
                phrase_end = doc[verb.i + 1].right_edge.i + 1
                if verb.i - sent.start >= 4:
                    clause = self._clause(sent.start, verb.i, verb.idx)
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
                comps = [c for c in verb.children if c.dep_ == "ccomp"]
                if not comps:
                    clause = self._object_content(verb, lemma)
                else:
                    # Several ccomps: the one after the verb is what it reports.
                    after = [c for c in comps if c.i > verb.i]
                    comp = after[0] if after else comps[-1]
                    if comp.right_edge.i - comp.left_edge.i > MAX_CLAUSE_TOKENS:
                        continue  # a runaway parse, not a reported clause (and bounded work)
                    if verb.right_edge.i - verb.left_edge.i <= MAX_CLAUSE_TOKENS + 40:
                        inner = {t.i for t in comp.subtree}
                        own = [t for t in verb.subtree if t.i not in inner]
                        hole = (own[0].idx, own[-1].idx + len(own[-1]))
                    lo, hi = comp.left_edge.i, comp.right_edge.i + 1
                    if doc[lo].dep_ == "mark" and doc[lo].lower_ in ("that", "if", "whether"):
                        lo += 1
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
            else:
                continue
            if clause is None:
                continue
            cs, ce = clause
            parts: tuple[tuple[int, int], ...] = ((cs, ce),)
            if hole is not None and cs < hole[0] and hole[1] < ce:
                # "The plan, he said, is dead": the content is on both sides of the cue.
                left, right = trim_span(self.text, cs, hole[0]), trim_span(self.text, hole[1], ce)
                parts = tuple(p for p in (left, right) if p[1] > p[0])
            head, (c0, c1) = self.speaker_of(verb)
            if head is None:
                continue
            inside = [d for d in direct if d.start < ce and d.end > cs]
            covered = sum(min(ce, d.end) - max(cs, d.start) for d in inside)
            if inside and all(d.kind == "direct" and d.speaker for d in inside) \
                    and covered >= 0.6 * (ce - cs):
                continue  # the direct quote already carries it
            speaker, sp = self.resolve(head, verb)
            cue = (doc[c0].idx, doc[c1].idx + len(doc[c1]))
            target = later if verb.lower_ == "according" else out
            if inside:
                # Quoted fragments inside the reported clause: partial quotes of this speaker,
                # one attribution (the first lists every fragment, the others continue it).
                frags = [d for d in inside if not (d.kind == "direct" and d.speaker)]
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


    def headline_colons(self, taken: list[Attribution]) -> list[Attribution]:
        """Headline convention `Name: what they said` (a short line, the name right before
        the colon). Lines already holding an attribution are left alone."""
        out: list[Attribution] = []
        text, pos = self.text, 0
        people = {m.end: m for m in self.mentions if m.label in ("PERSON", "ORG")}
        for line in text.split("\n"):
            start, pos = pos, pos + len(line) + 1
            colon = line.find(": ")
            if not 0 < colon <= 80 or len(line) > 250 or not _headline_case(line):
                continue
            c = start + colon
            lead = self.doc[self.tok_at(start):self.tok_at(c - 1) + 1]
            m = people.get(c)
            if m is None and not (0 < len(lead) <= 4 and all(
                    t.pos_ == "PROPN" and t.text[:1].isupper() or t.text == "." for t in lead)):
                continue  # the words before the colon are not (only) a name
            cs, ce = trim_span(text, c + 1, start + len(line))
            if len(text[cs:ce].split()) < 3 \
                    or any(a.start < ce and a.end > cs and a.speaker for a in taken):
                continue
            while ce > cs and text[ce - 1] in "\"'“”‘’.":
                ce -= 1
            head = self.doc[self.tok_at(c - 1)]
            speaker, _ = self.resolve(head)
            # The speaker words are the line up to the colon ("Senator X:"), when short.
            if len(lead) <= 8:  # after a "EXCLUSIVE –" kicker
                dash = max(text.rfind(d, start, c) for d in (" – ", " — ", " - "))
                sp = trim_span(text, dash + 3 if dash >= 0 else start, c)
            else:
                sp = (m.start, m.end) if m else (head.idx, c)
            out.append(Attribution("indirect", cs, ce, cs, ce, (c, c + 1), sp, speaker,
                                   ((cs, ce),)))
        return out


def _headline_case(line: str) -> bool:
    """A headline line: no final full stop, or most words capitalised (some sources end every
    headline with one)."""
    if not line.rstrip().endswith("."):
        return True
    words = [w for w in line.split() if w[:1].isalpha()]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def find_attributions(article: Article, doc, mentions: tuple[Mention, ...]) -> list[Attribution]:
    """Every attribution with its full reported clause (what `find_quotes` and eval read)."""
    finder = _Finder(article, doc, mentions)
    direct = finder.direct()
    indirect = finder.indirect(direct)
    # An indirect pass that found the speaker of a quoted fragment replaces the direct pass's
    # weaker reading of it (no speaker, or no enclosing clause).
    replaced = {(a.start, a.end) for a in indirect if a.kind == "partial"}
    merged = [d for d in direct if (d.start, d.end) not in replaced]
    seen = {(a.start, a.end) for a in merged}
    for a in indirect:
        if (a.start, a.end) not in seen:
            merged.append(a)
            seen.add((a.start, a.end))
    heads = finder.headline_colons(merged)
    if heads:  # they replace speakerless quotes on the same line
        merged = [a for a in merged if a.speaker or not any(
            h.start < a.end and a.start < h.end for h in heads)] + heads
    merged.sort(key=lambda a: (a.start, a.end))
    return merged


def find_quotes(article: Article, doc, mentions: tuple[Mention, ...]) -> tuple[Quote, ...]:
    """Direct, partial and indirect quotes of one parsed article, with resolved speakers."""
    text = doc.text
    out: list[Quote] = []
    for a in find_attributions(article, doc, mentions):
        # An indirect clause around a parenthetical cue ("The plan, he said, is dead") is one
        # quote per side, so no quote text holds the cue; other kinds carry one span.
        spans = a.parts if a.kind == "indirect" and len(a.parts) > 1 else ((a.start, a.end),)
        for start, end in spans:
            out.append(_quote(article.id, text, a, start, end))
    return tuple(out)


def _quote(article_id: str, text: str, a: Attribution, start: int, end: int) -> Quote:
    sp, cue = a.speaker_span, a.cue
    return Quote(
        id=stable_id(article_id, str(start), str(end)), article_id=article_id,
        start=start, end=end, text=text[start:end], kind=a.kind,  # type: ignore[arg-type]
        speaker=a.speaker,
        speaker_text=text[sp[0]:sp[1]] if sp else None,
        speaker_start=sp[0] if sp else None, speaker_end=sp[1] if sp else None,
        cue=text[cue[0]:cue[1]] if cue else None,
        cue_start=cue[0] if cue else None, cue_end=cue[1] if cue else None)

"""Provenance: the outlet or document an attribution reaches the writer through.

`“…,” X said, according to CNN`, `“…,” said X, reports USA Today`, `X noted that …, reported
the Examiner`, `“…,” X told reporters, the Gazette reported`, `X said, according to a
transcript`: X is the speaker (compare and the entities read it), and the outer reporter is
the quote's provenance (`Attribution.via`, `Quote.via_*`). Found by syntax only:
- an `according to` phrase in the cue's sentence, outside quote marks and outside the reported
  content, attached to the cue verb or after it, whose object is not the speaker;
- a reporting verb after the cue in the same sentence that governs it (the cue is its clausal
  complement or parataxis), whose subject (or inverted subject) is an outlet or a document:
  an organisation or work the tagger names, a proper noun no person mention covers, or a
  head noun of the media/document lexicon below. A person subject is a second speaker, not
  a provenance (`“…,” X said, Y recalled`), and is left alone.
"""

from __future__ import annotations

import dataclasses

from .according import according_to
from .cues import CueReader
from .direct import Attribution

# Heads of a noun phrase that names an outlet or a document, not a person.
MEDIA_NOUNS = frozenset("""
newspaper paper daily weekly magazine journal outlet network channel station broadcaster agency
wire website site blog report reports transcript account accounts recording recordings video
footage tape record records document documents memo filing filings book biography interview
poll survey publication press media newsletter column editorial dispatch story article
""".split())
# Verbs whose subject reports what another said (the outer clause of a nested attribution).
REPORT_LEMMAS = frozenset("report write say tell note reveal publish confirm add".split())
_MEDIA_ENTS = frozenset({"ORG", "WORK_OF_ART", "PRODUCT", "FAC"})
_SEARCH = 40  # tokens after the cue searched for the outer clause


def _span(reader: CueReader, head) -> tuple[int, int]:
    """The reporter's words: the noun's whole phrase (`a report from X released Thursday`),
    cut at a comma, a quote mark or a line break."""
    doc = reader.doc
    lo, hi = head.left_edge.i, head.right_edge.i
    for i in range(head.i + 1, hi + 1):
        # (an infinitive is what the document will do, not its name: "a report to be …")
        if doc[i].text == "," or doc[i].is_quote or "\n" in doc[i - 1].text_with_ws \
                or doc[i].lower_ == "to" and doc[i].dep_ == "aux":
            hi = i - 1
            break
    while hi > head.i and (doc[hi].is_punct or doc[hi].pos_ in ("ADP", "CCONJ", "DET")):
        hi -= 1
    return doc[lo].idx, doc[hi].idx + len(doc[hi])


def _media(reader: CueReader, head) -> bool:
    """The subject names an outlet or a document rather than a person."""
    if head.pos_ == "PRON":
        return False
    if any(m.label == "PERSON" and m.start <= head.idx < m.end for m in reader.mentions):
        return False
    if head.lemma_.lower() in MEDIA_NOUNS or head.lower_ in MEDIA_NOUNS:
        return True
    return head.ent_type_ in _MEDIA_ENTS or head.pos_ == "PROPN" and head.ent_type_ not in (
        "PERSON", "GPE", "NORP", "DATE", "TIME")


def _governs(outer, inner) -> bool:
    """`inner` is the clause `outer` reports (directly, or one clause down)."""
    t = inner
    for _ in range(3):
        if t.head.i == outer.i and t.dep_ in ("ccomp", "parataxis", "xcomp", "advcl", "conj"):
            return True
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def _tail_start(doc, lo: int, sent_end: int, inside: set[int]) -> int | None:
    """When tokens from `lo` to the sentence end are only the outer clause (`inside`), dates
    and short prepositional adjuncts (`in 1991`, `on Monday`) and punctuation, the char offset
    of the comma that opens it; else None."""
    k = lo - 1
    while k >= 0 and doc[k].is_quote:
        k -= 1
    if k < 0 or doc[k].text != ",":
        return None
    for t in doc[lo:sent_end]:
        if t.i in inside or t.is_punct or t.is_space or t.ent_type_ in ("DATE", "TIME") \
                or t.dep_ in ("prep", "pobj", "advmod", "npadvmod") and t.i - lo < 12:
            continue
        return None
    return doc[k].idx


def outer_source(reader: CueReader, a: Attribution) -> tuple[tuple[int, int], int | None] | None:  # noqa: C901  (one case per parse shape of a nested report)
    """(char span of the outer reporter, offset where the reported clause must end because
    the outer clause was parsed into it, or None), or None when `a` is not nested."""
    if a.cue is None or a.speaker_span is None:
        return None
    doc = reader.doc
    verb = doc[reader.tok_at(a.cue[0])]
    if verb.lower_ == "according" or verb.pos_ not in ("VERB", "AUX"):
        return None
    sent = reader.sent_of(verb.i)
    content = (min(a.start, a.clause_start), max(a.end, a.clause_end))
    sp0, sp1 = a.speaker_span

    def in_content(t) -> bool:
        return content[0] <= t.idx < content[1]

    def free(t) -> bool:
        return not reader.in_quote(t) and not sp0 <= t.idx < sp1

    for t in sent:
        if not according_to(t) or not reader.same_line(t, verb):
            continue
        if not free(t) or not (t.head.i == verb.i or t.i > verb.i):
            continue
        objs = [c for c in doc[t.i + 1].children if c.dep_ == "pobj"]
        if not objs or reader.in_quote(objs[0]):
            continue
        cut = None
        if in_content(t):  # `X said Y, according to CNN`: parsed into the reported clause
            cut = _tail_start(doc, t.i, sent.end, {tok.i for tok in t.subtree})
            if cut is None:
                continue
        s = _span(reader, objs[0])
        if not (s[0] < sp1 and sp0 < s[1]):
            return s, cut
    for t in doc[verb.i + 1:min(sent.end, verb.i + _SEARCH)]:
        if t.pos_ not in ("VERB", "AUX") or t.lemma_.lower() not in REPORT_LEMMAS or not free(t) \
                or not reader.same_line(t, verb):
            continue
        # (The parser can hang the inner speaker on the outer verb too: "said X, reports Y".)
        subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass") and free(c)
                     and not in_content(c)), None) or next(
            # `…, reported the Examiner`, `…, reports USA Today`: read as an object or adverb
            (c for c in t.children if c.dep_ in ("dobj", "npadvmod", "attr", "nsubj")
             and 0 < c.i - t.i <= 4 and free(c)), None)
        if subj is None or not _media(reader, subj):
            continue
        lo = min(t.i, subj.left_edge.i)
        cut = _tail_start(doc, lo, sent.end, {t.i} | {x.i for x in subj.subtree})
        if (_governs(t, verb) and not in_content(t)) or cut is not None:
            return _span(reader, subj), cut if in_content(t) else None
    return None


def with_provenance(reader: CueReader, atts: list[Attribution]) -> list[Attribution]:
    """`atts` with `via` set where a nested attribution has an outer reporter; the parts that
    continue an attribution share its provenance."""
    out: list[Attribution] = []
    found: dict[tuple, tuple[int, int]] = {}
    for a in atts:
        key = (a.cue, a.speaker_span)
        if a.continued:
            via = found.get(key)
            if via is not None:
                a = dataclasses.replace(a, via=via)
        elif (hit := outer_source(reader, a)) is not None:
            via, cut = hit
            found[key] = via
            a = dataclasses.replace(a, via=via)
            if cut is not None and a.clause_start < cut < a.clause_end:
                # the outer clause is no part of what was reported
                a = dataclasses.replace(a, clause_end=cut, end=min(a.end, cut) if
                                        a.kind == "indirect" else a.end,
                                        parts=tuple((s, min(e, cut)) for s, e in a.parts))
        out.append(a)
    return out

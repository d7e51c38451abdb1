"""Credit lines of a roundup (issue 20, stop 45: speakers read on fresh real Baly draws).

Roundups of opinion ("From the Left", "What the columnists say") quote a column in one or more
paragraphs that each open with a quote mark, and then credit it on a line of its own:

    “As Congress remains deadlocked … the only fully functioning branch …

    “By the time this term is over, traumatized Democrats may struggle …”

    Mark Joseph Stern, Slate

No speech verb names the columnist, so the other passes left these quotes without a speaker,
or gave them the roundup's own framing ("Others note that “…”", "The right says …") as if the
crowd had said the column's words. The credit line names who wrote them.

The test is narrow on purpose (precision before recall). A credit line is a short line with no
closing punctuation, a person's name (tagged PERSON from the line's first word) or an editorial
board, a comma, and an outlet whose words are all capitalised ("Wall Street Journal", "The
American Conservative"); the paragraph right before it opens with a quote mark. A name alone on
a line ("Sen. Susan Collins (R) of Maine", an interviewer's "Sean Illing") is not one: such
lines head the next section far more often than they credit the last. The credit covers the run
of quote-opened paragraphs right before it, back to a paragraph that does not open with a mark
or to the previous credit line, and only the quotes opened at a paragraph's start: a quote
inside the column ("…, as Trump put it, “…”") keeps its own speaker."""

from __future__ import annotations

import bisect
import dataclasses
import re
from typing import TYPE_CHECKING

from ..nlp.loader import ents_of
from .quotemarks import CLOSERS, OPENERS

if TYPE_CHECKING:
    from .direct import Attribution

# The marks `quotemarks` pairs, with the straight one that both opens and closes.
_OPENING = "".join(sorted(OPENERS)) + '"'
_CLOSING_MARKS = "".join(sorted(CLOSERS)) + '"'
_CLOSING_PUNCT = ".!?:;\"”’»)"
_MAX_WORDS = 10
_MAX_CHARS = 90
# An outlet's words: capitalised, with the small words of a title between them.
_OUTLET = re.compile(r"(?:The |the )?[A-Z0-9][\w.&'’-]*(?: (?:[A-Z0-9][\w.&'’-]*|of|the|and|for|"
                     r"on|de|&))*")
# The writers of an unsigned column ("Editorial Board, Wall Street Journal").
_BOARDS = frozenset({"editorial board", "the editorial board", "editors", "the editors",
                     "editorial staff", "the editorial staff", "staff", "editorial"})
CONF_CREDIT = 1.0  # a person named on the credit line (below the resolution's own confidence)
CONF_BOARD = 0.8  # an editorial board, as written (`cues.CONF_AS_WRITTEN`)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line, without its surrounding spaces."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return out


def _credit_name(doc, text: str, start: int, end: int) -> tuple[int, int, bool] | None:
    """(name start, name end, is a person) when the line text[start:end] is a credit line,
    else None."""
    line = text[start:end]
    if len(line) > _MAX_CHARS or len(line.split()) > _MAX_WORDS or line[-1] in _CLOSING_PUNCT \
            or line.count(",") != 1:
        return None
    name, _, outlet = line.partition(",")
    outlet = outlet.strip()
    if not name.strip() or not _OUTLET.fullmatch(outlet):
        return None
    name_end = start + len(name.rstrip())
    if name.strip().lower() in _BOARDS:
        return start, name_end, False
    person = next((e for e in ents_of(doc) if e.label_ == "PERSON" and e.start_char == start
                   and e.end_char <= name_end), None)
    if person is None or text[person.end_char:name_end].strip():
        return None  # the name must be the whole part before the comma
    return start, name_end, True


def credit_blocks(doc, text: str) -> list[tuple[tuple[int, int], tuple[int, int], bool,
                                                list[tuple[int, int]]]]:
    """Each credit line: (line span, name span, is a person, the paragraphs it credits). The
    credit is a line of its own after the quote, or the end of the quote's own paragraph
    (`“…” Garrett Epps, The Atlantic`)."""
    paras = _paragraphs(text)
    out: list = []
    credit_at: set[int] = set()
    for k, (s, e) in enumerate(paras):
        tail = _tail_credit(doc, text, s, e)
        if tail is not None:
            line, named = tail
            block, j = [(s, line[0])], k - 1
        elif k == 0 or (k - 1) in credit_at or not _ends_quoted(text, *paras[k - 1]):
            continue
        else:
            named = _credit_name(doc, text, s, e)
            if named is None:
                continue
            line, block, j = (s, e), [paras[k - 1]], k - 2
        while j >= 0 and text[block[-1][0]] in _OPENING and _quoted_whole(text, *paras[j]) \
                and j not in credit_at:
            block.append(paras[j])
            j -= 1
        credit_at.add(k)
        out.append((line, (named[0], named[1]), named[2], block[::-1]))
    return out


_LEAD_IN_WORDS = 15  # `Some, however, argue that “…” Name, Outlet`: the roundup's lead-in


def _tail_credit(doc, text: str, start: int, end: int):
    """(credit span, name) of a quote-opened paragraph that ends with its credit after the
    closing mark (`“…” Garrett Epps, The Atlantic`), or of one whose short lead-in introduces
    the quote (`Some, however, argue that “…” Paul Begala, CNN`, real text, stop 49: the
    quote went to "Some"), else None."""
    opened = next((k for k in range(start, end) if text[k] in _OPENING), end)
    if opened == end or len(text[start:opened].split()) > _LEAD_IN_WORDS:
        return None
    close = max(text.rfind(m, start, end) for m in _CLOSING_MARKS if m != "’")
    if close <= start:
        return None
    s = close + 1
    while s < end and text[s].isspace():
        s += 1
    if s == close + 1 or s >= end:
        return None  # a credit is set off by a space
    named = _credit_name(doc, text, s, end)
    return None if named is None else ((s, end), named)


def _ends_quoted(text: str, start: int, end: int) -> bool:
    """The paragraph text[start:end] opens with a quote mark, or ends with one (`Others note
    that “…”`): the words quoted are what the next line may credit."""
    return _quoted_whole(text, start, end) or _closes(text, end)


def _closes(text: str, end: int) -> bool:
    return text[end - 1] in _CLOSING_MARKS or \
        text[end - 1] in ".…" and text[end - 2:end - 1] in _CLOSING_MARKS


def _quoted_whole(text: str, start: int, end: int) -> bool:
    """The paragraph text[start:end] is quoted words only: it opens with a mark and either
    closes with one or runs on into the next paragraph (no closing mark). One with words after
    its closing mark (`“…” Amanda Terkel, Huffington Post`, a credit the line test did not
    read, or `“…,” he said.`) is not part of the run a later credit covers."""
    if text[start] not in _OPENING:
        return False
    return _closes(text, end) or not any(m in text[start + 1:end] for m in _CLOSING_MARKS
                                         if m != "’")


def _credited_in(text: str, a: Attribution, start: int, end: int) -> bool:
    """The quote `a` opens the quote-opened paragraph text[start:end], or closes the paragraph
    that introduces it (`Others note that “…”` + the credit line)."""
    if text[start] in _OPENING:
        return not text[start:a.start].strip(_OPENING + " ")
    return not text[a.end:end].strip(_CLOSING_MARKS + ".…,;!? ")


def _names_person(finder, span: tuple[int, int] | None) -> bool:
    """The speaker phrase at `span` holds a name tagged PERSON (`Senator X writes, “…”`)."""
    if span is None:
        return False
    lo, hi = finder.tok_at(span[0]), finder.tok_at(max(span[0], span[1] - 1))
    return any(t.ent_type_ == "PERSON" for t in finder.doc[lo:hi + 1])


def credited(finder, atts: list[Attribution]) -> list[Attribution]:
    """`atts` with each quote that opens a credited paragraph given the credit line's writer
    (see the module's doc). A person is resolved as the article's people know them; an
    editorial board stays as written with its outlet. Linear in the attributions and credits
    (apart from sorting), whatever the text."""
    text, doc = finder.text, finder.doc
    blocks = credit_blocks(doc, text)
    if not blocks:
        return atts
    out = list(atts)
    order = sorted(range(len(out)), key=lambda i: out[i].start)
    starts = [out[i].start for i in order]
    moved: set[tuple[int, int]] = set()
    for line, (ns, ne), person, paras in blocks:
        if person:
            head = doc[finder.tok_at(ne - 1)]
            span = doc[finder.tok_at(ns):head.i + 1]
            speaker, conf = finder._who(head, span, (ns, ne))
            conf = min(conf, CONF_CREDIT)
            sp = (ns, ne)
        else:
            speaker, conf, sp = text[line[0]:line[1]], CONF_BOARD, line
        finder.speaker_conf[sp] = conf if speaker is not None else 0.0
        ids = []
        for s, e in paras:
            for i in order[bisect.bisect_left(starts, s):bisect.bisect_left(starts, e)]:
                a = out[i]
                if a.kind in ("direct", "partial") and _credited_in(text, a, s, e) and not (
                        text[s] not in _OPENING and _names_person(finder, a.speaker_span)):
                    ids.append(i)
        for n, i in enumerate(ids):
            a = out[i]
            moved.add((a.start, a.end))
            out[i] = dataclasses.replace(a, kind="direct", cue=line, speaker_span=sp,
                                         speaker=speaker, via=None, continued=n > 0,
                                         parts=((a.start, a.end),) if n else tuple(
                                             (out[j].start, out[j].end) for j in ids))
    lines = {b[0] for b in blocks}
    if moved:  # the credited quotes are no longer parts of another attribution
        for i, a in enumerate(out):
            if a.cue not in lines and any(p in moved for p in a.parts):
                kept = tuple(p for p in a.parts if p not in moved) or ((a.start, a.end),)
                out[i] = dataclasses.replace(a, parts=kept)
    return out

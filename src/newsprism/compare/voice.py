"""Whose words a consensus item is. When the sentence several outlets carry is wholly inside a
quotation ("“Nobody gets to hurt our economy ...”", or the middle of a statement quoted over
several sentences), its text alone reads as the outlets' own claim; the item is shown as the
speaker's words instead: `X: “...”`, or in quote marks when no speaker is known. A sentence
in the first person ("what I did was at the direction of …") is never an outlet's own claim:
where the outlet the text comes from prints it bare and another quotes it with a speaker, it
is that speaker's (when the quoting outlets name one speaker); any other sentence is, when at
least half of the outlets quote it and name one speaker. Spans and sources are unchanged
(the outlets agree on the words, and on who said them only as far as `mark_disputed` allows)."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

from rapidfuzz.distance import Hamming

from ..model import Consensus, Quote
from ..summarize.cutoff import SAYING
from ..summarize.standalone import speaks_as_self
from ..text import fold

SLACK = 2  # characters a quote's span may miss at either end (a mark, a space)
_MARKS = "\"“”‘’'"
_DOUBLE_MARKS = "\"“”"  # quote marks that are never an apostrophe


def _covering(quotes: Sequence[Quote], article_id: str, start: int, end: int) -> Quote | None:
    for q in quotes:
        if q.article_id == article_id and q.kind in ("direct", "partial") \
                and q.start <= start + SLACK and end <= q.end + SLACK:
            return q
    return None


def _bare(text: str) -> bool:
    """No quote mark and no verb of saying: the sentence gives no one's words as such ("The
    president said Ryan would “leave a legacy ...”" already does, and stays as written)."""
    return not any(ch in text for ch in _MARKS) and SAYING.search(text) is None


def _mostly_covering(quotes: Sequence[Quote], article_id: str, start: int, end: int
                    ) -> Quote | None:
    """A quote from the span's start over at least `MOSTLY` of it: the sentence is the quote
    and its tag (`"...," Trump said.`), not the writer's words around a quoted phrase (`It
    went on to call 2017 “a year of unrelenting bias ...”`, real text, stop 48)."""
    for q in quotes:
        if q.article_id == article_id and q.kind in ("direct", "partial") \
                and q.start <= start + SLACK \
                and (min(end, q.end) - max(start, q.start)) >= MOSTLY * (end - start):
            return q
    return None


MOSTLY = 0.8


def _quoted_elsewhere(item: Consensus, quotes: Sequence[Quote], majority: bool = False
                      ) -> Quote | None:
    """The quote with a speaker that covers one of `item`'s spans, when every such quote
    names the same speaker; else None. `majority`: at least half of the spans hold a quote
    with the item's own words in it (`_quoting`)."""
    if majority:
        words = fold(item.text).split()
        found = [q for q in (_quoting(quotes, sp.article_id, sp.start, sp.end, words)
                             for sp in item.spans) if q is not None]
        if len(found) * 2 < len(item.spans):
            return None
    else:
        found = [q for q in (_mostly_covering(quotes, sp.article_id, sp.start, sp.end)
                             for sp in item.spans) if q is not None and q.speaker]
    who = {q.speaker_entity or fold(q.speaker or "") for q in found}
    return found[0] if found and len(who) == 1 else None


def _quoting(quotes: Sequence[Quote], article_id: str, start: int, end: int,
             words: list[str]) -> Quote | None:
    """A quote with a speaker in the span whose words hold `words` in order, each the same or
    spelled one letter apart ("dehumanise"/"dehumanize"): the outlet quotes these words. Marks
    around a paraphrase ("The concern is that it could spread ..." for "Our greatest concern
    is the potential for the virus to spread ...", real text, stop 48) would misquote."""
    for q in quotes:
        if q.article_id == article_id and q.speaker and q.start < end and start < q.end \
                and _holds(fold(q.text).split(), words):
            return q
    return None


def _holds(said: list[str], words: list[str]) -> bool:
    n = len(words)
    return n > 0 and any(all(_alike(a, b) for a, b in zip(said[i:i + n], words, strict=True))
                         for i in range(len(said) - n + 1))


def _alike(a: str, b: str) -> bool:
    """The same word, or a long word one letter changed (a spelling, not another word)."""
    return a == b or len(a) == len(b) >= 6 and Hamming.distance(a, b) == 1


def voiced(items: Sequence[Consensus], quotes: Sequence[Quote], texts: Mapping[str, str]
           ) -> tuple[Consensus, ...]:
    """`items` with the text of each one that is someone's quoted words given as theirs."""
    out = []
    for item in items:
        home = next((sp for sp in item.spans if " ".join(texts.get(sp.article_id, "")[
            sp.start:sp.end].split()) == " ".join(item.text.split())), None)
        q = _covering(quotes, home.article_id, home.start, home.end) if home else None
        if q is None:
            # The outlet the text comes from prints it bare: a first-person sentence is the
            # speaker another outlet quotes; any other, when at least half of the outlets
            # quote it, one speaker (real text, stop 48: "Russian collusion is perhaps the
            # greatest hoax ..." was taken from the one outlet whose marks were misprinted,
            # and read as three outlets' own claim).
            if speaks_as_self(item.text):
                q = _quoted_elsewhere(item, quotes)
            elif _bare(item.text):
                q = _quoted_elsewhere(item, quotes, majority=True)
        if q is None:
            out.append(item)
            continue
        inner = item.text.strip().strip(_MARKS).strip()
        named = q.speaker and any(w in fold(item.text).split()
                                  for w in fold(q.speaker).split() if len(w) > 2)
        if named or not inner or any(ch in inner for ch in _DOUBLE_MARKS):
            # A mark inside: the sentence ends or opens a quote with its tag (`... practices,"
            # he said.`, real text, stop 49); quoted whole, the tag would be the speaker's.
            out.append(item)
            continue
        text = f"{q.speaker}: “{inner}”" if q.speaker else f"“{inner}”"
        out.append(dataclasses.replace(item, text=text))
    return tuple(out)

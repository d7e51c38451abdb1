"""Whose words a consensus item is. When the sentence several outlets carry is wholly inside a
quotation ("“Nobody gets to hurt our economy ...”", or the middle of a statement quoted over
several sentences), its text alone reads as the outlets' own claim; the item is shown as the
speaker's words instead: `X: “...”`, or in quote marks when no speaker is known. Spans and
sources are unchanged (the outlets agree on the words, and on who said them only as far as
`mark_disputed` allows)."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

from ..model import Consensus, Quote
from ..text import fold

SLACK = 2  # characters a quote's span may miss at either end (a mark, a space)
_MARKS = "\"“”‘’'"


def _covering(quotes: Sequence[Quote], article_id: str, start: int, end: int) -> Quote | None:
    for q in quotes:
        if q.article_id == article_id and q.kind in ("direct", "partial") \
                and q.start <= start + SLACK and end <= q.end + SLACK:
            return q
    return None


def voiced(items: Sequence[Consensus], quotes: Sequence[Quote], texts: Mapping[str, str]
           ) -> tuple[Consensus, ...]:
    """`items` with the text of each one that is someone's quoted words given as theirs."""
    out = []
    for item in items:
        home = next((sp for sp in item.spans if " ".join(texts.get(sp.article_id, "")[
            sp.start:sp.end].split()) == " ".join(item.text.split())), None)
        q = _covering(quotes, home.article_id, home.start, home.end) if home else None
        if q is None:
            out.append(item)
            continue
        inner = item.text.strip().strip(_MARKS).strip()
        named = q.speaker and any(w in fold(item.text).split()
                                  for w in fold(q.speaker).split() if len(w) > 2)
        if named or not inner:
            out.append(item)
            continue
        text = f"{q.speaker}: “{inner}”" if q.speaker else f"“{inner}”"
        out.append(dataclasses.replace(item, text=text))
    return tuple(out)

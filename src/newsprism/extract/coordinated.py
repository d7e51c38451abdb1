"""A second cue coordinated inside a reported clause starts an attribution of its own.

`X said he will “try to form a government” and insisted that his party was “still first”`,
`X found Y “very charming” and called his rise “unheard of”`, `X told CNN that Y is a “faker”
and questioning how he has “gotten away with it”`: the parser hangs the second verb of saying
inside the first one's clause, and both fragments became one attribution with one cue. The
writer reports two statements, each with its verb: the first clause ends before the second
verb, and the fragment after that verb is an attribution of the same speaker with that verb
as its cue.
"""

from __future__ import annotations

import bisect
import dataclasses

from ..lexicons.cues import CUE_LEMMAS, VERDICT_LEMMAS
from .cues import trim_span
from .direct import Attribution
from .quotemarks import inner

_MARKS = "\"”’'"
_SECOND_CUE_LEMMAS = CUE_LEMMAS | VERDICT_LEMMAS


def _pair_in(pairs: list, opens: list[int], lo: int, hi: int):
    """The first quote pair (of `pairs`, in order of opening) that opens in [lo, hi), or
    None (a bisection: the pass stays near-linear on a text of many quotes)."""
    k = bisect.bisect_left(opens, lo)
    return pairs[k] if k < len(opens) and opens[k] < hi else None


def _before(doc, i: int) -> str:
    """The word before token i, past closing quote marks (`“…,” stating`)."""
    i -= 1
    while i >= 0 and doc[i].text in _MARKS:
        i -= 1
    return doc[i].lower_ if i >= 0 else ""


def _second_cue(finder, pairs: list, opens: list[int], a: Attribution):
    """The coordinated verb of saying inside `a`'s clause with a quoted fragment before and
    after it (the token), or None."""
    doc = finder.doc
    lo, hi = a.clause_start, a.clause_end
    first = _pair_in(pairs, opens, lo, hi)
    if first is None or a.cue is None or lo <= a.cue[0] < hi:
        return None
    for t in doc[finder.tok_at(first.close):finder.tok_at(hi - 1) + 1]:
        if t.idx >= hi:
            break
        if t.idx <= first.close or t.pos_ != "VERB" or finder.in_quote(t) \
                or t.lemma_.lower() not in _SECOND_CUE_LEMMAS \
                or t.dep_ not in ("conj", "advcl") or _before(doc, t.i) not in ("and", ",") \
                or t.head.idx < lo or t.head.idx >= hi:
            continue
        if _pair_in(pairs, opens, t.idx + 1, hi) is not None:
            return t
    return None


def split_coordinated(finder, atts: list[Attribution]) -> list[Attribution]:
    """Each attribution whose clause holds a second coordinated cue (see the module) ends
    before it; the quoted fragment after it is a new attribution of the same speaker."""
    out = list(atts)
    text = finder.text
    added: list[Attribution] = []
    pairs = sorted(finder.pairs, key=lambda p: p.open)
    opens = [p.open for p in pairs]
    for k, a in enumerate(out):
        if a.continued or a.kind == "direct" or a.speaker_span is None:
            continue
        v = _second_cue(finder, pairs, opens, a)
        if v is None:
            continue
        prev = finder.doc[v.i - 1]
        if prev.text in _MARKS:  # `“…,” stating`: the clause keeps its closing mark
            cut = prev.idx + len(prev)
        else:  # `… “…” and insisted`: it ends before "and"
            cut = prev.idx
            while cut > a.clause_start and text[cut - 1] in " ,\t":
                cut -= 1
        end = min(a.end, cut) if a.kind == "indirect" else a.end
        if end > cut or a.start >= cut:
            continue
        old_end = a.clause_end
        pair = _pair_in(pairs, opens, v.idx + 1, old_end)
        if pair is None:
            continue
        out[k] = dataclasses.replace(a, end=end, clause_end=cut, parts=tuple(
            p for p in a.parts if p[1] <= cut) or ((a.start, end),))
        cs, ce = trim_span(text, *inner(text, pair))
        cue = (v.idx, v.idx + len(v))
        rest = [j for j, b in enumerate(out) if b.continued and b.cue == a.cue
                and b.speaker_span == a.speaker_span and v.idx < b.start < old_end]
        clause = (v.idx + len(v), old_end)
        while clause[0] < clause[1] and text[clause[0]] in " ,":
            clause = (clause[0] + 1, clause[1])
        if rest:
            j = rest[0]
            out[j] = dataclasses.replace(out[j], continued=False, cue=cue, kind="partial",
                                         clause_start=clause[0], clause_end=clause[1],
                                         parts=((out[j].start, out[j].end),))
        elif not any(b.start == cs and b.end == ce and not b.continued for b in out):
            # `…, adding, “Democracy is messy.”`: a whole quoted sentence after its verb
            before = text[max(0, pair.open - 10):pair.open].rstrip()[-1:]
            kind = "direct" if text[cs:cs + 1].isupper() and before in (",", ":") else "partial"
            added.append(Attribution(kind, cs, ce, clause[0], clause[1], cue,
                                     a.speaker_span, a.speaker, ((cs, ce),)))
    out.extend(added)
    out.sort(key=lambda a: (a.start, a.end))
    return out

"""The summary stage: a short neutral summary in which every sentence cites its articles, and a
timeline of dated events.

Order of the summary: what the sources agree on (the compare stage's consensus, then sentences
that several independent sources carry), then what is disputed with the sides named by outlet
("X and Y report hundreds of strikes; Z reports dozens"), then notable exclusives ("According
only to X, ..."). When compare found nothing, the summary is extractive: the most central
sentences, preferring content that several independent sources carry (copies of one wire text
count once). Wording passes through `summarize_neutral.Neutralizer`: loaded terms become plain
names or words, or stay only inside quote marks with the sentence attributed to its outlet.
Nothing here loads a model; all of it is rules over the earlier stages' findings.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from ..model import (
    Conflict,
    Consensus,
    Exclusive,
    Span,
    Story,
    StoryContext,
    SummarySentence,
)
from ..settings import Settings
from ..text import fold
from .neutral import Neutralizer, attribute, for_story, join_names, lower_first
from .select import (
    SAME_CONTENT,
    Candidate,
    candidates,
    content_terms,
    pick,
    score_candidates,
    similarity_to,
)
from .timeline import build_timeline

_KIND_VERB = {  # (plural, singular) verb phrase for one side of a conflict
    "quantity": ("report", "reports"),
    "other": ("report", "reports"),
    "attribution": ("attribute it to", "attributes it to"),
    "date": ("give the date as", "gives the date as"),
}
LOADED_PENALTY = 1.0  # score lost per loaded term: of two near equals, take the plainer
_ROLE_ORDER = {"consensus": 0, "context": 1, "conflict": 2, "exclusive": 3}


@dataclass(slots=True)
class _Draft:
    text: str
    article_ids: tuple[str, ...]
    role: str
    spans: tuple[Span, ...]
    terms: frozenset[str]
    rank: float  # order within a role


def summarize_story(ctx: StoryContext, settings: Settings) -> Story:
    """The story with `summary` and `timeline` filled (see module docstring)."""
    neutral = for_story(ctx)
    max_words = settings.summary_max_words or None  # 0: no cap
    summary = build_summary(ctx, settings.summary_sentences, neutral, max_words=max_words)
    timeline = build_timeline(ctx, neutral)
    return dataclasses.replace(ctx.story, summary=summary, timeline=timeline)


def build_summary(ctx: StoryContext, budget: int, neutral: Neutralizer | None = None,
                  attribute_single: bool = False, max_words: int | None = None
                  ) -> tuple[SummarySentence, ...]:
    """At most `budget` sentences (and, with `max_words`, about that many words: extractive
    sentences that would overflow are skipped for shorter ones). `attribute_single` attributes
    every sentence only one independent source carries (stricter; off by default: an
    uncontested fact is no side)."""
    neutral = neutral or for_story(ctx)
    story = ctx.story
    members = {a.id for a in ctx.articles} & set(story.article_ids or
                                                 [a.id for a in ctx.articles])
    cands = [c for c in candidates(ctx) if c.article_id in members]
    sim = score_candidates(ctx, cands)
    disputed = _disputed_values(story.conflicts)
    drafts: list[_Draft] = []

    n_conflicts = min(len(story.conflicts), max(1, budget // 3))
    # A summary shorter than five sentences has no room for what only one outlet reports.
    n_exclusive = min(_count_exclusive(story.exclusives), budget // 5)
    n_consensus = max(0, budget - n_conflicts - n_exclusive)

    in_dispute = _dispute_checker(story.conflicts)
    for cons in _ranked_consensus(story.consensus)[:n_consensus]:
        d = _consensus_draft(ctx, cons, cands, neutral, members, in_dispute)
        if d is not None and not _repeats(d, drafts):
            drafts.append(d)
    for conflict in _ranked_conflicts(story.conflicts)[:n_conflicts]:
        d = _conflict_draft(ctx, conflict, neutral, members)
        if d is not None:
            drafts.append(d)
    exclusive_drafts: list[_Draft] = []
    for ex in _ranked_exclusives(story.exclusives, cands):
        if len(exclusive_drafts) >= n_exclusive:
            break
        d = _exclusive_draft(ctx, ex, cands, neutral, members)
        if d is not None and not _repeats(d, drafts + exclusive_drafts):
            exclusive_drafts.append(d)

    # Fill the rest of the budget extractively, around what is already said.
    room = budget - len(drafts) - len(exclusive_drafts)
    if room > 0 and cands:
        penalty = {c.vector_row: LOADED_PENALTY * len(neutral.loaded_in(c.text))
                   + (0.2 if _touches(c.text, disputed) else 0.0) for c in cands}
        said = [c for c in cands if _covered(c, drafts + exclusive_drafts)]
        # Sentences holding a disputed value are left to the conflict sentence, which names
        # every side; stated alone they would take one side.
        pool = [c for c in cands if not (drafts_have_conflict(drafts) and (
            _touches(c.text, disputed) or in_dispute(c)))]
        used = sum(len(d.text.split()) for d in drafts + exclusive_drafts)
        for c in pick(pool, sim, room, chosen=said, penalty=penalty, max_words=max_words,
                      used_words=used):
            drafts.append(_extractive_draft(ctx, c, cands, sim, neutral, disputed,
                                            attribute_single or in_dispute(c)))
    drafts.extend(exclusive_drafts)
    drafts.sort(key=lambda d: (_ROLE_ORDER[d.role], d.rank))
    return tuple(SummarySentence(text=d.text, article_ids=d.article_ids, role=d.role,  # type: ignore[arg-type]
                                 spans=d.spans) for d in drafts[:budget])


# --- consensus -------------------------------------------------------------------------------


def _ranked_consensus(items: tuple[Consensus, ...]) -> list[Consensus]:
    return sorted(items, key=lambda c: (-c.independent_sources, -len(c.article_ids), c.text))


def _sentence_at(cands: list[Candidate], span: Span) -> Candidate | None:
    for c in cands:
        if c.article_id == span.article_id and c.start < max(span.end, span.start + 1) \
                and span.start < c.end:
            return c
    return None


def _consensus_draft(ctx: StoryContext, cons: Consensus, cands: list[Candidate],
                     neutral: Neutralizer, members: set[str],
                     in_dispute: Callable[[Candidate], bool]) -> _Draft | None:
    ids = tuple(sorted(i for i in cons.article_ids if i in members))
    if not ids:
        return None
    options = [c for c in (_sentence_at(cands, s) for s in cons.spans) if c is not None]
    if options and all(in_dispute(c) for c in options):
        # Agreed in substance, but every version holds something disputed (a quote whose
        # speaker differs by outlet, a number): the conflict sentence speaks for it.
        return None
    options = [c for c in options if not in_dispute(c)]
    if options:
        # The plainest version: fewest loaded terms, then the most central.
        best = min(options, key=lambda c: (len(neutral.loaded_in(c.text)), -c.score,
                                           c.article_id, c.start))
        text = best.text
        spans = tuple(sorted({Span(c.article_id, c.start, c.end) for c in options},
                             key=lambda s: (s.article_id, s.start, s.end)))
    else:
        text = _as_sentence(cons.text)
        spans = tuple(s for s in cons.spans if s.article_id in members)
    rewrite = neutral.rewrite(text)
    out = rewrite.text
    if rewrite.needs_attribution:
        out = attribute(out, _outlets(ctx, ids), neutral.common)
    # The compare stage's consensus goes before extractive sentences that several carry.
    return _Draft(out, ids, "consensus", spans, frozenset(content_terms(text)),
                  -1000.0 - cons.independent_sources)


# --- conflicts -------------------------------------------------------------------------------


def _ranked_conflicts(items: tuple[Conflict, ...]) -> list[Conflict]:
    def size(c: Conflict) -> int:
        return len({i for v in c.versions for i in v.article_ids})
    return sorted((c for c in items if len(c.versions) >= 2),
                  key=lambda c: (-size(c), c.kind, c.about))


def _conflict_draft(ctx: StoryContext, conflict: Conflict, neutral: Neutralizer,
                    members: set[str]) -> _Draft | None:
    plural, singular = _KIND_VERB.get(conflict.kind, _KIND_VERB["other"])
    about = " ".join(conflict.about.split())
    if conflict.kind == "other" and about.startswith("who "):
        plural, singular = "name", "names"  # versions are actors
    sides = []
    ids: set[str] = set()
    spans: list[Span] = []
    versions = sorted(conflict.versions, key=lambda v: (-len(v.article_ids), v.value))
    for v in versions:
        v_ids = [i for i in v.article_ids if i in members]
        if not v_ids or not v.value.strip():
            continue
        labels = sorted({ctx.article(i).outlet_label for i in v_ids})
        verb = plural if len(labels) > 1 else singular
        value = _readable_date(v.value) if conflict.kind == "date" else v.value
        value = neutral.rewrite(" ".join(value.split())).text.rstrip(".")
        sides.append(f"{join_names(labels)} {verb} {value}")
        ids.update(v_ids)
        spans.extend(s for s in v.spans if s.article_id in members)
    if len(sides) < 2:
        return None
    text = _conflict_lead(neutral.rewrite(about).text.strip().rstrip("."), neutral) \
        + "; ".join(sides) + "."
    return _Draft(text, tuple(sorted(ids)), "conflict", tuple(spans),
                  frozenset(content_terms(text)), -float(len(ids)))


def _conflict_lead(about: str, neutral: Neutralizer) -> str:
    """"Accounts differ on how many strikes: ", or with the claim in question quoted when the
    compare stage gave one after a colon ("when: The talks began ...")."""
    if not about:
        return "Accounts differ: "
    head, sep, detail = about.partition(": ")
    if sep and detail:
        return f"Accounts differ on {lower_first(head, neutral.common)} (“{detail}”): "
    return f"Accounts differ on {lower_first(about, neutral.common)}: "


_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December")


def _readable_date(value: str) -> str:
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value.strip())
    if m is None or not 1 <= int(m.group(2)) <= 12:
        return value
    return f"{_MONTH_NAMES[int(m.group(2)) - 1]} {int(m.group(3))}, {m.group(1)}"


def _dispute_checker(conflicts: tuple[Conflict, ...]) -> Callable[[Candidate], bool]:
    """Whether a sentence holds the evidence of a conflict (a version's span lies in it)."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for c in conflicts:
        for v in c.versions:
            for sp in v.spans:
                spans.setdefault(sp.article_id, []).append((sp.start, sp.end))

    def check(c: Candidate) -> bool:
        return any(s < c.end and c.start < e for s, e in spans.get(c.article_id, ()))
    return check


def drafts_have_conflict(drafts: list[_Draft]) -> bool:
    return any(d.role == "conflict" for d in drafts)


def _disputed_values(conflicts: tuple[Conflict, ...]) -> list[str]:
    return [fold(v.value) for c in conflicts for v in c.versions if len(fold(v.value)) >= 3]


def _touches(text: str, disputed: list[str]) -> bool:
    folded = f" {fold(text)} "
    return any(f" {v} " in folded for v in disputed)


# --- exclusives ------------------------------------------------------------------------------


def _count_exclusive(items: tuple[Exclusive, ...]) -> int:
    return sum(1 for e in items if e.kind == "exclusive")


def _ranked_exclusives(items: tuple[Exclusive, ...], cands: list[Candidate]) -> list[Exclusive]:
    def notability(e: Exclusive) -> float:
        # Concrete content (numbers, names) and centrality to the story make it notable.
        sims = similarity_to(e.text, cands) if cands else [0.0]
        centrality = max((c.centrality for c, s in zip(cands, sims, strict=True) if s >= 0.6),
                         default=0.0)
        concrete = len(re.findall(r"\d", e.text)) > 0
        names = len(re.findall(r"(?<!^)(?<![.!?] )\b[A-Z][a-z]+", e.text))
        return centrality + 0.3 * concrete + 0.1 * min(names, 3)
    chosen = [e for e in items if e.kind == "exclusive"]
    return sorted(chosen, key=lambda e: (-notability(e), e.article_id, e.start or 0, e.text))


def _exclusive_draft(ctx: StoryContext, ex: Exclusive, cands: list[Candidate],
                     neutral: Neutralizer, members: set[str]) -> _Draft | None:
    if ex.article_id not in members:
        return None
    text = _as_sentence(ex.text)
    spans: tuple[Span, ...] = ()
    if ex.start is not None and ex.end is not None:
        spans = (Span(ex.article_id, ex.start, ex.end),)
        at = _sentence_at(cands, spans[0])
        if at is not None and len(text.split()) < 4:
            text = at.text
    if not text:
        return None
    outlet = ctx.article(ex.article_id).outlet_label
    body = neutral.rewrite(text).text
    text_out = f"According only to {outlet}, {lower_first(body, neutral.common)}"
    return _Draft(text_out, (ex.article_id,), "exclusive", spans,
                  frozenset(content_terms(text)), 0.0)


# --- extractive ------------------------------------------------------------------------------


def _extractive_draft(ctx: StoryContext, c: Candidate, cands: list[Candidate], sim: np.ndarray,
                      neutral: Neutralizer, disputed: list[str],
                      attribute_single: bool) -> _Draft:
    supporters = set(c.supporters)
    spans = {Span(c.article_id, c.start, c.end)}
    for j in np.nonzero(sim[c.vector_row] >= SAME_CONTENT)[0]:
        other = cands[int(j)]
        if other.article_id in supporters:
            spans.add(Span(other.article_id, other.start, other.end))
    rewrite = neutral.rewrite(c.text)
    text = rewrite.text
    shared = c.support >= 2
    if rewrite.needs_attribution or _touches(c.text, disputed) or (attribute_single
                                                                   and not shared):
        text = attribute(text, _outlets(ctx, sorted(supporters)), neutral.common)
    role = "consensus" if shared and not _touches(c.text, disputed) else "context"
    rank = -c.support * 10.0 + c.position * 0.01 - c.score
    return _Draft(text, tuple(sorted(supporters)), role,
                  tuple(sorted(spans, key=lambda s: (s.article_id, s.start, s.end))),
                  frozenset(c.terms), rank)


# --- helpers ---------------------------------------------------------------------------------


def _outlets(ctx: StoryContext, ids) -> str:
    return join_names(sorted({ctx.article(i).outlet_label for i in ids}))


def _as_sentence(text: str) -> str:
    text = " ".join(text.split())
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?\"”’" else text + "."


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / (len(a) * len(b)) ** 0.5 if a and b else 0.0


def _repeats(d: _Draft, drafts: list[_Draft]) -> bool:
    return any(_overlap(d.terms, o.terms) >= SAME_CONTENT for o in drafts)


def _covered(c: Candidate, drafts: list[_Draft]) -> bool:
    terms = frozenset(c.terms)
    return any(Span(c.article_id, c.start, c.end) in d.spans or _overlap(terms, d.terms)
               >= SAME_CONTENT for d in drafts)


__all__ = ["build_summary", "summarize_story"]

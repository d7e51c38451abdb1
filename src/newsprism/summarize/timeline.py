"""The story's timeline: dated events, one entry per calendar day and event.

Dates come from the extract stage, already resolved to calendar days (`DateRef.date`): every
date in `facts.dates` and in the story's claims. The event is the sentence that holds the date.
Entries for the same day whose sentences carry the same content (across outlets, or repeated in
one article) are merged: one entry, every article id and span that reports it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..model import DateRef, Span, StoryContext, TimelineEntry
from ..text import dice, word_count
from .neutral import Neutralizer, attribute, for_story, name_outlets
from .select import MAX_WORDS, article_sentences, content_terms
from .standalone import furniture, strip_dateline

MIN_EVENT_WORDS = 4  # words besides the date itself: "July 8, 2020 Posted on" is not an event
SAME_EVENT = 0.3  # term overlap (Dice) at which two sentences of one day are one event
HEADLINE_CAPS = 0.6  # a "sentence" this share of whose words are capitalised is a headline


@dataclass(slots=True)
class _Event:
    date: str
    text: str
    terms: set[str]
    spans: list[Span]
    article_ids: list[str]


def _headline(text: str) -> bool:
    ws = [w for w in text.split() if w[:1].isalpha()]
    return bool(ws) and sum(w[0].isupper() for w in ws) / len(ws) >= HEADLINE_CAPS


def _date_refs(ctx: StoryContext) -> list[DateRef]:
    refs: dict[tuple[str, int, int], DateRef] = {}
    for facts in ctx.facts:
        for d in facts.dates:
            refs.setdefault((d.article_id, d.start, d.end), d)
    for claim in ctx.story.claims:
        for d in claim.dates:
            refs.setdefault((d.article_id, d.start, d.end), d)
    members = {a.id for a in ctx.articles}
    return [d for d in refs.values() if d.article_id in members and d.granularity == "day"]


def build_timeline(ctx: StoryContext, neutral: Neutralizer | None = None) -> tuple[TimelineEntry,
                                                                                   ...]:
    neutral = neutral or for_story(ctx)
    by_article = {a.id: a for a in ctx.articles}
    sentences = {a.id: article_sentences(ctx, a) for a in ctx.articles}
    events: dict[str, list[_Event]] = defaultdict(list)
    for ref in sorted(_date_refs(ctx), key=lambda d: (d.date, d.article_id, d.start)):
        article = by_article[ref.article_id]
        sent = next((s for s in sentences[ref.article_id]
                     if s.start <= ref.start and ref.end <= s.end), None)
        if sent is None:
            continue
        raw = article.text[sent.start:sent.end]
        text = strip_dateline(" ".join(raw.split()))
        if furniture(text):
            continue
        n_words = word_count(text) - word_count(ref.text)
        if n_words < MIN_EVENT_WORDS or n_words > MAX_WORDS or _headline(text):
            continue
        terms = set(content_terms(text)) - set(content_terms(ref.text))
        span = Span(ref.article_id, sent.start, sent.end)
        same = next((e for e in events[ref.date] if dice(e.terms, terms) >= SAME_EVENT), None)
        if same is None:
            events[ref.date].append(_Event(ref.date, text, terms, [span], [ref.article_id]))
            continue
        if span not in same.spans:
            same.spans.append(span)
        if ref.article_id not in same.article_ids:
            same.article_ids.append(ref.article_id)
            # The version with fewest loaded terms speaks for the merged entry.
            if len(neutral.loaded_in(text)) < len(neutral.loaded_in(same.text)):
                same.text = text
    out = []
    for day in sorted(events):
        for e in events[day]:
            rewrite = neutral.rewrite(e.text)
            text = rewrite.text
            if rewrite.needs_attribution:
                text = attribute(text, name_outlets([by_article[i] for i in e.article_ids]),
                                 neutral.common)
            out.append(TimelineEntry(date=day, text=text, article_ids=tuple(sorted(e.article_ids)),
                                     spans=tuple(sorted(e.spans, key=lambda s: (
                                         s.article_id, s.start)))))
    out.sort(key=lambda t: (t.date, -len(t.article_ids), t.text))
    return tuple(out)

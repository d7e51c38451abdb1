"""The story's timeline: dated events, one entry per event and day, whole sentences only, the
story's own events apart from the background it recalls.

Dates come from the extract stage, already resolved to calendar days (`DateRef.date`): every
date in `facts.dates` and in the story's claims. The event is the sentence that holds the date,
cut at paragraph breaks (`select.article_sentences`: never two paragraphs spliced) and made to
stand alone as summary sentences are (`standalone.Resolver`: no dateline, no pronoun without
its person, a page-cut end trimmed at a clause break or the line dropped). A sentence naming
several days is one entry, under the first day it names. Entries of one day whose sentences
carry the same content (across outlets, or repeated in one article) are merged: one entry,
every article id and span that reports it. Every entry passes the summary's support check
against its cited spans, or is left out.

Background: an event dated more than BACKGROUND_DAYS before the story's first publish day, or
dated before that day and told as earlier ("had signed", "earlier", "last year", "ago").
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date as Date
from datetime import timedelta

from ..model import DateRef, Span, StoryContext, TimelineEntry
from ..text import dice, word_count
from .neutral import Neutralizer, attribute, for_story, name_outlets, outlet_name
from .select import MAX_WORDS, article_sentences, content_terms, headless, plain_sentence
from .standalone import Resolver
from .support import check, evidence_for, frame_vocabulary, lower_vocabulary

MIN_EVENT_WORDS = 4  # words besides the date itself: "July 8, 2020 Posted on" is not an event
SAME_EVENT = 0.3  # term overlap (Dice) at which two sentences of one day are one event
HEADLINE_CAPS = 0.6  # a "sentence" this share of whose words are capitalised is a headline
# An event this many days before the story's first article is background the story recalls
# (news reports what happened in the last days; a week covers a weekly's lag).
BACKGROUND_DAYS = 7
# Told as earlier than the story's time: past perfect, "earlier", "last year", "ago".
_EARLIER = re.compile(r"\b(?:had\s+(?:not\s+|already\s+|previously\s+|also\s+|just\s+)?"
                      r"(?:been|[a-z]+(?:ed|en|wn|t))|earlier|previously|last\s+(?:year|month|"
                      r"week|spring|summer|autumn|fall|winter)|(?:days|weeks|months|years)\s+"
                      r"ago|in\s+the\s+past)\b", re.IGNORECASE)


@dataclass(slots=True)
class _Version:
    text: str
    spans: tuple[Span, ...]  # the sentence, and where names put in are written
    article_id: str


@dataclass(slots=True)
class _Event:
    date: str
    background: bool
    terms: set[str]
    versions: list[_Version] = field(default_factory=list)

    @property
    def article_ids(self) -> list[str]:
        return list(dict.fromkeys(v.article_id for v in self.versions))


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


def _parse_day(value: str | None) -> Date | None:
    try:
        return Date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def background(day: str, text: str, first_published: Date | None) -> bool:
    """Whether an event of `day`, told in `text`, is background to a story whose first
    article appeared on `first_published` (None: unknown, then only the wording tells)."""
    when = _parse_day(day)
    earlier = _EARLIER.search(text) is not None
    if when is None or first_published is None:
        return earlier
    if when < first_published - timedelta(days=BACKGROUND_DAYS):
        return True
    return earlier and when < first_published


def build_timeline(ctx: StoryContext, neutral: Neutralizer | None = None) -> tuple[TimelineEntry,
                                                                                   ...]:
    neutral = neutral or for_story(ctx)
    by_article = {a.id: a for a in ctx.articles}
    sentences = {a.id: article_sentences(ctx, a) for a in ctx.articles}
    published = [d for a in ctx.articles if (d := _parse_day(a.published_date)) is not None]
    first_published = min(published) if published else None
    resolver = Resolver(ctx)
    # One sentence, one entry: the refs of a sentence are gathered, it goes under the first.
    held: dict[tuple[str, int, int], list[DateRef]] = defaultdict(list)
    for ref in sorted(_date_refs(ctx), key=lambda d: (d.article_id, d.start)):
        sent = next((s for s in sentences[ref.article_id]
                     if s.start <= ref.start and ref.end <= s.end), None)
        if sent is not None:
            held[(ref.article_id, sent.start, sent.end)].append(ref)
    events: dict[tuple[str, bool], list[_Event]] = defaultdict(list)
    for (aid, start, end), refs in sorted(held.items()):
        ref = refs[0]
        raw = plain_sentence(" ".join(by_article[aid].text[start:end].split()))
        if headless(raw):
            continue
        st = resolver.resolve(raw, aid, start, end)
        if st is None:
            continue
        text = st.text
        n_words = word_count(text) - word_count(ref.text)
        if n_words < MIN_EVENT_WORDS or n_words > MAX_WORDS or _headline(text):
            continue
        terms = set(content_terms(text)) - set(content_terms(ref.text))
        key = (ref.date, background(ref.date, text, first_published))
        version = _Version(text, (Span(aid, start, end), *st.spans), aid)
        same = next((e for e in events[key] if dice(e.terms, terms) >= SAME_EVENT), None)
        if same is None:
            events[key].append(_Event(ref.date, key[1], terms, [version]))
        else:
            same.versions.append(version)
    lower = lower_vocabulary(a.text for a in ctx.articles)
    frame = frame_vocabulary(n for a in ctx.articles if (n := outlet_name(a)))
    out = []
    for key in sorted(events):
        for e in events[key]:
            entry = _entry(ctx, e, neutral, lower, frame)
            if entry is not None:
                out.append(entry)
    out.sort(key=lambda t: (not t.background, t.date, -len(t.article_ids), t.text))
    return tuple(out)


def _entry(ctx: StoryContext, e: _Event, neutral: Neutralizer, lower: frozenset[str],
           frame: frozenset[str]) -> TimelineEntry | None:
    """The event told by its plainest version (fewest loaded terms) that its spans support,
    citing every article that reports it."""
    spans = sorted({sp for v in e.versions for sp in v.spans},
                   key=lambda s: (s.article_id, s.start, s.end))
    ids = tuple(sorted(e.article_ids))
    for v in sorted(e.versions, key=lambda v: (len(neutral.loaded_in(v.text)), v.article_id)):
        rewrite = neutral.rewrite(v.text)
        text = rewrite.text
        if rewrite.needs_attribution:
            text = attribute(text, name_outlets([ctx.article(i) for i in ids]), neutral.common)
        evidence, derived = evidence_for(ctx, v.spans, neutral)
        if check(text, evidence, derived, lower, frame).ok:
            return TimelineEntry(date=e.date, text=text, article_ids=ids, spans=tuple(spans),
                                 background=e.background)
    return None

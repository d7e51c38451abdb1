"""A summary sentence's evidence: the names of the entities mentioned inside its spans and the
dates resolved inside them. `support.Evidence` finds them by bisection over each
article's mentions and dates sorted by start, made once per story; before (stop 36) every
draft tried every mention and date of the story, so one 200,000-character article's summary
grew with the square of its length (issue 23, h-few12). The answer must be the one that pass
gives: the same evidence and derived words, in the same order."""

from __future__ import annotations

import random
from types import SimpleNamespace

from newsprism.model import (
    Article,
    ArticleFacts,
    DateRef,
    Entity,
    Mention,
    Span,
    Story,
    StoryContext,
)
from newsprism.summarize.support import Evidence, evidence_for, readable_date


class _NoRewrite:
    def rewrite(self, text):
        return SimpleNamespace(replaced=())


def _inside(start, end, spans):
    return any(s.start <= start and end <= max(s.end, s.start + 1) for s in spans)


def _reference(ctx, spans):  # the pass over every mention and date, as before
    by_article: dict[str, list[Span]] = {}
    for sp in spans:
        by_article.setdefault(sp.article_id, []).append(sp)
    evidence, derived = [], []
    texts = {a.id: a.text for a in ctx.articles}
    for aid, sps in by_article.items():
        if aid not in texts:
            continue
        evidence.extend(texts[aid][s.start:s.end] for s in sps)
        facts = ctx.facts_for(aid)
        derived.extend(f"{readable_date(d.date)} {d.date}" for d in facts.dates
                       if _inside(d.start, d.end, sps))
    for e in ctx.story.entities:
        if any(_inside(m.start, m.end, by_article.get(m.article_id, ())) for m in e.mentions):
            evidence.extend((e.name, *e.aliases))
    return evidence, derived


def _story(rng: random.Random, n_articles: int = 3, length: int = 400) -> StoryContext:
    ids = [f"a{i}" for i in range(n_articles)]
    arts = tuple(Article(id=i, source="t", text="".join(rng.choice("ab .") for _ in
                                                         range(length))) for i in ids)

    def place() -> tuple[int, int]:
        start = rng.randrange(length)
        end = start + rng.choice([0, 1, 2, 5, 20, 60])  # empty places too
        return (end, start) if rng.random() < 0.03 else (start, end)  # and a reversed one

    entities = []
    for k in range(rng.randrange(1, 12)):
        mentions = tuple(Mention(aid, *place(), text="x", label="PERSON")
                         for aid in rng.sample(ids + ["elsewhere"], 2)
                         for _ in range(rng.randrange(0, 6)))
        entities.append(Entity(id=f"e{k}", name=f"Name{k}", type="PERSON",
                               aliases=(f"Alias{k}",) * (k % 2), mentions=mentions))
    facts = tuple(ArticleFacts(article_id=aid, dates=tuple(
        DateRef(aid, *place(), text="then", date=f"2024-0{rng.randrange(1, 10)}-1{j % 10}")
        for j in range(rng.randrange(0, 15)))) for aid in ids)
    story = Story(id="s", title="t", article_ids=tuple(ids), entities=tuple(entities))
    return StoryContext(story=story, articles=arts, facts=facts)


def test_evidence_found_by_the_index_equals_every_mention_and_date_tried():
    rng = random.Random(7)
    tried = found = 0
    for _ in range(60):
        ctx = _story(rng)
        kept = Evidence(ctx, _NoRewrite())  # one per story, asked many times
        ids = [a.id for a in ctx.articles] + ["not-in-story"]
        for _ in range(25):
            spans = []
            for _ in range(rng.randrange(1, 5)):
                start = rng.randrange(400)
                spans.append(Span(rng.choice(ids), start,
                                  start + rng.choice([0, 1, 3, 30, 120, 400])))
            want = _reference(ctx, spans)
            assert kept.of(spans) == want
            assert evidence_for(ctx, spans, _NoRewrite()) == want  # made on the spot
            tried += 1
            found += bool(want[1]) and len(want[0]) > len(spans)
    assert found > tried // 4, "the random spans hold mentions and dates to find"


"""Invariants of compare_story over generated stories: every citation exists, versions of a
conflict never share an article, independent sources never exceed the articles."""

from __future__ import annotations

import dataclasses

from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from newsprism.compare.story import compare_story
from newsprism.model import (
    Article,
    ArticleFacts,
    Claim,
    Quantity,
    Quote,
    Reuse,
    Story,
    StoryContext,
)
from newsprism.settings import Settings
from newsprism.text import stable_id

WORDS = ["strikes", "airstrikes", "troops", "protesters", "talks", "deal", "signed", "army",
         "border", "minister", "said", "dozens", "hundreds", "city", "river", "police"]
VAGUE = {"dozens": (24, 99), "hundreds": (200, 999)}


@st.composite
def stories(draw):
    n = draw(st.integers(2, 4))
    arts, facts = [], []
    for k in range(n):
        sentences = draw(st.lists(st.lists(st.sampled_from(WORDS), min_size=5, max_size=12),
                                  min_size=1, max_size=4))
        text = " ".join(" ".join(s).capitalize() + "." for s in sentences)
        aid = f"a{k}"
        claims, quotes, pos = [], [], 0
        for s in sentences:
            sent = " ".join(s).capitalize() + "."
            start = text.index(sent, pos)
            end = start + len(sent)
            pos = end
            qs = []
            for w in s:
                if w in VAGUE:
                    i = text.index(w.capitalize() if sent.startswith(w.capitalize()) else w,
                                   start)
                    qs.append(Quantity(aid, i, i + len(w), w, *VAGUE[w], unit="strike"))
                    break
            claims.append(Claim(stable_id(aid, str(start)), aid, start, end, sent,
                                predicate=s[1], quantities=tuple(qs)))
            quotes.append(Quote(stable_id(aid, "q", str(start)), aid, start, end, sent,
                                "direct", speaker=draw(st.sampled_from(["Ana Vale", "Ben Ruiz"]))))
        arts.append(Article(id=aid, source=aid, text=text, outlet=f"o{k % 3}"))
        facts.append(ArticleFacts(article_id=aid, claims=tuple(claims), quotes=tuple(quotes)))
    reuse = ()
    if n > 2 and draw(st.booleans()):
        reuse = (Reuse(a="a0", b="a1", share_a=0.9, share_b=0.9, origin="a0",
                       near_duplicate=True),)
    story = Story(id="s", title="t", article_ids=tuple(a.id for a in arts))
    return StoryContext(story=story, articles=tuple(arts), facts=tuple(facts), reuse=reuse)


@hsettings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(stories())
def test_every_citation_exists_and_counts_are_bounded(ctx):
    story = compare_story(ctx, Settings())
    texts = {a.id: a.text for a in ctx.articles}
    spans = [s for c in story.conflicts for v in c.versions for s in v.spans]
    spans += [s for c in story.consensus for s in c.spans]
    spans += [s for t in story.tones for s in t.spans]
    for s in spans:
        assert s.article_id in texts and 0 <= s.start < s.end <= len(texts[s.article_id])
    for c in story.conflicts:
        held = [set(v.article_ids) for v in c.versions]
        assert len(held) >= 2
        assert all(not (held[i] & held[j]) for i in range(len(held))
                   for j in range(i + 1, len(held)))
        assert all(1 <= v.independent_sources <= len(v.article_ids) for v in c.versions)
    for agreed in story.consensus:
        assert 2 <= agreed.independent_sources <= len(agreed.article_ids)
    for e in story.exclusives:
        assert e.article_id in texts
        if e.start is not None:
            assert texts[e.article_id][e.start:e.end] == e.text


@hsettings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(stories(), st.integers(0, 3))
def test_a_story_of_one_article_has_only_tones(ctx, pick):
    """compare_story skips the comparisons for a single article: the full path must find
    nothing there either (the same sentence twice, with different speakers, included)."""
    from newsprism.compare.story import _compare

    k = pick % len(ctx.articles)
    art, facts = ctx.articles[k], ctx.facts[k]
    doubled = dataclasses.replace(facts, claims=facts.claims * 2, quotes=facts.quotes * 2)
    for f in (facts, doubled):
        one = StoryContext(story=dataclasses.replace(ctx.story, article_ids=(art.id,)),
                           articles=(art,), facts=(f,), reuse=())
        assert compare_story(one, Settings()) == _compare(one)

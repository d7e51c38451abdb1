"""The summary's speed cuts leave it as it was (issue 25, round 12): `support.Evidence` keeps
what it finds per span and per text and must give the lists a fresh search gives; the
extractive part makes a candidate's draft only when `pick` reaches it, which must pick what
drafting every candidate first picked."""

from __future__ import annotations

import random
import re
from types import SimpleNamespace

import numpy as np

import newsprism.summarize.story as story_module
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
from newsprism.pipeline import analyze, process_articles
from newsprism.summarize.neutral import for_story
from newsprism.summarize.select import Candidate, pick
from newsprism.summarize.support import Evidence, evidence_for, readable_date

_TEXTS = [
    "The Orrin dam above Kelby burst on Tuesday night after three days of rain, flooding 240 "
    "homes, the town council said. Mayor Ada Finch said 40 residents were taken to the school "
    "gym on March 5. Emergency crews worked through the night to reach farms north of the town. "
    "The regime in Kelby blamed the thugs who cut the levee. Finch thanked the crews.",
    "The Orrin dam above Kelby burst on Tuesday night, flooding 240 homes, according to the "
    "town council. Mayor Ada Finch said 40 residents spent the night in the school gym. Repairs "
    "to the dam had been approved in 2019 but never began, council records show. Ada Finch "
    "will visit the farms on Friday.",
    "Floodwater reached 240 homes in Kelby after the Orrin dam burst on Tuesday night. The "
    "army sent two boats to the farms north of the town, and Mayor Ada Finch called the flood "
    "the worst in 40 years. Repairs to the dam had been approved in 2019 but never began. "
    "The Kelby council meets on March 9 to discuss the repairs.",
]


def _articles() -> list[Article]:
    return [Article(id=f"a{i}", source="t", outlet=f"Outlet {i}", published="2024-03-06",
                    title="Dam bursts above Kelby", text=text) for i, text in enumerate(_TEXTS)]


def _inside(start, end, spans):  # the search before round 12, per call
    return any(s.start <= start and end <= max(s.end, s.start + 1) for s in spans)


def _reference(ctx, spans, neutral):
    by_article: dict[str, list[Span]] = {}
    for sp in spans:
        by_article.setdefault(sp.article_id, []).append(sp)
    evidence: list[str] = []
    derived: list[str] = []
    texts = {a.id: a.text for a in ctx.articles}
    for aid, sps in by_article.items():
        if aid not in texts:
            continue
        parts = [texts[aid][s.start:s.end] for s in sps]
        evidence.extend(parts)
        for part in parts:
            derived.extend(plain for _, plain in neutral.rewrite(part).replaced)
        try:
            facts = ctx.facts_for(aid)
        except KeyError:
            continue
        derived.extend(f"{readable_date(d.date)} {d.date}" for d in facts.dates
                       if _inside(d.start, d.end, sps))
    for e in ctx.story.entities:
        if any(_inside(m.start, m.end, by_article.get(m.article_id, ())) for m in e.mentions):
            evidence.extend((e.name, *e.aliases))
    return evidence, derived


def test_evidence_kept_per_span_equals_a_fresh_search(settings):
    arts = _articles()
    processed = process_articles(arts, settings)
    report = analyze(arts, settings)
    (story,) = report.stories
    assert story.entities, "the story has entities whose names count as evidence"
    ctx = StoryContext(story, tuple(a for a, _ in processed), tuple(f for _, f in processed))
    assert any(f.dates for f in ctx.facts), "the articles have resolved dates"
    neutral = for_story(ctx)
    sentences = [Span(f.article_id, s.start, s.end) for f in ctx.facts for s in f.sentences]
    words = [Span(a.id, m.start(), m.end()) for a in ctx.articles
             for m in re.finditer(r"\w+", a.text)]
    rng = random.Random(12)
    pools = [[s] for s in sentences] + [[w] for w in words[:60]]
    pools += [rng.sample(sentences, k) for k in (2, 3, 5) for _ in range(30)]
    pools += [[Span("a1", 5, 5), Span("elsewhere", 0, 40), sentences[0], sentences[0]]]
    kept = Evidence(ctx, neutral)
    found_names = found_dates = 0
    for spans in pools + pools:  # twice: the second time from what `kept` holds
        expected = _reference(ctx, spans, neutral)
        assert kept.of(spans) == expected
        assert kept.of(iter(spans)) == expected  # spans given once, as a generator
        found_names += any(e.name in expected[0] for e in story.entities)
        found_dates += any(" 2024-" in d for d in expected[1])
    assert found_names and found_dates, "the cases reach entity names and dates"


def _candidates(rng: random.Random, n: int) -> tuple[list[Candidate], np.ndarray]:
    cands = [Candidate(article_id=f"a{rng.randrange(3)}", start=10 * i, end=10 * i + 9,
                       text=" ".join(["word"] * rng.randrange(3, 30)), position=i, outlet="o",
                       terms=(), score=rng.random(), vector_row=i) for i in range(n)]
    sim = np.array([[rng.random() for _ in range(n)] for _ in range(n)])
    return cands, sim


def _asking(drafts: dict[int, int | None], asked: list[int]):  # noqa: ANN202
    def words(c: Candidate) -> int | None:
        asked.append(c.vector_row)
        return drafts[c.vector_row]
    return words


def test_pick_asking_for_words_picks_what_drafting_every_candidate_first_picked():
    rng = random.Random(5)
    for _ in range(300):
        n = rng.randrange(1, 25)
        cands, sim = _candidates(rng, n)
        drafts = {c.vector_row: rng.randrange(3, 40) if rng.random() > 0.3 else None
                  for c in cands}
        chosen = rng.sample(cands, rng.randrange(0, 3)) if n > 3 else []
        penalty = {c.vector_row: rng.random() / 2 for c in cands}
        k, cap, used = rng.randrange(1, 6), rng.choice([None, 40, 80]), rng.randrange(0, 30)
        eager = pick([c for c in cands if drafts[c.vector_row] is not None], sim, k,
                     chosen=chosen, penalty=penalty, max_words=cap, used_words=used,
                     lengths={r: w for r, w in drafts.items() if w is not None})
        asked: list[int] = []
        lazy = pick(cands, sim, k, chosen=chosen, penalty=penalty, max_words=cap,
                    used_words=used, words=_asking(drafts, asked))
        assert [c.vector_row for c in lazy] == [c.vector_row for c in eager]
        assert len(asked) == len(set(asked))


def test_the_summary_drafts_only_the_candidates_pick_reaches(settings, monkeypatch):
    made: list[int] = []
    real = story_module._extractive_draft

    def counting(ctx, c, *args, **kwargs):
        made.append(c.vector_row)
        return real(ctx, c, *args, **kwargs)
    monkeypatch.setattr(story_module, "_extractive_draft", counting)
    report = analyze(_articles(), settings)
    (story,) = report.stories
    sentences = sum(text.count(". ") + 1 for text in _TEXTS)
    assert story.summary, "the story has a summary"
    assert made, "the extractive part ran"
    # Before round 12 every candidate of the pool was drafted (one per sentence here).
    assert len(made) < sentences - 3


def _fold_char_by_char(text: str) -> str:  # text.fold before round 12
    import unicodedata

    from newsprism.text import _FOLD_WORD

    if text.isascii():
        return " ".join(_FOLD_WORD.findall(text.lower()))
    decomposed = unicodedata.normalize("NFKD", text)
    no_marks = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_FOLD_WORD.findall(no_marks.lower()))


def test_fold_looks_up_only_characters_that_can_combine():
    from newsprism.text import fold

    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    chunks = [every[i:i + 4000] for i in range(0, len(every), 4000)]
    rng = random.Random(3)
    made = ["".join(rng.choice("aé\u0301\u0327ñ ßŒﬁ²\u2019x") for _ in range(40))
            for _ in range(500)]
    for text in chunks + made + ["Ｆｕｌｌ ｗｉｄｔｈ Łódź São Tomé", "naïve café"]:
        assert fold.__wrapped__(text) == _fold_char_by_char(text)
    assert fold("São Tomé ’s") == "sao tome s"


class _NoRewrite:
    def rewrite(self, text):
        return SimpleNamespace(replaced=())


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


def test_evidence_found_by_bisection_equals_every_mention_and_date_tried():
    """Random stories with reversed and empty places (h-few12, issue 23: a pass over every
    mention per sentence made one long article's summary grow with the square of its length)."""
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
            want = _reference(ctx, spans, _NoRewrite())
            assert kept.of(spans) == want
            assert evidence_for(ctx, spans, _NoRewrite()) == want  # made on the spot
            tried += 1
            found += bool(want[1]) and len(want[0]) > len(spans)
    assert found > tried // 4, "the random spans hold mentions and dates to find"


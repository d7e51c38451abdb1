"""The seeds (five outlets on one event) form one story; runs only when the seeds exist."""

from __future__ import annotations

from newsprism.eval.stories_facts import fast_facts
from newsprism.model import Article
from newsprism.stories.cluster import cluster
from newsprism.stories.streaming import StoryIndex


def test_seeds_form_one_story(seeds_dir, nlp, settings) -> None:
    arts = [Article(id=p.stem, source=str(p), text=p.read_text(encoding="utf-8"))
            for p in sorted(seeds_dir.glob("*.txt"))]
    facts = [fast_facts(a, doc) for a, doc in zip(arts, nlp.pipe(a.text for a in arts),
                                                  strict=True)]
    stories = cluster(arts, facts, (), settings)
    assert len(stories) == 1
    assert set(stories[0].article_ids) == {a.id for a in arts}
    assert 3 <= len(stories[0].title.split()) <= 15
    index = StoryIndex(settings)
    assert len({index.add(a, f) for a, f in zip(arts, facts, strict=True)}) == 1

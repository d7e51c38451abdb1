"""The consensus weighs each sentence against every article of a story; `_Kit.carriers` sorts
the sentence's words once and makes each article's evidence vocabulary once (a poll of a
400-article store spent 55 of 98 profiled seconds re-sorting the same sentence per article,
stop 35). The summary must be the one the old per-article weighing gives."""

from __future__ import annotations

import newsprism.summarize.story as story_module
from newsprism.model import Article
from newsprism.pipeline import analyze
from newsprism.storage.codec import to_data
from newsprism.summarize.support import evidence_for, share_of, sort_words, vocabulary

_TEXTS = [
    "The Orrin dam above Kelby burst on Tuesday night after three days of rain, flooding 240 "
    "homes, the town council said. Mayor Ada Finch said 40 residents were taken to the school "
    "gym. Emergency crews worked through the night to reach farms north of the town.",
    "The Orrin dam above Kelby burst on Tuesday night, flooding 240 homes, according to the "
    "town council. Mayor Ada Finch said 40 residents spent the night in the school gym. Repairs "
    "to the dam had been approved in 2019 but never began, council records show.",
    "Floodwater reached 240 homes in Kelby after the Orrin dam burst on Tuesday night. The "
    "army sent two boats to the farms north of the town, and Mayor Ada Finch called the flood "
    "the worst in 40 years. Repairs to the dam had been approved in 2019 but never began.",
]


def _reference_carriers(self, text, spans):  # the code before: everything per article
    out = []
    for aid in sorted({s.article_id for s in spans}):
        own = tuple(sorted({s for s in spans if s.article_id == aid},
                           key=lambda s: (s.start, s.end)))
        evidence = sum(evidence_for(self.ctx, own, self.neutral), [])
        share, named = share_of(sort_words(text, self.lower, self.frame), vocabulary(evidence))
        if named and share >= story_module.COMMON_SHARE:
            out.append(aid)
    return out


def test_the_summary_equals_the_per_article_weighing(settings, monkeypatch):
    arts = [Article(id=f"a{i}", source="t", outlet=f"Outlet {i}", published="2024-03-06",
                    title="Dam bursts above Kelby", text=text) for i, text in enumerate(_TEXTS)]
    fast = to_data(analyze(arts, settings))
    monkeypatch.setattr(story_module._Kit, "carriers", _reference_carriers)
    slow = to_data(analyze(arts, settings))
    (story,) = slow["stories"]
    assert len(story["summary"]) >= 2, "the story has a summary to compare"
    assert any(len(s["article_ids"]) >= 2 for s in story["summary"])  # a consensus sentence
    assert fast == slow


def test_a_speaker_of_marks_alone_does_not_stop_the_summary():
    # A stored quote whose speaker folds to no word ("’’", made by extractor code before stop
    # 35) failed its whole story's analysis (IndexError in the standalone resolver).
    from newsprism.model import ArticleFacts, Quote, Story, StoryContext
    from newsprism.summarize.standalone import Resolver

    text = "“We asked for the money three times.” The council did not answer."
    art = Article(id="a0", source="t", text=text)
    end = text.index("”") + 1
    quote = Quote(id="q", article_id="a0", start=1, end=end - 1, text=text[1:end - 1],
                  kind="direct", speaker="’’")
    ctx = StoryContext(Story(id="s", title="Kelby", article_ids=("a0",)), (art,),
                       (ArticleFacts(article_id="a0", quotes=(quote,)),))
    assert Resolver(ctx).resolve(text[:end], "a0", 0, end) is None  # no one to name

"""Issue 23, memory bounded by characters in flight: the report is written element by element
(the same text as one json.dumps), full facts are held packed between the stages (exactly),
and the story stages take their facts chunk by chunk."""

from __future__ import annotations

import io
import json

import pytest

from newsprism.model import (
    ArticleFacts,
    Edit,
    InputProblem,
    Mention,
    Passage,
    Quote,
    Report,
    Reuse,
    Sentence,
    Story,
)
from newsprism.service import clustering_facts, pack_facts, task_chunks, unpack_facts
from newsprism.storage.report import report_json, write_report_json
from storecases import article, facts


def _report(n_stories: int = 3) -> Report:
    arts = [article(f"a{i}", f"2024-01-0{1 + i % 9}",
                    text=f"Text {i} with \u2028 a line separator,\na newline and \"quotes\".")
            for i in range(2 * n_stories)]
    reuse = tuple(Reuse(a=f"a{2 * k}", b=f"a{2 * k + 1}", share_a=0.5, share_b=0.25,
                        origin=None, passages=(Passage(0, 4, 0, 4, (Edit("x", "y", 1, 2, 1, 2),)),))
                  for k in range(n_stories))
    stories = tuple(Story(id=f"s{k}", title=f"Story {k} \u00e9", article_ids=(f"a{2 * k}",
                                                                              f"a{2 * k + 1}"))
                    for k in range(n_stories))
    return Report(articles=tuple(arts), reuse=reuse, stories=stories,
                  problems=(InputProblem("x.txt", "empty file"),))


def _same_text(report: Report) -> None:
    buf = io.StringIO()
    write_report_json(report, buf)
    assert buf.getvalue() == json.dumps(report_json(report), ensure_ascii=False, indent=1) + "\n"
    json.loads(buf.getvalue())


def test_streamed_report_is_the_same_text_as_one_dump():
    _same_text(_report())


def test_streamed_report_with_empty_lists_is_the_same_text():
    _same_text(Report(articles=(), reuse=(), stories=()))
    _same_text(_report(1))


def test_packed_facts_round_trip_exactly():
    f = ArticleFacts(article_id="a1", sentences=(Sentence("a1", 0, 10),),
                     mentions=(Mention("a1", 0, 5, "Words \ud800", "ORG"),),
                     quotes=(Quote(id="q1", article_id="a1", start=0, end=5, text="\u201cHi\u201d",
                                   kind="direct", speaker="Ana", speaker_start=7,
                                   speaker_end=10),),
                     terms=(("word", 2),))
    assert unpack_facts(pack_facts(f)) == f
    base = facts("a2")
    assert unpack_facts(pack_facts(base)) == base
    lean = clustering_facts(f)
    assert lean.sentences == f.sentences and lean.mentions == f.mentions and not lean.quotes
    assert lean.terms == f.terms and lean.dates == f.dates


def test_clustering_facts_share_repeated_strings_across_articles():
    """Held for every article until the stories are made: a term, a name or a label that
    many articles carry is one object, not one per article (issue 23)."""
    def made(i: str) -> ArticleFacts:  # strings built at run time, as a parse makes them
        word, name = "".join(["harb", "our"]), "".join(["Var", "len"])
        return ArticleFacts(article_id=i, mentions=(Mention(i, 0, 6, name, "GPE"),),
                            terms=((word, 2),))

    a, b = made("a1"), made("a2")
    assert a.terms[0][0] is not b.terms[0][0]
    la, lb = clustering_facts(a), clustering_facts(b)
    assert la.terms[0][0] is lb.terms[0][0]
    assert la.mentions[0].text is lb.mentions[0].text
    assert la == a and lb == b  # equal values, shared objects


def test_task_chunks_ask_facts_per_chunk_and_keep_story_order():
    report = _report(5)
    asked: list[list[str]] = []

    def lookup(ids: list[str]) -> dict[str, ArticleFacts]:
        asked.append(ids)
        return {i: facts(i) for i in ids}

    chunks = list(task_chunks(reversed(report.stories), report.articles, lookup,
                              report.reuse, max_articles=4))
    assert [len(c) for c in chunks] == [2, 2, 1]
    assert [t[0].id for c in chunks for t in c] == [f"s{k}" for k in range(5)]
    assert [len(a) for a in asked] == [4, 4, 2]  # one look-up per chunk, not one for all
    for chunk in chunks:
        for story, arts, fs, reuse in chunk:
            assert [a.id for a in arts] == list(story.article_ids)
            assert [f.article_id for f in fs] == list(story.article_ids)
            assert all(r.a in story.article_ids and r.b in story.article_ids for r in reuse)
    assert len(list(task_chunks(report.stories, report.articles, lookup, report.reuse))) == 1



def test_unpack_facts_refuses_what_pack_facts_did_not_make():
    """h-speed11: facts are held pickled; bytes of anything else are refused, not returned."""
    import pickle
    import zlib

    with pytest.raises(TypeError):
        unpack_facts(zlib.compress(pickle.dumps(("not", "facts"))))


def test_story_stages_unpack_packed_facts_where_they_run(settings):
    """The story tasks of a run's own articles carry their facts packed (a tenth of the
    size): the stages give the same story as with the objects, and a blob that is not packed
    facts fails that one story, reported, not the run."""
    from newsprism.runner.base import analyse_stories

    a1 = article("p1", "2024-01-02", text="Mayor Olsen said the harbour strike would end.")
    a2 = article("p2", "2024-01-02", text="Olsen said the strike at the harbour would end.")
    f1 = ArticleFacts(article_id="p1", mentions=(Mention("p1", 0, 11, "Mayor Olsen", "PERSON"),),
                      terms=(("harbour", 1), ("strike", 1), ("olsen", 1)))
    f2 = facts("p2")
    story = Story(id="s1", title="Harbour strike", article_ids=("p1", "p2"))
    objects, _ = analyse_stories([(story, (a1, a2), (f1, f2), ())], settings)
    packed, problems = analyse_stories(
        [(story, (a1, a2), (pack_facts(f1), pack_facts(f2)), ())], settings)
    assert packed == objects and problems == []
    assert [e.name for e in packed[0].entities][:1] == ["Olsen"]  # findings made from them
    broken, problems = analyse_stories([(story, (a1, a2), (b"not packed", f2), ())], settings)
    assert broken == [story]  # its articles and title, no findings
    assert len(problems) == 1 and "story analysis failed" in problems[0].reason

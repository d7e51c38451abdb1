"""The report of a run without a store is written without holding its stories whole (issue
23): a few long articles made 9 stories whose report was 695 MB of JSON, and the run peaked
over 2 GB holding every analysed story as objects, then one story's contract form (3.4 times
its JSON) and its text dumped in one piece with `indent` (some 7 times its JSON again). Now
the analysed stories wait pickled and compressed, and the writer makes and writes one item of
a story's lists at a time. The text written is the same."""

from __future__ import annotations

import dataclasses
import gc
import io
import json
import tracemalloc
from collections.abc import Iterator
from typing import Any

from newsprism.model import (
    Claim,
    Consensus,
    DateRef,
    Entity,
    Mention,
    Quantity,
    Quote,
    Report,
    SummarySentence,
)
from newsprism.pipeline import analyze
from newsprism.service import read_articles, run_analysis
from newsprism.storage.packed import PickledStories, pickle_story
from newsprism.storage.report import (
    Fields,
    made,
    report_json,
    story_json,
    write_json,
    write_report_json,
)
from storecases import article, story, write_peak


def long_story(n: int, k: int = 0):
    """One made-up story of two articles with `n` claims, `n` quotes and `n` mentions."""
    ids = (f"a{2 * k}", f"a{2 * k + 1}")
    base = story(f"s{k:03d}", ids, f"Harbour wall plan {k}")
    claims = tuple(Claim(id=f"c{k}-{j}", article_id=ids[j % 2], start=10 * j, end=10 * j + 60,
                         text=f"The harbour wall will cost {j} million crowns, said official {j}.",
                         subject="The harbour wall", predicate="cost",
                         quantities=(Quantity(ids[j % 2], 10 * j + 27, 10 * j + 45,
                                              f"{j} million crowns", j * 1e6, j * 1e6, "crown",
                                              True, qualifiers=("future",)),),
                         dates=(DateRef(ids[j % 2], 10 * j, 10 * j + 5, "Monday",
                                        "2026-07-06"),),
                         attributed_to=f"Official {j}")
                   for j in range(n))
    quotes = tuple(Quote(id=f"q{k}-{j}", article_id=ids[j % 2], start=10 * j, end=10 * j + 40,
                         text=f"We will not pay {j} million more for the wall", kind="direct",
                         speaker=f"Official {j}", speaker_start=10 * j + 45,
                         speaker_end=10 * j + 55)
                   for j in range(n))
    entities = (Entity(id=f"e{k}", name="Marrowgate", type="GPE", aliases=("the town",),
                       article_ids=ids,
                       mentions=tuple(Mention(ids[j % 2], 7 * j, 7 * j + 10, "Marrowgate", "GPE")
                                      for j in range(n))),
                Entity(id=f"f{k}", name="Nobody", type="PERSON"))
    consensus = (Consensus(text="The wall was delayed.", article_ids=ids,
                           independent_sources=2),)
    summary = (SummarySentence(text="Outlets \u00e9 disagree\non \"cost\".", article_ids=ids),)
    return dataclasses.replace(base, claims=claims, quotes=quotes, entities=entities,
                               consensus=consensus, summary=summary)


def long_report(n: int, stories: int = 1) -> Report:
    arts = tuple(article(f"a{i}", "2026-07-06", text=f"Text {i}\nwith \"quotes\" \u2028.")
                 for i in range(2 * stories))
    return Report(articles=arts, reuse=(),
                  stories=tuple(long_story(n, k) for k in range(stories)))


def test_written_report_is_one_dump_of_its_contract_form():
    report = long_report(30, stories=3)
    out = io.StringIO()
    write_report_json(report, out)
    data = report_json(report)
    assert out.getvalue() == json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    story_data = data["stories"][1]
    assert story_data == story_json(report.stories[1], *_outlets_of(report))
    assert len(story_data["claims"]) == 30 and story_data["exclusives"] == []
    assert story_data["entities"][1]["mentions"] == []  # an empty list inside an item


def _outlets_of(report: Report) -> tuple[Any, ...]:
    from newsprism.storage.report import article_names, with_outlets

    index, _ = with_outlets(report.articles)
    return index, report.articles, (), article_names(index, report.articles)


def test_streamed_json_of_nested_parts_is_the_text_of_one_dump():
    def parts() -> Iterator[tuple[str, Any]]:
        yield "a", 1
        yield "empty list", iter(())
        yield "empty object", Fields(iter(()))
        yield "list", iter([{"x": [1, 2, {"y": "z\nw"}]}, [], {}, "s", None, 2.5])
        yield "inner", Fields(iter([("deep", iter([Fields(iter([("k", iter([1, 2]))]))]))]))
        yield "plain", {"p": [1, {"q": []}]}

    plain = made(Fields(parts()))
    for level in (0, 1, 3):
        out = io.StringIO()
        write_json(Fields(parts()), out, level)
        want = json.dumps(plain, ensure_ascii=False, indent=1)
        assert out.getvalue() == (want.replace("\n", "\n" + " " * level)), level
    assert plain["inner"] == {"deep": [{"k": [1, 2]}]} and plain["empty object"] == {}


def test_writing_a_long_story_holds_a_fraction_of_its_text():
    """Before: the story's contract form and its whole indented dump were held at once (8.5
    times its JSON at the peak); now one item at a time."""
    report = long_report(6_000)
    text_size = len(json.dumps(story_json(report.stories[0]), ensure_ascii=False, indent=1))
    peak = write_peak(report)
    assert text_size > 3_000_000
    assert peak < text_size / 5, (peak, text_size)  # before: 8.5 times


def test_pickled_stories_read_back_equal_and_held_small():
    gc.collect()
    tracemalloc.start()
    try:
        stories = [long_story(400, k) for k in range(5)]
        objects = tracemalloc.get_traced_memory()[0]
        held = PickledStories(pickle_story(s)[1] for s in stories)
        packed = tracemalloc.get_traced_memory()[0] - objects
    finally:
        tracemalloc.stop()
    assert packed < objects / 4, (packed, objects)
    assert held == tuple(stories) and tuple(stories) == held
    assert held[2] == stories[2] and held[1:3] == tuple(stories[1:3]) and len(held) == 5
    assert held != tuple(stories[:-1]) and held != tuple(reversed(stories))
    assert pickle_story(stories[3])[0] == stories[3].id


def test_a_run_without_a_store_holds_its_stories_pickled(examples_dir, settings):
    """`run_analysis` with no store (the CLI's `analyze`): the stories come back held
    pickled, one read at a time, and equal the plain pipeline's; the report text is the
    same."""
    report = run_analysis([str(examples_dir)], settings)
    assert isinstance(report.stories, PickledStories) and len(report.stories) >= 2
    plain = analyze(read_articles([str(examples_dir)], settings)[0], settings)
    assert report.stories == plain.stories
    a, b = io.StringIO(), io.StringIO()
    write_report_json(report, a)
    write_report_json(dataclasses.replace(plain, problems=report.problems), b)
    assert a.getvalue() == b.getvalue() and json.loads(a.getvalue())["stories"]


def test_the_summary_table_holds_one_story_at_a_time():
    """Round 17's log: after the report was written, the 5 MB run rose from 1,361 to 1,655 MB
    in the CLI's summary table, which kept every story it read (up to 15, all of them here)
    to pick the 15 largest. It keeps their rows only; the rows are the same."""
    from newsprism.cli import _summary_table

    stories = [long_story(400, k) for k in range(6)]
    report = dataclasses.replace(long_report(1, stories=6), stories=PickledStories(
        pickle_story(s)[1] for s in stories))
    del stories
    gc.collect()
    tracemalloc.start()
    try:
        first = report.stories[0]
        one = tracemalloc.get_traced_memory()[0]  # one story read back, as objects
        del first
        gc.collect()
        tracemalloc.reset_peak()
        table = _summary_table(report)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 2.5 * one, (peak, one)  # before: the six stories read back at once
    assert table.row_count == 6
    assert list(table.columns[0].cells) == [f"Harbour wall plan {k}" for k in range(6)]


def test_a_report_with_its_stories_held_pickled_is_the_same_data():
    """benchmarks/load_test.py stores `to_data(report)` of a run without a store: the codec
    met `PickledStories` (round 17) as an unknown object and json could not write it."""
    from newsprism.storage.codec import to_data

    stories = [long_story(3, k) for k in range(2)]
    plain = long_report(3, stories=2)
    held = dataclasses.replace(plain, stories=PickledStories(pickle_story(s)[1] for s in stories))
    assert to_data(held) == to_data(plain)
    assert json.loads(json.dumps(to_data(held)))["stories"][1]["id"] == stories[1].id

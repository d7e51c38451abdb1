"""Every seed check again, on the seeds with their two officials renamed (issue 20).

Each name set replaces every spelling of the Iranian chief of staff and of the Syrian defence
minister (spelling variants stay variants) and runs: the end-to-end checks of
`test_seeds.py` on `newsprism analyze`, the compare checks of `test_compare_seeds.py`, and
the extract checks of `extract/test_seeds_quotes.py` with the new names. Sets include names
the model mis-types: "Major General Firstname Surname" (typed ORG/FAC), "Okafor" (GPE),
"Rostamy" (ORG), "Brandt" (GPE and ORG)."""

from __future__ import annotations

import re
import shutil

import pytest

import test_compare_seeds as compare_checks  # tests/ is on the path (rootdir of this package)
from newsprism.eval.compare import run_story, seed_articles
from newsprism.text import fold

from . import test_seeds as e2e_checks
from .conftest import _analyze
from .helpers import by_file, conflicts, entity_named, story_of

pytestmark = pytest.mark.slow

CHIEF = ("Mohammad Baqeri", "Mohammad Bagheri", "Muhammad Baqeri", "Baqeri", "Bagheri")
MINISTER = ("Ali Abdullah Ayyoub", "Ali Ayoub", "Ayyoub", "Ayoub")
# (chief's five spellings, minister's four), in the order of CHIEF and MINISTER.
NAME_SETS = {
    "transliterated": (("Hamid Rostami", "Hamed Rostamy", "Hamid Rostami", "Rostami",
                        "Rostamy"), ("Karim Abdullah Haddad", "Kareem Haddad", "Haddad",
                                     "Haddad")),
    "mistyped-gpe": (("Daniel Okafor", "Daniel Okafor", "Daniel Okafor", "Okafor", "Okafor"),
                     ("Jonas Erik Lind", "Jonas Lind", "Lind", "Lind")),
    "mistyped-org": (("Ivo Brandt", "Ivo Brandt", "Ivo Brandt", "Brandt", "Brandt"),
                     ("Sipho Ndlovu Dube", "Sipho Dube", "Dube", "Dube")),
    "placeholder": (("Firstname Surname",) * 3 + ("Surname",) * 2,
                    ("Othername Middle Lastname", "Othername Lastname", "Lastname",
                     "Lastname")),
}


def rename(text: str, chief: tuple[str, ...], minister: tuple[str, ...]) -> str:
    table = dict(zip(CHIEF, chief, strict=True)) | dict(zip(MINISTER, minister, strict=True))
    pattern = re.compile("|".join(re.escape(k) for k in sorted(table, key=len, reverse=True)))
    return pattern.sub(lambda m: table[m.group()], text)


@pytest.fixture(scope="module", params=sorted(NAME_SETS))
def renamed(request, seeds_dir, tmp_path_factory):
    chief, minister = NAME_SETS[request.param]
    folder = tmp_path_factory.mktemp(f"seeds-{request.param}")
    for p in sorted(seeds_dir.glob("*.txt")):
        (folder / p.name).write_text(rename(p.read_text(encoding="utf-8"), chief, minister),
                                     encoding="utf-8")
    out = tmp_path_factory.mktemp(f"out-{request.param}")
    yield folder, _analyze(out, [str(folder)]), chief, minister
    shutil.rmtree(folder, ignore_errors=True)


def _surnames(names: tuple[str, ...]) -> set[str]:
    return {fold(n.split()[-1]) for n in names}


def test_rename_left_no_old_name(renamed, seeds_dir):
    folder, _, _, _ = renamed
    for p in folder.glob("*.txt"):
        text = p.read_text(encoding="utf-8")
        assert not any(old in text for old in (*CHIEF, *MINISTER)), p.name


@pytest.mark.parametrize("check", [
    "test_report_has_the_contract_shape", "test_one_story_holds_all_five",
    "test_publish_dates_never_the_crawl_date", "test_no_caption_footer_or_widget_in_text",
    "test_wire_reuse_between_002_and_004_with_edits",
    "test_no_other_seed_pair_shares_more_than_a_quote",
    "test_quantity_conflict_hundreds_against_dozens",
    "test_framing_shows_how_002_and_004_name_israel"])
def test_name_free_e2e_checks(renamed, check):
    getattr(e2e_checks, check)(renamed[1])


def test_attribution_conflict_three_against_one(renamed):
    _, report, chief, minister = renamed
    story = story_of(report, by_file(report, "000_")["id"])
    found = [c for c in conflicts(story, "attribution")
             if "american administrations" in c["about"].lower()]
    assert found, conflicts(story, "attribution")
    sizes = sorted(len(v["article_ids"]) for v in found[0]["versions"])
    assert sizes == [1, 3]
    names = {fold(v["value"]): len(v["article_ids"]) for v in found[0]["versions"]}
    assert any(s in n for n, k in names.items() if k == 3 for s in _surnames(minister)), names
    assert any(s in n for n, k in names.items() if k == 1 for s in _surnames(chief)), names


def test_one_entity_per_person_across_spellings(renamed):
    _, report, chief, minister = renamed
    story = story_of(report, by_file(report, "000_")["id"])
    assert len(entity_named(story, *chief)) == 1, [e["name"] for e in story["entities"]]
    assert len(entity_named(story, *minister)) == 1, [e["name"] for e in story["entities"]]


@pytest.fixture(scope="module")
def renamed_story(renamed, settings):
    folder = renamed[0]
    return run_story(seed_articles(folder), settings), renamed


def test_compare_checks(renamed_story):
    (story, ctx), _ = renamed_story
    compare_checks.test_attribution_conflict_three_against_one((story, ctx))
    compare_checks.test_quantity_conflict_wire_copy_counts_once((story, ctx))


def test_shared_quote_speakers(renamed_story):
    (story, ctx), (folder, _, chief, minister) = renamed_story
    by_id = {e.id: e for e in story.entities}
    hits = {q.article_id: q for q in story.quotes
            if q.text.startswith("If the American administrations")}
    assert set(hits) == {"000", "001", "003", "004"}
    assert all(q.kind == "direct" for q in hits.values())
    minister_ids = {hits[a].speaker_entity for a in ("001", "003", "004")}
    assert len(minister_ids) == 1 and None not in minister_ids
    names = " ".join(fold(n) for e in minister_ids for n in (by_id[e].name, *by_id[e].aliases))
    assert _surnames(minister) & set(names.split())
    assert hits["001"].speaker_text == "the Syrian commander"
    assert hits["004"].speaker_text == "he"
    chief_entity = by_id[hits["000"].speaker_entity]
    chief_names = {fold(w) for n in (chief_entity.name, *chief_entity.aliases) for w in n.split()}
    assert _surnames(chief) <= chief_names
    for q in story.quotes:
        assert ctx.article(q.article_id).text[q.start:q.end] == q.text

"""The project's own news pages (tests/fixtures/pages, pages_heldout): metadata and clean text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsprism.eval.metadata import FIELDS, score_pages, score_seeds
from newsprism.model import Article
from newsprism.readers import read_inputs

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
BOILERPLATE = ("Share this", "Leave a Reply", "cookie", "Subscribe", "Related stories",
               "Recent Posts", "powered by WordPress", "Reporting by", "Read more", "Most read",
               "Today's paper", "Trust Principles", "Share on", "Posted by", "No comments")


@pytest.mark.parametrize("folder", ["pages", "pages_heldout"])
def test_metadata_accuracy(folder, settings):
    rows = score_pages(FIXTURES / folder, settings)
    assert len(rows) >= (30 if folder == "pages" else 12)
    for field in FIELDS:
        right = sum(r[2][field] for r in rows) / len(rows)
        assert right >= 0.9, (field, [(r[0], r[3][field]) for r in rows if not r[2][field]])


def test_gold_covers_five_styles():
    gold = json.loads((FIXTURES / "pages" / "gold.json").read_text(encoding="utf-8"))
    assert len({g["style"] for g in gold.values()}) >= 5
    assert all((FIXTURES / "pages" / name).exists() for name in gold)


def test_clean_text_has_no_site_furniture(settings):
    from newsprism.clean.article import clean_article

    items = list(read_inputs([str(FIXTURES / "pages"), str(FIXTURES / "pages_heldout")],
                             settings))
    arts = [clean_article(a, settings) for a in items if isinstance(a, Article)]
    # The folders' own non-page files (gold, the generator) are each one skipped-file line.
    skipped = sorted(i.source.rsplit("/", 2)[-1] for i in items if not isinstance(i, Article))
    assert skipped == ["gold.json", "gold.json", "make_pages.py"]
    assert len(arts) == len(items) - 3 >= 42
    for art in arts:
        for phrase in BOILERPLATE:
            assert phrase.lower() not in art.text.lower(), (art.source, phrase)
        assert art.title and art.title not in art.text.split("\n")[0]


def test_seed_metadata_accuracy(seeds_dir, settings):
    rows = score_seeds(seeds_dir, FIXTURES / "seeds_gold.json", settings)
    assert len(rows) == 5
    assert all(all(r[2].values()) for r in rows), [(r[0], r[3]) for r in rows]


@pytest.mark.parametrize("folder", ["pages", "pages_heldout"])
def test_metadata_from_visible_text_dumps(folder, settings):
    """The same pages as a naive scraper saves them (the seeds' form): clean_article alone
    recovers every value the visible text holds, and invents none it does not."""
    rows = score_pages(FIXTURES / folder, settings, as_text=True)
    for field in FIELDS:
        can = [r for r in rows if field in r[3]["recoverable"].split(",")]
        assert can
        right = sum(r[2][field] for r in can) / len(can)
        assert right >= 0.9, (field, [(r[0], r[3][field]) for r in can if not r[2][field]])
    # Where the text has no date (meta-only pages), none is made up, not even the banner's.
    no_date = [r for r in rows if "published" not in r[3]["recoverable"].split(",")]
    assert no_date and all(r[3]["published"] is None for r in no_date)

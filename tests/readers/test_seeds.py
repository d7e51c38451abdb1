"""The seeds (read from ../shared, skipped when absent): dates, titles, no boilerplate left."""

from __future__ import annotations

import re

import pytest

from newsprism.clean.article import clean_article
from newsprism.model import Article, InputProblem
from newsprism.readers import ReadStats, read_inputs

PUBLISHED = {"000": "2020-07-10", "001": "2020-07-08", "002": "2020-07-08", "003": "2020-07-08",
             "004": "2020-07-08"}
# Lines that must never survive cleaning: captions/credits, comment widgets, "About X" footers.
BAD_LINE = re.compile(r"photo credit|^\W*comment\W*$|^about [A-Z]|\((?:AP|Reuters)\)\s*$", re.I)


@pytest.fixture(scope="module")
def cleaned(seeds_dir, settings) -> dict[str, Article]:
    out = {}
    for item in read_inputs([str(seeds_dir)], settings):
        assert not isinstance(item, InputProblem), str(item)
        name = item.source.rsplit("/", 1)[-1][:3]
        out[name] = clean_article(item, settings)
    return out


def test_all_seeds_read(cleaned):
    assert sorted(cleaned) == sorted(PUBLISHED)


@pytest.mark.parametrize("name", sorted(PUBLISHED))
def test_publish_date_never_crawl_date(cleaned, name):
    assert cleaned[name].published_date == PUBLISHED[name]


@pytest.mark.parametrize("name", sorted(PUBLISHED))
def test_no_boilerplate_lines(cleaned, name, seeds_dir):
    text = cleaned[name].text
    for line in text.split("\n"):
        assert not BAD_LINE.search(line.strip()), line
    # No line of the cleaned text is a menu (many short capitalised items, no sentence).
    from newsprism.clean.lines import is_menu

    assert not any(is_menu(line) for line in text.split("\n"))
    # Nothing of the header survives at the top: the text starts with a body sentence.
    first = text.split("\n", 1)[0]
    assert len(first.split()) >= 10


def test_titles_recovered_where_the_page_has_one(cleaned, seeds_dir):
    for name in ("003", "004"):
        raw = next(seeds_dir.glob(f"{name}_*.txt")).read_text(encoding="utf-8")
        title = cleaned[name].title
        assert title and title in raw.split("\n")  # a whole header line of the page
        assert title not in cleaned[name].text  # and removed from the body
    # Pages without a headline line get none rather than a body sentence.
    for name in ("000", "001", "002"):
        assert cleaned[name].title is None


def test_language_and_idempotence(cleaned, settings):
    for article in cleaned.values():
        assert article.language == "en"
        assert clean_article(article, settings) == article


def test_rereading_gives_same_ids_and_skips_duplicates(seeds_dir, settings):
    stats = ReadStats()
    items = list(read_inputs([str(seeds_dir), str(seeds_dir)], settings, stats=stats))
    assert all(isinstance(i, Article) for i in items)
    assert len(items) == 5 and stats.duplicates == 5
    again = [i.id for i in read_inputs([str(seeds_dir)], settings)]
    assert sorted(again) == sorted(i.id for i in items)

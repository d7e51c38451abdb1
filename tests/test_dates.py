from datetime import date, datetime

import pytest

from newsprism.dates import find_dates, iso, parse_date, parse_iso, resolve_dates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2020-07-08", datetime(2020, 7, 8)),
        ("JULY 8, 2020 14:47", datetime(2020, 7, 8, 14, 47)),
        ("Publish Date: 08 July 2020 - 22:26", datetime(2020, 7, 8, 22, 26)),
        ("Oct. 20, 2017", datetime(2017, 10, 20)),
        ("posted 3rd of March, 2019 at 9:05 pm", datetime(2019, 3, 3, 21, 5)),
        ("no date here", None),
        ("2020-02-31", None),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected


def test_find_dates_keeps_order_and_positions():
    text = "Thursday 13 August 2020\nPublish Date: 08 July 2020"
    found = find_dates(text)
    assert [iso(d.value) for d in found] == ["2020-08-13", "2020-07-08"]
    assert text[found[1].start:found[1].end] == "08 July 2020"


@pytest.mark.parametrize(
    ("phrase", "anchor", "expected", "granularity"),
    [
        ("on Wednesday", date(2020, 7, 9), date(2020, 7, 8), "day"),  # a Thursday paper
        ("on Wednesday", date(2020, 7, 8), date(2020, 7, 8), "day"),  # the same day
        ("yesterday", date(2020, 7, 9), date(2020, 7, 8), "day"),
        ("last week", date(2020, 7, 9), date(2020, 6, 29), "week"),
        ("on July 8", date(2020, 7, 10), date(2020, 7, 8), "day"),
        ("on December 30", date(2021, 1, 2), date(2020, 12, 30), "day"),
        # "this <weekday>": the day of the paper's own week, Sunday first (stop 46).
        ("a debate in Kelby this Thursday evening", date(2016, 3, 2), date(2016, 3, 3), "day"),
        ("releases rose to 240 this Monday", date(2019, 4, 5), date(2019, 4, 1), "day"),
        ("the primary coming up this Tuesday", date(2014, 5, 18), date(2014, 5, 20), "day"),
        ("just this Sunday, she said", date(2019, 9, 16), date(2019, 9, 15), "day"),
        ("it will air this Monday", date(2020, 5, 21), date(2020, 5, 25), "day"),
        ("this Wednesday", date(2020, 7, 8), date(2020, 7, 8), "day"),
        # "likely to", negated or not, looks ahead too (stop 46, real text)
        ("The arguments aren't likely to sway Tuesday's vote in Kelby.", date(2016, 4, 15),
         date(2016, 4, 19), "day"),
        ("The arguments are not likely to sway Tuesday's vote in Kelby.", date(2016, 4, 15),
         date(2016, 4, 19), "day"),
    ],
)
def test_resolve_relative(phrase, anchor, expected, granularity):
    (found,) = resolve_dates(phrase, anchor)
    assert (found.day, found.granularity) == (expected, granularity)


def test_relative_needs_anchor():
    assert resolve_dates("on Wednesday", None) == []
    assert parse_iso("2020-07-08T22:26") == date(2020, 7, 8)
    assert parse_iso("garbage") is None


def test_a_weekday_before_its_full_date_is_that_date():
    """Stop 55, real captions: "in Santa Barbara on Wednesday, April 1, 2020" in a May paper
    gave the Wednesday before the paper as well as April 1."""
    found = resolve_dates("Masks sit in a depot on Wednesday, April 1, 2020.", date(2020, 5, 12))
    assert [r.day for r in found] == [date(2020, 4, 1)]
    (r,) = resolve_dates("They met on Wednesday in April.", date(2020, 5, 12))  # (guard)
    assert r.day == date(2020, 5, 6)


def test_a_day_early_next_year_in_a_late_paper_is_the_coming_one():
    """Stop 41, real Baly text: "The tax cuts expire Jan. 1" in a November paper was read as
    last January (and set against "expire Dec. 31" as a year's difference)."""
    (r,) = resolve_dates("The tax credits expire Jan. 1.", date(2012, 11, 20))
    assert r.day == date(2013, 1, 1)
    (r,) = resolve_dates("The credits expired Jan. 1.", date(2012, 3, 20))
    assert r.day == date(2012, 1, 1)  # (guard) months back: this year's
    (r,) = resolve_dates("They met on July 8.", date(2012, 1, 20))
    assert r.day == date(2011, 7, 8)  # (guard) far ahead: last year's


@pytest.mark.parametrize(("text", "anchor", "expected"), [
    # Stop 43, real Baly text, each a timeline entry dated to the past: a deposition "set" for
    # Thursday in a Tuesday paper, a Friday deadline, a fiscal year that "ends 30 September"
    # in a February paper.
    ("On Thursday, the committees are set to hear from the envoy.", date(2019, 10, 1),
     date(2019, 10, 3)),
    ("Talks went on before a midnight Friday deadline.", date(2019, 2, 12), date(2019, 2, 15)),
    ("The measure runs through the fiscal year, which ends 30 September.", date(2019, 2, 12),
     date(2019, 9, 30)),
    ("The council will vote on Wednesday.", date(2020, 7, 8), date(2020, 7, 8)),  # that day
    # (guards) what was said or done: the most recent such day, as before.
    ("The mayor said on Monday that she will resign.", date(2020, 7, 9), date(2020, 7, 6)),
    ("The council voted on Friday to close the road.", date(2020, 7, 9), date(2020, 7, 3)),
    ("They met on July 8.", date(2012, 1, 20), date(2011, 7, 8)),
    # (real text) a prediction made on Thursday, the future only in the quoted words
    ('The lawyer predicted on Thursday: "I am confident the case will end soon."',
     date(2020, 1, 24), date(2020, 1, 23)),
    ('On Thursday the lawyer was confident: "The case will end soon."',
     date(2020, 1, 24), date(2020, 1, 23)),
    # Stop 55, real Baly text: the earliest day of what may come, even beside "said" (was
    # last week's Thursday, and a "conflict" with a report of the vote on the coming one).
    ("A Senate vote could come as early as Thursday, Sanders said.", date(2014, 7, 30),
     date(2014, 7, 31)),
    ("The justices could rule as early as Wednesday after lower courts blocked it.",
     date(2019, 6, 25), date(2019, 6, 26)),
    ("Aides said the bill could reach the floor as soon as Friday.", date(2018, 12, 18),
     date(2018, 12, 21)),
    # (guard) "as late as" looks back: the most recent such day, as before
    ("As late as Monday, the president told reporters he was confident.", date(2019, 7, 2),
     date(2019, 7, 1)),
])
def test_a_day_in_a_sentence_about_what_is_to_come_is_the_coming_one(text, anchor, expected):
    (r,) = resolve_dates(text, anchor)
    assert r.day == expected

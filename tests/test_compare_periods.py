"""The period a figure is counted over, read from its sentence and the context before it
(issue 20: a month's count is no conflict with a year's). Made-up harbour reports."""

from __future__ import annotations

from newsprism.compare.periods import figure_period, period_doubt


def _period(text: str, figure: str, title: str | None = None):
    at = text.index(figure)
    return figure_period(text, at, at + len(figure), title)


def test_the_figures_own_sentence_comes_first_nearest_the_figure():
    text = ("The port's tonnage for the year was a record.\n\n"
            "In March the harbour handled 4,000 containers, up from 3,000 a year earlier.")
    p = _period(text, "4,000 containers")
    assert (p.kind, p.named) == ("month", "march")
    p = _period("Dockers unloaded 200 ships in the first quarter of 2019.", "200 ships")
    assert p.kind == "quarter"


def test_before_the_figure_the_paragraph_then_the_one_before_then_a_lists_heading():
    text = ("Freight over the last week was light.\n\n"
            "Cranes were idle. Dockers unloaded 300 containers.")
    assert _period(text, "300 containers").kind == "week"
    text = ("Annual figures:\n\n-- Cranes were idle in March.\n\n-- Ferries ran late.\n\n"
            "-- Dockers unloaded 300 containers.")
    assert _period(text, "300 containers").kind == "year"


def test_comparisons_and_durations_of_other_things_are_no_period():
    # "the most in nine months", "a year earlier", "after three months of gains".
    text = ("Exports were the most in nine months. Imports fell from a year earlier, after "
            "three months of gains.\n\nDockers unloaded 300 containers.")
    assert _period(text, "300 containers") is None
    # With nothing near, the article's title (else its lead) gives its period.
    p = _period(text, "300 containers", title="Harbour freight rises in June")
    assert p.named == "june"


def test_periods_of_different_spans_are_a_doubt():
    month = _period("In March dockers unloaded 300 containers.", "300 containers")
    april = _period("In April dockers unloaded 300 containers.", "300 containers")
    year = _period("This year dockers unloaded 300 containers.", "300 containers")
    last_month = _period("Last month dockers unloaded 300 containers.", "300 containers")
    assert period_doubt(month, year) == "measured over different periods (march / this year)"
    assert period_doubt(month, april) is not None
    assert period_doubt(month, last_month) is None  # one month, maybe the same one
    assert period_doubt(month, None) is None and period_doubt(None, None) is None
    monday = _period("Dockers unloaded 300 containers on Monday.", "300 containers")
    assert period_doubt(monday, month) is None  # a day of an event is inside the month


def test_a_day_in_the_figures_sentence_dates_it_and_a_span_in_the_lead_does_not():
    # The lead's "for 26 years" is no period of a crowd counted on Monday.
    text = ("HARBOURTOWN - Thousands of dockers marched to the harbour on Monday to protest "
            "the new rules. The union, which has led the port for 26 years, said more would come.")
    p = _period(text, "Thousands of dockers")
    assert (p.kind, p.label) == ("day", "monday")
    said = "Dockers unloaded 300 containers, the board said Friday. The port has 9 cranes."
    assert _period(said, "300 containers") is None
    lead_span = ("The union has led the port for 26 years and its members work every shift "
                 "of the day.\n\nCranes were idle.\n\nDockers unloaded 300 containers.")
    assert _period(lead_span, "300 containers") is None

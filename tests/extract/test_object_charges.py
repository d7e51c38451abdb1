"""Statement verbs whose object is a person (stop 40, real sample: "Paula Jones and Kathleen
Willey, who have accused Bill Clinton of sexual misconduct" gave the quote "Bill Clinton",
said by Kathleen Willey alone). Made-up text."""

from __future__ import annotations


def _said(quotes) -> dict[str, str | None]:
    return {q.text: q.speaker for q in quotes if q.kind == "indirect"}


def test_a_person_accused_is_not_what_was_said_but_the_charge_is(quotes_of):
    """The name alone is no statement; with its charge it is (stop 59: PolNeAR's gold has
    "accused Rafael Cruz ... of associating with Lee Harvey Oswald" as an attribution)."""
    said = _said(quotes_of("Mayor Tom Vale accused Rosa Quint on Monday."))
    assert "Rosa Quint" not in said
    said = _said(quotes_of("Mayor Tom Vale accused Rosa Quint of hiding the report."))
    assert "Rosa Quint" not in said
    assert said.get("Rosa Quint of hiding the report") == "Tom Vale"
    # (guard) an object that is what was said stays the quote
    said = _said(quotes_of("Mayor Tom Vale announced new limits on water use on Monday."))
    assert said.get("new limits on water use") == "Tom Vale"


def test_who_after_two_people_is_neither_alone(quotes_of):
    quotes = quotes_of("The mayor invited Ana Reyes and Lena Marsh, who have said the utility "
                       "hid the report, to the hearing on Sunday.")
    (q,) = [q for q in quotes if "hid the report" in q.text]
    assert q.speaker is None
    quotes = quotes_of("The mayor invited Lena Marsh, who has said the utility hid the report, "
                       "to the hearing on Sunday.")  # (guard) one person: hers
    (q,) = [q for q in quotes if "hid the report" in q.text]
    assert q.speaker == "Lena Marsh"


def test_a_titled_person_or_an_organisation_judged_is_not_what_was_said(quotes_of):
    """Stop 52, read on the 10k build: "Sen. Paul of Kentucky criticized President Obama for
    allowing ..." gave the quote "President Obama" (the title is no part of the name)."""
    said = _said(quotes_of("Senator Mara Olsen criticized President Tom Vale for allowing the "
                           "harbour deal."))
    assert not any("Vale" in text for text in said)
    said = _said(quotes_of("Senator Mara Olsen praised the Pentagon for its quick response."))
    assert not any("Pentagon" in text for text in said)
    # (guards) a name with what to do, and an object that is a thing, stay what was said
    said = _said(quotes_of("Mayor Tom Vale urged Congress to act on the harbour bill."))
    assert said.get("Congress to act on the harbour bill") == "Tom Vale"
    said = _said(quotes_of("Governor Rosa Quint condemned the decision to close the harbour."))
    assert said.get("the decision to close the harbour") == "Rosa Quint"


def test_a_name_the_model_left_untyped_is_said_with_its_charge(quotes_of):
    """Stop 59, a BBC article: "Turkey accuses Mr Gulen of being behind the failed July 2016
    coup" gave Turkey the quote "Mr Gulen" (the model typed no entity on the name, and the
    "of" phrase hangs on the verb)."""
    said = _said(quotes_of("Varlen accuses Mr Gulen of being behind the failed 2016 coup. The "
                           "council blames Mr Tovek for the delays at the harbour."))
    assert "Mr Gulen" not in said and "Mr Tovek" not in said, said
    assert said.get("Mr Gulen of being behind the failed 2016 coup") == "Varlen"
    assert said.get("Mr Tovek for the delays at the harbour") == "The council"
    # (guard) a common noun charged stays as it was
    said = _said(quotes_of("The group accused the mayor of lying about the budget."))
    assert said.get("the mayor of lying about the budget") == "The group"

"""Speakers read wrong on fresh real articles at stop 63 (Baly draws 6038 and 6039), each rule
with the case it mends and a guard that keeps what was right. All texts here are made up."""

from __future__ import annotations

from newsprism.nlp.paragraphs import mark_paragraphs


def _by(quotes, fragment: str) -> list[str | None]:
    return [q.speaker for q in quotes if fragment in q.text]


def test_a_blank_line_starts_a_sentence(nlp, quotes_of):
    """The parser had run a subheading question into the next paragraph: "What makes him
    the best ...?" became the subject of "told", the speaker its object, and the quote went
    to the outlet she told it to (or to the town of her apposition)."""
    before = ("\"It's not a party, it's a rescue. The boats being saved are small and old, "
              "not new.\"\n\n")
    for question, who, speaker in (
            ("What makes him the best to take on Ostrow?",
             "Carla Shead, a 49-year-old from Velmar,", "Carla Shead"),
            ("What makes him the best to take on Ostrow?",
             "Tom Reyes, 52, a teacher from Velmar,", "Tom Reyes"),
            ("Why is he the one to beat Ostrow?",
             "Carla Shead, a 49-year-old from Velmar,", "Carla Shead")):
        text = (before + question + "\n\n" + who + " told the BBC: \"It'll take another "
                "sailor to beat him.\"\n\nShe adds that he has proven himself.")
        assert _by(quotes_of(text), "another sailor") == [speaker], text
        starts = {t.text for t in nlp(text) if t.is_sent_start}
        assert {question.split()[0], who.split()[0], "She"} <= starts


def test_only_a_blank_line_is_forced(nlp):
    """A single line break is left to the parser (hard-wrapped text breaks lines inside
    sentences); the component sets nothing else."""
    doc = nlp.make_doc("The council met on\nMonday and voted.\n\nThe mayor left.")
    mark_paragraphs(doc)
    assert doc[4].text == "\n" and doc[5].text == "Monday"
    assert doc[5].is_sent_start is None
    assert next(t for t in doc if t.text == "The" and t.i > 0).is_sent_start is True
    assert sum(1 for t in doc[1:] if t.is_sent_start) == 1
    plain = nlp.make_doc("One line only, no break.")
    mark_paragraphs(plain)
    assert not any(t.is_sent_start for t in plain[1:])

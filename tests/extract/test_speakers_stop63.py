"""Speakers read wrong on fresh real articles at stop 63 (Baly draws 6038 and 6039), each rule
with the case it mends and a guard that keeps what was right. All texts here are made up."""

from __future__ import annotations

import re

from newsprism.extract.turns import initials_of
from newsprism.model import Mention
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


def test_a_name_that_takes_the_is_no_surname(quotes_of):
    """"according to The Hill" had gone to Rep. Katie Hill, named in the same article: a
    singular name written with "the" that the NER tags as no person is an outlet's."""
    text = ("Rep. Katie Hill said she would run again. Allies in Clinton’s orbit are "
            "panicking, according to The Hill, as the campaign prepares to lose. The Hill "
            "reported that the race was close.")
    quotes = quotes_of(text)
    assert _by(quotes, "orbit are panicking") == ["The Hill"]
    assert _by(quotes, "race was close") == ["The Hill"]
    # (guard) her own bare surname is still hers
    quotes = quotes_of("Rep. Katie Hill spoke on Monday. Hill said the vote would be close.")
    assert _by(quotes, "vote would be close") == ["Katie Hill"]


def test_a_transcript_label_without_a_vowel_is_an_acronym():
    """"RT:" (an outlet's interviewer) had been shown as "Rt"; a name in capitals is still
    a name, and initials of a person named still give the person."""
    assert initials_of("RT", []) == "RT"
    assert initials_of("CNN", ["Clara Nadia North"]) == "Clara Nadia North"
    assert initials_of("NPR", []) == "NPR"
    assert initials_of("LEE", []) == "Lee"
    assert initials_of("RE", ["Robert Epstein"]) == "Robert Epstein"
    assert initials_of("KATE DOE", []) == "Kate Doe"


def test_a_sign_that_reads_is_the_speaker(quotes_of):
    """"carried signs that read, “…”": the sign reads it (the "that" of the relative clause
    had kept "read" from being a cue, and the quote went to no one or the last speaker), and
    the speaker phrase does not end in the relative pronoun."""
    quotes = quotes_of("Protesters gathered on Monday. Jane Roe wore a shirt that read “Vote "
                       "them out.” Others carried signs that read, “No more war.”")
    assert _by(quotes, "Vote them out") == ["a shirt"]
    assert _by(quotes, "No more war") == ["signs"]
    # A sign's words after a quote with a cue of its own are not carried to that cue's speaker.
    quotes = quotes_of("Hundreds marched on Saturday. “You will not win,” chanted a crowd of "
                       "masked men, while their rivals carried placards that read: “Go home” and "
                       "“Smash the cartel.”")
    assert _by(quotes, "You will not win") == ["a crowd of masked men"]
    assert _by(quotes, "Go home") == ["placards"]
    # (guard) a person "that" reads is no cue
    quotes = quotes_of("He is the kind of voter that read every page of the plan.")
    assert not _by(quotes, "every page")


def test_a_label_line_ending_in_a_colon_signs_the_paragraph_below(quotes_of):
    """Readers' letters set out as "Anne Doe of Velmar, N.J.:" then a blank line and the
    letter: a blank line after a colon starts no sentence, and a label whose name the parse
    makes its sentence's root is still signed by the name, not by the place after it."""
    text = ("Here are three comments from readers.\n\nAnne Franklin of Garfield, N.J.:\n\n"
            "\"I voted for the mayor and I am relieved the race is over. Her rival was the "
            "least sympathetic candidate.\"\n\nRandy Baker in Springfield, Mo.:\n\n\"When the "
            "council decides to run a real candidate it will win again.\"")
    quotes = quotes_of(text)
    assert _by(quotes, "relieved the race is over") == ["Anne Franklin"]
    assert _by(quotes, "run a real candidate") == ["Randy Baker"]


def test_highlight_lines_do_not_make_a_surname_someone_else(quotes_of, settings):
    """A headline and two highlight bullets saying "Marlow" above "Tom Marlow became the
    first ..." had made the article's bare "Marlow" someone other than Tom Marlow (three
    uses before the full name: a person the article takes as known), and the story showed
    two people. Lines with no closing mark are no sentences and do not count."""
    from newsprism.extract.names import early_surnames

    text = ("President Marlow has a tense meeting with the harbour board\n\n"
            "Marlow meets the union leader and the mayor\n\n"
            "Marlow is the first president to visit Velmar, also known as Port Selin\n\n"
            "Tom Marlow became the first sitting president to visit Velmar on Monday.\n\n"
            "Later, Marlow travelled to Tarland.")
    def mentions(t: str) -> list[Mention]:
        return [Mention("a", m.start(), m.end(), m.group(), "PERSON")
                for m in re.finditer(r"(?:Tom )?Marlow", t)]

    last = lambda n: n.split()[-1].lower()  # noqa: E731
    assert early_surnames(mentions(text), last, text) == set()
    # (guard) three uses in sentences before a full name still mark someone known
    sentences = text.replace(" board\n", " board.\n").replace(" mayor\n", " mayor.\n") \
        .replace(" Selin\n", " Selin.\n")
    assert len(early_surnames(mentions(sentences), last, sentences)) == 4
    # (guard) so do long paragraphs with a credit run onto their end, no closing mark
    credit = " and the harbour board heard every word of it for an hour or more.” Ann Lee, " \
        "The Velmar Gazette\n"
    credited = text.replace(" board\n", credit).replace(" mayor\n", credit) \
        .replace(" Selin\n", credit)
    assert len(early_surnames(mentions(credited), last, credited)) == 4
    ms = mentions(text)
    assert len(early_surnames(ms, last)) == 4  # (no text: every use counts, as before)


def test_two_names_before_a_subjectless_cue_are_both_speakers(quotes_of):
    """"..., Welch and Brennan agreed." with the names parsed onto the sentence before: the
    nearest name alone (Brennan) had been given the finding; two people speak it, so no one
    alone does."""
    quotes = quotes_of("Kate Brennan and Tom Welch worked there for years. Nor did the "
                       "facility hold any drills in recent years other than fire drills, Welch "
                       "and Brennan agreed.")
    assert not [s for s in _by(quotes, "hold any drills") if s]
    # (guard) a name with "and" inside it is one speaker
    quotes = quotes_of("The drills were cancelled, Procter and Gamble said.")
    assert _by(quotes, "drills were cancelled") == ["Procter and Gamble"]


def test_a_role_someone_owns_is_not_its_owner(quotes_of):
    """"President Tom Marlow's nominee for the court says he will not ..." had gone to Marlow,
    the only person the sentence named: the nominee is someone else (no speaker rather than
    a wrong one)."""
    quotes = quotes_of("President Tom Marlow's nominee for the high court says he will not "
                       "pull out because of \"false accusations\". Mr. Marlow's lawyer said the "
                       "president was innocent.")
    assert not [s for s in _by(quotes, "pull out") + _by(quotes, "president was innocent")
                if s and "Marlow" in s]
    # (guard) the role alone still finds the one holder named before it
    quotes = quotes_of("Tom Marlow spoke on Monday. The president said he was ready.")
    assert _by(quotes, "he was ready") == ["Tom Marlow"]


def test_a_word_asked_alone_takes_no_pronoun(quotes_of):
    """"Harsh? He doesn't think so. “...,” he said." (PolNeAR dev): the NER tags "Harsh" a
    person, and as a sentence of its own it took the "he" from the man named before."""
    text = ("In his book, Mr. McKinley suggested looking at your card statement.\n\n"
            "Harsh? He doesn't think so. “I don't judge what people choose to spend money "
            "on,” he said.")
    assert _by(quotes_of(text), "I don't judge") == ["McKinley"]

"""Round 12 (second task): a cue the parser folded into the speaker's noun phrase, and a short
capitalised sentence after a speech verb and its comma. Made-up sentences."""

from __future__ import annotations


def test_a_verb_read_as_a_plural_noun_is_the_cue_not_part_of_the_span(quotes_of, quote_with):
    # "states" is tagged NNS with "the document" as its modifiers; the span was "the document
    # states" and the cue the later verb "becomes".
    text = ("One worker provided a document that she identified as the firm's benefits. "
            "\"Family Medical Leave,\" the document states, becomes available \"after one "
            "year of work.\"")
    q = quote_with(quotes_of(text), "Family Medical Leave")
    assert q.speaker_text == "the document"


def test_a_verb_read_as_a_plural_noun_before_the_full_stop(quotes_of, quote_with):
    text = "A worker showed a memo from the firm. \"No overtime is paid,\" the memo states."
    q = quote_with(quotes_of(text), "No overtime")
    assert q.speaker_text == "the memo"


def test_a_plural_noun_subject_keeps_its_own_verb(quotes_of, quote_with):
    # "states" as a real noun with a verb of its own: the span is the whole phrase.
    text = "\"We want the money now,\" the border states said on Monday."
    q = quote_with(quotes_of(text), "money now")
    assert q.speaker_text == "the border states"


def test_a_short_capitalised_sentence_after_a_speech_verb_is_said_not_a_title(
        quotes_of, quote_with):
    for text in ("The mayor tried to end the argument by interjecting, \"Only on Sundays.\" "
                 "But the critics kept going.",
                 "The mayor ended the meeting by saying, \"Only on Sundays.\""):
        q = quote_with(quotes_of(text), "Only on Sundays")
        assert q.speaker_text == "The mayor"


def test_a_capitalised_title_after_a_noun_and_comma_stays_a_title(quotes_of):
    quotes = quotes_of("She wrote a weekly column, \"America With Friends.\" It ran for years.")
    assert not [q for q in quotes if "America With" in q.text]


def test_a_quote_after_narration_about_someone_else_is_not_the_last_speakers(quotes_of, quote_with):
    # A follow-on quote took the last speaker even when the sentence between has another
    # person as its subject; then the quote's speaker is open.
    text = ("“We will win this race,” said Tom Harlan, the campaign chair. But Maria Lopez "
            "was unmoved.\n\n“Does that sound like a winning campaign to you?”")
    q = quote_with(quotes_of(text), "winning campaign")
    assert q.speaker != "Tom Harlan"


def test_a_quote_after_narration_about_the_same_speaker_stays_his(quotes_of, quote_with):
    text = ("“We will win this race,” said Tom Harlan, the campaign chair. Harlan has run "
            "three campaigns for Maria Lopez.\n\n“We know how to win.”")
    q = quote_with(quotes_of(text), "how to win")
    assert q.speaker == "Tom Harlan"


def test_a_named_subject_whose_verb_lies_outside_the_gap_does_not_count(nlp):
    # `Clinton: “…” Bush: “…”`: the parser may make "Bush" the subject of a verb inside the
    # next quote; only a clause written out between the quotes is narration.
    from newsprism.extract.cues import CueReader
    from newsprism.extract.mentions import find_mentions
    from newsprism.model import Article

    text = "“We will win.” Then Maria Lopez spoke to the crowd."
    article = Article(id="a1", source="test", text=text)
    doc = nlp(text)
    reader = CueReader(article, doc, tuple(find_mentions(article, doc)))
    assert reader.other_person_between(0, len(text), "Tom Harlan")
    assert not reader.other_person_between(0, text.index("spoke"), "Tom Harlan")
    assert not reader.other_person_between(0, len(text), "Maria Lopez")

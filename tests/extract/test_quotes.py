import time

import pytest

from newsprism.extract.mentions import find_mentions
from newsprism.extract.quotes import find_quotes
from newsprism.model import Article, Mention
from newsprism.text import stable_id


def one(quotes, fragment: str):
    hits = [q for q in quotes if fragment in q.text]
    assert len(hits) == 1, [(q.kind, q.text) for q in quotes]
    return hits[0]


def test_direct_after_pronoun_cue_resolves_to_named_person(quotes_of):
    text = ("Finance Minister Jane Doerr met bankers on Monday.\n\n"
            "“We will cut taxes next year,” she said.")
    q = one(quotes_of(text), "cut taxes")
    assert q.kind == "direct"
    assert text[q.start:q.end] == q.text == "We will cut taxes next year"
    assert q.cue == "said" and text[q.cue_start:q.cue_end] == "said"
    assert q.speaker_text == "she" and text[q.speaker_start:q.speaker_end] == "she"
    assert q.speaker == "Jane Doerr"
    assert q.id == stable_id("a1", str(q.start), str(q.end))


@pytest.mark.parametrize("text, fragment, speaker", [
    ('Peter Okafor said: "The plan has failed completely."', "plan has failed", "Peter Okafor"),
    ('"The plan has failed completely," said Peter Okafor.', "plan has failed", "Peter Okafor"),
    ("“The plan has failed completely,” Okafor told reporters.", "plan has failed", "Okafor"),
])
def test_direct_cue_positions(quotes_of, text, fragment, speaker):
    q = one(quotes_of(text), fragment)
    assert q.kind == "direct"
    assert q.speaker == speaker


def test_description_resolves_to_person_with_that_role(quotes_of):
    text = ("Defence Minister Carlos Mendes of Brazil and Chilean army chief Pedro Rojas met on "
            "Tuesday.\n\n“We are ready,” the Brazilian minister said.")
    q = one(quotes_of(text), "We are ready")
    assert q.speaker_text == "the Brazilian minister"
    assert q.speaker == "Carlos Mendes"


def test_quoted_as_saying_gives_the_quoted_person(quotes_of):
    text = ("General Ana Ruiz visited the base.\n\n"
            "“The border is secure,” the agency quoted the general as saying.")
    q = one(quotes_of(text), "border is secure")
    assert q.speaker == "Ana Ruiz"
    assert q.cue.startswith("quoted") and q.cue.endswith("saying")


@pytest.mark.parametrize("text, fragment, speaker, cue", [
    ("Mayor Tom Baker said that the bridge would reopen in May.", "bridge would reopen",
     "Tom Baker", "said"),
    ("Tom Baker told reporters that the bridge would reopen in May.", "bridge would reopen",
     "Tom Baker", "told"),
    ("The bridge will reopen in May, according to the city council.", "bridge will reopen",
     "the city council", "according to"),
])
def test_indirect(quotes_of, text, fragment, speaker, cue):
    q = one(quotes_of(text), fragment)
    assert q.kind == "indirect"
    assert q.speaker == speaker
    assert q.cue.lower() == cue


def test_partial_inside_reported_clause(quotes_of):
    text = "Senator Lisa Grant said the deal was a “powerful step” toward peace."
    q = one(quotes_of(text), "powerful step")
    assert q.kind == "partial" and q.text == "powerful step"
    assert q.speaker == "Lisa Grant"


def test_group_speaker_stays(quotes_of):
    """A statement no one is named to have issued keeps its phrase but speaks for no one
    (issue 20, round 16: "a statement" resolves to who issued it, or stays unresolved)."""
    text = "A joint statement said the accord would “confront growing dangers in the region”."
    q = one(quotes_of(text), "confront growing dangers")
    assert q.speaker is None and q.speaker_text == "A joint statement"


def test_scare_quotes_and_apostrophes_are_not_quotes(quotes_of):
    text = "The so-called “reform” failed. Iran’s ‘moderates’ didn’t win the vote."
    assert quotes_of(text) == ()


@pytest.mark.parametrize("text", ["", "   \n\n ", '"', "“”", '"""""', "’‘’‘", "..." * 50,
                                  "\n".join(['"'] * 500), "word " * 3 + "“unclosed quote"])
def test_bad_text_does_not_crash(quotes_of, text):
    assert isinstance(quotes_of(text), tuple)


def test_long_line_with_many_marks_is_fast(quotes_of):
    text = ('Officials said "yes" and ’ she said “maybe ' * 1500)[:50_000]
    t0 = time.process_time()  # CPU time: a busy machine does not make it fail
    got = quotes_of(text)
    assert time.process_time() - t0 < 30
    assert all(0 <= q.start <= q.end <= len(text) for q in got)


@pytest.mark.slow
def test_one_megabyte_line_tokenized_only_is_linear(nlp):
    """1 MB of one line, quote marks everywhere, no parse (the worst input we accept)."""
    text = ('He said "this is it" and ’ the “minister’ said “maybe, ' * 20_000)[:1_000_000]
    doc = nlp.make_doc(text)
    article = Article(id="big", source="test", text=text)
    t0 = time.process_time()  # CPU time: a busy machine does not make it fail
    got = find_quotes(article, doc, ())
    assert time.process_time() - t0 < 60
    assert all(text[q.start:q.end] == q.text for q in got)


def test_headline_colon_names_the_speaker(quotes_of):
    text = "Senator Maria Lopez: The Budget Deal ‘Is A Disaster For Farmers’\n\nLopez spoke."
    q = one(quotes_of(text), "Budget Deal")
    assert q.speaker == "Maria Lopez" and q.cue == ":"


def test_parenthetical_cue_splits_the_quote_and_it_means_the_document(quotes_of):
    text = ("A joint statement said the “accord would confront growing dangers”.\n\n"
            "The accord, it said, was the result of years of talks between the two armies.")
    got = [q for q in quotes_of(text) if q.start > text.index("\n")]
    assert [q.text for q in got] == ["The accord",
                                     "was the result of years of talks between the two armies"]
    # (round 16: a statement no one is named to have issued, and its "it", speak for no one)
    assert all(q.speaker is None and q.speaker_text == "it" for q in got)
    assert len({q.id for q in got}) == 2


@pytest.mark.parametrize("text, fragment, speaker_text", [
    # any verb after a quote left open by a comma is its cue
    ("Lena Varga spoke first.\n\n“The harbour will close in June,” she continued.",
     "harbour will close", "she"),
    ("“We have waited long enough!” Tomas Hale beamed.", "waited long enough", "Tomas Hale"),
    ("“Is this the plan?” Marta Kell asked.", "Is this the plan", "Marta Kell"),
    # an apposition between the quote and the verb (the parser often loses the subject)
    ("“The harbour will close in June,” Okafor, 61, told the council.", "harbour will close",
     "Okafor"),
])
def test_right_cue_speaker_between_quote_and_verb(quotes_of, text, fragment, speaker_text):
    q = one(quotes_of(text), fragment)
    assert q.kind == "direct"
    assert q.speaker_text is not None and q.speaker_text.startswith(speaker_text)


def test_quote_ending_a_sentence_takes_no_right_cue(quotes_of):
    text = "“The harbour will close in June.” Tomas Hale left the room."
    got = quotes_of(text)
    assert all(q.speaker is None for q in got if "harbour" in q.text)


def test_colon_cue_when_the_sentence_runs_into_the_next_paragraph(quotes_of):
    text = ("The mayor spoke about the budget.\n\nTomas Hale continued:\n\n"
            "“You look at the numbers and the numbers are clear to everyone in this room.”")
    q = one(quotes_of(text), "numbers are clear")
    assert q.speaker_text == "Tomas Hale" and q.cue == "continued"


@pytest.mark.parametrize("text, speaker_text", [
    ("Hale: Harbour Deal ‘Is A Disaster For Fishermen’.\n\nTomas Hale spoke on Monday.",
     "Hale"),
    ("EXCLUSIVE – Senator Tomas Hale: Harbour Deal ‘Is A Disaster’\n\nHale spoke.",
     "Senator Tomas Hale"),
])
def test_headline_colon_speaker_span_stops_at_the_colon(quotes_of, text, speaker_text):
    q = one(quotes_of(text), "Harbour Deal")
    assert q.speaker_text == speaker_text and q.cue == ":"
    assert q.speaker == "Tomas Hale"


@pytest.mark.parametrize("text, fragment, speaker_text", [
    # the object of the main verb is not the speaker of "..., saying"
    ("The harbour master emailed fishermen saying: “The port stays shut this week.”",
     "port stays shut", "The harbour master"),
    # "said Tuesday": a date is never the speaker
    ("Tomas Hale, in Lisbon, said Tuesday that the port would stay shut all winter.",
     "port would stay shut", "Tomas Hale"),
    # age and hometown are left out; an apposition naming the role stays
    ("Tomas Hale, 58, of Porto, said the port would stay shut all winter.",
     "port would stay shut", "Tomas Hale"),
    ("Tomas Hale, 58, the harbour master, said the port would stay shut all winter.",
     "port would stay shut", "Tomas Hale, 58, the harbour master"),
    # a possessive and the phrase's own date are kept
    ("Lena Hollis’ aides said the port would stay shut all winter.",
     "port would stay shut", "Lena Hollis’ aides"),
    ("A harbour survey published Tuesday said the port would stay shut all winter.",
     "port would stay shut", "A harbour survey published Tuesday"),
    # a dateline before the dash, and a "when asked" clause, are not the speaker
    ("LISBON (Agency) – Harbour master Tomas Hale has rejected the plan, saying the port "
     "would stay shut.", "port would stay shut", "Harbour master Tomas Hale"),
    ("“The port stays shut,” said harbour master Tomas Hale when asked about the storms.",
     "port stays shut", "harbour master Tomas Hale"),
    ("Tomas Hale responded on the radio, calling the plan “a reckless gamble.”",
     "reckless gamble", "Tomas Hale"),
])
def test_speaker_is_the_agent_and_its_own_words(quotes_of, text, fragment, speaker_text):
    q = one(quotes_of(text), fragment)
    assert q.speaker_text == speaker_text


def test_relative_pronoun_is_the_speaker_span_and_resolves_to_its_noun(quotes_of):
    text = "The council thanked Tomas Hale, who said the port would reopen in May."
    q = one(quotes_of(text), "port would reopen")
    assert q.speaker_text == "who" and q.speaker == "Tomas Hale"


def test_dateline_is_not_part_of_the_speaker(quotes_of):
    text = "PORTO (Agency) — Harbour master Tomas Hale said the port would reopen in May."
    q = one(quotes_of(text), "port would reopen")
    assert q.speaker_text == "Harbour master Tomas Hale"


@pytest.mark.parametrize("text, fragment, speaker", [
    ('Porto Vale (Agency) - Calling the plan "a disgrace to the harbour," Senator Jane Rowan '
     "vowed to block it.", "disgrace", "Jane Rowan"),
    ('LISBON (Agency) – Citing "serious concerns about the old pier," regulators closed the '
     "harbour on Friday.", "serious concerns", "regulators"),
    ('Porto Vale (Agency) - Insisting that the port "will stay open all winter," the harbour '
     "board rejected the demands.", "stay open", "the harbour board"),
])
def test_a_participle_cue_after_a_dateline_is_not_the_datelines(quotes_of, text, fragment,
                                                                  speaker):
    """`PLACE (Agency) - Calling X “…”, Y vowed ...`: the parser makes the dateline the
    participle's subject; the speaker is the subject of the clause the participle opens."""
    got = [q for q in quotes_of(text) if fragment in q.text]
    assert got and all(q.speaker == speaker for q in got)
    assert all("Agency" not in (q.speaker_text or "") for q in quotes_of(text))


def test_any_verb_closing_its_clause_before_a_quote_is_the_cue(quotes_of):
    text = ("Tomas Hale spoke first.\n\n"
            "He continued, “The harbour will not reopen before the storms are over.”")
    q = one(quotes_of(text), "harbour will not reopen")
    assert q.speaker_text == "He" and q.speaker == "Tomas Hale" and q.cue == "continued"


def test_fragments_of_one_reported_clause_are_one_attribution(nlp):
    from newsprism.extract.quotes import find_attributions
    text = ("Tomas Hale said the harbour plan was “reckless and rushed” and "
            "“doomed from the very start”.")
    article = Article(id="a1", source="test", text=text)
    doc = nlp(text)
    atts = find_attributions(article, doc, find_mentions(article, doc))
    frags = [a for a in atts if a.kind == "partial"]
    assert len(frags) == 2 and [a.continued for a in frags] == [False, True]
    assert frags[0].parts == tuple((a.start, a.end) for a in frags)
    assert len({(a.clause_start, a.clause_end) for a in frags}) == 1
    quotes = find_quotes(article, doc, find_mentions(article, doc))
    assert {q.text for q in quotes} >= {"reckless and rushed", "doomed from the very start"}


@pytest.mark.parametrize("text", [
    "“The harbour stays shut,” Tomas Hale said on Monday.\n\n“We need the winter to repair it.”",
    "“The harbour stays shut,” Gov. Tomas Hale said. “We need the winter to repair it.”",
])
def test_quote_after_the_cue_sentence_continues_the_same_attribution(nlp, text):
    from newsprism.extract.quotes import find_attributions
    article = Article(id="a1", source="test", text=text)
    doc = nlp(text)
    atts = find_attributions(article, doc, find_mentions(article, doc))
    first = next(a for a in atts if "stays shut" in text[a.start:a.end])
    second = next(a for a in atts if "repair" in text[a.start:a.end])
    assert len(first.parts) == 2 and second.continued


def test_narration_between_quotes_starts_a_new_attribution(nlp):
    from newsprism.extract.quotes import find_attributions
    text = ("Tomas Hale said: “The harbour stays shut.” The crowd cheered.\n\n"
            "“We need the winter to repair it.”")
    article = Article(id="a1", source="test", text=text)
    doc = nlp(text)
    atts = find_attributions(article, doc, find_mentions(article, doc))
    second = next(a for a in atts if "repair" in text[a.start:a.end])
    assert not second.continued


def test_fragment_in_the_object_of_any_verb_is_its_subjects(quotes_of):
    text = "Mayor Lena Varga thanked the council for “keeping the harbour open all winter.”"
    q = one(quotes_of(text), "keeping the harbour")
    assert q.kind == "partial" and q.speaker == "Lena Varga" and q.cue == "thanked"


@pytest.mark.parametrize("text", [
    "Mayor Lena Varga did not call for a “full closure of the harbour” this year.",
    "Mayor Lena Varga did not say whether the harbour would reopen in May.",
    "Mayor Lena Varga never said that the harbour would close for good.",
    "The council asked whether Lena Varga would agree that the harbour must close.",
    "The best Lena Varga can do is to explain why the harbour plan changed twice.",
    "The new rule would allow Lena Varga to demand 60 votes to advance the harbour plan.",
    "Lena Varga plans to announce that the harbour will close for the winter.",
    "Lena Varga is expected to say that the harbour will close for the winter.",
    "Lena Varga is said to have approved the harbour closure in secret.",
    # a cue coordinated with the planned infinitive shares it
    "The new rule would allow Lena Varga to meet the council and demand a vote on the plan.",
    "Under the plan, Lena Varga will be allowed to form a board and, with its support, "
    "demand that the harbour stay open.",
])
def test_a_negated_or_asked_cue_gives_its_subject_no_quote(quotes_of, text):
    """What a negated cue reports is what the subject did not say; a cue asked about or
    planned reports nothing said."""
    assert not [q for q in quotes_of(text) if q.speaker and "Varga" in q.speaker]


@pytest.mark.parametrize("text", [
    "The ban will be lifted after Lena Varga confirms that the harbour is safe.",
    "Once Lena Varga announces that the harbour is closed, the ferries will stop.",
    "Trade will resume when Lena Varga declares that the harbour is safe.",
    "The talks go on unless Lena Varga says the offer is final.",
    "Nothing moves until Lena Varga tells the council that the harbour is safe.",
    "As soon as Lena Varga confirms that the harbour is safe, the ships will sail.",
])
def test_a_conditional_cue_reports_nothing_said(quotes_of, text):
    """A cue in a clause of condition or of a time still to come (`after X confirms that
    ...`, `once X announces ...`): what it reports has not been said."""
    assert not [q for q in quotes_of(text) if q.speaker and "Varga" in q.speaker]


@pytest.mark.parametrize("text", [
    "The ban was lifted after Lena Varga confirmed that the harbour was safe.",
    "When Lena Varga announced that the harbour was closed, the ferries stopped.",
    "Trade resumed once Lena Varga declared that the harbour was safe.",
])
def test_a_past_cue_in_a_time_clause_reports_a_statement(quotes_of, text):
    got = [q for q in quotes_of(text) if "harbour" in q.text]
    assert got and all(q.speaker == "Lena Varga" for q in got)


@pytest.mark.parametrize("text", [
    "Lena Varga went on to say that the harbour would close for the winter.",
    "Lena Varga then tried to explain that the harbour would close for the winter.",
    "Lena Varga was asked to leave the meeting and said that the harbour would close for "
    "the winter.",
])
def test_an_infinitive_cue_that_reports_a_statement_keeps_its_speaker(quotes_of, text):
    got = [q for q in quotes_of(text) if "close for the winter" in q.text]
    assert got and all(q.speaker == "Lena Varga" for q in got)


def test_a_fragment_under_a_negated_verb_not_of_speaking_is_still_quoted(quotes_of):
    """`she didn't want “...”`: the quote marks still hold her words."""
    text = ("In a statement, Lena Varga made clear that she didn't want “any of this noise to "
            "slow the harbour repairs.”")
    (q,) = [q for q in quotes_of(text) if "noise" in q.text]
    assert q.speaker == "Lena Varga"


def test_who_after_a_participles_object_is_not_that_object(quotes_of):
    """`those seeking the nomination, who insist that ...`: "who" is the seekers, never the
    nomination; with no noun to name them the speaker stays unresolved."""
    text = ("The harbour plan has been attacked by some, including those seeking the "
            "mayoral nomination, who insist that the plan is unlawful.")
    got = [q for q in quotes_of(text) if "unlawful" in q.text]
    assert got and all(q.speaker is None or "nomination" not in q.speaker for q in got)
    text = ("The plan was attacked by residents living near the old harbour wall, who insist "
            "that the plan is unlawful.")
    (q,) = [q for q in quotes_of(text) if "unlawful" in q.text]
    assert q.speaker and "residents" in q.speaker


def test_fragment_named_in_passing_has_no_speaker(quotes_of):
    text = "The harbour plan was dubbed the “shore up the coast together” project by locals."
    assert all(q.speaker is None for q in quotes_of(text))


def test_capitalised_show_or_bill_name_is_not_a_quote(quotes_of):
    text = ("Speaking on Channel Nine’s “Morning Harbour Desk,” Lena Varga said the "
            "“Harbour Repair Bill” would pass.")
    got = quotes_of(text)
    assert not any(q.text in ("Morning Harbour Desk", "Harbour Repair Bill") for q in got)
    q = one(got, "would pass")
    assert q.speaker == "Lena Varga"


@pytest.mark.parametrize("text", [
    "Tomas Hale, who grew up by the harbour, said the port would stay shut all winter.",
    "Tomas Hale, speaking at the harbour, said the port would stay shut all winter.",
    "The mayor left early.\n\nSaid Tomas Hale: “The port would stay shut all winter.”",
])
def test_speaker_span_leaves_out_clauses_said_in_passing(quotes_of, text):
    got = [q for q in quotes_of(text) if "port would stay shut" in q.text]
    assert got and all(q.speaker_text == "Tomas Hale" for q in got)


def test_dialogue_each_quote_keeps_its_own_speaker(quotes_of):
    text = "“The port stays shut,” Tomas Hale said. “Not for long,” Lena Varga replied."
    got = quotes_of(text)
    assert one(got, "port stays shut").speaker == "Tomas Hale"
    assert one(got, "Not for long").speaker == "Lena Varga"


def test_quote_after_cue_sentence_and_a_connective_continues(nlp):
    from newsprism.extract.quotes import find_attributions
    text = ("“The port stays shut,” Tomas Hale said on Monday. But “the repairs will be done "
            "before the spring storms.”")
    article = Article(id="a1", source="test", text=text)
    doc = nlp(text)
    atts = find_attributions(article, doc, find_mentions(article, doc))
    second = next(a for a in atts if "repairs" in text[a.start:a.end])
    assert second.speaker == "Tomas Hale" and second.continued


def test_reported_clause_parsed_as_xcomp_is_still_reported(quotes_of):
    text = "Tomas Hale said dredging the harbour could bring hundreds of jobs to the coast."
    q = one(quotes_of(text), "could bring hundreds")
    assert q.kind == "indirect" and q.speaker == "Tomas Hale"


def test_sentence_opening_participle_goes_on_the_previous_speaker(quotes_of):
    text = ("Lena Varga said the harbour report was “not good.” Adding, “The repairs will take "
            "the whole winter, and the port will stay shut.”")
    q = one(quotes_of(text), "repairs will take")
    assert q.speaker == "Lena Varga" and q.speaker_text == "Lena Varga"


def test_first_person_quote_goes_on_in_the_same_turn(nlp):
    from newsprism.extract.quotes import find_attributions
    text = ("The hearing was long. “I am not sorry,” I said. “I have told the truth about the "
            "harbour from the very first day.”")
    article = Article(id="a1", source="test", text=text)
    doc = nlp(text)
    atts = find_attributions(article, doc, find_mentions(article, doc))
    first = next(a for a in atts if "not sorry" in text[a.start:a.end])
    second = next(a for a in atts if "told the truth" in text[a.start:a.end])
    assert first.kind == "direct" and text[slice(*first.speaker_span)] == "I"
    assert second.continued and second.speaker_span == first.speaker_span


def test_speaker_span_keeps_leading_quantifier(quotes_of):
    text = "About half of the fishermen said the port should stay shut all winter."
    q = one(quotes_of(text), "port should stay shut")
    assert q.speaker_text == "About half of the fishermen"


def test_transcript_turn_names_its_speaker(quotes_of):
    text = ("Partial transcript of the radio interview:\n\n"
            "HALE: I think the harbour will stay shut until the storms are over.\n\n"
            "UPDATE: The port authority has not replied.")
    got = quotes_of(text)
    q = one(got, "harbour will stay shut until")
    assert q.speaker_text == "HALE" and q.cue == ":"
    assert not any(x.speaker_text == "UPDATE" for x in got)


def test_as_clause_before_a_colon_names_the_speaker(quotes_of):
    text = ("As Lena Varga noted, the reason is simple:\n\n"
            "“The harbour cannot open before the storms are over.”")
    q = one(quotes_of(text), "harbour cannot open")
    assert q.speaker == "Lena Varga" and q.cue == "noted"


def _atts(nlp, text):
    from newsprism.extract.quotes import find_attributions
    article = Article(id="a1", source="test", text=text)
    doc = nlp(text)
    return find_attributions(article, doc, find_mentions(article, doc))


@pytest.mark.parametrize("text", [
    "Mayor Lena Varga announced on Monday a new plan for the harbour. “We will dredge the "
    "channel before the spring storms arrive.”",
    "Mayor Lena Varga said the harbour plan was “the best we have.”\n\n“We will dredge the "
    "channel before the spring storms arrive.”",
])
def test_quote_after_a_reported_clause_continues_it(nlp, quotes_of, text):
    atts = _atts(nlp, text)
    second = next(a for a in atts if "dredge" in text[a.start:a.end])
    assert second.continued and text[slice(*second.speaker_span)] == "Mayor Lena Varga"
    first = next(a for a in atts if not a.continued and a.speaker_span == second.speaker_span)
    assert (second.start, second.end) in first.parts
    q = one(quotes_of(text), "dredge the channel")  # listed once, as the direct quote it is
    assert q.kind == "direct" and q.speaker == "Lena Varga"


@pytest.mark.parametrize("text", [
    # narration in between, or a cue of its own that we do not read
    "Mayor Lena Varga announced a new plan for the harbour. The crowd cheered loudly.\n\n"
    "“We will dredge the channel before the spring storms arrive.”",
    "Mayor Lena Varga announced a new plan for the harbour. “We will dredge the channel "
    "before the storms,” read one banner.",
])
def test_quote_after_a_reported_clause_needs_to_follow_it_directly(nlp, text):
    second = next(a for a in _atts(nlp, text) if "dredge" in text[a.start:a.end])
    assert not second.continued
    assert second.speaker_span is None or text[slice(*second.speaker_span)] != "Mayor Lena Varga"


@pytest.mark.parametrize("text, speaker_text", [
    # the tagger misses the bare name in the headline; the article names her in full below
    ("Varga: ‘The Harbour Will Stay Open.’\n\nMayor Lena Varga spoke to reporters on Monday "
     "about the storm damage.", "Varga"),
    ("Varga on the Harbour Repairs: ‘We Will Finish Before Spring.’\n\nMayor Lena Varga spoke "
     "to reporters on Monday about the storm damage.", "Varga"),
])
def test_headline_name_known_from_the_article(nlp, text, speaker_text):
    atts = _atts(nlp, text)
    a = next(a for a in atts if a.start < text.index("\n"))
    assert text[slice(*a.speaker_span)] == speaker_text


def test_possessive_mark_does_not_end_the_speaker_span(quotes_of):
    text = ("Tomas Hale, a deputy of the harbour workers’ council, said the port would stay "
            "shut all winter.")
    q = one(quotes_of(text), "port would stay shut")
    assert q.speaker_text.startswith("Tomas Hale") and "workers’ council" in q.speaker_text


def test_quoted_label_on_a_noun_is_not_a_quote(quotes_of):
    text = "Fishermen waved their “Save the Harbour Now” banners outside the town hall."
    assert all(q.speaker is None for q in quotes_of(text))


@pytest.mark.parametrize("text, speaker_text", [
    ("Harbour repairs lag - Lena Varga: “The channel will not be dredged before the spring "
     "storms.”", "Lena Varga"),
    ("The council published its review on Monday.\n\nFrom the review: “The channel will not be "
     "dredged before the spring storms.”", "the review"),
])
def test_name_alone_before_the_colon_is_the_speaker(quotes_of, text, speaker_text):
    q = one(quotes_of(text), "channel will not be dredged")
    assert q.speaker_text == speaker_text and q.cue == ":"


def test_list_intro_before_a_colon_is_no_speaker(quotes_of):
    text = "Here is the list: “Repair the channel, close the port, and wait for spring.”"
    assert all(q.speaker is None for q in quotes_of(text))


def test_quote_after_a_cue_naming_a_show_continues_the_attribution(nlp):
    text = ("“The port stays shut,” Tomas Hale said on Channel Nine’s “Harbour Watch.” “We need "
            "the winter to repair it.”")
    second = next(a for a in _atts(nlp, text) if "repair" in text[a.start:a.end])
    assert second.continued and text[slice(*second.speaker_span)] == "Tomas Hale"


@pytest.mark.parametrize("text", [
    "“The channel will not be dredged before the spring storms.”\n\n— Lena Varga.",
    "“The channel will not be dredged before the spring storms.” - Lena Varga (@lvarga) May 1",
])
def test_name_after_a_dash_signs_the_quote(quotes_of, text):
    q = one(quotes_of(text), "channel will not be dredged")
    assert q.speaker_text == "Lena Varga" and q.speaker == "Lena Varga"


def test_dash_before_narration_signs_nothing(quotes_of):
    text = "“The channel will not be dredged.” - Repairs begin in May, the Port Authority wrote."
    assert all(q.speaker_text != "Repairs" for q in quotes_of(text))


def test_quote_in_doubled_apostrophes_gets_its_speaker(quotes_of):
    text = "''The channel will stay shut until spring,'' Lena Varga said on Monday."
    q = one(quotes_of(text), "channel will stay shut")
    assert q.text == "The channel will stay shut until spring" and q.speaker == "Lena Varga"


@pytest.mark.parametrize("text, speaker_text", [
    # after the cue the relative clause ends the sentence as the speaker's description
    ("“The port stays shut,” said Tomas Hale, who has fished the harbour for forty years.",
     "Tomas Hale, who has fished the harbour for forty years"),
    # ... unless it is a second attribution
    ("“The port stays shut,” said Tomas Hale, who added that repairs would take months.",
     "Tomas Hale"),
    ("“The port stays shut,” said Army Capt. Tomas Hale.", "Army Capt. Tomas Hale"),
])
def test_speaker_span_after_the_cue(quotes_of, text, speaker_text):
    q = one(quotes_of(text), "port stays shut")
    assert q.speaker_text == speaker_text


def test_age_and_place_stay_in_a_speaker_span_after_the_cue(quotes_of):
    text = "“The port stays shut,” said Tomas Hale, 58, of Porto."
    assert one(quotes_of(text), "port stays shut").speaker_text == "Tomas Hale, 58, of Porto"


def test_speech_participle_between_quotes_starts_a_second_attribution(nlp):
    text = ("“The port stays shut,” Tomas Hale said on Monday, adding, “We need the winter to "
            "repair it.”")
    atts = _atts(nlp, text)
    second = next(a for a in atts if "repair" in text[a.start:a.end])
    assert not second.continued and text[slice(*second.cue)] == "adding"
    assert text[slice(*second.speaker_span)] == "Tomas Hale"


@pytest.mark.parametrize("text", [
    "The mayor spoke at length.\n\nStated Varga:\n\n“The channel will stay shut until spring.”",
    "The mayor spoke at length.\n\nContinued Varga: “The channel will stay shut until spring.”",
])
def test_capitalised_speech_verb_before_a_name_and_colon(quotes_of, text):
    assert one(quotes_of(text), "channel will stay shut").speaker_text == "Varga"


def test_colon_after_the_object_of_the_cue(quotes_of):
    text = ("After the storm, Mayor Lena Varga issued the following statement:\n\n“Our thoughts "
            "are with the fishermen and their families.”")
    q = one(quotes_of(text), "Our thoughts are with")
    assert q.speaker == "Lena Varga"


def test_dash_glued_to_the_name_on_its_own_line(quotes_of):
    text = "“The channel will not be dredged before the spring storms.”\n\n-Lena Varga, Porto."
    assert one(quotes_of(text), "channel will not be dredged").speaker_text == "Lena Varga"


def test_bare_cue_sentence_after_a_full_stop(quotes_of):
    got = quotes_of("The mayor spoke on Monday. “The port stays shut until spring.” Varga said.")
    assert one(got, "port stays shut").speaker_text == "Varga"
    got = quotes_of("The mayor spoke on Monday. “The port stays shut until spring.” Varga said "
                    "the repairs would wait.")
    assert one(got, "port stays shut").speaker_text != "Varga"


@pytest.mark.parametrize("text", [
    "“The port stays shut,” said Tomas Hale in a statement on Monday.",
    "“The port stays shut,” said Tomas Hale, a council member, via email.",
])
def test_channel_of_the_statement_is_not_the_speaker(quotes_of, text):
    q = one(quotes_of(text), "port stays shut")
    assert q.speaker_text in ("Tomas Hale", "Tomas Hale, a council member")


@pytest.mark.parametrize("text, fragment, speaker", [
    # the parser makes the hashtag inside the quote the verb's subject
    ("“We have no freedom of opinion anymore. #Porto,” tweeted a user from Lisbon going by "
     "the handle Gull.", "freedom of opinion", "a user from Lisbon going by the handle Gull"),
    # a bracket after the name, a leading "But", a comma-set participle before the cue
    ("But Sen. Jane Doe (D-Ore.), noting the size of the deficit, said, “We will cut the "
     "harbour budget.”", "cut the harbour", "Sen. Jane Doe (D-Ore.)"),
])
def test_speaker_found_past_quoted_subjects_and_brackets(quotes_of, text, fragment, speaker):
    assert one(quotes_of(text), fragment).speaker_text == speaker


@pytest.mark.parametrize("text, title", [
    ("Jane Doe, a co-author of the book “Those Days Have All the Fun: Inside the Harbour,” said "
     "the port was busy.", "Those Days Have All the Fun"),
    ("Lee writes a weekly column, “Evenings with Jane Doe,” for the Valley Gazette.",
     "Evenings with Jane Doe"),
])
def test_capitalised_title_in_running_text_is_no_quote(quotes_of, text, title):
    assert not any(title in q.text for q in quotes_of(text) if q.kind != "indirect")


def test_capitalised_quote_opening_a_paragraph_stays_a_quote(quotes_of):
    text = "He went on.\n“Like Porto. Or Lisbon,” Lee said. “The numbers are worse.”"
    assert one(quotes_of(text), "Like Porto").speaker_text == "Lee"


@pytest.mark.parametrize("text", [
    "So far, the council hearing is going according to a familiar script.",
    "The tram line was built according to plan, on time and within its budget.",
    "Each ballot was counted according to the rules of the election board.",
])
def test_according_to_a_plan_or_rule_is_not_a_source(quotes_of, text):
    quotes = quotes_of(text)
    assert not any(q.cue and q.cue.lower() == "according to" for q in quotes), \
        [(q.text, q.speaker) for q in quotes]


@pytest.mark.parametrize("text, fragment", [
    ("“No harbour is safe until every harbour is safe”: Fuel hoarding threatens the "
     "coastal trade.", "No harbour is safe"),
    ("It is hard to find an adjective that describes this slide into such depths.",
     "this slide"),
])
def test_a_thing_is_no_speaker_of_a_weak_cue(quotes_of, text, fragment):
    q = one(quotes_of(text), fragment)
    assert q.speaker is None


@pytest.mark.parametrize("text, fragment, speaker", [
    ("The audit report suggests that the harbour fees were set too high.",
     "harbour fees were set", "The audit report"),
    ("Officials fear that the harbour will close before the winter.",
     "harbour will close", "Officials"),
    ("Councillor Rosa Lind warned that the harbour would close.", "harbour would close",
     "Rosa Lind"),
])
def test_people_groups_and_documents_still_speak_with_weak_cues(quotes_of, text, fragment,
                                                                speaker):
    q = one(quotes_of(text), fragment)
    assert q.speaker_text.endswith(speaker)
    # (round 16: a report no one is named to have issued keeps its phrase, with no speaker)
    if "report" in speaker:
        assert q.speaker is None
    else:
        assert q.speaker is not None and q.speaker.endswith(speaker)


def test_a_cue_in_a_later_clause_about_something_else_is_not_the_quotes(quotes_of):
    text = ("The lecturer told the class a joke. “Am I boring you or what?” After the student "
            "reported the remark, the dean opened an inquiry.")
    q = one(quotes_of(text), "Am I boring you")
    assert q.speaker != "the student" and q.cue != "reported"


def test_the_subject_of_a_passive_address_verb_was_spoken_to(quotes_of):
    text = ("Thousands of residents who left the valley are being warned not to return home "
            "until the river falls.")
    for q in quotes_of(text):
        assert q.speaker is None or "residents" not in q.speaker, (q.text, q.speaker)
    told = ("The residents were told by Mayor Ilse Brandt that the water is safe to drink.")
    q = one(quotes_of(told), "water is safe")
    assert q.speaker is not None and q.speaker.endswith("Ilse Brandt")


def test_a_reported_clause_never_crosses_a_paragraph_break(quotes_of):
    text = ("“Every week something new comes out,” Senator Ana Ruiz said on Twitter\n\n"
            "Lars Olsen, who led the last inquiry, called the hearing an overused tool.")
    for q in quotes_of(text):
        assert not ("overused tool" in q.text and q.speaker and "Ruiz" in q.speaker), \
            (q.text, q.speaker)


def _voss_speaker(nlp, text: str) -> str | None:
    """The speaker of the "rebuild the port" quote, with every "(Greta )Voss" a PERSON
    mention (the model's tags are given, so these tests are about the rule, not the tagger)."""
    import re as _re
    ms = tuple(Mention("v", m.start(), m.end(), m.group(), "PERSON")
               for m in _re.finditer(r"(?:Greta )?Voss", text))
    art = Article(id="v", source="t", text=text)
    return one(find_quotes(art, nlp(text), ms), "rebuild the port").speaker


def test_a_surname_used_before_a_later_namesake_is_not_that_namesake(nlp):
    """Three "Voss" before the article's only full name with that surname, a closing link
    line's "Greta Voss": the quote's "Voss" is someone the article took as known, not Greta
    (the model's PERSON tags are given, so the test is about the rule, not the tagger)."""
    text = ("Voss flew to the coast on Monday. Voss met the harbour board. Voss spoke to "
            "reporters.\n\n“We will rebuild the port,” Voss said.\n\n"
            "Related: Greta Voss opens a gallery | Storm season ends")
    assert _voss_speaker(nlp, text) == "Voss"
    headline = ("Voss vows to rebuild\n\nGreta Voss, the harbour minister, toured the port.\n\n"
                "“We will rebuild the port,” Voss said.")
    assert _voss_speaker(nlp, headline) == "Greta Voss"


def test_object_pronouns_tell_nothing_of_the_subjects_gender(quotes_of):
    """`Brandt assaulted her`: "her" is someone else, so it does not make Brandt a woman,
    and the "she" of the next quote is not Brandt."""
    text = ("Karen Valdor met Tomas Brandt at the harbour in May. Brandt assaulted her at a "
            "private dinner. Brandt called her twice the next day. “He offered me money,” she "
            "wrote.")
    (q,) = [q for q in quotes_of(text) if "offered me money" in q.text]
    assert q.speaker == "Karen Valdor"


def test_pronoun_evidence_that_disagrees_tells_nothing(quotes_of):
    """Sentences about one person whose possessives disagree ("his office", "her brother")
    leave the first-name table's word standing."""
    text = ("Karen Valdor met Tomas Brandt at the harbour in May. Brandt went back to his "
            "office. Brandt then showed her brother the plans. “He offered me money,” she "
            "wrote.")
    (q,) = [q for q in quotes_of(text) if "offered me money" in q.text]
    assert q.speaker != "Tomas Brandt"


def test_a_surname_used_before_a_later_namesake_stays_apart_after_it(nlp):
    """Stop 36, real text: "Mr. Voss" all through a profile, then once "(Greta Voss, his
    mother, spoke at ...)": the later "Mr. Voss said" is still the man the article took as
    known, never the namesake it named in passing (it was given to her)."""
    text = ("Mr. Voss flew to the coast on Monday. Mr. Voss met the harbour board. Mr. Voss "
            "spoke to the crews.\n\nHe grew up by the sea (Greta Voss, his mother, ran the "
            "ferry).\n\n“We will rebuild the port,” Mr. Voss said.")
    assert _voss_speaker(nlp, text) == "Voss"
    # Named in full first, the surname after it is that person, as before.
    full = ("Greta Voss, the harbour minister, toured the port. Voss met the board. Voss "
            "spoke to the crews.\n\n“We will rebuild the port,” Voss said.")
    assert _voss_speaker(nlp, full) == "Greta Voss"


def test_a_relative_clause_hung_on_a_verb_is_not_what_was_said(quotes_of):
    """Stop 36, real text: `watchdogs have complained about the status of X, a federal agency
    … that today is in charge of …`: the parser hung the relative clause on "complained", and
    it became the watchdogs' indirect quote. A clause whose subject is a relative pronoun
    reports nothing; a "that" clause of the verb still does."""
    quotes = quotes_of(
        "Similarly, watchdogs have complained for years about the odd status of the Marshals "
        "Service, a federal agency with roots in the frontier that today is in charge of "
        "protecting courts and judges. Critics have complained that the agency is slow. In "
        "October, Mr. Ray Paulo, who made billions on a bet against mortgages, told investors "
        "that concerns about drug makers like Valeant were ''overblown,'' adding that it had "
        "''significant upside.''")
    assert not [q for q in quotes if "in charge of" in q.text]
    assert one(quotes, "agency is slow").speaker == "Critics"
    # (guard: a "that" clause after the verb's own object is still what was said)
    assert one(quotes, "overblown").cue == "told"
    # (the parser tags this "that" a relative pronoun too; the agent's phrase is the verb's)
    told = quotes_of("The mayor was told by the treasurer that the money is gone.")
    assert one(told, "money is gone").speaker == "the treasurer"


def test_a_passive_instruction_is_no_statement_of_its_subject(quotes_of):
    """Stop 36, real text: `X refused to answer questions after his lawyer had conferred with
    the White House and was told again to refuse to answer ..., according to Y` was given to X
    through the passive "was told" (X was spoken to); the sentence is Y's account."""
    quotes = quotes_of(
        "Even then, Vance refused to answer questions after his lawyer had conferred with the "
        "mayor and was told again to refuse to answer questions about the transition, "
        "according to Representative Adam Lind, the top Democrat on the committee.")
    q = one(quotes, "refused to answer")
    assert q.speaker == "Adam Lind"


def test_words_inside_a_quoted_title_are_no_indirect_quote(quotes_of):
    """Stop 36, real text: `X gushed in the book, “What Really Happened: …”` (a title, skipped
    as a quote) still gave X an indirect quote, "What Really Happened", read as the clause of
    "gushed"."""
    quotes = quotes_of(
        "\u201cAnd lead he did,\u201d Hunter, 48, gushed in the book, \u201cWhat Really "
        "Happened: John Edwards, Our Daughter, and Me.\u201d")
    assert not [q for q in quotes if "Really Happened" in q.text]
    assert one(quotes, "lead he did").speaker == "Hunter"


@pytest.mark.parametrize("text, speaker", [
    # Stop 36, real text: `The "historic gun control" bill, writes the New Haven Register,
    # "also addressed ..."` was given to "bill" (the parser made the sentence's subject the
    # cue's too, and the name after the cue its object).
    ("The plan, writes the Harbour Register, \u201cwill cost the town dearly.\u201d",
     "the Harbour Register"),
    ("The plan, wrote Tom Hale, \u201cwill cost the town dearly.\u201d", "Tom Hale"),
])
def test_a_name_after_a_cue_set_off_by_commas_speaks(quotes_of, text, speaker):
    assert one(quotes_of(text), "cost the town").speaker_text == speaker


def test_a_row_of_linked_headlines_quotes_no_one(quotes_of, quote_with):
    """Stop 42, real Baly text: a "Related" row pasted into a sentence ("Tech Desk: Marlow
    praises audit report | Senators urge firms to act | …") gave "audit report | Senators
    urge …" to Marlow. Words that run across the bar between two headlines, or hang on a cue
    inside the row, are no quote; a quote in the next paragraph is kept."""
    text = ("Sen. Ada Quill Ada Quill Democrats push for action at forum Tech Desk: Marlow "
            "praises audit report | Senators urge software firms to take action against "
            "fakes | Lena Ives asks court to protect the program | Quill pushes site to drop "
            "ads MORE (D-Ore.) is competing for the lane with Ross.\n\n"
            "“We will win this lane,” Quill said on Monday.")
    quotes = quotes_of(text)
    assert not [q for q in quotes if "|" in q.text or q.speaker == "Marlow"], quotes
    assert quote_with(quotes, "We will win this lane").speaker == "Ada Quill"


def test_a_gloss_in_brackets_is_no_ones_words(quotes_of):
    """Stop 42, real Baly text: "the revolutionary era also gave us Les Enragés (“the
    enraged”)" gave the translation to "the revolutionary era". A quoted fragment that opens a
    bracket after a word glosses it; one with its own cue inside the bracket is still read."""
    quotes = quotes_of("The old guild also gave the town its Fête des Fous (“the feast of "
                       "fools”) as a name for the winter fair, and the Portes (“the gates,” "
                       "i.e., the toll men) for its wardens.")
    assert not [q for q in quotes if "feast of fools" in q.text or "the gates" in q.text]
    kept = quotes_of("Mayor Ilse Varga stayed calm (“we will not back down,” she told "
                     "reporters) as the vote neared.")
    assert [q.text for q in kept] == ["we will not back down"]
    cited = quotes_of("On Sunday, Pastor Jon Ward stood at his pulpit and, citing Exodus 18:21 "
                      "(“select out of all the people able men who fear God”), endorsed the "
                      "senator.")
    assert [q.speaker for q in cited if "able men" in q.text] == ["Jon Ward"]


def test_a_label_under_a_verb_of_no_saying_is_not_its_subjects_words(quotes_of):
    """Stop 42, real Baly text: "the database contains information about people known or
    “reasonably suspected” of …", "India stationed battalions in “operational alert areas”"
    gave the writer's terms to the database and to India (about 60 of 73 such fragments read
    on 700 real articles were not their subject's words). A short fragment under a verb of no
    saying whose subject is no person has no speaker (one or two words: no quote at all); a
    person's, a label after "as" and a cue of saying keep theirs."""
    quotes = quotes_of(
        "The registry holds records of people known or “reasonably suspected” of fraud. In "
        "response, Norland stationed three battalions in “forward alert zones” along the "
        "border.")
    assert not [q for q in quotes if "reasonably suspected" in q.text]
    zones = [q for q in quotes if "forward alert zones" in q.text]
    assert zones and all(q.speaker is None for q in zones)
    kept = quotes_of("Mayor Ilse Varga finally uttered the words “budget emergency” on "
                     "Tuesday. The Ledger Review rated the claim as “mostly false” in May.")
    assert {q.text: q.speaker for q in kept} == {
        "budget emergency": "Ilse Varga", "mostly false": "The Ledger Review"}


def test_according_to_after_an_adverbial_reports_the_clause_after_it(quotes_of):
    """`Indeed, just days earlier, according to X, the FBI had opened …` (stop 56, a fresh Baly
    draw): the words before the phrase hold no verb, so what X said is the clause after it,
    not "Indeed, just days earlier"."""
    text = ("Indeed, just days earlier, according to the former deputy director Ana Ruiz, the "
            "agency had opened an inquiry into the mayor.")
    quotes = quotes_of(text)
    assert [q.text for q in quotes] == ["the agency had opened an inquiry into the mayor"]
    assert quotes[0].speaker == "Ana Ruiz"
    # (guard) a clause before the phrase is still what was said, even with words after it
    text = "The agency had opened an inquiry into the mayor, according to Ana Ruiz."
    assert [q.text for q in quotes_of(text)] == ["The agency had opened an inquiry into the mayor"]
    text = ("The top 1 percent would see their incomes go up by as much as 19.9 percent, "
            "according to the Harbor Foundation, more than twice what it projected for others.")
    assert [q.text for q in quotes_of(text)][0].startswith("The top 1 percent would see")


def test_a_verbless_opener_before_a_parenthetical_cue_is_not_said(quotes_of):
    """`But even so, experts say, this response could be too weak …` (stop 56, a fresh Baly
    draw, where "But even so" was the experts' words): the words before the cue hold no clause,
    those after it do; what was said is the clause."""
    quotes = quotes_of("But even so, experts say, this response could be too weak to have much "
                       "of an effect on the council.")
    assert [q.text for q in quotes] == [
        "this response could be too weak to have much of an effect on the council"]
    # (guard) a subject before the cue is part of what was said, even when a clause follows
    quotes = quotes_of("The plan, the mayor said, is dead after the vote on Monday.")
    assert "The plan" in " ".join(q.text for q in quotes)
    quotes = quotes_of("The trouble, the mayor said, is that nobody listens to the council.")
    assert "The trouble" in " ".join(q.text for q in quotes)


def test_words_before_a_cue_are_not_a_headline_clause_the_parser_hung_on_it(quotes_of):
    """(stop 57, a Baly article) A headline line without a period above `In its story on Friday,
    the AP called the battle ... “…”` was parsed as the clause "called" reports; the opener
    "In its story on Friday" became the AP's indirect quote."""
    text = ("The Courier reported that the mayor used a private account for city business.\n\n"
            "Mayor Ray Dunn defends his use of private email as city leader\n\n"
            "In its story on Friday, the Courier called the fight to obtain Dunn’s emails “just "
            "the latest in a series of records battles during his tenure.” The report included "
            "two addresses.")
    quotes = quotes_of(text)
    assert not [q for q in quotes if q.text.startswith("In its story")], \
        [(q.kind, q.text) for q in quotes]
    assert [q for q in quotes if "records battles" in q.text and q.speaker == "the Courier"]


def test_a_clause_on_the_cues_line_stays_reported_when_the_parse_hangs_it_above(quotes_of):
    """The guard above reads only the cue's own line: `“He showed ... couldn't.”\n\nLenox was a
    juggernaut, Mr. Clarke said, ...` hangs "said" on the quote's verb a paragraph up, and
    what it reports on its own line is a clause (PolNeAR dev, kept)."""
    text = ("Chairman Tom Clarke called him a master at bolting together impossible business "
            "transactions. \"He showed again and again an ability to put together deals that "
            "other people couldn't.\"\n\nLenox was a juggernaut, Mr. Clarke said, until it went "
            "bankrupt.")
    q = one(quotes_of(text), "juggernaut")
    assert (q.kind, q.speaker) == ("indirect", "Tom Clarke")


@pytest.mark.parametrize("text, word", [
    # (stop 57, a Baly article) `..., Kirby said.` + `'Sense of Urgency'` on a line of its own
    # + the next section: the subhead was read as Kirby's quote going on.
    ("Two more planes are scheduled for next week, bringing 45 personnel, Kirby said.\n\n"
     "'Sense of Urgency'\n\n"
     "Asked about the projection, press secretary Josh Ernst said the money will spur "
     "other nations to help.", "Urgency"),
    # (stop 59, a Baly article) a paragraph ending "... nowhere in sight." + `“I temper John”`
    # as a paragraph of its own: the subhead went to the paragraph's "an adviser who ...";
    # 286 such quoted lines in sentence case in the 12,000 Baly texts.
    ("Mr. Vale was sent to Ostria by a mayor who wanted an adviser who had called for a new "
     "dam nowhere in sight.\n\n“I calm Tom down”\n\nAnd then there was the harbour. The "
     "mayor was fine with the plan.", "calm Tom"),
])
def test_a_quoted_subhead_is_no_ones_words(quotes_of, text, word):
    quotes = quotes_of(text)
    assert not [q for q in quotes if word in q.text], [(q.speaker, q.text) for q in quotes]


def test_a_quoted_line_going_on_or_inside_a_paragraph_stays_a_quote(quotes_of):
    """(the guards of the test above) a quoted sentence going on after a reported clause keeps
    its speaker; a quoted line between lines of one paragraph stays a quote."""
    text = ("Two more planes are scheduled for next week, Mr. Kirby said.\n\n"
            "“We will send more if they are needed.”\n\nThe first plane arrived on Monday.")
    assert one(quotes_of(text), "send more").speaker == "Kirby"
    text = ("Mr. Vale was sent to Ostria, the mayor said.\n“I calm Tom down”\n"
            "The mayor was fine with the plan.")
    assert [q for q in quotes_of(text) if "calm Tom" in q.text]


def test_the_thing_named_before_a_quoted_label_is_no_quote(quotes_of):
    """(stop 57, a Baly article) `Democrats called the move "without precedent"` gave both the
    partial "without precedent" and an indirect quote "the move" (the object alone)."""
    quotes = quotes_of("Four prosecutors resigned this week. Democrats called the move "
                       "\"without precedent\" and sharpened their criticisms of the agency.")
    assert [(q.kind, q.speaker) for q in quotes if "without precedent" in q.text] \
        == [("partial", "Democrats")]
    assert not [q for q in quotes if q.text == "the move"]


def test_a_second_speakers_report_after_a_parenthetical_cue_is_not_the_firsts(quotes_of):
    """(stop 57, a Reuters article) `..., the World Health Organization said, but the United
    States said it will not take part.` gave "but the United States said it will not take
    part" to the WHO as the rest of its words."""
    text = ("Two leaders will help launch a global initiative on Friday to accelerate work on a "
            "vaccine, the Harbour Health Agency said, but the Republic of Veld said it will not "
            "take part.")
    quotes = quotes_of(text)
    agency = [q for q in quotes if q.speaker == "the Harbour Health Agency"]
    assert agency and not [q for q in agency if "take part" in q.text], \
        [(q.speaker, q.text) for q in quotes]
    assert one(quotes, "will not take part").speaker == "the Republic of Veld"
    # (guard) content on both sides of a parenthetical cue stays one quote
    assert [q.text for q in quotes_of("The plan, Mr. Hale said, is dead.")] \
        == ["The plan", "is dead"]


def test_who_in_capitals_is_the_organisation_not_a_relative(quotes_of):
    """(stop 57, an ABC article) `... in four countries: Germany, Japan, Vietnam and the U.S.,
    WHO confirmed, adding that there have been no deaths` gave WHO's words to Germany."""
    text = ("There now have been 98 cases of the virus outside of China, including cases in four "
            "countries: Germany, Japan, Vietnam and the U.S., WHO confirmed, adding that there "
            "have been no deaths outside of China.")
    assert not [q for q in quotes_of(text) if q.speaker == "Germany"]


def test_a_quote_opening_the_next_sentence_is_no_label_of_the_named_thing(quotes_of):
    """(the guard of the naming rule above, PolNeAR train) `Arab Israeli lawmakers called on the
    government to block Trump's visit. "He is ..." said X` keeps the lawmakers' call."""
    quotes = quotes_of("Arab lawmakers called on the government to block the minister's visit to "
                       "the city. \"He is not welcome here,\" said Ana Frej, a member of "
                       "parliament.")
    assert one(quotes, "to block the minister").speaker == "Arab lawmakers"


def test_a_cue_inside_the_words_after_a_parenthetical_cue_keeps_them(quotes_of):
    """(the guard of the rule above, PolNeAR dev) `Too often, Mr. Clarke said, the debate over
    the future of coal is infected with what he called tribalism` is all his."""
    quotes = quotes_of("Tom Clarke runs the plant. Too often, Mr. Clarke said, the debate over the "
                       "future of coal is infected with what he called tribalism.")
    assert [q for q in quotes if "infected with" in q.text and q.speaker == "Tom Clarke"], \
        [(q.speaker, q.text) for q in quotes]

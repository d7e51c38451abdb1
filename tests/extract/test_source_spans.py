"""Speaker spans of quotes (issue 20, round 5: PolNeAR source span errors read on the tune half
of dev, fixed in the span builder). Every sentence here is made up."""

import pytest

from newsprism.extract.mentions import find_mentions
from newsprism.extract.quotes import find_attributions
from newsprism.model import Article


def _atts(nlp, text):
    article = Article(id="a1", source="test", text=text)
    doc = nlp(text)
    return find_attributions(article, doc, find_mentions(article, doc))


def _speaker_text(nlp, text, fragment):
    hits = [a for a in _atts(nlp, text) if fragment in text[a.start:a.end]]
    assert len(hits) == 1, [(a.kind, text[a.start:a.end]) for a in hits]
    a = hits[0]
    return text[a.speaker_span[0]:a.speaker_span[1]] if a.speaker_span else None


@pytest.mark.parametrize("text, fragment, speaker", [
    # the parser hangs a "that" ending the quote on the cue verb as its subordinator
    ("“The harbour is moving a bit to the east and the sailors who use it understand that,” "
     "Okafor told the Coast Gazette in May. “Some boats will have to move.”",
     "harbour is moving", "Okafor"),
    # a first name the tagger reads as a modal or a verb
    ("“The eruption of the old quarrel is a reminder that the harbour will need a new "
     "master,” Will wrote.", "eruption of the old quarrel", "Will"),
    # an inverted cue whose subject the parser hung on the participle after it
    ("“I am not going to say it is a mistake, so forget about it,” said retired "
     "harbourmaster Tomas Hale, asked about his claim that he had sailed to Porto.",
     "not going to say", "retired harbourmaster Tomas Hale"),
])
def test_right_cue_speaker_despite_the_parse(nlp, text, fragment, speaker):
    got = _speaker_text(nlp, text, fragment)
    assert got is not None and speaker in got


def test_according_to_does_not_reach_into_the_paragraph_before(nlp):
    """The parser can run the last sentence of a paragraph into the next one: an "according
    to" there neither becomes the provenance of the quote before, nor takes its speaker."""
    text = ('In an essay last week, Nora Vale described the troubles of the harbour. "The '
            'number of boats in the harbour has doubled in the past three decades," she wrote, '
            '"and most of the owners work in low-paying jobs without any benefits."\n\n'
            "About 9,000 fishing boats sail from the region, according to federal statistics. "
            "Nearly a third of them are old.")
    atts = _atts(nlp, text)
    boats = [a for a in atts if "has doubled" in text[a.start:a.end]]
    assert boats and all(a.via is None for a in boats)
    region = [a for a in atts if "fishing boats sail" in text[a.clause_start:a.clause_end]]
    assert len(region) == 1
    span = region[0].speaker_span
    assert span is not None and text[span[0]:span[1]] == "federal statistics"


@pytest.mark.parametrize("text, fragment, speaker", [
    ('Most buyers must show a job, but the main test is a "lawful source of investment '
     'income," as a harbour office memo put it.', "lawful source", "a harbour office memo"),
    ("As the Tide Gazette put it, “Hello, the harbour is back.” The boats returned on Monday.",
     "the harbour is back", "the Tide Gazette"),
    ("As harbour analyst Dara Lind pointed out in December, “The delegates will have many "
     "chances to change the rules before the vote.”", "many chances", "Dara Lind"),
])
def test_as_x_put_it_and_pointed_out_are_cues(nlp, text, fragment, speaker):
    got = _speaker_text(nlp, text, fragment)
    assert got is not None and speaker in got


def test_an_age_noun_after_the_quote_is_the_speaker(nlp):
    text = ("Nora Vale posted the clip on Thursday.\n\n“What if the harbour had a second "
            "lighthouse?” the 43-year-old asked in the video’s description.")
    assert _speaker_text(nlp, text, "second lighthouse") == "the 43-year-old"


@pytest.mark.parametrize("text, fragment, speaker", [
    ("Scott Olson via Getty Images.\n\nVale then interjected, calling Okafor’s proposed "
     "harbour fee “a tax on every fisherman.”\n\n“We have to decide what is fair,” Vale said.",
     "a tax on every fisherman", "Vale"),
    ("In one of her columns, Nora Vale criticized people who sail at night, hitting “their "
     "reckless love for the dark sea and its storms.”", "reckless love", "Nora Vale"),
])
def test_a_fragment_after_a_participle_goes_to_the_subject_of_its_verb(nlp, text, fragment,
                                                                        speaker):
    got = _speaker_text(nlp, text, fragment)
    assert got is not None and speaker in got


def test_a_quote_after_another_persons_sentence_is_not_the_earlier_speakers(nlp):
    text = ("“We will keep the harbour open for every boat,” Vale said on Radio Porto.\n\n"
            "On “Harbour Week,” Senator Tomas Hale (Porto), who lost the primary to Vale, "
            "identified the young sailors’ anger as one reason to back the plan. “The younger "
            "people are sick and tired of closures and delays.”")
    atts = [a for a in _atts(nlp, text) if "younger people" in text[a.start:a.end]]
    assert len(atts) == 1
    span = atts[0].speaker_span
    assert span is not None and "Tomas Hale" in text[span[0]:span[1]]


def test_the_lead_sentence_may_start_after_the_last_paragraphs_closing_mark(nlp):
    """The parser glues a paragraph's closing quote mark to the next sentence."""
    text = ('"We need to step away from efforts to close the harbour," Vale said on Radio '
            'Porto.\n\nOn "Harbour Week," Sen. Tomas Hale (Porto), who lost the primary to Vale, '
            'identified young sailors\' anger as one reason to back the plan. "The younger '
            'people are sick and tired of closures and delays."')
    atts = [a for a in _atts(nlp, text) if "younger" in text[a.start:a.end]]
    assert len(atts) == 1
    span = atts[0].speaker_span
    assert span is not None and "Tomas Hale" in text[span[0]:span[1]]


@pytest.mark.parametrize("text", [
    # initials after the cue are no sentence end
    ("“This is a sad day for the harbour,” said Rep. T.K. Okafor (D-Porto), head of the "
     "Harbour Caucus. “The plan is a disgrace. It was a disgrace from the start.”"),
    # a sentence about the speaker, by pronoun, between the two quotes of one paragraph
    ('"We have had problems with the harbour in the past," Vale said after meeting with '
     'Mayor Tomas Hale. She did not suggest a fee. "Our goal is not to punish the '
     'fishermen."'),
])
def test_two_quotes_of_one_turn_are_one_attribution(nlp, text):
    atts = [a for a in _atts(nlp, text) if not a.continued]
    assert len(atts) == 1 and len(atts[0].parts) == 2


# Round 6: fragments under verbs of judging (PolNeAR tune half of dev).
@pytest.mark.parametrize("text, fragment, speaker", [
    # a "being" under a preposition is no verb of its own: the verb that governs it cues
    ("Dana Rivers blasted the local press for being “wildly unfair” on Monday. She left early.",
     "wildly unfair", "Dana Rivers"),
    ("Newt Harlow cynically dismissed the harbour town as being in the “suburbs of Porto” "
     "last week.", "suburbs of Porto", "Newt Harlow"),
    # a second verb of judging shares its subject with the first
    ("Tomas Hale described Sam Gold as a “menace” after Nora Vale attacked the harbour staff "
     "and blamed the floods on “careless planning” by the council.", "careless planning",
     "Nora Vale"),
])
def test_a_fragment_under_a_verb_of_judging_is_its_subjects(nlp, text, fragment, speaker):
    assert _speaker_text(nlp, text, fragment) == speaker


def test_being_under_a_verb_not_of_judging_quotes_no_one(nlp):
    text = ("A loud press may make it harder for our sailors to put on a show of being "
            "“strong” like the old captains, but there is no doubt we are all better off.")
    assert not [a for a in _atts(nlp, text) if a.speaker_span and "strong" in
                text[a.start:a.end]]


def test_a_partial_clause_ends_before_a_later_adverbial_clause(nlp):
    text = ("Tomas Hale described Sam Gold as a “menace” after Nora Vale attacked the harbour "
            "staff on Monday.")
    atts = [a for a in _atts(nlp, text) if "menace" in text[a.start:a.end]]
    assert atts and all("attacked" not in text[a.clause_start:a.clause_end] for a in atts)


_TRANSCRIPT_TEXT = (
    "On Sunday's show, harbour master Nora Vale said the new fees were fair.\n\n"
    "Partial transcript as follows:\n\n"
    "\"HALE: Let's start with the fees. Why would the harbour raise them now? And will the "
    "boats stay?\n\n"
    "\"VALE: Well, look, the council apparently thinks this is a game of “Monopoly.” But "
    "this is our town, Tom. The boats will stay.\n\n"
    "\"HALE: But, Ms. Vale, the fishermen say the fees are too high.\n\n"
    "\"VALE: The fees are lower than in any other port on this coast.")


def test_transcript_turns_that_open_with_a_quote_mark(nlp):
    """A transcript whose every turn opens with a quote mark it never closes: each turn is
    its label's, and no quote runs from one turn into the next."""
    text = _TRANSCRIPT_TEXT
    atts = [a for a in _atts(nlp, text) if not a.continued and a.start > 100]
    labels = [text[a.speaker_span[0]:a.speaker_span[1]] if a.speaker_span else None
              for a in atts]
    assert labels == ["HALE", "VALE", "HALE", "VALE"]
    assert [a.speaker for a in atts if "VALE" in text[a.start - 8:a.start]] == \
        ["Nora Vale", "Nora Vale"]
    for a in atts:  # every turn stays on its own line
        assert "\n" not in text[a.start:a.end]


@pytest.mark.parametrize("text", [
    "The mayor spoke on Tuesday about the damage to the old market.\n\n"
    "PHOTO GALLERY: Storms batter the harbour town\n\n"
    "The pastor said the town would rebuild.",
    "The council met again on Monday.\n\n"
    "TAX REFORM: THE SENATE FACTOR. In the brewing battle over a new tax plan, the senate is "
    "placed to play a decisive role, and both parties know it.",
    "The council met again on Monday.\n\n"
    "STORMS: Harbour Town Braces For Another Week Of Floods\n\n"
    "The pastor said the town would rebuild.",
])
def test_a_lone_capitalised_section_head_is_no_transcript_turn(nlp, text):
    """A capitalised label before a colon that names nobody in the article and opens one line
    only is a section head or a kicker, not a speaker (real coverage had "PHOTO GALLERY" and a
    newsletter's section heads as speakers)."""
    head = text.split("\n\n")[1]
    start = text.index(head)
    atts = [a for a in _atts(nlp, text) if a.start < start + len(head) and a.end > start]
    assert atts == []


def test_a_label_before_a_line_that_names_its_own_speaker_is_no_turn(nlp):
    """(stop 62, a BBC list of countries' measures) "UK: PM Boris Johnson said cafes, pubs
    and restaurants will be closed" gave the whole line to "UK" as its speaker."""
    text = ("Many countries took new measures on Friday, including:\n\n"
            "NORLAND: PM Jane Hale said cafes and pubs will be closed from Friday night\n\n"
            "The markets fell.")
    atts = [a for a in _atts(nlp, text) if "cafes" in text[a.start:a.end]]
    assert [(a.speaker, text[a.start:a.end]) for a in atts] == [
        ("Jane Hale", "cafes and pubs will be closed from Friday night")]
    # (guard) a one-word turn whose speaker tells what he said stays the turn's
    text = "The interview ran long.\n\nHALE: I said we would never close the port.\n\nIt ended."
    assert [a.speaker for a in _atts(nlp, text) if "close the port" in text[a.start:a.end]] == [
        "Hale"]


def test_a_lone_turn_label_naming_a_person_of_the_article_stays_a_turn(nlp):
    text = ("Harbour master Nora Vale spoke to the radio on Sunday.\n\n"
            "VALE: The fees are lower than in any other port on this coast.")
    atts = [a for a in _atts(nlp, text) if "fees are lower" in text[a.start:a.end]]
    assert [a.speaker for a in atts] == ["Nora Vale"]


def test_a_not_inside_the_quote_does_not_negate_the_cue_after_it(nlp):
    text = ('"Are we where we need to be? Probably not," Ms. Lane said. "Are we going to get '
            'there? Absolutely."')
    assert _speaker_text(nlp, text, "where we need to be") == "Ms. Lane"


def test_a_fragment_under_verbs_without_a_subject_goes_to_the_judging_verb(nlp):
    text = ('Gov. Ray Tamblin of Nova lauded Mr. Clerk in his annual address for helping '
            'develop "new and clever ideas."')
    assert _speaker_text(nlp, text, "new and clever") == "Gov. Ray Tamblin of Nova"


def test_a_partial_clause_ends_before_a_second_verb(nlp):
    text = "Dana Rivers mocked the plan as “a menace to the town” and left the hall."
    atts = [a for a in _atts(nlp, text) if "menace" in text[a.start:a.end]]
    assert atts and all("left the hall" not in text[a.clause_start:a.clause_end] for a in atts)


def test_a_second_verb_after_a_judging_verb_shares_its_subject(nlp):
    text = ("In the debate, Sam Gold called the harbour master “a menace” and compared "
            "her fee to “highway robbery” on Monday.")
    assert _speaker_text(nlp, text, "highway robbery") == "Sam Gold"


@pytest.mark.parametrize("text, fragment, speaker", [
    ("In the poll, 40 percent of voters backed the plan. An even bigger number (59 percent) "
     "said the harbour should “stay open for good.”", "stay open", "An even bigger number "
     "(59 percent)"),
    ("Sen. Tomas Hale (D-Porto) said the fee was “a disgrace to the town.”", "a disgrace",
     "Sen. Tomas Hale (D-Porto)"),
])
def test_a_speaker_span_keeps_its_closing_bracket(nlp, text, fragment, speaker):
    assert _speaker_text(nlp, text, fragment) == speaker


def test_going_on_to_starts_a_new_attribution_for_the_next_quote(nlp):
    text = ('"We will look at the needs of the town," Vale said, going on to contrast her plan '
            'with the mayor\'s. "So I would just say to the young: look at the issues."')
    nxt = [a for a in _atts(nlp, text) if "look at the issues" in text[a.start:a.end]]
    assert len(nxt) == 1 and not nxt[0].continued


def test_an_adjectival_participle_does_not_split_one_turn(nlp):
    text = ("“Let’s go, let’s have a big win in Porto,” he tells hundreds of screaming "
            "supporters at a party. “And let’s keep the harbour open.”")
    nxt = [a for a in _atts(nlp, text) if "keep the harbour" in text[a.start:a.end]]
    assert len(nxt) == 1 and nxt[0].continued


def test_an_object_pronoun_has_no_speaker_span(nlp):
    text = "On Monday the harbour board let them know that “the fees are here to stay.”"
    atts = [a for a in _atts(nlp, text) if "here to stay" in text[a.start:a.end]]
    assert atts and all(a.speaker_span is None or text[a.speaker_span[0]:a.speaker_span[1]]
                        != "them" for a in atts)


def test_a_participle_cue_does_not_climb_into_a_clause_that_is_not_reported(nlp):
    """`X attacked Y, saying A, B is “…”`: the parser can make the last clause the root and
    the first its complement; the participle is still X's, not the subject of a verb that
    reports nothing (round 7, read on PolNeAR train)."""
    text = ('Mayor Jane Rowan attacked the harbour board on Monday, saying the plan would '
            'ruin the port, its budget is "totally wrong" and the chairman is a "fraud."')
    atts = [a for a in _atts(nlp, text) if "ruin the port" in text[a.start:a.end]
            or "totally" in text[a.start:a.end]]
    assert atts
    for a in atts:
        assert a.speaker_span and "Jane Rowan" in text[a.speaker_span[0]:a.speaker_span[1]]


@pytest.mark.parametrize("text, fragment, speaker", [
    ("“Having the old charts is valuable,” said Varsly, explaining he worked more closely "
     "with the pilots.", "old charts", "Varsly"),
    ("Told of the harbour’s debts, Early described it as “news to me and to the board.”",
     "news to me", "Early"),
])
def test_a_name_in_ly_read_as_an_adverb_still_speaks(nlp, text, fragment, speaker):
    """The tagger reads "Varsly", "Early" as adverbs; capitalised beside the cue, mid-sentence,
    they are the speaker's name."""
    assert _speaker_text(nlp, text, fragment) == speaker


def test_a_capitalised_adverb_opening_a_sentence_is_no_speaker(nlp):
    text = "“The harbour is safe,” Hale said.\n\nFinally, he announced that the port was open."
    atts = [a for a in _atts(nlp, text) if "port was open" in text[a.start:a.end]]
    assert atts and all(text[a.speaker_span[0]:a.speaker_span[1]] == "he" for a in atts)


@pytest.mark.parametrize("text, fragment, speaker", [
    ('"Neighbour, I will be plain. The harbour can still be saved," the email read. It went on '
     "for pages.", "I will be plain", "email"),
    ('"The harbour will reopen in May and every boat will be welcome," read the statement '
     "from the port office.", "every boat will be welcome", "the statement"),
])
def test_a_text_that_reads_is_the_source(nlp, text, fragment, speaker):
    """`“…,” the email read`, `“…,” read the statement`: "read" is a cue when a text reads
    (the tagger often takes it for a noun there)."""
    got = _speaker_text(nlp, text, fragment)
    assert got is not None and speaker in got


def test_a_person_who_reads_a_title_is_no_source(nlp):
    text = 'Lena Rowan read "The Old Harbour of Porto" to the children on Monday.'
    assert not [a for a in _atts(nlp, text) if a.speaker_span]


def test_a_speech_participle_after_the_cue_is_its_own_attribution(nlp):
    """`“A,” X said, mentioning the boat is “…”`: the parser makes the participle the
    subject of a clause under "said"; the fragment is still X's, under its own cue, and not
    a part of A."""
    text = ('"We mended most of the nets before the storm came," Hale said, mentioning the '
            'new boat is "in the final stretch."')
    atts = _atts(nlp, text)
    first = next(a for a in atts if "mended most" in text[a.start:a.end])
    assert len(first.parts) == 1
    frag = [a for a in atts if "final stretch" in text[a.start:a.end]]
    assert frag and all(text[a.speaker_span[0]:a.speaker_span[1]] == "Hale" for a in frag)


@pytest.mark.parametrize("text", [
    "“The pier looks fine,” Hale told the Gazette in Porto when asked if he liked the new mayor.",
    "“This is about the harbour,” Rosa Lima said, when asked whether she backed the new mayor.",
])
def test_the_question_in_when_asked_is_no_ones_words(nlp, text):
    """`X said, when asked whether Y`: Y is the question put to X, not what X said."""
    atts = [a for a in _atts(nlp, text) if "mayor" in text[a.clause_start:a.clause_end]]
    assert not [a for a in atts if a.speaker_span]


@pytest.mark.parametrize("text, fragment, speaker", [
    ("Mara Voss said she welcomed the new pier and added, “We will sail again in May.”",
     "sail again", "Mara Voss"),
    ("Tomas Hale said he had read the report and added, “The harbour tax is a fair deal.”",
     "harbour tax", "Tomas Hale"),
])
def test_a_pronoun_cue_inside_a_reported_clause_is_the_reporters(nlp, text, fragment, speaker):
    """`X said she welcomed it and added, “…”`: the cue sits in the clause X reports; the
    speaker span is X (PolNeAR marks the reporting clause's subject), the speaker the same
    person either way."""
    hits = [a for a in _atts(nlp, text) if fragment in text[a.start:a.end]]
    assert hits and all(text[a.speaker_span[0]:a.speaker_span[1]] == speaker
                        and a.speaker == speaker for a in hits)


def test_a_pronoun_cue_for_another_person_keeps_its_own_span(nlp):
    """The outer speaker is taken only when the pronoun resolves to them. "he" is John: a
    "he" in the clause Susan reports does not make Susan a man (before, the sentence's
    pronoun outranked the first-name table, and "he" went to Susan)."""
    text = ("John Ortega met the harbour board on Monday. Susan Voss said he stood up and "
            "declared, “We will sail again in May.”")
    hits = [a for a in _atts(nlp, text) if "sail again" in text[a.start:a.end]]
    assert hits and all(text[a.speaker_span[0]:a.speaker_span[1]] == "he"
                        and a.speaker == "John Ortega" for a in hits)


@pytest.mark.parametrize("text, fragment, speaker", [
    ("Registered voters by 51-43 percent said the harbour plan was “a waste of money,” the "
     "survey found.", "waste of money", "Registered voters"),
    ("Harbour residents by a margin of 60 to 30 percent say the pier should be “rebuilt at "
     "once.”", "rebuilt at once", "Harbour residents"),
])
def test_a_poll_margin_is_not_part_of_the_speaker_span(nlp, text, fragment, speaker):
    """`Registered voters by 51-43 percent said`: the figures say how many spoke, not who."""
    assert _speaker_text(nlp, text, fragment) == speaker


def test_a_show_title_after_a_relative_clause_is_no_quote(nlp):
    """`said X, who hosts the radio show “Harbour Talk.” “…”`: the title is no quote, the
    description it cuts is left out, and the quote after it goes on with X's words."""
    text = ("“It's too early to tell,” said Ortega, who is also a host on the radio show "
            "\"Harbour Talk.\" “I mean, it depends on what happens with the vote.”")
    atts = _atts(nlp, text)
    assert not [a for a in atts if text[a.start:a.end].startswith("Harbour Talk")]
    spans = {text[a.speaker_span[0]:a.speaker_span[1]] for a in atts if a.speaker_span}
    assert spans == {"Ortega"}
    assert any("depends on what happens" in text[s:e] for a in atts for s, e in a.parts)


def test_the_british_spelling_of_criticise_is_a_verdict_cue(nlp):
    text = "Tom Hale also criticised the new mayor for making “very rude statements”."
    assert _speaker_text(nlp, text, "very rude statements") == "Tom Hale"


@pytest.mark.parametrize("text, fragment, span", [
    ('The board\'s worries go beyond Hale\'s controversial pledge to be "neutral about the '
     'pier" during the harbour talks.', "neutral about", "Hale's"),
    ('Voss blasted Hale\'s claim that the pier was "fully repaired by the crew" last spring.',
     "fully repaired", "Hale's"),
    ('He repeated his warning that the town would go to the "back of the queue" for repairs.',
     "back of the queue", "his"),
])
def test_a_fragment_in_a_possessed_claim_is_the_possessors(nlp, text, fragment, span):
    """`his promise to be “neutral”`, `Hale's claim that …`: the source span is whoever the
    claim belongs to, not the sentence's subject ("Voss blasted"); no speaker is resolved
    from it (the claim may be someone's as others put it)."""
    hits = [a for a in _atts(nlp, text) if fragment in text[a.start:a.end]]
    assert len(hits) == 1
    a = hits[0]
    assert text[a.speaker_span[0]:a.speaker_span[1]] == span and a.speaker is None


def test_a_fragment_in_a_clause_with_its_own_cue_is_not_the_possessors(nlp):
    text = 'Rosa Lima said the mayor\'s plan is "a disaster for the harbour."'
    assert _speaker_text(nlp, text, "disaster") == "Rosa Lima"


@pytest.mark.parametrize("text, fragment", [
    ("She is also hoping to calm worries among growers that a drawn-out harvest would hurt the "
     "co-op in the spring market, noting that the harvest four years ago ran longer than this "
     "one has and the co-op was still able to sell and grow that spring.", "ran longer"),
    ("She wants to soothe concerns among farmers that a prolonged drought would damage the "
     "valley in the next harvest, pointing out that the drought of the nineties lasted longer.",
     "lasted longer"),
])
def test_a_participle_hung_on_a_that_clause_is_not_that_clauses_subjects(nlp, text, fragment):
    """`X hopes to calm worries that Y would hurt Z, noting that …`: the parser hangs the
    participle on the "that" clause, whose subject (a harvest, a drought) says nothing: the
    owner is not that subject; the parse cannot tell whose it is, so no speaker."""
    atts = [a for a in _atts(nlp, text) if fragment in text[a.start:a.end]]
    spans = [text[a.speaker_span[0]:a.speaker_span[1]] for a in atts if a.speaker_span]
    assert not any("harvest" in s or "drought" in s for s in spans), spans


@pytest.mark.parametrize("text, fragment, speaker", [
    # the parser hangs "issued" on the quote's own verb
    ("Immediately after the storm, Okafor issued a statement, “Last night, our harbour was "
     "hit by the worst storm in decades.”", "harbour was hit", "Okafor"),
    ("The board issued a statement, “We regret the delay,” on Monday.", "regret the delay",
     "The board"),
])
def test_the_text_a_verb_issued_is_its_subjects(nlp, text, fragment, speaker):
    """`X issued a statement, “…”`: the quote is the statement, and X speaks (round 9, read
    on PolNeAR train)."""
    assert _speaker_text(nlp, text, fragment) == speaker


def test_a_statement_read_out_is_not_the_readers_own(nlp):
    text = "Okafor read a statement, “We will rebuild.”"
    assert _speaker_text(nlp, text, "will rebuild") is None


def test_a_relative_clause_on_a_noun_inside_the_source_is_cut_with_its_quoted_term(nlp):
    # Real text (stop 48) gave the source as "data from St. Louis Police, which classifies":
    # the clause hangs on "Police", not on the phrase's head "data".
    text = ("Five of the boys will never finish school, according to data from the Kelby "
            "Police, which classifies a “juvenile” as anyone under 17.")
    assert _speaker_text(nlp, text, "never finish school") == "data from the Kelby Police"

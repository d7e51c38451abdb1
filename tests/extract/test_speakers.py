"""Speaker resolution as coreference for speakers (issue 20): gender, salience, addressees,
names inside quotes, offices, statements, platforms, confidence, and no conflict from an
unresolved speaker."""

from __future__ import annotations

import pytest

from newsprism.compare.attribution import attribution_conflicts
from newsprism.extract.mentions import find_mentions
from newsprism.extract.names import name_gender
from newsprism.extract.speakers import SPEAKER_MIN_CONFIDENCE
from newsprism.model import Article, Entity, Quote
from newsprism.storage.codec import to_data


def _speaker(quotes, fragment: str):
    (q,) = [q for q in quotes if fragment in q.text]
    return q


def test_first_names_and_titles_tell_gender():
    assert name_gender("Elizabeth Miller") == "f" and name_gender("John Miller") == "m"
    assert name_gender("Miller") is None  # a lone word may be a surname
    assert name_gender("Kim Lee", "Mrs.") == "f"
    assert name_gender("Zyx Qwv") is None  # unknown: agreement is then not used


def test_a_role_word_the_model_took_into_the_name_hides_no_first_name():
    # "Comedian Sarah Doe" as one PERSON (round 9): Sarah is still the first name
    assert name_gender("Comedian Sarah Doe") == "f"
    assert name_gender("Comedian Doe") is None


def test_he_skips_the_woman_named_just_before(quotes_of):
    q = _speaker(quotes_of(
        "Tom Baxter leads the port union. He met Helen Carter on Monday.\n\n"
        "“We will not accept these terms at all,” he said."), "not accept")
    assert q.speaker == "Tom Baxter" and q.speaker_text == "he"


def test_she_skips_the_man_named_just_before(quotes_of):
    q = _speaker(quotes_of(
        "Mayor Ruth Olsen spoke after the vote. Officials then met David Novak.\n\n"
        "“The harbour will reopen in spring,” she said."), "harbour will reopen")
    assert q.speaker == "Ruth Olsen"


def test_subject_outranks_the_object_named_last(quotes_of):
    q = _speaker(quotes_of(
        "Peter Lang criticised Mark Hoffer for the delay on Tuesday.\n\n"
        "“This plan was never going to work,” he said."), "never going")
    assert q.speaker == "Peter Lang"


def test_a_name_inside_the_quote_never_speaks(quotes_of):
    q = _speaker(quotes_of(
        "“Mark Ruiz has said nothing about the budget for months,” Tom Hale told reporters."),
        "said nothing")
    assert q.speaker == "Tom Hale"


def test_the_addressee_is_not_the_speaker(quotes_of):
    quotes = quotes_of("Anna Berg arrived late.\n\n“The vote is off,” she told Maria Lopez.")
    assert _speaker(quotes, "vote is off").speaker == "Anna Berg"


def test_an_office_resolves_through_its_title(quotes_of):
    q = _speaker(quotes_of(
        "Gov. Dana Price signed the bill on Friday. Critics met Sen. Paul Ortiz later.\n\n"
        "“It is a good day for the state,” the governor said."), "good day")
    assert q.speaker == "Dana Price"


def test_an_indefinite_role_is_a_new_person_not_the_last_one_with_that_role(quotes_of):
    # "A spokesman for X" introduces someone; the spokesman named earlier is someone else.
    quotes = quotes_of(
        "Harbour board spokesman Leo Marsh told reporters on Tuesday, “We are talking to "
        "every member of the council this week.”\n\nA spokesman for Mayor Ruth Olsen said "
        "on Monday that Olsen “made clear that no ship may dock before the repairs are "
        "finished and paid for.”")
    assert _speaker(quotes, "every member").speaker == "Leo Marsh"
    q = _speaker(quotes, "no ship may dock")
    assert q.speaker != "Leo Marsh"
    assert q.speaker is None or "spokesman" in q.speaker.lower()


def test_a_row_of_linked_headlines_names_no_speaker(quotes_of):
    quotes = quotes_of(
        "The council met on Monday.\n\nOvernight Brief: Hale hosts Olsen at city hall | "
        "Says harbour chief has 'great relationship with the unions' | Highlights from the "
        "budget hearing\n\n“The budget is balanced,” Tom Hale said.")
    assert _speaker(quotes, "budget is balanced").speaker == "Tom Hale"
    # The row's quoted words are no one's (since stop 42 not even a quote: no_quote.py).
    assert not [q for q in quotes if "great relationship" in q.text]


def test_an_office_nobody_holds_stays_unresolved(quotes_of):
    q = _speaker(quotes_of(
        "Talks in Lisbon ended on Friday.\n\n“We are close to a deal,” the president said."),
        "close to a deal")
    assert q.speaker is None and q.speaker_text == "the president"
    assert q.speaker_confidence is not None and q.speaker_confidence < SPEAKER_MIN_CONFIDENCE


@pytest.mark.parametrize("cue", ["said", "continued"])
def test_the_statement_speaks_for_who_issued_it(quotes_of, cue):
    q = _speaker(quotes_of(
        "Lena Varga said in a statement on Monday that the plant would close.\n\n"
        f"“Every worker will be offered a new post,” the statement {cue}."), "Every worker")
    assert q.speaker == "Lena Varga" and q.speaker_text == "the statement"


@pytest.mark.parametrize("text", [
    "In a statement, the letter said the plan was dead. “We will not go on with it,” the "
    "letter said.",
    "Through a statement, the memo said the talks had failed. “The talks are over,” the memo "
    "added.",
])
def test_a_document_issued_by_a_document_speaks_for_no_one(quotes_of, text):
    """"In a statement, the letter said": the letter is the statement's issuer, and asking
    who issued the letter found the same statement again, without end (a RecursionError that
    stopped the whole `newsprism analyze` run; seen on a real Baly article)."""
    q = _speaker(quotes_of(text), "We will not" if "letter" in text else "The talks")
    assert q.speaker_text in ("the letter", "the memo")
    assert q.speaker in (None, q.speaker_text)  # never a person


def test_a_platform_is_never_a_person(nlp):
    text = "Twitter said it removed the posts. Jane Doe wrote on Twitter that it was late."
    article = Article(id="a", source="t", text=text)
    labels = {m.text: m.label for m in find_mentions(article, nlp(text))}
    assert labels.get("Twitter") != "PERSON"


def test_the_outlet_itself_is_never_a_person(nlp):
    text = "Carla Mendes told Harbour Daily that the vote was delayed."
    article = Article(id="a", source="t", text=text, outlet="Harbour Daily")
    labels = {m.text: m.label for m in find_mentions(article, nlp(text))}
    assert labels.get("Harbour Daily") != "PERSON"


def test_title_and_name_typed_org_is_the_person(nlp):
    text = ("Chief of staff Major General Ivo Brandt visited the base. Gen. Brandt said the "
            "army was ready.")
    article = Article(id="a", source="t", text=text)
    people = {m.text for m in find_mentions(article, nlp(text)) if m.label == "PERSON"}
    assert any("Brandt" in p for p in people), people


@pytest.mark.parametrize("unresolved", [None, ""])
def test_an_unresolved_speaker_never_makes_an_attribution_conflict(unresolved):
    words = "If our enemies could break us, they would not wait a moment."
    arts = {k: Article(id=k, source=k, text=f"“{words}” {k} said.") for k in "abc"}

    def quote(aid: str, speaker: str | None, entity: str | None, conf: float) -> Quote:
        return Quote(id=aid, article_id=aid, start=1, end=1 + len(words), text=words,
                     kind="direct", speaker=speaker, speaker_entity=entity,
                     speaker_text="he", speaker_confidence=conf)

    rivers = Entity(id="e1", name="Sam Rivers", type="PERSON")
    quotes = [quote("a", "Sam Rivers", "e1", 1.0), quote("b", "Sam Rivers", "e1", 1.0),
              quote("c", unresolved or None, None, 0.3)]
    assert attribution_conflicts(quotes, {"e1": rivers}, {k: k for k in arts}) == []
    assert attribution_conflicts(quotes, {}, {k: k for k in arts}) == []


def test_quotes_carry_speaker_confidence_in_the_report(quotes_of):
    quotes = quotes_of("“We will build the bridge next year,” Mayor Tom Hale said.")
    data = to_data(_speaker(quotes, "build the bridge"))
    assert data["speaker"] == "Tom Hale" and data["speaker_confidence"] >= 0.9


def _story(nlp, settings, texts: dict[str, str]):
    """Each article's facts (mentions and quotes) and the story of all of them."""
    from newsprism.entities import resolve_entities
    from newsprism.extract.quotes import find_quotes
    from newsprism.model import ArticleFacts, Story, StoryContext

    articles, facts = [], []
    for aid, text in texts.items():
        article = Article(id=aid, source=aid, text=text)
        doc = nlp(text)
        mentions = find_mentions(article, doc)
        articles.append(article)
        facts.append(ArticleFacts(aid, mentions=mentions,
                                  quotes=find_quotes(article, doc, mentions)))
    return facts, resolve_entities(StoryContext(Story("s", "s", tuple(texts)),
                                                tuple(articles), tuple(facts)), settings)


def test_an_office_resolves_through_the_story(nlp, settings):
    texts = {"a": "Gov. Dana Price signed the harbour bill on Friday in Porto.",
             "b": "The harbour bill was signed on Friday.\n\n"
                  "“It is a good day for the state,” the governor said."}
    facts, story = _story(nlp, settings, texts)
    assert [q.speaker for q in facts[1].quotes] == [None]  # its own article names nobody
    (q,) = story.quotes
    assert q.speaker == "Dana Price" and q.speaker_entity is not None
    assert SPEAKER_MIN_CONFIDENCE <= q.speaker_confidence < 1.0


def test_an_office_brought_in_unnamed_stays_unnamed_in_the_story(nlp, settings):
    """Stop 60, real text: `A senior administration official ... “…,” the official told
    reporters` had gone to the one person the story titles "official" (a North Korean
    official named further down): the article had brought its official in unnamed."""
    texts = {"a": "A senior harbour official later gave more details about the closure.\n\n"
                  "“The ferry crews did not show up,” the official told reporters.\n\n"
                  "Earlier, port official Dana Price dismissed the remarks as noise.",
             "b": "Port official Dana Price spoke to the board on Friday."}
    (q,) = [q for q in _story(nlp, settings, texts)[1].quotes if "ferry crews" in q.text]
    assert q.speaker is None
    # (guard) without an unnamed one before it the office still finds its one holder
    texts = {"a": "The harbour bill was signed on Friday.\n\n"
                  "“It is a good day for the port,” the official told reporters.",
             "b": "Port official Dana Price signed the harbour bill on Friday."}
    (q,) = [q for q in _story(nlp, settings, texts)[1].quotes if "good day" in q.text]
    assert q.speaker == "Dana Price"


@pytest.mark.parametrize("text", [
    "Speaker of the House of Delegates Laura Whitfield (D-VA) says the budget is dead. "
    "She told the Gazette, “We will not pass this bill in any form this year.”",
    "The Chairman of the Joint Staff of the Northland Armed Forces Major General Ivo "
    "Brandt said the drills would go on. “We will not stop these drills this year,” he said.",
])
def test_a_name_swallowed_by_an_org_still_speaks(quotes_of, text):
    (q,) = [q for q in quotes_of(text) if "this year" in q.text]
    assert q.speaker is not None and q.speaker.split()[-1] in ("Whitfield", "Brandt")


def test_the_president_is_not_the_vice_president(quotes_of):
    q = _speaker(quotes_of(
        "President Ana Ruiz met Vice President Tom Berg on Monday in Porto.\n\n"
        "“We have agreed on the budget for next year,” the president said."), "agreed on")
    assert q.speaker == "Ana Ruiz"


def test_a_foreign_president_named_far_back_is_not_the_president_here(quotes_of):
    """The only "President" titled in the article is a foreign one named in passing long
    before; the paragraphs around the quote are about another man (never titled there): "the
    President" stays unresolved (round 12, a real column's quote given to the foreign one)."""
    q = _speaker(quotes_of(
        "Tom Hale has declared an emergency to fund his harbour wall.\n\n"
        "Hale has also praised the counsel of Brazilian President Joao Lima over his own "
        "advisers.\n\n" + "Hale's fight with the council over the harbour budget has gone on "
        "for months, and each side blames the other for the delay in the repairs.\n\n" * 12 +
        "Critics say the move tests the courts. Hale has dared them to act, and "
        "his allies in the council have backed him.\n\nThe courts may move slowly. Hale's "
        "explanation for the emergency was revealing.\n\nBut the remark said much about a "
        "rule rooted in outrage more than in any long-term plan.\n\n"
        "\u201cI could build the wall over a longer time, but I want it faster,\u201d the "
        "President said."), "longer time")
    assert q.speaker is None and q.speaker_text == "the President"
    # Named in the paragraph before, the foreign president is still "the President".
    q = _speaker(quotes_of(
        "Tom Hale met Brazilian President Joao Lima on Monday.\n\n"
        "\u201cWe will build the bridge together,\u201d the President said."), "bridge")
    assert q.speaker == "Joao Lima"


def test_he_is_the_subject_of_a_clause_rather_than_its_object(quotes_of):
    """Round 12, real text: "That was far from the only time Trump ran down Sessions in the
    interview. He told X that “…”" gave the quote to Sessions (the object, the most recent man
    named) as no main clause had a subject; the subject of the relative clause outranks it."""
    q = _speaker(quotes_of(
        "Hours after being insulted by Mayor Tom Hale, Judge Ivo Brandt hit back.\n\n"
        "The first line came as a rebuttal to Hale putting Brandt on blast in his interview "
        "with host Lena Ruiz: \"I put in a judge who never took control of the court.\"\n\n"
        "That was far from the only time Hale ran down Brandt in the interview. He told Ruiz "
        "that \"even my enemies say Brandt should have told me he would step aside.\""),
        "even my enemies")
    assert q.speaker == "Tom Hale"


def test_two_judges_leave_the_judge_unresolved(quotes_of):
    q = _speaker(quotes_of(
        "Judge Carl Moss heard the case after Judge Peter Lund stepped aside.\n\n"
        "“The court will sit again in March,” the judge said."), "sit again")
    assert q.speaker is None and q.speaker_text == "the judge"


def test_an_apposition_titles_its_own_head_not_its_object(quotes_of):
    q = _speaker(quotes_of(
        "Paul Reyes, an assistant to the president, posted a video of Maria Lind on Sunday. "
        "In the clip, the former vice president said, “We can still win this state.”"),
        "still win")
    assert q.speaker != "Paul Reyes"


def test_father_and_son_stay_two_people(quotes_of):
    quotes = quotes_of(
        "Senator Carl Webb Sr. defended his son Carl Webb Jr. on Monday.\n\n"
        "“My son did nothing wrong in this matter,” Carl Webb Sr. said.\n\n"
        "“I never met the buyer before the sale,” Carl Webb Jr. said.")
    assert _speaker(quotes, "son did nothing").speaker != _speaker(quotes, "never met").speaker


def test_a_known_gender_outranks_an_unknown_name_when_no_one_is_the_subject(quotes_of):
    q = _speaker(quotes_of(
        "Mayor Ruth Olsen recalled the advice she got from Mr. Tom Hale about Porto talks: "
        "He said, “Never sign on the first day of talks.”"), "Never sign")
    assert q.speaker == "Tom Hale"


def test_younger_and_elder_never_take_the_namesake(quotes_of):
    text = ("Carl Webb Jr. met the bankers in June. His father, Carl Webb, was not there.\n\n"
            "“We had a good meeting with them,” the younger Mr. Webb said on Tuesday.\n\n"
            "“It was nothing at all,” the elder Mr. Webb said.")
    quotes = quotes_of(text)
    assert _speaker(quotes, "good meeting").speaker == "Carl Webb Jr."
    assert _speaker(quotes, "nothing at all").speaker == "Carl Webb"
    # No son named: "the younger Mr. Webb" is someone the article does not name in full.
    alone = quotes_of("Carl Webb was not there.\n\n"
                      "“We had a good meeting with them,” the younger Mr. Webb said.")
    assert _speaker(alone, "good meeting").speaker is None


def test_the_name_after_a_role_word_speaks_not_the_employer(quotes_of):
    q = _speaker(quotes_of(
        "Senator Dale Voss left the hall early on Monday.\n\n"
        "“We will not back down on this bill,” Voss spokeswoman Mara Quill said."),
        "not back down")
    assert q.speaker == "Mara Quill"


@pytest.mark.parametrize("who", ["A spokesman for Governor Ada Brill", "Another spokesman"])
def test_an_indefinite_description_is_someone_not_named_before(quotes_of, who):
    # "a spokesman" introduces a new person: never the spokesman quoted a paragraph earlier.
    quotes = quotes_of(
        "City Hall spokesman Rob Teller told reporters on Monday, “We are talking to the "
        "unions every day.”\n\n"
        f"{who} said that Brill had “asked for a full account of the delays before any vote.”")
    q = _speaker(quotes, "full account")
    assert q.speaker != "Rob Teller"


def test_an_ad_line_between_paragraphs_keeps_the_speaker_in_reach(quotes_of):
    # The ad slot is no paragraph: "he" still reaches the speaker of the paragraph before it,
    # not the man named only as the owner of a budget.
    q = _speaker(quotes_of(
        "Tom Baxter spoke at the depot on Monday. “Buses will run all night,” he said.\n\n"
        "Advertisement Continue reading the main story\n\n"
        "The challenger focused on the cost of Mr. Reyes's budget. “We cannot wait for the "
        "state,” he said."), "cannot wait")
    assert q.speaker == "Tom Baxter"


def test_he_claimed_about_a_woman_does_not_make_her_a_he(quotes_of):
    # "X, he claimed, ...": the pronoun is someone else speaking about X; it must not tell
    # X's gender (it once turned "Mary" male, and every later "he" went to her).
    quotes = quotes_of(
        "Frank Dolan spoke to a crowd in Ohio on Tuesday. His rival Mary Keller, he claimed, "
        "\"sees voters only as numbers and not as people worthy of a future.\" He urged young "
        "voters to give him a chance, saying: \"What do you have to lose by trying something "
        "new?\"")
    assert _speaker(quotes, "sees voters").speaker == "Frank Dolan"
    assert _speaker(quotes, "have to lose").speaker == "Frank Dolan"


def test_the_outlet_cited_as_source_is_not_the_speaker(quotes_of):
    quotes = quotes_of(
        "Frank Dolan has now made it clear that Baker should withdraw. Here is what he told "
        "reporters, according to Politico: \"His remarks were offensive and wrong and he "
        "should step aside from the race.\" Baker did not reply.")
    assert _speaker(quotes, "offensive and wrong").speaker == "Frank Dolan"


def test_the_person_a_story_reports_on_is_the_one_he_continues(quotes_of):
    # "a story saying that X plans ...": no person reports it, so X is what the sentence is
    # about, and the "he" of the next quote is X, not the man of the sentence before.
    quotes = quotes_of(
        "Bureau chief James Osher told reporters on Thursday that he will not attend. "
        "Dispatch, on the other hand, posted a story saying that editor John Harlow plans to "
        "attend. \"As editor, I routinely have off-the-record talks with people who have "
        "questions,\" he said.")
    assert _speaker(quotes, "As editor").speaker == "John Harlow"


def test_the_addressee_before_a_pronoun_is_never_the_pronoun(quotes_of):
    # "In a letter to President X, she said": X (of unknown gender by first name) was written
    # to; "she" is the woman of the paragraph before.
    quotes = quotes_of(
        "Nomination would be \"lengthy and costly,\" she says in letter to president\n\n"
        "Susan Reed , the U.S. ambassador to the United Nations who drew heavy criticism over "
        "her statements, withdrew her name from consideration for secretary of state on "
        "Thursday.\n\nIn a letter to President Barack Holt, she said \"the confirmation "
        "process would be lengthy, disruptive, and costly -- to you and to our priorities.\" "
        "Holt accepted her letter.")
    assert _speaker(quotes, "confirmation process").speaker == "Susan Reed"


def test_the_outlet_cited_before_a_quote_paragraph_is_not_its_speaker(quotes_of):
    quotes = quotes_of(
        "Frank Dolan, the party's nominee, has now made it clear that Baker should withdraw."
        "\n\nHere's what he told reporters, according to Politico:\n\n\"His remarks were "
        "offensive and wrong and he should step aside from the race.\" Baker did not reply.")
    assert _speaker(quotes, "offensive and wrong").speaker == "Frank Dolan"


@pytest.mark.parametrize("text, fragment, as_written", [
    ("Mayor Lena Okafor won the harbour vote last spring. Okafor supporters are more engaged "
     "in the contest, and say they are more likely to vote than her rivals.",
     "more likely to vote", "Okafor supporters"),
    ("Lena Okafor spoke on Monday.\n\n“We will build the harbour,” Okafor aides said.",
     "build the harbour", "Okafor aides"),
])
def test_a_name_that_modifies_the_speaker_noun_is_not_the_speaker(quotes_of, text, fragment,
                                                                   as_written):
    """"Okafor supporters say …": the supporters speak, not Okafor (round 9, seen on real
    text: "Romney supporters … say" given to Mitt Romney)."""
    q = _speaker(quotes_of(text), fragment)
    assert q.speaker != "Lena Okafor" and q.speaker_text == as_written


def test_one_adviser_is_someone_not_named_before(quotes_of):
    """"one adviser" introduces a person, as "an adviser" does: never the adviser named in the
    sentence before (round 9, PolNeAR train: "one longtime adviser to X" given to a named
    adviser)."""
    q = _speaker(quotes_of(
        "Mayor Lena Okafor spoke first. Her adviser Tom Hale backed her.\n\n"
        "\"The harbour will not close,\" one adviser said."), "will not close")
    assert q.speaker != "Tom Hale"


def test_a_president_only_named_nearby_does_not_break_the_tie(quotes_of):
    """Two people hold the office, and the paragraph before only names one of them in passing
    ("a dinner for President X"), as no subject or speaker: "the president" stays unresolved.
    The mention in passing used to decide it (round 9, seen on real text: a host's words given
    to the visiting president)."""
    q = _speaker(quotes_of(
        "President Ana Ruiz and Brazilian President Joao Lima met on Monday. Ruiz pressed Lima "
        "on trade.\n\nThe visit ended with a dinner for Brazilian President Joao Lima.\n\n"
        "“It is a historic chance to build new ties,” the president told staff at the "
        "embassy."), "historic chance")
    assert q.speaker is None and q.speaker_text == "the president"


@pytest.mark.parametrize("text, fragment", [
    ("“The harbour will reopen in spring,” said Black, who has been friends with Tom Hale "
     "for 40 years.", "harbour will reopen"),
    ("KellyAnne Conway, a pollster who supported Sen. Tom Hale during the primaries, said the "
     "harbour “will reopen in spring.”", "will reopen"),
])
def test_a_name_in_the_speakers_description_is_not_the_speaker(quotes_of, text, fragment):
    """A name the model does not tag as a person, described by a clause that names someone
    else: the someone else does not speak (round 9, PolNeAR train tune: "Black, who has been
    friends with Manafort for 40 years" resolved to Manafort)."""
    q = _speaker(quotes_of(text), fragment)
    assert q.speaker is None or "Hale" not in q.speaker


def test_the_byline_above_the_story_is_no_one_it_talks_about(quotes_of):
    """"Nora Vale" / "HARBOUR TIMES" / story: the writer's name alone on its line above the
    first sentence is not a person a "he" in the story can be (round 9, seen on real text: a
    senator's statement given to the reporter in the byline)."""
    quotes = quotes_of(
        "Nora Vale\n\nHARBOUR TIMES\n\nA sailor approached the senator at the dock on Friday "
        "after he released a statement saying he would vote for the harbour bill.")
    q = _speaker(quotes, "vote for the harbour bill")
    assert q.speaker is None and q.speaker_text == "he"


def test_a_name_modifying_a_description_is_not_what_the_sentence_is_about(quotes_of):
    """"X heckled Bernie Okafor supporters …", "Lindqvist, herself an Okafor supporter, drew
    boos … She continued": Okafor only modifies a noun, so the "she" is not Okafor's (round 9,
    PolNeAR train tune: a "She continued" given to a man named that way)."""
    q = _speaker(quotes_of(
        "Comedian Sarah Lindqvist heckled Bernie Okafor supporters on Monday after telling "
        "holdouts for the senator that they were “being ridiculous.”\n\nLindqvist, herself "
        "an Okafor supporter during the primary, drew boos upon saying, “The mayor heard the "
        "passion of the people.”\n\nShe continued, “I am proud to be a part of this "
        "movement.”"), "proud to be a part")
    assert q.speaker != "Bernie Okafor"


@pytest.mark.parametrize("text, fragment, speaker", [
    ("“The law is sound,” wrote University of Porto law school dean Tomas Hale.", "law is sound",
     "Tomas Hale"),
    ("Michael Cohen met him in May. “What financing?” Okafor asks, interrupting Cohen.",
     "What financing", "Okafor"),
])
def test_a_name_at_the_end_of_a_long_title_still_speaks(quotes_of, text, fragment, speaker):
    """Guards for the round 9 rules on names inside a speaker phrase: a name after a long title
    (the parser may head the phrase on "University") and a name before a cue read as a noun
    ("Okafor asks") still speak."""
    assert _speaker(quotes_of(text), fragment).speaker == speaker


def test_it_continues_a_group_written_with_its_description(quotes_of):
    q = _speaker(quotes_of(
        "The Harbour Study Committee, a group of 105 sailors, rejected the plan, calling it "
        "“reckless.” Instead, it proposes slashing the harbour budget."), "slashing")
    assert q.speaker == "Harbour Study Committee" and q.speaker_text == "it"


def _quotes_retagged(nlp, text: str, label: dict[str, str], lone: bool = False):
    """The quotes of `text` with the NER's reading of some lone words replaced (label "" drops
    the entity; with `lone`, only where the word is an entity alone): real text had surnames
    typed NORP or not tagged, which made-up names are not."""
    from spacy.tokens import Span

    from newsprism.extract.quotes import find_quotes
    article = Article(id="a1", source="test", text=text)
    doc = nlp(text)
    keep = [e for e in doc.ents if not any(t.text in label for t in e)
            or lone and len(e) > 1]
    new = [Span(doc, t.i, t.i + 1, label=label[t.text]) for t in doc
           if label.get(t.text) and not any(e.start <= t.i < e.end for e in keep)]
    doc.ents = sorted(keep + new, key=lambda e: e.start)
    return find_quotes(article, doc, find_mentions(article, doc))


def test_he_after_an_untagged_surname_subject_is_not_the_last_name_before(nlp):
    """Round 10, real text: "Chambliss kicked off ... by telling a station, “…” He added,
    “…”" with the name typed NORP (also in "Sens. Saxby Chambliss") gave the "he" to the last
    man of a list of names in the paragraph before, at 0.95. The subject of the sentence
    before, a name the article writes after a title, is a person of its own."""
    text = ("Add Sens. Rowan Haverbrook and Lisa Marr to the growing list, along with Reps. "
            "Carl Yost, Ben Otero and Scott Rigby.\n\nHaverbrook kicked off the latest break by "
            "telling a local station, “I care more about my country than a pledge.” He added, "
            "“If we keep the pledge, we stay in debt.”")
    q = _speaker(_quotes_retagged(nlp, text, {"Haverbrook": "NORP"}), "stay in debt")
    assert q.speaker == "Haverbrook" and q.speaker_text == "He"
    q = _speaker(_quotes_retagged(nlp, text, {"Haverbrook": ""}), "stay in debt")
    assert q.speaker == "Haverbrook"


def test_a_capitalised_subject_never_written_after_a_title_is_no_person(nlp):
    """Guard: "Loyalty, he noted, …" or "the Republican said" must not become people whom a
    later "he" is given to."""
    text = ("Mayor Tom Otero spoke on Monday.\n\nLoyalty, he noted, has long been a core "
            "value of the party. “We stay together,” he said.")
    q = _speaker(_quotes_retagged(nlp, text, {"Loyalty": ""}), "stay together")
    assert q.speaker == "Tom Otero"


def test_a_known_surname_that_is_a_role_word_is_the_name(nlp):
    """Round 10, real text: "King agreed …, saying, “…”" (Rep. Peter King named before, the
    lone "King" not tagged) was read as the role word "king" and given to another person."""
    text = ("King Harald of Norway visited the capital. Reps. Dale King and Scott Rigby "
            "joined the group on Monday.\n\nKing agreed with the plan on a Sunday show, saying, "
            "“A pledge you signed years ago is for that Congress.”")
    q = _speaker(_quotes_retagged(nlp, text, {"King": ""}, lone=True), "pledge you signed")
    assert q.speaker == "Dale King"


def test_the_name_after_a_quote_and_and_does_not_speak(quotes_of):
    """Round 9 lead's reading: "X, nudged her: “You go first,” and Y sighed" went to Y. A
    clause opened by "and" after the closing mark is no tag: the quote is X's, after the colon
    of X's sentence; the "she" of the next quote is still Y, the subject of that clause."""
    quotes = quotes_of(
        "Ask Dana Fielder and Rosa Quint-Ortega. Both are engaged voters.\n\n“That is a good "
        "question,” Fielder, said, squirming. Quint-Ortega, nudged her: “You go first,” and "
        "Fielder sighed. “I am torn between the two,” she said.")
    assert _speaker(quotes, "go first").speaker == "Rosa Quint-Ortega"
    assert _speaker(quotes, "torn between").speaker == "Dana Fielder"


def test_a_whole_quote_after_the_comma_of_a_main_clause_is_its_subjects(quotes_of):
    """Round 10, PolNeAR train tune miss class "gold span, none of ours": `X shared her worry
    with an audience, “…”` (a verb no speech, a comma, a quoted sentence) had no speaker."""
    q = _speaker(quotes_of(
        "Earlier this week, Rita Vance shared a bit of her anxiety with an audience at a "
        "fundraiser in the hills, “I do not know which rival will show up.”"), "which rival")
    assert q.speaker == "Rita Vance"


@pytest.mark.parametrize("text, fragment", [
    ("Rita Vance did not share her worry with the audience, “I do not know what comes.”",
     "what comes"),
    ("When Rita Vance arrived at the hall, “We are not done yet” was on every sign.",
     "not done yet"),
])
def test_no_speaker_from_a_comma_after_a_negated_verb_or_a_subclause(
        quotes_of, text, fragment):
    """Guards of the comma rule: a negated verb says nothing, a subordinate clause before the
    comma is no main clause."""
    assert _speaker(quotes_of(text), fragment).speaker is None


@pytest.mark.parametrize("text", [
    "“We will not back down,” Maria Lopez and David Chen said in a joint letter.",
    "“We will not back down,” Rita Vance and Tom Hale said in a joint letter.",
])
def test_two_people_joined_by_and_are_not_one_speaker(quotes_of, text):
    """Round 10 (PolNeAR train tune, 19 such speakers): "X and Y said" was resolved to X (or
    to Y); both speak, so neither alone is the speaker: unresolved, with the span kept. The
    second text has the NER type one of the two names otherwise."""
    q = _speaker(quotes_of(text), "back down")
    assert q.speaker is None and q.speaker_text is not None and " and " in q.speaker_text


def test_a_title_with_and_before_one_name_is_one_speaker(quotes_of):
    """Guard: "Vice President for news and talk X" is one person, X."""
    q = _speaker(quotes_of(
        "Harbour Radio Vice President for news and talk Dave Gorman called the show “the "
        "best news show of record.”"), "news show")
    assert q.speaker is not None and q.speaker.endswith("Dave Gorman")


def test_a_description_parsed_as_a_second_subject_does_not_speak(nlp):
    """Stop 36, real text: in "possible GOP 2016 presidential contender Jeb Bush doubled down
    …, scolding critics by stating that he had “lost patience”" the parser made both
    "contender" and "Bush" subjects of "doubled", and the participle's speaker became the
    description "possible … contender". Side by side, the name (the later subject) speaks.
    The parse is set by hand: made-up names get another parse."""
    from newsprism.extract.quotes import find_quotes
    text = ("This past week, possible presidential contender Tom Varga doubled down on his "
            "support for the harbour plan, scolding critics of the plan by stating that he had "
            "“lost patience” with them.")
    article = Article(id="a1", source="test", text=text)
    doc = nlp(text)
    by_text = {t.text: t for t in doc}
    contender, verb = by_text["contender"], by_text["doubled"]
    contender.head, contender.dep_ = verb, "nsubj"
    by_text["Varga"].head, by_text["Varga"].dep_ = verb, "nsubj"
    assert [c.text for c in verb.children if c.dep_ == "nsubj"] == ["contender", "Varga"]
    q = _speaker(find_quotes(article, doc, find_mentions(article, doc)), "lost patience")
    assert q.speaker == "Tom Varga"


def test_a_gendered_title_never_joins_a_full_name_of_the_other_gender(quotes_of):
    """Stop 36, real text: "Jonette and Ken X have become uneasy ... says Mrs. X": the only
    full name was Ken's, and every "Mrs. X" quote went to him. A surname with "Mrs."/"Ms."
    (or "Mr.") stays apart from a full name whose first name is the other gender; the man's
    own quotes ("Mr. X, who notes he ...") still go to him."""
    quotes = quotes_of(
        "Jonette and Ken Vanterpool have become uneasy with the debate.\n\n“We should defend "
        "our own values,” says Mrs. Vanterpool, who retired last month. “Not all diversity "
        "deserves celebration,” continues Mr. Vanterpool, who notes he voted for the mayor.\n\n"
        "“Expressing pride in the town today is often met with endless reminders,” says Mrs. "
        "Vanterpool.")
    assert _speaker(quotes, "own values").speaker != "Ken Vanterpool"
    assert _speaker(quotes, "Expressing pride").speaker != "Ken Vanterpool"
    assert _speaker(quotes, "Not all diversity").speaker == "Ken Vanterpool"


def test_a_bare_name_is_not_the_person_whose_patronymic_it_is(quotes_of):
    """Stop 37, real text: "King Salman strongly denied ..." was given to "Mohammed bin
    Salman", named before: after "bin" the name is the father's, and a bare "Salman" is most
    often the father himself. "bin Salman" still joins the son."""
    quotes = quotes_of(
        "Crown Prince Faisal bin Nasser met the envoys on Monday.\n\n"
        "In a call, King Nasser strongly denied any knowledge of the missing shipment, "
        "the envoy said.\n\n"
        "\u201cWe will open every port to inspectors,\u201d bin Nasser said.")
    (denied,) = [q for q in quotes if q.text.startswith("any knowledge")]
    assert denied.speaker_text == "King Nasser" and denied.speaker == "Nasser"
    assert _speaker(quotes, "every port").speaker == "Faisal bin Nasser"
    # The envoy who reports the call is no one named here (it was the prince, at 0.65).
    (call,) = [q for q in quotes if q.text.startswith("In a call")]
    assert call.speaker is None


def test_a_shared_surname_after_two_conjoined_subjects_is_the_first_named(quotes_of):
    """Stop 40, planted set (a real line): "President-elect X Y and incoming first lady Z Y
    received …", then "“…,” Y said" went to the most recent namesake at 0.65, below the bar of
    an attribution conflict, so a planted swap of that quote was lost. Of two people named as
    subjects of one clause, the one named first keeps the bare surname (news style names the
    other in full), resolved as a nearby reference is."""
    for first, second in (("Tomas Reyvan", "Ana Reyvan"), ("Ana Reyvan", "Tomas Reyvan")):
        quotes = quotes_of(
            f"Governor-elect {first} and {second} received their first vaccine doses on "
            "Monday in a show of support. “I am doing this to show people it is safe,” Reyvan "
            "said.")
        q = _speaker(quotes, "show people it is safe")
        assert q.speaker == first and q.speaker_confidence >= 0.7
def test_a_name_set_off_at_the_end_of_a_described_subject_is_the_subject(nlp):
    """Real Baly text: "And Iran's ambassador to the UK, Hamid Baeidinejad, apologised …" was
    parsed with the name in apposition to "UK"; the name was no subject, and the next "he
    said" went to the minister named before. A name set off by commas at the end of a subject
    headed by a common noun, right before that subject's verb, is the subject. The parse is
    given here as the model made it (made-up names)."""
    from spacy.tokens import Doc

    from newsprism.extract.speakers import People

    words = ["And", "Vardania", "'s", "envoy", "to", "the", "UK", ",", "Hamid", "Tavakoli",
             ",", "apologised", "."]
    heads = [11, 3, 1, 11, 3, 6, 4, 6, 9, 6, 3, 11, 11]
    deps = ["cc", "poss", "case", "nsubj", "prep", "det", "pobj", "punct", "compound", "appos",
            "punct", "ROOT", "punct"]
    pos = ["CCONJ", "PROPN", "PART", "NOUN", "ADP", "DET", "PROPN", "PUNCT", "PROPN", "PROPN",
           "PUNCT", "VERB", "PUNCT"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
    start = doc[8].idx
    end = doc[9].idx + len(doc[9].text)
    people = People(doc, (), [])
    assert people._is_subject(start, end)
    assert not people._is_subject(doc[6].idx, doc[6].idx + 2)  # (guard) "UK" is no subject


def test_a_clause_under_a_verb_that_reports_nothing_is_no_report(nlp):
    """Real Baly text: "… if the court granted the relief Francisco has asked for", parsed with
    "asked" as a complement of "granted", made Francisco the subject of a report no person
    makes, hence salient, and a woman's next "she said" went to him. Only a verb of saying
    makes a report (the parse is given as the model made it; made-up names)."""
    from spacy.tokens import Doc

    from newsprism.extract.spans import reported_by_no_one

    words = ["if", "the", "court", "granted", "the", "relief", "Varga", "has", "asked", "for"]
    heads = [3, 2, 3, 3, 5, 6, 8, 8, 3, 8]
    deps = ["mark", "det", "nsubj", "ROOT", "det", "compound", "nsubj", "aux", "ccomp", "prep"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps,
              lemmas=["if", "the", "court", "grant", "the", "relief", "Varga", "have", "ask",
                      "for"])
    assert not reported_by_no_one(doc[8])
    words = ["the", "paper", "reported", "that", "Varga", "plans", "to", "run"]
    doc = Doc(nlp.vocab, words=words, heads=[1, 2, 2, 5, 5, 2, 7, 5],
              deps=["det", "nsubj", "ROOT", "mark", "nsubj", "ccomp", "aux", "xcomp"],
              lemmas=["the", "paper", "report", "that", "Varga", "plan", "to", "run"])
    assert reported_by_no_one(doc[5])  # (guard) a paper's report


def test_a_speaker_phrase_cut_inside_a_name_names_no_one(quotes_of, quote_with):
    """Stop 44, real text: with no comma after the name, "according to Columbia University
    historian Eric Foner became “…”" parsed the source as "Columbia", a piece of the
    university's name, and gave it the quote. A phrase the parse stops inside a name is no
    speaker; the same source set off by commas is the historian."""
    cut = quotes_of("The league, which, according to Kelby University historian Dana Voss "
                    "became \u201ca force serving the interests of the harbour lobby.\u201d "
                    "Nor is there a word on it.")
    assert all(q.speaker != "Kelby" for q in cut)
    whole = quotes_of("The group, according to Kelby University economist Dana Voss, "
                      "\u201cchanged the market for good.\u201d")
    assert quote_with(whole, "changed the market").speaker == "Dana Voss"


def test_two_titled_people_joined_by_and_both_speak(quotes_of, quote_with):
    """Stop 44, real text: "Secretary of State Mike Pompeo and Defence Secretary Jim Mattis
    had urged senators ..., saying ..." gave the words of both to Mattis: the second name's
    title stood between "and" and the name. Neither alone is the speaker; a name in an
    apposition ("an aide to X and Y") is still no second speaker."""
    quotes = quotes_of("Secretary of State Dana Voss and Defence Secretary Ivo Brandt had urged "
                       "senators not to back the motion, saying it would worsen the war.")
    assert quote_with(quotes, "worsen the war").speaker is None
    quotes = quotes_of("John Miller, an aide to Dana Voss and Defence Secretary Ana Berg, said "
                       "the war was over.")
    assert quote_with(quotes, "the war was over").speaker == "John Miller"


def test_a_role_before_a_possessive_name_is_not_its_title(nlp):
    """Stop 44, real text: "... a prosecutor contacting the defendant’s attorney, Stone’s
    charges could have ..." made "attorney" Stone's title, and every "Stone’s attorney said"
    and "former U.S. attorney ... X blasted" went to Stone. A name followed by "'s" owns the
    next noun; the role across the comma is not its title. "the governor, Tom Miller" is."""
    from newsprism.extract.mentions import find_mentions
    from newsprism.extract.speakers import People
    from newsprism.model import Article

    def roles(text: str) -> set[str]:
        doc = nlp(text)
        people = People(doc, find_mentions(Article(id="a", source="t", text=text), doc), [])
        (miller,) = [p for p in people.persons if p.name == "Tom Miller"]
        return miller.title_roles

    assert "attorney" not in roles(
        "Federal agents arrested Tom Miller at his home on Friday. Procedure would involve a "
        "prosecutor contacting the defendant\u2019s attorney, Miller\u2019s charges could have "
        "gone another way.")
    assert "governor" in roles("The state's governor, Tom Miller, spoke on Friday.")


def test_a_participle_keeps_its_paragraphs_subject_when_the_parse_runs_on(quotes_of,
                                                                          speakers_with):
    """(stop 57, a Baly article) `The Justice Department welcomed the decision, saying the judge
    “rightly ruled that ...”` was hung by the parser on the next paragraph's `A spokesman for
    House Speaker Nancy Pelosi said ...`, and the department's words went to the spokesman."""
    text = ("Judge Tom Hale said Congress had no authority in this case.\n\n"
            "\"An old maxim in politics holds that, 'Where you stand depends on where you sit,'\" "
            "he wrote. \"At law too, whether a plaintiff has standing often depends on where he "
            "sits. A seat in Congress comes with many prerogatives, but legal standing to "
            "superintend the execution of laws is not among them.\"\n\n"
            "The Justice Department welcomed the decision, saying the judge \"rightly ruled that "
            "the House of Representatives cannot ask the judiciary to take its side in political "
            "disputes and cannot use federal courts to accomplish through litigation what it "
            "cannot achieve using the tools the Constitution gives to Congress.\"\n\n"
            "A spokesman for House Speaker Ann Roe, D-Calif., said Democrats were reviewing the "
            "ruling and evaluating whether to appeal.")
    assert speakers_with(quotes_of(text), "rightly ruled") == {"The Justice Department"}


def test_the_attorney_is_a_lawyer_not_the_attorney_general(quotes_of, quote_with):
    """(stop 57, a BBC article) `Papadopoulos' lawyer, Thomas Breen, said ... But the attorney
    said "..."`, in an article naming "Attorney General Jeff Sessions": "the attorney" went to
    Sessions at 0.9. "Attorney General" is one role, and a lawyer is an attorney."""
    from newsprism.extract.names import role_words
    assert role_words(["Attorney", "General"]) == {"attorneygeneral"}
    text = ("Attorney General Jed Sorrel recused himself from the inquiry last year.\n\n"
            "Outside court on Friday, Kell's lawyer, Tom Breen, said his client was a \"fool\" "
            "and had acted \"stupidly\" in lying to the FBI.\n\n"
            "But the attorney said \"the president hindered this investigation more than Kell "
            "ever could\".")
    assert quote_with(quotes_of(text), "hindered this investigation").speaker == "Tom Breen"


def test_the_inspector_general_is_the_one_titled_so(quotes_of, quote_with):
    """(the guard of the rule above, PolNeAR train) "Inspector General Steve Linick ... The
    inspector general said ..." still finds him: the description is read as one role too."""
    text = ("Inspector General Sam Lenk released the report on Thursday. Gen. Mark Hale, the "
            "army's chief of staff, declined to comment on it.\n\n"
            "The inspector general said the office had tasked a member of its staff to follow "
            "up on the request.")
    assert quote_with(quotes_of(text), "tasked a member").speaker == "Sam Lenk"


def test_a_participle_in_a_clause_with_its_own_subject_is_that_subjects(quotes_of, quote_with):
    """(stop 57, a Baly article, read after the stop's rules) `After an Ocasio-Cortez policy
    adviser appeared on Fox News' “Tucker Carlson Tonight” saying the document was a fake, her
    team backtracked`: the adviser's words had gone to "her team"."""
    quotes = quotes_of("After a campaign policy adviser appeared on Harbour News’ “Evening "
                       "Desk” saying the document was a fake, her team backtracked.")
    assert quote_with(quotes, "document was a fake").speaker == "a campaign policy adviser"
    # (guard) a participle on the main clause is still its subject's
    quotes = quotes_of("Mr. Hale met the mayor on Monday, telling him the city would pay.")
    assert quote_with(quotes, "city would pay").speaker == "Hale"


def test_a_participle_after_the_main_verb_stays_the_main_subjects(quotes_of, quote_with):
    """(the guard of the rule above, PolNeAR train) `a campaign memo was released as the polls
    closed stating that the loss was "long anticipated"`: the memo's, not the polls'."""
    quotes = quotes_of("Hours earlier, a campaign memo was released as the polls closed stating "
                       "that the loss was \"long anticipated.\"")
    assert not [q for q in quotes if q.speaker == "the polls"], \
        [(q.kind, q.speaker, q.text) for q in quotes]


def test_by_and_a_participle_is_the_means_of_its_own_clauses_subject(quotes_of, quote_with):
    """(stop 59, a Baly article) `The legislation will call for more border control, though
    U.S. Customs and Border Protection last week stunned lawmakers by telling them that it
    does not have a way to ...`: "telling" climbed past the though-clause to "The
    legislation"."""
    quotes = quotes_of("The harbour bill will call for more dredging, though the Harbour "
                       "Authority last week stunned lawmakers by telling them that it does not "
                       "have a way to measure the silt.")
    assert quote_with(quotes, "measure the silt").speaker == "the Harbour Authority"


def test_a_first_person_quote_after_a_things_verb_is_the_outer_speakers(quotes_of, quote_with):
    """(stop 62, a Baly article) "Rep. Sheila Jackson Lee, D-Texas, said the call record
    indicated otherwise: “I beg to differ with my friends.”" gave the quote to "the call
    record": no thing speaks as "I"; the verb of saying that reports it names who does."""
    quotes = quotes_of("Republicans point to the summary of the call. But Rep. Jane Hale, "
                       "D-Texas, said the call record indicated otherwise: \"I beg to differ "
                       "with my friends.\"")
    assert quote_with(quotes, "beg to differ").speaker == "Jane Hale"
    # (guards) a thing's words in the third person stay its own; a person inside speaks
    quotes = quotes_of("Rep. Jane Hale said the audit concluded: \"The plant was never "
                       "inspected.\" She said Mayor Tom Reed told her: \"I will not resign.\"")
    assert quote_with(quotes, "never inspected").speaker == "the audit"
    assert quote_with(quotes, "not resign").speaker == "Tom Reed"


def test_a_speaker_phrase_keeps_the_bracket_it_opens_whole(quotes_of, quote_with):
    """(stop 62, a Pew report in a Baly draw) "about two-thirds of moderate and liberal
    Republicans (65%) say ..." was shown as "... Republicans (65": the end's trim took the
    closing bracket and the per cent sign as stray punctuation."""
    q = quote_with(quotes_of("About seven-in-ten voters (68%) say firms need broad protection."),
                   "broad protection")
    assert q.speaker_text == "About seven-in-ten voters (68%)"
    # (guard) a stray mark at the end still goes
    q = quote_with(quotes_of("The harbour board, said the plan will fail."), "plan will fail")
    assert not q.speaker_text.endswith(",")


def test_a_participle_on_someone_elses_post_is_the_posts(quotes_of, quote_with):
    """(stop 62, a Baly column) "retweeting wingnut Mark Levin's tweet blasting CNN for
    coming “to the defense” of Omar" gave Levin's words to Trump, who retweeted it; the
    participle on an object climbed to the subject of the verb taking it ("issued a statement
    saying" is the issuer's), but a post with an owner of its own is the owner's."""
    quotes = quotes_of("Mayor Hale shared Tom Reed's post accusing the Herald of \"fake news\" "
                       "about the council.")
    assert quote_with(quotes, "fake news").speaker == "Tom Reed"
    # (PolNeAR train) "given Mr. Trump's comments saying he would reassess ..." had gone to
    # the sentence's subject, Biden
    quotes = quotes_of("Mayor Hale said he would reassure allies, given Mr. Reed's comments "
                       "saying he would reassess the pact if elected.")
    (inner,) = [q for q in quotes if q.text.startswith("he would reassess")]
    assert inner.speaker != "Hale" and inner.speaker_text == "Mr. Reed's comments"
    # (guard, PolNeAR train) an act, not words: the one who judges it speaks
    quotes = quotes_of("Fueled by frustration, Mayor Hale explained the governor's refusal to "
                       "call the fire a result of “harbour arson” is a weakness.")
    assert quote_with(quotes, "harbour arson").speaker == "Hale"
    # (guard) one's own statement, or one with no owner named, is still the issuer's
    for text in ("Mayor Hale issued his statement saying the council \"failed the town.\"",
                 "Mayor Hale issued a statement saying the council \"failed the town.\""):
        assert quote_with(quotes_of(text), "failed the town").speaker == "Hale"


def test_the_only_person_named_is_the_one_described_by_another_of_their_roles(quotes_of,
                                                                                quote_with):
    """(stop 62, a Baly article) "Sen. Bernie Sanders ... “The reality, as this report makes
    clear, is ...,” the former Democratic presidential candidate said": a rule that took a
    description naming an office the person is not titled with for someone else (written
    for "Rep. Jane Hale said the mayor told her: ...", a made-up case never seen in real
    text) left these quotes unresolved, and was taken back."""
    quotes = quotes_of("Sen. Jane Hale asked for the study. “The reality, as this report makes "
                       "clear, is that wealth has moved up,” the former presidential candidate "
                       "said in a statement.")
    assert quote_with(quotes, "wealth has moved up").speaker == "Jane Hale"

"""Whether a member of a consensus group states what the item states (compare/agreement.py).

Stop 44, real text: the consensus items still wrong after stop 43's rule were sentences about
the story's subject that say different things ("Congress did repeal the requirement, the
so-called individual mandate, that people buy health insurance or pay a tax penalty" / "The
legal fight stems from a provision known as the individual mandate, which originally required
people to acquire health insurance or pay a tax penalty"), a statement and a negated one ("We
have no forces within Gaza" / "900 militants had been killed by Israeli forces"), and a
question the outlet asks. All texts here are made up."""

from __future__ import annotations

import pytest

from newsprism.compare.agreement import (
    StoryWeights,
    agrees,
    asks,
    figures,
    ordinals,
    other_posts,
    same_quote,
    without_appositions,
)
from newsprism.compare.story import compare_story
from newsprism.model import Article, ArticleFacts, Claim, Sentence, Story, StoryContext
from newsprism.text import stable_id

# A story about one levy: nearly every sentence names it and whom it binds.
STORY = [
    "Ship owners must pay the harbour fee or a penalty under the rule.",
    "The harbour fee rule binds ship owners who dock for a night.",
    "Ship owners called the harbour fee rule and its penalty unfair.",
    "A penalty is due when ship owners skip the harbour fee.",
    "The rule on the harbour fee took effect in spring for ship owners.",
    "Port clerks collect the harbour fee and the penalty from ship owners.",
    "Critics say the rule lets the harbour fee rise for ship owners.",
    "Dock workers debated the harbour fee rule for ship owners again.",
]
REPEALED = ("In 2019 the assembly did repeal the rule that ship owners pay the harbour fee or a "
            "penalty.")
STEMS = ("The dispute stems from a rule, known as the harbour fee, which required ship owners to "
         "pay a penalty.")
ALSO_REPEALED = ("The assembly voted in 2019 to repeal the rule that ship owners pay the harbour "
                 "fee.")


def test_words_the_whole_story_uses_do_not_make_two_sentences_agree():
    weights = StoryWeights([*STORY, REPEALED, STEMS, ALSO_REPEALED])
    # Without the story's weights the two share most of their words besides names...
    assert agrees(REPEALED, STEMS)
    # ...but every one of them is the story's own subject: what each says differs.
    assert not agrees(REPEALED, STEMS, weights)
    # Two sentences stating the repeal share its specific words and still agree.
    assert agrees(REPEALED, ALSO_REPEALED, weights)
    # A word of one sentence weighs more than a word of every sentence.
    assert weights.weight("repeal") > weights.weight("rule") > weights.weight("harbour")


def test_a_statement_and_its_negation_do_not_agree():
    story = [*STORY, "The navy has no ships within the strait, its spokesman said on Tuesday.",
             "The navy spokesman said on Tuesday that its ships had sunk two smuggling boats "
             "and seized a tanker near the strait.",
             "A navy spokesman said on Tuesday that it has no ships in the strait."]
    weights = StoryWeights(story)
    assert not agrees(story[-3], story[-2], weights)
    assert agrees(story[-3], story[-1], weights)


def test_one_quote_agrees_whatever_the_narration_around_it():
    item = ("\u201cI leave with no ill will but with gratitude for the chance to serve the "
            "port I love.\u201d")
    member = ("Her voice broke as she spoke of her \u201cgratitude for the chance to serve the "
              "port I love.\u201d")
    weights = StoryWeights([*STORY, item, member])
    assert same_quote(item, member) and agrees(item, member, weights)
    # A sentence of a longer quote has its closing mark only; the quote is still the same.
    assert same_quote(item.lstrip("\u201c"), member)
    assert agrees(item.lstrip("\u201c"), member, weights)


def test_like_as_a_preposition_makes_no_agreement():
    # Stop 46, real text: two sentences sharing a name, "look" and the preposition "like".
    vision = "She has a grand vision of what the Kelby Republic should look like."
    microcosm = ("On many metrics Orrin looks much more like a small copy of the Kelby Republic "
                 "than any town we have seen.")
    weights = StoryWeights([*STORY, vision, microcosm])
    assert not agrees(vision, microcosm, weights)
    # The same vision in other words still agrees.
    assert agrees(vision, "She has a grand vision of what the Kelby Republic should look like "
                  "by 2030.", weights)


def test_a_question_the_outlet_asks_agrees_with_nothing():
    question = "Did the assembly repeal the rule that ship owners pay the harbour fee?"
    weights = StoryWeights([*STORY, REPEALED, question])
    assert asks(question) and not asks("\u201cWho pays the fee?\u201d she asked the clerk.")
    assert not agrees(REPEALED, question, weights)


def test_a_member_stating_no_figure_does_not_confirm_the_item_s_figures():
    """Stop 49, real text: "Cohen was sentenced to 36 months in jail in December after he
    pleaded guilty to lying to Congress ..." stood as agreed by a sentence on his guilty plea
    that gives no sentence; a poll's "45 percent said they would support Clinton" by "a vast
    majority would support either"; a poll's margin of error by another pollster's note that
    margins include design effects."""
    item = "The clerk was fined 400 crowns in May after he admitted taking the harbour fee."
    weights = StoryWeights([*STORY, item])
    assert not agrees(item, "The clerk admitted taking the harbour fee in a separate case.",
                      weights)
    # A figure in words still confirms, and a figure-less item asks for none.
    assert agrees(item, "The clerk was fined four hundred crowns after he admitted taking "
                  "the harbour fee.", weights)
    assert agrees("The clerk was fined after he admitted taking the harbour fee.",
                  "The clerk was fined 400 crowns after he admitted taking the harbour fee.",
                  weights)


def test_sentences_ranking_their_event_differently_do_not_agree():
    """Real text, stop 49: "The transmission in Illinois marks the sixth case of coronavirus in
    the U.S." was agreed by "The new case marked the first in the U.S. that occurred via
    person-to-person transmission"."""
    item = "The harbour clerk's fine marks the sixth fine of the year for ship owners."
    weights = StoryWeights([*STORY, item])
    assert not agrees(item, "The harbour clerk's fine marks the first fine of the year paid "
                      "by ship owners in cash.", weights)
    assert agrees(item, "The fine is the sixth fine of the year for ship owners at the "
                  "harbour, the clerk said.", weights)
    # "first lady", "at first": no rank
    assert ordinals("At first the first lady paid the sixth fine.") == frozenset({"sixth"})


def test_a_list_item_s_number_is_no_figure():
    """The "fake news awards" items ("4) TIME report that ...") against outlets' sentences
    naming the same award: the list's number is not a figure the others must state."""
    assert figures("4) The Harbour Post report that the fee doubled") == frozenset()
    assert figures("The fee rose by 4 percent, to 12 crowns.") == frozenset({"4", "12"})
    assert agrees("4) The Harbour Post report that the clerk took the harbour fee",
                  "The fourth award went to The Harbour Post for its report that the clerk "
                  "took the harbour fee.")


def test_words_of_a_description_after_a_name_are_no_shared_statement():
    """Real text, stop 49: "Cohn, Trump's top economic adviser, fought the tariffs" agreed
    with "Trump's top economic adviser Gary Cohn is resigning" on the description alone; so did
    "... a basket held by Robert Mueller, the special counsel appointed after Trump fired
    Comey" with a sentence on Mueller's appointment."""
    fought = "Vale, the harbour board's chief clerk, fought the fee."
    resigns = "The harbour board's chief clerk Ana Vale is resigning, the board said."
    assert not agrees(fought, resigns, StoryWeights([*STORY, fought, resigns]))
    assert without_appositions("Ships wait in a dock run by Ana Vale, the harbour board's "
                               "chief clerk.") == "Ships wait in a dock run by Ana Vale ."


@pytest.mark.parametrize("sentence", [
    "On Monday, the council voted to approve the harbour fee.",  # a day, not a name
    "In Port Vale, the council voted to approve the harbour fee.",  # a place opening it
    "Meanwhile, the council voted to approve the harbour fee.",
    "Mr Vale, a clerk who would be the first to pay the fee, spoke.",  # it states something
])
def test_what_is_no_description_after_a_name_stays(sentence):
    assert without_appositions(sentence) == sentence


def _article(aid: str, text: str) -> Article:
    return Article(id=aid, source=f"{aid}.txt", text=text, outlet=f"outlet-{aid}",
                   published="2021-03-04")


def _claim(article: Article, sentence: str) -> Claim:
    start = article.text.index(sentence)
    return Claim(id=stable_id(article.id, str(start)), article_id=article.id, start=start,
                 end=start + len(sentence), text=sentence, predicate="be")


def _context(articles: list[Article], sentences: dict[str, list[str]]) -> StoryContext:
    claims = [_claim(a, s) for a in articles for s in sentences[a.id]]
    story = Story(id="s1", title="t", article_ids=tuple(a.id for a in articles),
                  claims=tuple(claims))
    facts = tuple(ArticleFacts(
        article_id=a.id, claims=tuple(c for c in claims if c.article_id == a.id),
        sentences=tuple(Sentence(a.id, c.start, c.end) for c in claims
                        if c.article_id == a.id)) for a in articles)
    return StoryContext(story=story, articles=tuple(articles), facts=facts, reuse=())


def test_the_story_s_own_words_weigh_in_compare_story(settings):
    """Through `compare_story`: two body sentences that share only the story's subject are no
    consensus; the same pair stating one thing is."""
    half = len(STORY) // 2
    for second, expected in ((STEMS, 0), (ALSO_REPEALED, 1)):
        a_sents, b_sents = STORY[:half] + [REPEALED], STORY[half:] + [second]
        a = _article("a", " ".join(a_sents))
        b = _article("b", " ".join(b_sents))
        story = compare_story(_context([a, b], {"a": a_sents, "b": b_sents}), settings)
        found = [c for c in story.consensus
                 if any(s.article_id == "a" and a.text[s.start:s.end] == REPEALED
                        for s in c.spans)]
        assert len(found) == expected, (second, story.consensus)


def test_a_count_in_words_needs_a_count_in_the_member():
    """"Republicans won the five other statewide offices, four of them by more than a dozen
    points" was confirmed by "Now, she just won a local office" (stop 56, a real consensus
    item): a member that states no number does not confirm the item's count in words."""
    item = "Harbour Party members won the five other council seats, four of them by wide margins."
    assert not agrees(item, "Now, she just won a local council seat.")
    # (guard) a member giving the count in words still can
    assert agrees(item, "The Harbour Party won five other council seats, four by wide margins.")


def test_counts_in_words_that_differ_are_no_agreement():
    """"He died seven months after his wife, Barbara" stood as agreed by "... died shortly
    after 10 p.m. Friday, about eight months after the death of his wife" (stop 60, a real
    consensus item): two counts in words with none in common state different things."""
    from newsprism.compare.agreement import count_words
    item = "The mayor resigned seven months after her deputy, Ana Holt."
    assert count_words(item) == {7} and count_words("a plan, one of many") == frozenset()
    assert not agrees(item, "The mayor resigned about eight months after her deputy Ana Holt "
                            "left the council.")
    assert not agrees(item, "The mayor, 61, resigned about eight months after her deputy Ana "
                            "Holt left the council.")  # a figure in digits besides
    assert agrees(item, "The mayor, 61, resigned about seven months after her deputy Ana Holt "
                        "left the council.")
    # (guard) the same count in words still confirms
    assert agrees(item, "The mayor resigned about seven months after her deputy Ana Holt left "
                        "the council.")


def test_a_list_of_names_needs_two_of_them_in_the_member():
    """"It now restricts citizens of Iran, Libya, Somalia, Syria, Yemen, Venezuela and North
    Korea" was confirmed by "North Korean citizens' ability to travel ... was already heavily
    restricted" (stop 57, a real consensus item): one of the names listed confirms no list."""
    from newsprism.compare.agreement import listed_names
    item = "The order now restricts citizens of Arland, Belmark, Corvia, Dastan and North Veloria."
    assert listed_names(item) == {"arland", "belmark", "corvia", "dastan", "north veloria"}
    assert not agrees(item, "North Velorian citizens were already heavily restricted by the "
                            "order, largely by North Veloria’s own isolation.")
    assert not agrees("North Velorian citizens were already heavily restricted by the order.",
                      item)  # either way round
    # (guard) a member naming two of the list still can
    assert agrees(item, "The order restricts citizens of Arland and North Veloria, among others.")
    assert listed_names("Mr. Hale and Ms. Rook met on Tuesday.") == frozenset()


def test_a_day_of_a_month_is_no_count_confirming_one_in_words():
    """"To date, five federal courts have found the decision to end the program arbitrary and
    capricious" was confirmed by "On June 18 the Supreme Court ruled against the president,
    ... that the decision to end DACA was “arbitrary and capricious”" (stop 57, a real
    consensus item): the 18 is a day, not a count."""
    from newsprism.compare.agreement import day_numbers
    item = "To date, five federal courts have found the decision to end the grant program unlawful."
    member = ("On June 18 the high court ruled that the decision to end the grant program was "
              "unlawful.")
    assert day_numbers(member) == {"18"} and day_numbers("18 courts ruled") == frozenset()
    assert not agrees(item, member)
    # (guard) a member with a count in digits still can
    assert agrees(item, "On June 18, 5 federal courts had found the decision to end the grant "
                        "program unlawful.")


def test_the_parts_of_a_possessive_or_hyphenated_name_are_no_statement_words():
    """"Ocasio-Cortez" and "McAuliffe's" fold to two words each; they were left among what a
    sentence says, and "The congresswomen - Alexandria Ocasio-Cortez, ... - have all called the
    president racist" agreed with "the president's tweets that told four congresswomen -
    Reps. Alexandria Ocasio-Cortez ..." (stop 57, a real consensus item)."""
    from newsprism.compare.agreement import statement_words
    assert statement_words("Hale served as McArdle's deputy governor.") == {"serv", "deputy",
                                                                          "governor"}
    item = ("The congresswomen - Ana Ruiz-Tello, Mia Lund and Ida Kerr, who came to the city "
            "as a refugee aged 12 - have all called the mayor racist, and have been backed by "
            "members of the Harbour Party.")
    member = ("Since the mayor's posts on Sunday that told three freshman Harbour congresswomen "
              "of color - Reps. Ana Ruiz-Tello of Elm, Ida Kerr of Oak and Mia Lund of Ash -")
    assert not agrees(item, member)


def test_two_lists_each_naming_one_the_other_lacks_do_not_agree():
    """"Cases ... have been reported outside of China, in Germany, Japan, Vietnam and Taiwan"
    was confirmed by "... human-to-human transmission in four countries: Germany, Japan,
    Vietnam and the U.S." (stop 58, a real consensus item)."""
    from newsprism.compare.agreement import listed_names
    item = "Cases have been reported outside the capital, in Arland, Belmark, Corvia and Dastan."
    member = ("There are now 98 cases outside the capital, including eight cases of spread in "
              "four countries: Arland, Belmark, Corvia and the Veloria, officials confirmed.")
    assert listed_names(member) == {"arland", "belmark", "corvia", "veloria"}
    assert not agrees(item, member) and not agrees(member, item)
    # (guard) the same list, or a member naming two without a list of its own, still can
    assert agrees(item, "Cases have now been reported in Arland, Belmark, Corvia and Dastan.")
    assert agrees(item, "Cases have been reported outside the capital in Arland and Corvia.")


def test_a_relative_clause_set_off_after_a_name_is_no_shared_statement():
    """"The questions will be read out loud by Chief Justice John Roberts, who's presiding over
    the trial" was confirmed by "... Roberts, who is presiding over the trial, reportedly
    blocked Paul ..." (stop 59, a real consensus item): they share only who Roberts is."""
    item = ("The questions will be read out loud by Chief Judge Ana Ruiz, who's presiding over "
            "the hearing.")
    member = ("Chief Judge Ana Ruiz, who is presiding over the hearing, reportedly blocked the "
              "mayor on Wednesday from offering a question naming a council analyst.")
    assert not agrees(item, member) and not agrees(member, item)
    # (guard) a sentence stating the same with the same clause still agrees
    assert agrees(item, "The questions will be read aloud by Chief Judge Ana Ruiz, who is "
                        "presiding over the hearing.")


def test_two_quotes_agree_only_on_words_they_share():
    """Trump's "Shutdown today if Democrats do not vote for Border Security!" was "agreed" by
    another of his tweets quoted elsewhere ("The Democrats ... will probably vote against
    Border Security and the Wall ..."), and Romney's "And the American people should be
    calling for that kind transparency" by his "And I think the American people recognize
    that kind of politics as something of the past" inside a longer quote (stop 58, real
    consensus items). A paraphrase of a quote still agrees with it."""
    from newsprism.compare.agreement import quoted_verbatim
    a = "\"Closure today if Harbour Party members do not vote for Dock Security!\""
    b = ("\"The Harbour Party members, whose votes we need, will probably vote against Dock "
         "Security and the Wall even though they know it is DESPERATELY NEEDED.")
    assert not quoted_verbatim(a, b)
    c = "\"And the dock workers should be calling for that kind of openness.\""
    d = "And I think the dock workers recognize that kind of politics as a thing of the past."
    assert not quoted_verbatim(c, d, (False, True))  # inside a quote the story holds
    # Stop 62: a whole quote and the writer's own words share a run of words when they tell
    # one thing (no marks on d: still no run); a quote only in part needs none.
    assert not quoted_verbatim(c, d)
    assert not quoted_verbatim(
        "The Appeals Court will decide whether the 2030 survey can ask about residency.",
        "“New papers before the Appeals Court make it hard to see the Harbour Party's push to "
        "ask about residency in the 2030 survey as anything but a power grab…")
    assert quoted_verbatim(
        "The worry is that it could reach towns with weaker water systems.",
        "“Our greatest worry is the chance for the leak to reach towns with weaker water "
        "systems,” Hale added.")
    for inside in ((False, False), (True, False)):  # (a story quote holding the fragment)
        assert quoted_verbatim(
            "Hale asked the port board to “make sure the dredging contracts were lawful.”",
            "Hale has reportedly asked the board to find out whether the dredging was lawful.",
            inside)
    # (guards) one quote in two outlets; a paraphrase of a quote
    assert quoted_verbatim("Hale tweeted: “Dock Security all the way!”",
                           "Hale was ecstatic, tweeting “Dock Security all the way!”")
    assert quoted_verbatim(
        "“If he goes on with this misguided campaign, it will be without our support,” the "
        "committee said.",
        "The committee said it will not back him if he goes on with his \"misguided campaign.\"",
        (True, False))


def test_compare_story_reads_the_quotes_of_its_articles_for_consensus(settings):
    """Through `compare_story`: a sentence inside a quote the article's quotes hold, with no
    marks of its own, is a quote, someone's words (the Romney pair above): it agrees with
    another outlet's sentence only on a run of shared words. Without the quote both read as
    the writers' words."""
    from newsprism.model import Quote
    said = "And the dock workers should be calling for that kind of openness."
    other = "I think dock workers, frankly, should indeed be calling out for such openness."
    a_sents = STORY[:4] + [said]
    b_sents = STORY[4:] + [other]
    a = _article("a", " ".join(a_sents))
    b = _article("b", "“They are dishonest. " + " ".join(b_sents) + "” Hale said.")
    ctx = _context([a, b], {"a": a_sents, "b": b_sents})

    def found(context) -> list:
        story = compare_story(context, settings)
        return [c for c in story.consensus if "dock workers" in c.text]

    assert found(ctx)  # the writers' words: agreed on shared specific words
    start = b.text.index("They")
    quote = Quote(id="q1", article_id="b", start=start, end=b.text.index("” Hale"),
                  text=b.text[start:b.text.index("” Hale")], kind="direct", speaker="Hale")
    facts = tuple(f if f.article_id != "b" else ArticleFacts(
        article_id="b", claims=f.claims, sentences=f.sentences, quotes=(quote,))
        for f in ctx.facts)
    import dataclasses
    assert not found(dataclasses.replace(ctx, facts=facts))


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Gale served as Ridley's deputy mayor.",
     "Before she was elected mayor, Ms Gale served for a decade as a county councillor.", False),
    ("Gale served as Ridley's deputy mayor.", "Ms Gale served as deputy mayor under Ridley.",
     True),
    ("Gale worked as a nurse in Tarland.", "In Tarland, Gale worked as a nurse.", True),
])
def test_two_posts_served_are_two_statements(a, b, same) -> None:
    """`Northam served as McAuliffe's lieutenant governor` was confirmed by `Mr Northam
    served for a decade as a Virginia state legislator` (stop 61, a real consensus item)."""
    assert other_posts(a, b) is not same
    assert agrees(a, b) is same


def test_a_run_of_quoted_words_is_read_word_by_word_as_stems():
    """(stop 62, real text) de Blasio's quoted "we put aside political debate, put aside
    protests" tells Fox's "urged all sides to “put aside” political debates and protests":
    a plural is the same word in the run."""
    from newsprism.compare.agreement import quoted_verbatim
    narration = ("Mayor Hale, speaking at a harbour event Monday, urged all sides to put aside "
                 "political debates and focus on the families.")
    quote = ("“It's important we put aside political debate and all of the things we'll talk "
             "about in due time,” Hale said.")
    assert quoted_verbatim(narration, quote, (False, True))
    # (guard) three shared words are still no run
    assert not quoted_verbatim("Mayor Hale urged all sides to focus on the families.",
                               quote, (False, True))

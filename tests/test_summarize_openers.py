"""Round 13 (h-sum13): spoken-style openers, lead-ins and number words in summary sentences.

Made-up sentences; the classes were read on the summaries of a real Baly sample (docs/summary.md,
round 13).
"""

from __future__ import annotations

import pytest

from newsprism.summarize.neutral import attribute
from newsprism.summarize.standalone import furniture, strip_dateline


@pytest.mark.parametrize(("text", "expected"), [
    # A discourse opener left after "According to X," ("According to X, so the vote ...",
    # "According to X, Yes: Ana Vale was ...") is cut; the claim stands without it.
    ("So the second council vote has ended and the result is in.",
     "According to CNN, the second council vote has ended"),
    ("Yes: Ana Vale, for the most part, was calmer on Monday.",
     "According to CNN, Ana Vale, for the most part, was calmer"),
    ("No, the council did not close the port on Monday.",
     "According to CNN, the council did not close the port"),
    ("Well, the mayor has a plan for the dam.", "According to CNN, the mayor has a plan"),
    ("Look, the budget was never going to pass.", "According to CNN, the budget was never"),
    ("Okay, so the port will reopen on Friday.", "According to CNN, the port will reopen"),
    # words that only look like openers stay
    ("So far, nobody has been charged.", "According to CNN, so far, nobody"),
    ("So many people came that the hall was full.", "According to CNN, so many people came"),
    ("No one in Kelby voted against the plan.", "According to CNN, no one in Kelby voted"),
    ("Well water in Kelby was tested on Monday.", "According to CNN, Well water in Kelby"),
    ("Now, states are starting to act.", "According to CNN, now, states are"),
    # Number words left capitalised ("According to X, Ten candidates took the stage")
    ("Ten candidates took the stage in Kelby on Tuesday.",
     "According to CNN, ten candidates took the stage"),
    ("Dozens of homes were flooded in Kelby.", "According to CNN, dozens of homes"),
    ("Hundreds of Kelby residents marched on Monday.", "According to CNN, hundreds of Kelby"),
])
def test_spoken_openers_are_cut_and_number_words_lowered(text: str, expected: str) -> None:
    assert attribute(strip_dateline(text), "CNN", frozenset()).startswith(expected)


@pytest.mark.parametrize(("text", "dropped"), [
    # An answer whose rest is only a speech tag: cut, it would lose its sense ("No, officials
    # said." is not "Officials said."); the sentence is not used.
    ("No, officials said.", True),
    ("Yes, Vale told reporters.", True),
    ("No, the council did not close the port on Monday.", False),
    # an opener before an inverted speech tag: cut, "Says Dorn, ..." would follow the
    # attribution
    ("Well, says Dorn, the problem is that the dam is old.", True),
    ("Well, the problem is that the dam is old, says Dorn.", False),
    # A lead-in to what the page shows next (a list, an ad, a video) says nothing alone.
    ("Here are four things to watch for as Vale and Dorn meet in Kelby.", True),
    ("Here's what we know about the Kelby dam.", True),
    ("This ad is called \u201cforgiveness:\u201d", True),
    ("The mayor listed three demands:", True),
    ("Here in Kelby, the council voted on Monday.", False),
    ("The mayor said: \u201cWe will rebuild the dam.\u201d", False),
    # A live-page update stamp is page furniture.
    ("Update at 1:15 p.m. ET. Kelby's council asks Vale to step aside.", True),
    ("Updated 3:40 p.m. The dam held.", True),
    ("An update at the council meeting was brief.", False),
])
def test_answers_lead_ins_and_update_stamps_are_no_sentences(text: str, dropped: bool) -> None:
    assert furniture(text) is dropped


@pytest.mark.parametrize(("text", "cut"), [
    # Stop 44, a real summary's first sentence: "Barr said he did not." (sense in the
    # sentence before it).
    ("Vale said he did not.", True),
    ("Dorn said she would.", True),
    ("Officials said they have not either.", True),
    ("The council can't.", True),
    # a comparison or a question word's clause stands alone; a verb that is there stays
    ("The dam is stronger than it was.", False),
    ("That is what it is.", False),
    ("Vale said the council did not close the port.", False),
    # in a longer sentence the verb left out is mostly in the sentence itself
    ("The mayor said she would tell voters what she won't do and what she will do.", False),
    ("Kelby does not count the deaths of residents in hospitals, as other towns do.", False),
])
def test_a_sentence_ending_on_an_auxiliary_says_nothing_alone(text: str, cut: bool) -> None:
    from newsprism.summarize.cutoff import elided

    assert elided(text) is cut


@pytest.mark.parametrize(("text", "named"), [
    # Stop 44: the end of a quotation begun in an earlier sentence, its speaker after the
    # mark, was given its speaker again: `Vale said: “And we have a plan," Vale said.”`.
    ('And we have a number of plans underway that touch upon it," Vale said.', True),
    ("We will rebuild the dam,\u201d Mayor Ana Vale told reporters.", True),
    # Stop 46: one list of tag verbs for both summary checks; "argued" and "warned" were
    # known to the pronoun check only.
    ("The dam will hold,\u201d Vale argued.", True),
    ('and nobody will be left behind," Gov. Ana Vale warned on Monday.', True),
    ("We will rebuild the dam.", False),
    ("The plan, Vale said, is sound.", False),
])
def test_a_quote_s_end_naming_its_speaker_is_seen(text: str, named: bool) -> None:
    from newsprism.summarize.cutoff import named_after_quote

    assert named_after_quote(text) is named

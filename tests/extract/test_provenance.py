"""Provenance of nested attributions (`“…,” X said, according to CNN`): the speaker stays X,
the outer reporter is `Quote.via_*`. Invented sentences only."""

import pytest

from newsprism.extract.mentions import find_mentions
from newsprism.extract.quotes import find_attributions
from newsprism.model import Article


def one(quotes, fragment: str):
    hits = [q for q in quotes if fragment in q.text]
    assert len(hits) == 1, [(q.kind, q.text) for q in quotes]
    return hits[0]


@pytest.mark.parametrize("text, fragment, speaker, via", [
    ("“We will not back down on the harbour plan,” Jane Doe said, according to the Daily "
     "Courier.", "back down", "Jane Doe", "the Daily Courier"),
    ("“It is over,” Lee said, according to a transcript of the meeting.", "It is over", "Lee",
     "a transcript of the meeting"),
    ("“The bridge is closed for good,” said Tom Reed, the mayor of Porto, reports the Valley "
     "Gazette.", "bridge is closed", "Tom Reed, the mayor of Porto", "the Valley Gazette"),
    ("“It is over,” Lee told reporters on Monday, the Valley Gazette reported.", "It is over",
     "Lee", "the Valley Gazette"),
    ("Mayor Ann Lee noted that the budget was “a disgrace,” reported the Valley Gazette.",
     "disgrace", "Mayor Ann Lee", "the Valley Gazette"),
])
def test_outer_reporter_is_the_provenance_not_the_speaker(quotes_of, text, fragment, speaker,
                                                           via):
    q = one(quotes_of(text), fragment)
    assert q.speaker_text == speaker
    assert q.via_text == via and text[q.via_start:q.via_end] == via


@pytest.mark.parametrize("text, fragment", [
    ("“It is over,” Lee said on Monday.", "It is over"),
    ("“It is over,” Lee told the Valley Gazette.", "It is over"),  # the addressee, no reporter
    ("“It is over,” Lee said, Tom Reed recalled.", "It is over"),  # a person: a second speaker
    ("According to the Valley Gazette, the bridge will close in May.", "bridge will close"),
])
def test_no_provenance_without_an_outer_reporter(quotes_of, text, fragment):
    q = one(quotes_of(text), fragment)
    assert q.via_text is None and q.via_start is None and q.via_end is None


def test_outer_clause_parsed_into_the_reported_clause_is_cut(nlp):
    text = ("On Monday, Lee said she was “glad to see” that the bridge was closed, according to "
            "the Valley Gazette.")
    article = Article(id="a1", source="test", text=text)
    doc = nlp(text)
    atts = find_attributions(article, doc, find_mentions(article, doc))
    a = next(a for a in atts if "glad" in text[a.clause_start:a.clause_end])
    assert text[a.clause_start:a.clause_end].endswith("the bridge was closed")
    assert text[a.via[0]:a.via[1]] == "the Valley Gazette"
    assert text[a.speaker_span[0]:a.speaker_span[1]] == "Lee"


def test_continued_parts_share_the_provenance(quotes_of):
    text = ("“I ask you not to protest,” Lee said, according to the Valley Gazette. “It matters "
            "to all of us.”")
    qs = quotes_of(text)
    assert one(qs, "not to protest").via_text == "the Valley Gazette"
    assert one(qs, "matters to all").via_text == "the Valley Gazette"


@pytest.mark.parametrize("text, whole", [
    ("Senator Ann Lee pledged to oppose the harbour tax “today, tomorrow, forever.”",
     "to oppose the harbour tax “today, tomorrow, forever."),
    # (what "described" reports, with its "as" phrase since stop 47, ends at the phrase's
    # last word, as after "called")
    ("Lee described the budget as “a very good start.”", "the budget as “a very good start"),
])
def test_one_cue_is_one_attribution(nlp, quotes_of, text, whole):
    """The clause of a cue and a quoted fragment of the same cue: one attribution over both
    (the fragment is still its own quote)."""
    article = Article(id="a1", source="test", text=text)
    doc = nlp(text)
    heads = [a for a in find_attributions(article, doc, find_mentions(article, doc))
             if not a.continued]
    assert [text[a.clause_start:a.clause_end] for a in heads] == [whole]
    assert any(q.kind == "partial" for q in quotes_of(text))


def test_one_cue_far_apart_stays_two():
    from newsprism.extract.cue_readings import one_per_cue
    from newsprism.extract.direct import Attribution

    text = "x" * 300
    cue, sp = (0, 4), (5, 8)
    near = [Attribution("indirect", 10, 40, 10, 40, cue, sp, "L", ((10, 40),)),
            Attribution("partial", 45, 60, 45, 60, cue, sp, "L", ((45, 60),))]
    far = [near[0], Attribution("partial", 200, 220, 200, 220, cue, sp, "L", ((200, 220),))]
    joined = one_per_cue(text, near)
    assert (joined[0].clause_start, joined[0].clause_end) == (10, 60) and joined[1].continued
    assert [a.continued for a in one_per_cue(text, far)] == [False, False]


def test_attribution_inside_a_reported_clause_continues_the_outer_one(nlp, quotes_of):
    text = "Tom Reed said he thinks the harbour plan is a disgrace to the city."
    article = Article(id="a1", source="test", text=text)
    doc = nlp(text)
    atts = find_attributions(article, doc, find_mentions(article, doc))
    outer = [a for a in atts if not a.continued]
    assert [text[a.speaker_span[0]:a.speaker_span[1]] for a in outer] == ["Tom Reed"]
    inner = next(a for a in atts if a.continued)
    assert text[inner.cue[0]:inner.cue[1]] == "thinks"
    # the inner attribution is still a quote of its own speaker
    assert {q.speaker_text for q in quotes_of(text)} == {"Tom Reed", "he"}

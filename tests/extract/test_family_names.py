"""One family in one article: several people share a surname and are named by first name too
(stop 40, a real sample: a campaign's town hall with the candidate's wife and children, where
"she said" went to the candidate himself, to his wife and to his second wife). Made-up text;
where the model's reading of a made-up name differs from what real text showed, the test sets
the entity labels itself."""

from __future__ import annotations

import re

import pytest

from newsprism.extract.mentions import find_mentions
from newsprism.extract.quotes import find_quotes
from newsprism.extract.speakers import People
from newsprism.model import Article

FAMILY = (
    "Mayor Karl Brandt said Tuesday that the city would grow. \"We will build,\" Brandt said."
    "\n\nIn the rare family appearance, Brandt's wife, Greta, and children -- Nora, Paul and "
    "Karl Jr. and Lena -- shared the stage with the mayor at Tuesday's town hall.\n\n"
    "Nora Brandt called politics \"a vicious trade,\" and said she and her siblings are "
    "committed to supporting their father.\n\n\"We know what he could bring to the city, so we "
    "are happy to support him,\" she said.\n\nLena Brandt, the daughter of Brandt and his "
    "second wife Ilse Krohn, said: \"Whenever my father puts his heart into something, he goes "
    "full force.\"\n\nAs soon as Brandt announced his run, she added, \"All of us knew.\"\n\n"
    "Responding to criticism, Nora said her father's respect for women was evident in how he "
    "raised her and her sister, Lena.\n\n\"It is a testament to the fact that he believes in "
    "empowering women,\" she said.")


def _doc(nlp, text: str, labels: dict[str, str] | None = None):
    """The parsed text, with every match of each key (a regular expression) of `labels`
    re-read as that label ("" drops any entity over it)."""
    from spacy.tokens import Span

    doc = nlp(text)
    for surface, label in (labels or {}).items():
        spans = [doc.char_span(m.start(), m.end()) for m in re.finditer(surface, text)]
        spans = [s for s in spans if s is not None]
        keep = [e for e in doc.ents if not any(e.start < s.end and s.start < e.end for s in spans)]
        doc.ents = sorted(keep + ([Span(doc, s.start, s.end, label=label) for s in spans]
                                  if label else []), key=lambda e: e.start)
    return doc


def _speakers(nlp, text: str, labels: dict[str, str] | None = None) -> dict[str, str | None]:
    article = Article(id="a1", source="test", text=text)
    doc = _doc(nlp, text, labels)
    return {q.text[:24]: q.speaker for q in find_quotes(article, doc, find_mentions(article, doc))}


def _spoken(speakers: dict[str, str | None], start: str) -> str | None:
    (hit,) = [v for k, v in speakers.items() if k.startswith(start)]
    return hit


@pytest.mark.parametrize("labels", [
    None,  # the model's own reading of the made-up names
    # Real text: the daughter named in full left untagged, her first name alone typed ORG and
    # the wife's GPE.
    {"Nora Brandt": "", r"\bNora\b(?! Brandt)": "ORG", "Greta": "GPE"},
])
def test_each_she_of_a_family_is_the_daughter_who_spoke(nlp, labels):
    got = _speakers(nlp, FAMILY, labels)
    assert _spoken(got, "We know what he could") == "Nora Brandt"
    assert _spoken(got, "It is a testament") == "Nora Brandt"
    assert _spoken(got, "All of us knew") == "Lena Brandt"


def test_a_name_after_the_daughter_of_is_not_given_her_title(nlp):
    """"Lena Brandt, the daughter of Brandt": "daughter" is Lena's title, not Brandt's; read
    as his, it told a woman's title for a man named Karl, and his gender became unknown, so a
    later "she" could go to him."""
    doc = _doc(nlp, FAMILY)
    people = People(doc, find_mentions(Article(id="a1", source="t", text=FAMILY), doc), [])
    (karl,) = [p for p in people.persons if p.name == "Karl Brandt"]
    assert "daughter" not in karl.titles and karl.gender == "m"
    # (guard) a title with its "of" phrase is still the name's: "the secretary of state, X"
    text = "The US secretary of state, Rex Olsen, flew to Rome on Monday."
    doc = _doc(nlp, text)
    people = People(doc, find_mentions(Article(id="a1", source="t", text=text), doc), [])
    (rex,) = [p for p in people.persons if p.name == "Rex Olsen"]
    assert {"secretary", "state"} <= rex.title_roles


def test_a_bare_surname_the_model_left_untagged_is_not_the_last_namesake_listed(nlp):
    """Real text: an untagged "Trump," opening a paragraph went to the namesake the article
    happened to list last (the candidate's wife, named only further down), so the next "he"
    had no man to go to. It is read as a bare surname spoken of there is."""
    text = ("Mayor Karl Brandt spoke on Tuesday in the old mill of the town.\n\nBrandt, saying "
            "the council was against him, pressed on. \"They do not want me to win,\" he said."
            "\n\nHis wife, Greta Brandt, spoke later to a crowd of supporters.")
    doc = _doc(nlp, text, {r"(?<=\n)Brandt(?=,)": ""})
    at = text.index("Brandt, saying")
    mentions = find_mentions(Article(id="a1", source="t", text=text), doc)
    people = People(doc, tuple(m for m in mentions if m.start != at), [])  # none found there
    names = [p.name for p in people.persons]
    assert people.last_of(at + 1, names.index("Karl Brandt")) == at
    assert people.last_of(at + 1, names.index("Greta Brandt")) == -1


def test_a_word_written_alone_after_a_title_is_a_surname_not_a_first_name(quotes_of):
    """Stop 40, real sample: "Mr. Scott" (Florida's governor, not named in full there) went to
    "Scott Gessler", named in full further on, once a lone first name could reach the one
    person of that first name."""
    quotes = quotes_of(
        "Florida won access to the federal list on Monday. Mr. Scott, whose administration "
        "sued for access, said the deal \"marks a significant victory for Florida.\"\n\nIn "
        "Colorado, Secretary of State Scott Gessler has sought the same list for months.")
    (q,) = [q for q in quotes if "significant victory" in q.text]
    assert q.speaker != "Scott Gessler"


def test_a_definite_title_as_a_subject_is_the_person_a_later_he_continues(quotes_of):
    """Stop 40, real sample: "President Donald Trump pressed governors ... after George
    Floyd's death ... The president, meanwhile, amplified his calls from Monday, when he
    threatened ... “…,” he tweeted." lost its speaker (0.5) once Floyd's gender stopped being
    read from "the mother of George Floyd's daughter": "the president" there is the subject
    the paragraph is about, as a name would be."""
    text = ("Protesters returned to the streets Tuesday, hours after President Karl Brandt "
            "pressed governors to act after Robin Olsen's death.\n\nThe president, meanwhile, "
            "repeated his calls from Monday, when he threatened to send in troops. \"Call up "
            "the guard,\" he wrote. \"Act fast!\"")
    quotes = quotes_of(text)
    (q,) = [q for q in quotes if "Call up the guard" in q.text]
    # Sure enough to hold a side of an attribution conflict (0.65 before: two people of no
    # known gender fit, neither a subject).
    assert q.speaker == "Karl Brandt" and q.speaker_confidence >= 0.7


def test_a_role_subject_after_a_heading_line_is_the_person_a_later_he_continues(quotes_of):
    """Stop 43, real sample: "... the lack of jobs under Mr. Obama's leadership.\n\nIowa
    push\n\nThe president held a campaign rally in Iowa ... “This is where the movement for
    change began,” he told about 3,500 cheering supporters" went to Mitt Romney: the heading
    line was parsed into the next sentence ("push" its main verb), so "the president" was no
    main clause's subject and "he" went back past the heading to the candidate."""
    text = ("President Karl Brandt won the state by a wide margin in 2028. Mr. Dale Olsen has "
            "made an appeal to farm voters by pointing to prices under Mr. Brandt's "
            "leadership.\n\nIowa push\n\nThe president held a campaign rally in Iowa on "
            "Wednesday morning, his 10th visit to the state this year. \u201cThis is where the "
            "movement for change began,\u201d he told about 3,500 cheering supporters.")
    quotes = quotes_of(text)
    (q,) = [q for q in quotes if "movement for change" in q.text]
    assert q.speaker == "Karl Brandt"


def test_a_surname_that_only_modifies_a_noun_is_no_reference_to_its_person(nlp):
    """Stop 40, real sample: "Larry Was A Trump Delegate !" and "Colorado Trump Delegate
    Removed" (untagged) made Trump a person the text had just referred to, and "The man in the
    video, allegedly Larry Wayne Linsey, says he's “still fuming …”" went to Trump. "A Brandt
    delegate", "Brandt Tower": the name modifies a noun; no one is referred to there."""
    text = ("Mayor Karl Brandt won the vote on Monday.\n\nOne Brandt delegate from the north "
            "burned his card outside the hall.")
    doc = _doc(nlp, text, {r"Brandt(?= delegate)": ""})
    mentions = find_mentions(Article(id="a1", source="t", text=text), doc)
    at = text.index("Brandt delegate")
    people = People(doc, tuple(m for m in mentions if m.start != at), [])
    (karl,) = [k for k, p in enumerate(people.persons) if p.name == "Karl Brandt"]
    assert people.last_of(len(text), karl) == text.index("Karl Brandt")


def test_the_subject_of_an_as_clause_that_reports_is_the_one_she_continues(quotes_of):
    """Stop 40, a fresh real sample (seed 463): "…, as ordained minister Rebecca Todd Peters
    points out in her book …. “…,” she writes." went to a woman quoted two paragraphs before:
    the subject of a reporting "as" clause was not salient, being no main clause's."""
    quotes = quotes_of(
        "Rev. Ana Reyes leads a small church in the city.\n\n\"Love is the core message,\" "
        "she said.\n\nAttitudes have changed with the ages, as ordained "
        "minister Lena Marsh points out in her book on the church. \"It was no major topic "
        "until the late twentieth century,\" she writes.")
    (q,) = [q for q in quotes if "no major topic" in q.text]
    assert q.speaker == "Lena Marsh"


def test_he_reported_by_an_unnamed_person_is_that_person(quotes_of):
    """Stop 39's noticed list (seed 457): "A security guard told a reporter that he believed
    the sellers were peddling counterfeits" gave the nested "he believed ..." to a man quoted
    paragraphs before (0.95). A subject pronoun of a clause reported by one unnamed person is
    that person: no speaker."""
    text = ("\"This is getting out of control,\" said Tom Vale, who runs a shop in the city.\n\n"
            "A security guard told a reporter that he believed the sellers were peddling fakes.")
    quotes = quotes_of(text)
    (q,) = [q for q in quotes if q.text == "the sellers were peddling fakes"]
    assert q.speaker is None
    # (guard) a description that resolves to a person named before still passes it on
    quotes = quotes_of("Mayor Tom Vale spoke on Monday. The mayor told reporters that he "
                       "believed the sellers were peddling fakes.")
    (q,) = [q for q in quotes if q.text == "the sellers were peddling fakes"]
    assert q.speaker == "Tom Vale"


MOTHER_AND_DAUGHTER = (
    "KELBY — Maria Palomo, 54, had not been to a rally in a decade. \u201cI liked the event,\u201d "
    "she said.\n\nPalomo was at the town hall with her daughter, Genesis Palomo, 23, and her "
    "son Luis, 31.\n\nGenesis Palomo said she saw the event as honest. \u201cI saw other "
    "candidates who would try too hard,\u201d she said.")


@pytest.mark.parametrize("labels", [
    None,
    # Real text (stop 44): the daughter's name typed ORG both times.
    {"Genesis Palomo": "ORG"},
])
def test_a_relative_named_in_full_speaks_for_herself(nlp, labels):
    """"Genesis Palomo said" was read on its last word, the surname of her mother Maria named
    before: the daughter's words went to the mother, and so did her next "she said"."""
    got = _speakers(nlp, MOTHER_AND_DAUGHTER, labels)
    assert _spoken(got, "I liked the event") == "Maria Palomo"
    assert _spoken(got, "she saw the event") == "Genesis Palomo"
    assert _spoken(got, "I saw other candidates") == "Genesis Palomo"


def test_a_surname_under_an_office_before_a_relative_named_in_full_is_someone_known():
    """(stop 59, a Baly article) "President Trump is heading to Puerto Rico …", then "First
    lady Melania Trump will accompany President Trump", then "Trump" twenty times and a tweet
    signed "Donald J. Trump": every bare "Trump" went to Melania, the first full name. A
    surname under an office's title before a relative (by her title) is named in full is the
    one the article is about; the namesake's own title must name the relation."""
    from newsprism.extract.names import early_surnames
    from newsprism.model import Mention
    from newsprism.text import fold

    def mentions(relation: str | None) -> list[Mention]:
        return [Mention("a", 10, 15, "Varga", "PERSON", title="President"),
                Mention("a", 60, 72, "Ilona Varga", "PERSON", title=relation),
                Mention("a", 120, 125, "Varga", "PERSON"),
                Mention("a", 300, 313, "Laszlo Varga", "PERSON")]

    def surname(name: str) -> str:
        return fold(name.split()[-1])

    assert early_surnames(mentions("lady"), surname) == {(10, 15), (120, 125)}
    # (guard) a namesake with no title, or another office's: once before is a headline or
    # lead about that namesake, as before
    assert early_surnames(mentions(None), surname) == set()
    assert early_surnames(mentions("Governor"), surname) == set()

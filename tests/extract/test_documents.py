"""Documents and possessors as speakers (issue 20, round 16: "a tweet", "the statement", "the
report" shown as the speaker instead of who issued them; a possessor in the speaker phrase
taken for the speaker). Every text is made up, in the shape of the real one."""

from spacy.tokens import Span

from newsprism.extract.mentions import find_mentions
from newsprism.extract.quotes import find_quotes
from newsprism.model import Article


def _with(quotes, words):
    return [q for q in quotes if words in q.text]


def test_a_tweet_no_one_is_named_to_have_sent_has_no_speaker(quotes_of):
    """`A tweet said “…”` was given to "A tweet" as written."""
    quotes = quotes_of("The debate went on late. A tweet said “the whole thing is rigged and "
                       "we will fight it.”")
    q = _with(quotes, "rigged")
    assert q and all(x.speaker is None for x in q)
    assert q[0].speaker_text == "A tweet"


def test_the_report_with_no_issuer_has_no_speaker(quotes_of):
    quotes = quotes_of("The report said the harbour was “in far worse shape than anyone "
                       "thought.”")
    q = _with(quotes, "worse shape")
    assert q and all(x.speaker is None for x in q)


def test_it_after_an_unissued_statement_is_no_one(quotes_of):
    """`“…,” the statement said. “…,” it added.`: "it" was the statement as written."""
    quotes = quotes_of("Senator Lena Voss was angry. “This is a disgrace to the chamber,” the "
                       "statement said. “We will not stand for it,” it added.")
    for words in ("disgrace", "not stand"):
        q = _with(quotes, words)
        assert q and q[0].speaker is None


def test_a_proper_name_before_the_document_is_its_issuer(quotes_of):
    """`A Pentagon report said` was "A Pentagon report" as written: the Pentagon issued it."""
    quotes = quotes_of("A Pentagon report said the base was “in poor shape and needs repair.”")
    q = _with(quotes, "poor shape")
    assert q and q[0].speaker == "Pentagon"


def test_a_statement_with_its_issuer_keeps_the_issuer(quotes_of):
    """(guard) "X released a statement … The statement said" is X's."""
    quotes = quotes_of("The Harbour Trust released a statement on Friday. The statement said "
                       "“we regret the error and will fix it soon.”")
    q = _with(quotes, "regret the error")
    assert q and q[0].speaker is not None and "Harbour Trust" in q[0].speaker


def test_an_outlet_named_post_still_speaks(quotes_of):
    """(guard) "The Post reported" is an outlet, not the document noun "post"."""
    quotes = quotes_of("The Post reported that the mayor was “deeply worried about the "
                       "budget.”")
    q = _with(quotes, "deeply worried")
    assert q and q[0].speaker == "The Post"


def _retagged(nlp, text: str, label: dict[str, str]):
    """The quotes of `text` with the NER's reading of some words replaced ("" drops the
    entity): the real text had the speaker's name untagged, which a made-up one is not."""
    article = Article(id="a1", source="test", text=text)
    doc = nlp(text)
    keep = [e for e in doc.ents if not any(t.text in label for t in e)]
    new = [Span(doc, t.i, t.i + 1, label=label[t.text]) for t in doc
           if label.get(t.text) and not any(e.start <= t.i < e.end for e in keep)]
    doc.ents = sorted(keep + new, key=lambda e: e.start)
    return find_quotes(article, doc, find_mentions(article, doc))


def test_a_possessor_in_the_speaker_phrase_does_not_speak(nlp):
    """`“…,” Jared Kushner, Trump's son-in-law and senior adviser, said` with Kushner untagged
    went to Trump."""
    text = ("Donald Trump spoke on Monday.\n\n“The federal government rose to the challenge, "
            "and this is a great success story,” Jared Kushner, Trump's son-in-law and senior "
            "adviser, said the same day.")
    q = _with(_retagged(nlp, text, {"Jared": "", "Kushner": "", "Trump": "PERSON"}),
              "rose to the challenge")
    assert q and q[0].speaker != "Trump" and q[0].speaker != "Donald Trump"


def test_a_name_run_on_into_lower_case_words_is_cut(quotes_of):
    """`she finds Trump un-presidential` was tagged PERSON "Trump un-presidential", a person of
    unknown gender, and took the next "she said" (real draw 401)."""
    quotes = quotes_of(
        "Women in the suburbs are turning away from President Donald Trump. Susan Garcia, 48, "
        "lives in Birmingham, Mich., an affluent suburb of Detroit.\n\nGarcia considers herself "
        "a fiscal conservative but a social liberal.\n\nShe wouldn't disclose whom she voted "
        "for in 2016, but she finds Trump un-presidential and insists she would not vote for "
        "him in 2020.\n\n\"I tell you, I don't like him as a person,\" she said.")
    q = _with(quotes, "like him as a person")
    assert q and q[0].speaker in (None, "Susan Garcia")
    assert all("un-presidential" not in (x.speaker or "") for x in quotes)


def test_he_after_an_untagged_named_speaker_is_not_the_person_before(nlp):
    """Round 14's real draw: "“…,” said Stéphane Bancel, …" with the name untagged, then
    "“…,” he said" went to the company tagged PERSON before it. Now unresolved."""
    text = ("Halvora said on Monday its new vaccine worked in a large trial.\n\n“We are very "
            "pleased with the data,” said Pierre Vasseur, the company's chief executive. “It is "
            "a great day for the world,” he said.")
    quotes = _retagged(nlp, text, {"Pierre": "", "Vasseur": "", "Halvora": "PERSON"})
    q = _with(quotes, "great day")
    assert q and q[0].speaker is None and q[0].speaker_text == "he"
    assert _with(quotes, "very pleased")[0].speaker == "Pierre Vasseur"


def test_he_after_a_tagged_named_speaker_is_him(quotes_of):
    """(guard) the same text with the name tagged: "he" is that speaker."""
    quotes = quotes_of("Halvora said on Monday its new vaccine worked in a large trial.\n\n“We "
                       "are very pleased with the data,” said Pierre Vasseur, the company's "
                       "chief executive. “It is a great day for the world,” he said.")
    q = _with(quotes, "great day")
    assert q and q[0].speaker == "Pierre Vasseur"


def test_a_participle_by_names_the_issuer(quotes_of):
    """`a report released by the X Institution estimated …` was the whole phrase as written
    (PolNeAR, this round's diff): X issued it."""
    quotes = quotes_of("A report released by the Harbour Policy Institute last year estimated "
                       "that “at least 46,000 accounts were used by supporters.”")
    q = _with(quotes, "46,000 accounts")
    assert q and q[0].speaker is not None and "Harbour Policy Institute" in q[0].speaker
    assert "report" not in q[0].speaker


def test_a_plural_document_with_a_name_before_it_is_that_issuers(quotes_of):
    quotes = quotes_of("Harbour Election Commission filings show that the group “spent heavily "
                       "on ads in the state.”")
    q = _with(quotes, "spent heavily")
    assert q and q[0].speaker is not None and "Harbour Election Commission" in q[0].speaker
    assert "filings" not in q[0].speaker


def test_a_hyphenated_name_keeps_its_lower_case_part(quotes_of):
    """(guard) the run-on cut read "Soon-jik" as a name followed by the word "jik" in its first
    version (real draw 419): a lower-case word only ends a name after a space."""
    quotes = quotes_of("“The talks will not last long,” said Hong Soon-jik, a researcher at a "
                       "Seoul institute.")
    q = _with(quotes, "talks will not last")
    assert q and q[0].speaker == "Hong Soon-jik"


def test_a_name_before_a_parenthesis_and_an_account_owner_are_issuers(quotes_of):
    """`A 2017 Government Accountability Office (GAO) report … found …` (real draw 409: the
    parser hangs the name as "nmod", so it lost its speaker in this round's first version) and
    `a post on X's Facebook page said …` (draw 421: the phrase as written)."""
    quotes = quotes_of("A 2017 Harbour Audit Office (HAO) report on federally owned boats found "
                       "that two agencies “cumulatively incurred an estimated $13.5 million in "
                       "costs.”")
    q = _with(quotes, "cumulatively incurred")
    assert q and q[0].speaker == "Harbour Audit Office"
    quotes = quotes_of("A post on Mayor Ann Reyes's Facebook page said the plan was “a disaster "
                       "for the whole town.”")
    q = _with(quotes, "a disaster")
    assert q and q[0].speaker == "Ann Reyes"


def test_the_statement_is_the_named_attorneys_not_an_attorney_general(quotes_of, quote_with):
    """Real text (Baly): "In a statement, Mr. X's attorney, Y, said …" then "“…,” the statement
    said" went to an attorney general named before; the name beside the role issued it."""
    quotes = quotes_of("Attorney General Ruth Calder spoke on Monday. In a statement, Mr. "
                       "Okafor’s attorney, Michael Brennan, said the memos were handed over. "
                       "“A set of those memos remained at the bureau,” the statement said.")
    assert quote_with(quotes, "set of those memos").speaker == "Michael Brennan"

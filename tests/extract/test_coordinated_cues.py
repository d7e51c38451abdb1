"""Round 12: a second verb of saying coordinated inside a reported clause starts an
attribution of its own, with the same speaker (`extract/coordinated.py`). Made-up sentences."""

from __future__ import annotations


def test_and_insisted_is_the_cue_of_the_fragment_after_it(quotes_of, quote_with):
    text = ("Premier Lindqvist said Monday that she will \"try to form a stable government\" "
            "and insisted that her party was \"still the first force in the country.\"")
    quotes = quotes_of(text)
    first, second = quote_with(quotes, "stable government"), quote_with(quotes, "first force")
    assert first.cue == "said"
    assert second.cue == "insisted"
    assert second.speaker == first.speaker == "Lindqvist"


def test_the_first_clause_ends_before_the_second_cue(quotes_of, nlp):
    from newsprism.extract.mentions import find_mentions
    from newsprism.extract.quotes import find_attributions
    from newsprism.model import Article

    text = ("While the donor did not disclose his plans, he did say he found Halvorsen to be "
            "“very charming” and called his standing in the crowded field “unheard of.”")
    article = Article(id="a1", source="test", text=text)
    doc = nlp(text)
    atts = [a for a in find_attributions(article, doc, find_mentions(article, doc))
            if not a.continued]
    clauses = [text[a.clause_start:a.clause_end] for a in atts]
    assert any(c.endswith("“very charming”") for c in clauses), clauses
    (called,) = [a for a in atts if "unheard of" in text[a.start:a.end]]
    assert text[called.cue[0]:called.cue[1]] == "called"


def test_a_second_speaker_with_his_own_verb_keeps_his_quote(quotes_of, quote_with):
    text = ("The premier said the plan was \"dead on arrival\" and Halvorsen said later that "
            "it was \"worth a look.\"")
    assert quote_with(quotes_of(text), "worth a look").speaker == "Halvorsen"

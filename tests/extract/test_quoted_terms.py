"""A word or three in quote marks opening the writer's own sentence, its verb right after the
mark, is a term the sentence is about, not words said (stop 46, real text: "“Thatcherism” was
an undiluted dose of private enterprise" was given to the person quoted before it). Every
sentence here is made up."""

import pytest

from newsprism.extract.mentions import find_mentions
from newsprism.extract.quotes import find_attributions
from newsprism.model import Article

BEFORE = ("“We were poor in spirit and poor in conviction,” Mayor Ana Vale recalled. "
          "“Kelby was a town without a cause.”\n\nShe gave her name to what followed. ")


def _quoted(nlp, text):
    article = Article(id="a1", source="test", text=text)
    doc = nlp(text)
    return {text[a.start:a.end]: a for a in find_attributions(article, doc,
                                                              find_mentions(article, doc))}


@pytest.mark.parametrize("sentence", [
    "“Valeism” was an undiluted dose of harbour dues and lower rents.",
    "“Harbour first” became the council's motto for a decade.",
])
def test_a_quoted_term_opening_the_writer_s_sentence_is_no_quote(nlp, sentence):
    quoted = _quoted(nlp, BEFORE + sentence)
    assert "Kelby was a town without a cause." in quoted  # the follow-on quote is still hers
    assert not [q for q in quoted if q in sentence]


def test_a_short_quote_its_cue_after_the_mark_is_still_a_quote(nlp):
    quoted = _quoted(nlp, BEFORE + "“Never again” said the harbour master on Monday.")
    assert "Never again" in quoted

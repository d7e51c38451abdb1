"""The per-Doc views the extractors share (`nlp.loader.tokens_of`, `ents_of`, `sents_of`):
the same tokens, entities and sentences as the Doc's own, built once, and dropped when the
article's facts are made (h-speed11)."""

from __future__ import annotations

import pytest

from newsprism.extract import analyze_article
from newsprism.model import Article
from newsprism.nlp.loader import ents_of, forget_views, sents_of, tokens_of

TEXT = ("Minister Idris Qaderi of Norland told reporters in Vessel Bay on Tuesday that 2,300 "
        "families had received tents. \u201cWe will rebuild,\u201d he said.\n\nThe Norland "
        "Ports Authority said in a statement that the harbour would reopen in March.")


def test_views_equal_the_docs_own(nlp) -> None:
    doc = nlp(TEXT)
    toks = tokens_of(doc)
    assert [(t.i, t.text, t.idx) for t in toks] == [(t.i, t.text, t.idx) for t in doc]
    assert all(toks[i] == doc[i] for i in range(len(doc)))
    assert [(e.start, e.end, e.label_) for e in ents_of(doc)] == \
        [(e.start, e.end, e.label_) for e in doc.ents]
    assert [(s.start, s.end) for s in sents_of(doc)] == [(s.start, s.end) for s in doc.sents]
    assert len(sents_of(doc)) > 1 and len(ents_of(doc)) > 1


def test_views_are_built_once_and_forgotten(nlp) -> None:
    doc = nlp(TEXT)
    assert tokens_of(doc) is tokens_of(doc)
    assert ents_of(doc) is ents_of(doc)
    assert sents_of(doc) is sents_of(doc)
    forget_views(doc)
    assert not any(k.startswith("newsprism.") and k != "newsprism.text" for k in doc.user_data)


def test_sents_of_a_doc_without_boundaries_raises_like_the_doc(nlp) -> None:
    doc = nlp.make_doc("No parse here. None at all.")
    with pytest.raises(ValueError):
        list(doc.sents)
    with pytest.raises(ValueError):
        sents_of(doc)


def test_facts_are_the_same_with_views_made_before_and_none_left_after(nlp, settings) -> None:
    article = Article(id="v1", source="test", text=TEXT)
    doc = nlp(TEXT)
    first = analyze_article(article, doc, settings)
    assert not {"newsprism.tokens", "newsprism.ents", "newsprism.sents"} & set(doc.user_data)
    again = nlp(TEXT)
    made = (tokens_of(again), ents_of(again), sents_of(again))  # views made before
    assert all(made)
    assert analyze_article(article, again, settings) == first
    assert first.mentions and first.quotes and first.sentences

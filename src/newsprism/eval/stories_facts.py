"""ArticleFacts for the stories evaluation, computed once and cached in /tmp.

Three ways to get them:
- `"analyze"` (the default of `newsprism eval stories`, and the only one whose figures are
  published): `newsprism.pipeline.process_articles`, i.e. what `newsprism analyze` runs per
  article (clean, full parse, every extractor), on the whole text. The cleaned articles are
  cached with their facts, because the corpus stages (reuse, stories) read the cleaned text.
- `"fast"` (for threshold sweeps only, never published): one spaCy pass without the
  dependency parser (tagger, lemmatizer and NER are what the stories stage reads), mentions
  from the NER, `terms` from
  `newsprism.extract.terms_of` (the same function the extract stage uses), dates from the one
  date parser (`newsprism.dates.resolve_dates`). Texts are cut to their first `MAX_WORDS`
  words (the lede carries the event), distractors to `DISTRACTOR_WORDS` (this machine parses
  about 500 words/s when shared: 12k full articles would take hours). Two processes for large
  batches.
- In mode `"analyze"` a list of more than `CHUNK` articles is analyzed in chunks of `CHUNK`
  (two processes), each cached as soon as it is done: a long run (12k distractors) stopped
  part way keeps its finished chunks, and a run over a prefix of the list reads them.
- `"pipeline"`: the facts of `"analyze"` without the cleaned articles (kept for old caches).

The cache key is a hash of the mode, the word cut, `facts_version` (a hash of the source of the
stages that make facts, with the model name and the parse mode) and every article's id and
text, so neither a changed input nor changed extractor code reads stale facts. The folder is
`CACHE_DIR`, or `NEWSPRISM_STORIES_CACHE` when set.
"""

from __future__ import annotations

import gzip
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from ..dates import parse_iso, resolve_dates
from ..facts_version import facts_version
from ..model import Article, ArticleFacts, DateRef, Mention
from ..settings import Settings
from ..storage.codec import from_data, to_data
from ..text import stable_id, words

MAX_WORDS = 400
DISTRACTOR_WORDS = 150
# NEWSPRISM_STORIES_CACHE: another folder (e.g. to keep one checkout's cache apart).
CACHE_DIR = Path(os.environ.get("NEWSPRISM_STORIES_CACHE") or "/tmp/newsprism-stories-cache")
CHUNK = 500  # articles; large lists are analyzed and cached in chunks of this size
_PARALLEL_FROM = 3000  # articles; below this a second process costs more than it saves
MODES = ("analyze", "fast", "pipeline")


def cut(text: str, max_words: int = MAX_WORDS) -> str:
    ws = words(text)
    if len(ws) <= max_words:
        return text
    return text[: ws[max_words - 1].end]


def fast_facts(article: Article, doc) -> ArticleFacts:
    from ..extract import terms_of

    mentions = tuple(Mention(article.id, e.start_char, e.end_char, e.text, e.label_)
                     for e in doc.ents)
    try:
        anchor = parse_iso(article.published) if article.published else None
    except ValueError:
        anchor = None
    dates = tuple(DateRef(article.id, r.start, r.end, r.text, r.day.isoformat(), r.granularity)
                  for r in resolve_dates(doc.text, anchor))
    return ArticleFacts(article_id=article.id, mentions=mentions, dates=dates,
                        terms=terms_of(doc))


def _compute_fast(articles: Sequence[Article], settings: Settings,
                  progress: bool, max_words: int) -> list[ArticleFacts]:
    from ..nlp.loader import pipeline_for

    nlp = pipeline_for(settings)
    texts = [cut(a.text, max_words) for a in articles]
    n_process = 2 if len(articles) >= _PARALLEL_FROM else 1
    out = []
    with nlp.select_pipes(disable=[p for p in ("parser",) if p in nlp.pipe_names]):
        docs = nlp.pipe(texts, batch_size=64, n_process=n_process)
        for k, (article, doc) in enumerate(zip(articles, docs, strict=True), start=1):
            out.append(fast_facts(article, doc))
            if progress and k % 1000 == 0:
                print(f"  facts: {k}/{len(articles)}", file=sys.stderr, flush=True)
    return out


def _compute_pipeline(articles: Sequence[Article], settings: Settings) -> list[ArticleFacts]:
    from ..pipeline import process_articles

    return [f for _, f in process_articles(articles, settings)]


def _analyze_part(articles: Sequence[Article], settings: Settings
                  ) -> list[tuple[Article, ArticleFacts]]:
    from ..pipeline import process_articles

    return process_articles(articles, settings)


def _read_analyzed(path: Path, articles: Sequence[Article]
                   ) -> list[tuple[Article, ArticleFacts]] | None:
    if not path.exists():
        return None
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    pairs = [(from_data(Article, r["a"]), from_data(ArticleFacts, r["f"])) for r in rows]
    return pairs if [a.id for a, _ in pairs] == [a.id for a in articles] else None


def _write_analyzed(path: Path, pairs: Sequence[tuple[Article, ArticleFacts]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with gzip.open(tmp, "wt", encoding="utf-8") as fh:
        for a, f in pairs:
            fh.write(json.dumps({"a": to_data(a), "f": to_data(f)}, ensure_ascii=False) + "\n")
    tmp.replace(path)


def _analyze_chunked(articles: Sequence[Article], settings: Settings, cache_dir: Path,
                     progress: bool) -> list[tuple[Article, ArticleFacts]]:
    """Chunks of `CHUNK` articles, each cached as soon as it is done (two processes), so a
    long run stopped part way keeps its finished chunks, and a run over the first N
    articles (N a multiple of `CHUNK`) reads them. An article's facts do not depend on the
    others, so the chunks give what one pass gives."""
    from concurrent.futures import ProcessPoolExecutor, as_completed

    chunks = [articles[k:k + CHUNK] for k in range(0, len(articles), CHUNK)]
    paths = [cache_path(c, settings, "analyze", 0, cache_dir) for c in chunks]
    done: dict[int, list[tuple[Article, ArticleFacts]]] = {}
    for i, (chunk, path) in enumerate(zip(chunks, paths, strict=True)):
        got = _read_analyzed(path, chunk)
        if got is not None:
            done[i] = got
    todo = [i for i in range(len(chunks)) if i not in done]
    if todo:
        with ProcessPoolExecutor(max_workers=min(2, len(todo))) as pool:
            futures = {pool.submit(_analyze_part, chunks[i], settings): i for i in todo}
            for fut in as_completed(futures):
                i = futures[fut]
                done[i] = fut.result()
                _write_analyzed(paths[i], done[i])
                if progress:
                    print(f"  analyzed chunk {i + 1}/{len(chunks)} ({len(done)} done)",
                          file=sys.stderr, flush=True)
    return [pair for i in range(len(chunks)) for pair in done[i]]


def analyzed_for(articles: Sequence[Article], settings: Settings,
                 cache_dir: Path | None = None, progress: bool = False
                 ) -> list[tuple[Article, ArticleFacts]]:
    """(cleaned article, facts) for each article, in order, as `newsprism analyze` computes
    them per article; read from the cache (`CACHE_DIR` unless given) when present."""
    cache_dir = CACHE_DIR if cache_dir is None else cache_dir
    path = cache_path(articles, settings, "analyze", 0, cache_dir)
    got = _read_analyzed(path, articles)
    if got is not None:
        return got
    if len(articles) > CHUNK:
        return _analyze_chunked(articles, settings, cache_dir, progress)
    pairs = _analyze_part(articles, settings)
    _write_analyzed(path, pairs)
    return pairs


def cache_key(articles: Sequence[Article], settings: Settings, mode: str,
              max_words: int = MAX_WORDS) -> str:
    # facts_version: the fact-making code, the model and the parse mode (facts_version.py)
    parts = [mode, str(max_words), "v2", facts_version(settings)]
    parts += [stable_id(a.id, a.text, a.published) for a in articles]
    return stable_id(*parts)


def cache_path(articles: Sequence[Article], settings: Settings, mode: str,
               max_words: int = MAX_WORDS, cache_dir: Path = CACHE_DIR) -> Path:
    return cache_dir / f"{cache_key(articles, settings, mode, max_words)}.jsonl.gz"


def facts_for(articles: Sequence[Article], settings: Settings, mode: str = "fast",
              cache_dir: Path | None = CACHE_DIR, progress: bool = False,
              max_words: int = MAX_WORDS) -> list[ArticleFacts]:
    """Facts for each article, in order; read from the cache when present."""
    if mode not in ("fast", "pipeline"):
        raise ValueError(f"facts mode must be 'fast' or 'pipeline', got {mode!r}")
    path = None
    if cache_dir is not None:
        path = cache_path(articles, settings, mode, max_words, cache_dir)
        if path.exists():
            with gzip.open(path, "rt", encoding="utf-8") as fh:
                facts = [from_data(ArticleFacts, json.loads(line)) for line in fh]
            if [f.article_id for f in facts] == [a.id for a in articles]:
                return facts
    if mode == "fast":
        facts = _compute_fast(articles, settings, progress, max_words)
    else:
        facts = _compute_pipeline(articles, settings)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        with gzip.open(tmp, "wt", encoding="utf-8") as fh:
            for f in facts:
                fh.write(json.dumps(to_data(f), ensure_ascii=False) + "\n")
        tmp.replace(path)
    return facts

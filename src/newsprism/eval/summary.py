"""Summary evaluation on NeuS (Lee et al. 2022): ROUGE against the human neutral summaries and
the paper's framing-bias (arousal) score, beside sumy's LexRank and Lead-3 of each source.

    newsprism eval summary --gold /work/shared/data/neus --limit 200

Each NeuS line (three outlets' excerpts) is one story: the excerpts are parsed, extracted,
checked for reuse and run through the story stages (`pipeline.analyze_story`: entities,
compare, summarize). The reference is the target's ARTICLE part; its TITLE is left out, since
no system here writes a title.

Arousal, as in the paper's metric code: tokens of the summary minus tokens of the reference
("calibrated"), looked up in a valence-arousal lexicon; Arousal+ sums the arousal of words with
valence > 0.65, Arousal- of words with valence < 0.35 (valence scaled to 0..1); both are
averaged over stories. The paper uses the NRC VAD lexicon, which no PyPI package here ships
(the one package that reads it, elfen, downloads it at run time). The substitute, labelled
`arousal_proxy` in the output: the VADER lexicon (vaderSentiment, MIT), valence v in [-4, 4]
scaled as (v + 4) / 8, and arousal proxied by intensity |v| / 4. Lower is less charged wording.
"""

from __future__ import annotations

import dataclasses
import re
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path

from ..model import Article, ArticleFacts, Story, StoryContext
from ..settings import Settings
from ..summarize.select import STOPWORDS, split_sentences
from ..summarize.story import ATTRIBUTE_SINGLE, COUNT_UNNAMED, build_summary
from ..summarize.support import Audit, audit
from ..text import stable_id, words
from .datasets import NeusStory, load_neus

ROUGE_TYPES = ("rouge1", "rouge2", "rougeL")
EVAL_SENTENCES = 3  # NeuS references average 3.1 sentences (68 words) on the first 200 lines
EVAL_WORDS = 70  # the same length in words (rounded up), for ours and the capped LexRank


# --- the framing-bias (arousal) score ----------------------------------------------------------


@lru_cache(maxsize=1)
def vader_lexicon() -> dict[str, float]:
    """word -> mean valence in [-4, 4], from the lexicon file vaderSentiment ships."""
    from importlib import resources

    raw = resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_bytes()
    text = raw.decode("utf-8", errors="replace")
    out: dict[str, float] = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2:
            try:
                out[parts[0].strip().lower()] = float(parts[1])
            except ValueError:
                continue
    return out


def _tokens(text: str) -> set[str]:
    # The paper's preprocessing: U.S. -> USA, lower case, punctuation removed; our tokenizer
    # stands in for NLTK's (its data cannot be downloaded here).
    text = text.replace("U.S.", "USA").lower()
    text = re.sub(r"[^\w\s]", "", text)
    return {w.norm for w in words(text)}


def _lookup(token: str, lex: dict[str, float]) -> float | None:
    if token in lex:
        return lex[token]
    for suffix in ("s", "es", "ed", "d", "ing"):  # a crude lemma in place of WordNet's
        if token.endswith(suffix) and token[:-len(suffix)] in lex:
            return lex[token[:-len(suffix)]]
    return None


def arousal(summary: str, reference: str) -> tuple[float, float]:
    """(Arousal+, Arousal-) of one summary, calibrated against its reference."""
    lex = vader_lexicon()
    pos = neg = 0.0
    for token in _tokens(summary) - _tokens(reference):
        v = _lookup(token, lex)
        if v is None:
            continue
        valence, intensity = (v + 4.0) / 8.0, abs(v) / 4.0
        if valence > 0.65:
            pos += intensity
        elif valence < 0.35:
            neg += intensity
    return pos, neg


# --- systems ---------------------------------------------------------------------------------


class _SumyTokenizer:
    """sumy's default tokenizer needs NLTK data; ours splits with the project's tokenizer."""

    language = "english"

    def to_sentences(self, text: str) -> tuple[str, ...]:
        return tuple(text[s:e] for s, e in split_sentences(text))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(w.norm for w in words(sentence))


def lexrank(texts: Sequence[str], budget: int, max_words: int | None = None) -> str:
    """sumy's LexRank over the sources: `budget` sentences, and with `max_words` only the
    best-rated ones that fit in that many words (the same rule our summary follows)."""
    from sumy.nlp.stemmers import Stemmer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer

    def fit(infos: list) -> list:
        kept: list = []
        used = 0
        for info in infos:
            if len(kept) >= budget:
                break
            n = len(str(info.sentence).split())
            if max_words is not None and kept and used + n > max_words:
                continue
            kept.append(info)
            used += n
        return kept

    parser = PlaintextParser.from_string("\n\n".join(texts), _SumyTokenizer())
    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = STOPWORDS
    return " ".join(str(s) for s in summarizer(parser.document, fit))


def lead(text: str, n: int = 3) -> str:
    return " ".join(text[s:e] for s, e in split_sentences(text)[:n])


def _contexts(stories: Sequence[NeusStory], settings: Settings,
              report: Callable[[str], None]) -> dict[int, StoryContext]:
    """Each NeuS line through parse, extract, reuse and the story stages before summarize."""
    from ..extract import analyze_article
    from ..nlp import loader as nlp_mod
    from ..pipeline import STAGES, stage_function
    from ..reuse.index import find_reuse

    pipeline = nlp_mod.pipeline_for(settings)
    # NeuS does not say which outlet wrote which excerpt ("source1" is a position, not a
    # name): the summary counts them ("one outlet") rather than naming a position.
    stories = [dataclasses.replace(s, sources=tuple(dataclasses.replace(a, outlet=None)
                                                    for a in s.sources)) for s in stories]
    arts: list[Article] = [a for s in stories for a in s.sources]
    facts: dict[str, ArticleFacts] = {}
    for article, doc in zip(arts, nlp_mod.parse_many(pipeline, (a.text for a in arts),
                                                     settings.spacy_batch_size), strict=True):
        facts[article.id] = analyze_article(article, doc, settings)
    stages = [stage_function(st.name) for st in STAGES
              if st.scope == "story" and st.name != "summarize"]
    out: dict[int, StoryContext] = {}
    for s in stories:
        ids = tuple(a.id for a in s.sources)
        story = Story(id=stable_id("neus-story", str(s.line)), title=s.sources[0].title or "",
                      article_ids=ids)
        try:
            ctx = StoryContext(story, s.sources, tuple(facts[i] for i in ids),
                               find_reuse(s.sources, settings))
            for stage in stages:
                ctx = dataclasses.replace(ctx, story=stage(ctx, settings))
            out[s.line] = ctx
        except Exception as exc:  # an eval reports a failing story and goes on
            report(f"NeuS line {s.line}: story stages failed ({type(exc).__name__}: {exc})")
    return out


def folder_contexts(inputs: Sequence[str], settings: Settings,
                    report: Callable[[str], None]) -> list[StoryContext]:
    """Our own multi-outlet stories (files, folders): the whole line as `newsprism analyze`
    runs it (read, clean, parse, extract, reuse, stories, the story stages before
    summarize), one context per story of two or more articles."""
    from ..model import InputProblem
    from ..pipeline import STAGES, process_articles, stage_function
    from ..readers import read_inputs

    raw = []
    for item in read_inputs(list(inputs), settings):
        if isinstance(item, InputProblem):
            report(str(item))
        else:
            raw.append(item)
    processed = process_articles(sorted(raw, key=lambda a: a.id), settings)
    arts = {a.id: a for a, _ in processed}
    facts = {f.article_id: f for _, f in processed}
    reuse = tuple(stage_function("reuse")(list(arts.values()), settings))
    stories = stage_function("stories")(list(arts.values()), list(facts.values()), reuse,
                                        settings)
    stages = [st.function for st in STAGES if st.scope == "story" and st.name != "summarize"]
    out = []
    for story in stories:
        if len(story.article_ids) < 2:
            continue
        ids = set(story.article_ids)
        ctx = StoryContext(story, tuple(arts[i] for i in story.article_ids),
                           tuple(facts[i] for i in story.article_ids),
                           tuple(r for r in reuse if r.a in ids and r.b in ids))
        for stage in stages:
            ctx = dataclasses.replace(ctx, story=stage(ctx, settings))
        out.append(ctx)
    return out


# --- scoring ---------------------------------------------------------------------------------


def _score(pairs: Sequence[tuple[str, str]]) -> dict[str, float]:
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(list(ROUGE_TYPES), use_stemmer=True)
    sums: dict[str, list[float]] = {k: [] for k in ROUGE_TYPES}
    ap: list[float] = []
    an: list[float] = []
    lengths: list[int] = []
    for system, reference in pairs:
        scores = scorer.score(reference, system)
        for k in ROUGE_TYPES:
            sums[k].append(scores[k].fmeasure)
        p, n = arousal(system, reference)
        ap.append(p)
        an.append(n)
        lengths.append(len(system.split()))
    out = {k: round(100 * statistics.fmean(v), 2) for k, v in sums.items()}
    out["arousal_proxy_pos"] = round(statistics.fmean(ap), 3)
    out["arousal_proxy_neg"] = round(statistics.fmean(an), 3)
    out["arousal_proxy_sum"] = round(out["arousal_proxy_pos"] + out["arousal_proxy_neg"], 3)
    out["words"] = round(statistics.fmean(lengths), 1)
    # The score is a sum, so it grows with length; per 100 words compares wording alone.
    out["arousal_proxy_per_100_words"] = round(100 * out["arousal_proxy_sum"] / max(
        out["words"], 1e-9), 2)
    return out


def command(gold: Path | None, limit: int | None = 200, baselines: bool = True,
            sentences: int = EVAL_SENTENCES, max_words: int | None = EVAL_WORDS,
            report: Callable[[str], None] | None = None, start: int = 1,
            stories: Sequence[str] = (), attribute_single: bool = ATTRIBUTE_SINGLE,
            count_unnamed: bool = COUNT_UNNAMED) -> dict:
    """Score our summaries (and, with `baselines`, LexRank and each source's Lead-3 and full
    text) on the first `limit` NeuS lines (None or 0: all), with the support figures; and on
    `stories` (our own multi-outlet files or folders) the support figures and arousal beside
    each source's. Returns the numbers as a dict."""
    say = report or (lambda line: print(line, file=sys.stderr))
    out: dict = {}
    if gold is not None:
        out = _neus(gold, limit or None, baselines, sentences, max_words, say, start,
                    attribute_single, count_unnamed)
    if stories:
        out["own_stories"] = own_stories(stories, say)
    if not out:
        raise ValueError("nothing to evaluate: give --gold (NeuS) and/or --stories")
    return out


def _neus(gold: Path, limit: int | None, baselines: bool, sentences: int,
          max_words: int | None, say: Callable[[str], None], start: int,
          attribute_single: bool = ATTRIBUTE_SINGLE, count_unnamed: bool = COUNT_UNNAMED
          ) -> dict:
    settings = Settings(summary_sentences=sentences)
    stories = load_neus(Path(gold), limit=limit, start=start)
    if not stories:
        raise ValueError(f"{gold}: no NeuS stories read")
    t0 = time.perf_counter()
    contexts = _contexts(stories, settings, say)
    scored = [s for s in stories if s.line in contexts]
    summaries = [build_summary(contexts[s.line], sentences, max_words=max_words,
                               attribute_single=attribute_single,
                               count_unnamed=count_unnamed) for s in scored]
    capped = [" ".join(x.text for x in summary) for summary in summaries]
    elapsed = time.perf_counter() - t0
    support = sum((audit(contexts[s.line], summary) for s, summary in zip(scored, summaries,
                                                                          strict=True)), Audit())
    refs = [s.target_text for s in scored]
    systems: dict[str, list[str]] = {}
    tag = f"{sentences} sent" + (f", <={max_words} words" if max_words else "")
    systems[f"newsprism ({tag})"] = capped
    if max_words:
        systems[f"newsprism ({sentences} sent)"] = [
            " ".join(x.text for x in build_summary(contexts[s.line], sentences,
                                                   attribute_single=attribute_single,
                                                   count_unnamed=count_unnamed))
            for s in scored]
    if baselines:
        if max_words:
            systems[f"lexrank ({tag})"] = [lexrank([a.text for a in s.sources], sentences,
                                                   max_words) for s in scored]
        systems[f"lexrank ({sentences} sent)"] = [lexrank([a.text for a in s.sources],
                                                          sentences) for s in scored]
        n_src = min(len(s.sources) for s in scored)
        for i in range(n_src):
            systems[f"lead3 source{i + 1}"] = [lead(s.sources[i].text) for s in scored]
        for i in range(n_src):
            systems[f"whole source{i + 1}"] = [s.sources[i].text for s in scored]
    results = {name: _score(list(zip(outs, refs, strict=True)))
               for name, outs in systems.items()}
    return {
        "dataset": str(gold), "first_line": start, "stories": len(stories), "scored": len(scored),
        "sentences": sentences, "max_words": max_words,
        "reference": "target ARTICLE part (title excluded)",
        "arousal_lexicon": "VADER (vaderSentiment, MIT) as a proxy for NRC VAD: valence "
                           "(v+4)/8, arousal ~ |v|/4; calibrated against the reference",
        "seconds_newsprism": round(elapsed, 1), "results": results,
        "attribute_single": attribute_single, "count_unnamed": count_unnamed,
        "support": _support_dict(support),
    }


def _support_dict(a: Audit) -> dict:
    return {"sentences": a.sentences, "unsupported_sentences": a.unsupported,
            "names_not_in_sources": a.names, "numbers_not_in_sources": a.numbers,
            "unsupported_examples": list(a.examples[:SHOWN_EXAMPLES])}


SHOWN_EXAMPLES = 10  # failing sentences printed, so a reader can see what fails


def own_stories(inputs: Sequence[str], say: Callable[[str], None]) -> dict:
    """Support figures of the summaries `newsprism analyze` writes for `inputs` (default
    settings), and each story's arousal per 100 words (uncalibrated: no reference) beside
    every source's."""
    from ..summarize import summarize_story

    settings = Settings()
    contexts = folder_contexts(inputs, settings, say)
    total = Audit()
    per_story = []
    for ctx in contexts:
        summary = summarize_story(ctx, settings).summary
        total = total + audit(ctx, summary)
        text = " ".join(x.text for x in summary)
        sources = [_arousal_per_100(a.text) for a in ctx.articles]
        mine = _arousal_per_100(text)
        per_story.append({"story": ctx.story.id, "articles": len(ctx.articles),
                          "sentences": len(summary), "arousal_per_100_words": mine,
                          "sources_arousal_per_100_words": sources,
                          "below_every_source": all(mine < x for x in sources)})
    return {"inputs": list(inputs), "stories": len(contexts), "support": _support_dict(total),
            "per_story": per_story}


def _arousal_per_100(text: str) -> float:
    pos, neg = arousal(text, "")
    return round(100 * (pos + neg) / max(len(text.split()), 1), 2)


def format_table(out: dict) -> str:
    rows = []
    for where, part in (("NeuS", out), ("own stories", out.get("own_stories", {}))):
        if "support" in part:
            sp = part["support"]
            rows.append(f"support on {where}: {sp['unsupported_sentences']} unsupported of "
                        f"{sp['sentences']} sentences, {sp['names_not_in_sources']} names and "
                        f"{sp['numbers_not_in_sources']} numbers not in any source")
    if "results" not in out:
        return "\n".join(rows)
    rows += ["| system | R-1 | R-2 | R-L | Arousal+ | Arousal- | sum | per 100 words | words |",
            "|---|---|---|---|---|---|---|---|---|"]
    for name, r in out["results"].items():
        rows.append(f"| {name} | {r['rouge1']} | {r['rouge2']} | {r['rougeL']} | "
                    f"{r['arousal_proxy_pos']} | {r['arousal_proxy_neg']} | "
                    f"{r['arousal_proxy_sum']} | {r['arousal_proxy_per_100_words']} | "
                    f"{r['words']} |")
    return "\n".join(rows)

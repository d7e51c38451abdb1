"""`newsprism eval stories --gold DIR`: BCubed precision/recall/F1 of story clustering.

Gold clusters:
- ECB+ (`fmt="ecbplus"`): topic + half (`N_Kecb.xml` vs `N_Kecbplus.xml`), see eval/ecbplus.py;
- NeuS (`fmt="neus"`): one line of `train.source`, its `[SEP]` parts (eval/datasets.py).
Distractors (`--distractors FILE.jsonl[.gz]`, one article per line with `id`, `text`, optional
`title`, `published`, `outlet`, `url`) are clustered with the gold articles. Scores are taken
over the gold articles only, but a distractor in a gold article's predicted story counts
against that article's precision (each distractor is its own gold cluster).

Beside our stage, the same script scores the baseline the issue names: TF-IDF over the raw text
(scikit-learn, English stop words, sublinear tf), cosine, average linkage, with the threshold
chosen in hindsight (best F1 on a grid): an upper bound for that method, not a fair rival.
"""

from __future__ import annotations

import gzip
import json
import time
from collections.abc import Hashable, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..model import Article, InputProblem, Reuse
from ..settings import Settings, load_settings
from ..text import stable_id
from .stories_facts import (
    DISTRACTOR_WORDS,
    MAX_WORDS,
    analyzed_for,
    cache_path,
    facts_for,
)

BASELINE_GRID = tuple(round(0.05 + 0.025 * k, 3) for k in range(37))  # 0.05 .. 0.95
_DENSE_BASELINE_MAX = 9000  # articles; the baseline needs an n x n distance matrix


def bcubed(pred: Mapping[str, Hashable], gold: Mapping[str, Hashable]) -> dict[str, float]:
    """BCubed P/R/F1 over the items of `gold`; `pred` may hold more items (distractors)."""
    pred_members: dict[Hashable, list[str]] = {}
    for item, c in pred.items():
        pred_members.setdefault(c, []).append(item)
    gold_size: dict[Hashable, int] = {}
    for c in gold.values():
        gold_size[c] = gold_size.get(c, 0) + 1
    p_sum = r_sum = 0.0
    for item, g in gold.items():
        members = pred_members.get(pred.get(item, ("alone", item)), [item])
        same = sum(1 for m in members if gold.get(m) == g)
        p_sum += same / len(members)
        r_sum += same / gold_size[g]
    n = max(len(gold), 1)
    p, r = p_sum / n, r_sum / n
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def detect_format(gold: Path) -> str:
    gold = Path(gold)
    if gold.suffix == ".source" or (gold / "train.source").exists():
        return "neus"
    if gold.is_dir() and any(gold.glob("*/*ecb*.xml")):
        return "ecbplus"
    raise ValueError(f"{gold}: cannot tell the gold format (expected an ECB+ folder with "
                     "topic folders, or a NeuS folder with train.source); pass --format")


def load_gold(gold: Path, fmt: str = "auto", limit: int | None = None, start: int = 1
              ) -> tuple[list[Article], dict[str, str], list[InputProblem]]:
    """Articles, their gold cluster by article id, and problems met while reading.
    `start` (NeuS only): the first line to read, so a dev half and a held-out half can be
    scored apart (`--start 1 --limit 1226`, then the whole file)."""
    fmt = detect_format(gold) if fmt == "auto" else fmt
    if fmt == "ecbplus":
        if start != 1:
            raise ValueError("--start applies to NeuS lines only")
        from .ecbplus import load_ecbplus

        docs, problems = load_ecbplus(gold, limit=limit)
        return [d.article for d in docs], {d.article.id: d.cluster for d in docs}, problems
    if fmt == "neus":
        from .datasets import load_neus

        articles: list[Article] = []
        labels: dict[str, str] = {}
        problems = []
        for story in load_neus(gold, limit=limit, start=start):
            for a in story.sources:
                if not a.text.strip():
                    problems.append(InputProblem(a.source, "empty excerpt"))
                    continue
                articles.append(a)
                labels[a.id] = f"line{story.line}"
        return articles, labels, problems
    raise ValueError(f"unknown gold format {fmt!r}; valid: auto, ecbplus, neus")


def load_distractors(path: Path, limit: int | None = None
                     ) -> tuple[list[Article], list[InputProblem]]:
    path = Path(path)
    opener = gzip.open if path.suffix == ".gz" else open
    out: list[Article] = []
    problems: list[InputProblem] = []
    with opener(path, "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if limit is not None and len(out) >= limit:
                break
            try:
                d = json.loads(line)
                text = str(d["text"])
            except (ValueError, KeyError, TypeError) as exc:
                problems.append(InputProblem(f"{path}:{n}", f"not a JSON article ({exc})"))
                continue
            if not text.strip():
                problems.append(InputProblem(f"{path}:{n}", "empty text"))
                continue
            published = str(d.get("published") or "")[:10] or None
            out.append(Article(id=stable_id("distractor", str(d.get("id", n))),
                               source=f"{path}:{n}", text=text, title=d.get("title") or None,
                               outlet=d.get("outlet") or None, url=d.get("url") or None,
                               published=published if published and published[4:5] == "-"
                               else None))
    return out, problems


def baseline_scores(articles: Sequence[Article], gold: Mapping[str, str],
                    grid: Sequence[float] = BASELINE_GRID) -> dict[str, Any]:
    """TF-IDF + average linkage at each threshold of the grid; returns the best and the curve."""
    import numpy as np
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform
    from sklearn.feature_extraction.text import TfidfVectorizer

    if len(articles) > _DENSE_BASELINE_MAX:
        return {"skipped": f"more than {_DENSE_BASELINE_MAX} articles (dense n x n matrix)"}
    # The same information our stage reads: title (when the reader kept one apart) and text.
    x = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(
        [f"{a.title}\n{a.text}" if a.title else a.text for a in articles])
    sim = (x @ x.T).toarray()
    dist = np.clip(1.0 - sim, 0.0, 2.0)
    np.fill_diagonal(dist, 0.0)
    z = linkage(squareform(dist, checks=False), method="average")
    curve = []
    for t in grid:
        labels = fcluster(z, t=1.0 - t, criterion="distance")
        pred = {a.id: int(c) for a, c in zip(articles, labels, strict=True)}
        curve.append({"threshold": t, **bcubed(pred, gold)})
    best = max(curve, key=lambda row: (row["f1"], -row["threshold"]))
    return {"best": best, "curve": curve}


def predict(articles: Sequence[Article], facts: Sequence, settings: Settings,
            reuse: Sequence[Reuse] = ()) -> tuple[dict[str, str], int, float]:
    """Article id -> story id from the stories stage of the line (`pipeline.STAGES`), the
    number of stories and the stage's seconds."""
    from ..pipeline import stage_function

    t0 = time.perf_counter()
    stories = stage_function("stories")(articles, facts, tuple(reuse), settings)
    seconds = time.perf_counter() - t0
    return {aid: s.id for s in stories for aid in s.article_ids}, len(stories), seconds


def run_ours(articles: Sequence[Article], facts: Sequence, gold: Mapping[str, str],
             settings: Settings, reuse: Sequence[Reuse] = ()) -> dict[str, Any]:
    """The stories stage of the line over the articles, scored."""
    pred, n, seconds = predict(articles, facts, settings, reuse)
    return {"threshold": settings.story_threshold, **bcubed(pred, gold),
            "stories": n, "cluster_seconds": round(seconds, 2)}


WORST = 5  # merges and splits listed per set


def worst_errors(pred: Mapping[str, str], gold: Mapping[str, str],
                 articles: Sequence[Article]) -> dict[str, list[dict[str, Any]]]:
    """The `WORST` predicted stories that mix the most articles of other gold clusters (or
    distractors), and the `WORST` gold clusters spread over the most predicted stories; each
    with a short label per part (its first member's title or opening words), to read by eye."""
    label = {a.id: (a.title or a.text)[:70].replace("\n", " ") for a in articles}
    members: dict[str, list[str]] = {}
    for aid, sid in pred.items():
        members.setdefault(sid, []).append(aid)
    merges: list[dict[str, Any]] = []
    for sid, ids in members.items():
        parts: dict[str, list[str]] = {}
        for aid in sorted(ids):
            parts.setdefault(gold.get(aid, "distractor:" + aid), []).append(aid)
        if len(parts) > 1 and any(aid in gold for aid in ids):
            sizes = sorted((len(v) for v in parts.values()), reverse=True)
            merges.append({"story": sid, "articles": len(ids), "wrong": len(ids) - sizes[0],
                           "parts": {g: [len(v), label[v[0]]] for g, v in
                                     sorted(parts.items(), key=lambda kv: -len(kv[1]))[:4]}})
    merges.sort(key=lambda m: (-m["wrong"], m["story"]))
    spread: dict[str, dict[str, list[str]]] = {}
    for aid, g in gold.items():
        spread.setdefault(g, {}).setdefault(pred.get(aid, aid), []).append(aid)
    splits: list[dict[str, Any]] = [
        {"gold": g, "articles": sum(len(v) for v in parts.values()), "stories": len(parts),
         "parts": [[len(v), label[sorted(v)[0]]] for v in
                   sorted(parts.values(), key=len, reverse=True)[:4]]}
        for g, parts in spread.items() if len(parts) > 1]
    splits.sort(key=lambda x: (-x["stories"], -x["articles"], x["gold"]))
    return {"worst_merges": merges[:WORST], "worst_splits": splits[:WORST]}


def _gold_facts(gold: Path, fmt: str, articles: Sequence[Article], settings: Settings,
                mode: str, progress: bool, subset: bool) -> list[tuple[Article, Any]]:
    """(article as the stage reads it, facts) of the gold articles: cleaned by the line in
    mode "analyze", as read in the side modes. A part of the set (`--start`/`--limit`) reads
    them from the whole set's cache when that exists (the cache is keyed by the exact article
    list, and parsing NeuS again for each half takes long); the facts of an article do not
    depend on the others."""
    if subset:
        whole, _, _ = load_gold(gold, fmt)
        key_mode, words = ("analyze", 0) if mode == "analyze" else (mode, MAX_WORDS)
        if cache_path(whole, settings, key_mode, words).exists():
            by_id = {a.id: pair for pair in _pairs(whole, settings, mode, progress)
                     for a in (pair[0],)}
            return [by_id[a.id] for a in articles]
    return _pairs(articles, settings, mode, progress)


def _pairs(articles: Sequence[Article], settings: Settings, mode: str, progress: bool,
           max_words: int = MAX_WORDS) -> list[tuple[Article, Any]]:
    if mode == "analyze":
        return analyzed_for(articles, settings, progress=progress)
    facts = facts_for(articles, settings, mode, progress=progress, max_words=max_words)
    return list(zip(articles, facts, strict=True))


def command(gold: Path, fmt: str = "auto", distractors: Path | None = None,
            limit: int | None = None, threshold: float | None = None,
            facts_mode: str = "analyze", baseline: bool = True, sweep: Sequence[float] = (),
            settings: Settings | None = None, progress: bool = False,
            start: int = 1, actor_pairs: bool = False,
            distractor_limit: int | None = None) -> dict[str, Any]:
    """Score the stories stage against gold clusters (and the hindsight baseline).

    `facts_mode="analyze"` (default) runs what `newsprism analyze` runs: the per-article
    stages of `pipeline.STAGES` (clean, parse, extract), then its reuse and stories stages.
    The side modes ("fast": no parser, texts cut) are for sweeps and are never published."""
    settings = settings or load_settings()
    if threshold is not None:
        settings = settings.replace(story_threshold=threshold)
    fmt = detect_format(gold) if fmt == "auto" else fmt
    articles, labels, problems = load_gold(gold, fmt, limit, start)
    extra: list[Article] = []
    if distractors is not None:
        extra, more = load_distractors(distractors, distractor_limit)
        problems += more
    t0 = time.perf_counter()
    # Cached apart, so the distractors are parsed once for every gold set.
    pairs = _gold_facts(gold, fmt, articles, settings, facts_mode, progress,
                        subset=limit is not None or start != 1)
    if extra:
        pairs += _pairs(extra, settings, facts_mode, progress, DISTRACTOR_WORDS)
    facts_seconds = time.perf_counter() - t0
    everything = [a for a, _ in pairs]
    facts = [f for _, f in pairs]
    reuse: tuple[Reuse, ...] = ()
    if facts_mode == "analyze":
        from ..pipeline import stage_function

        reuse = tuple(stage_function("reuse")(everything, settings))
    pred, n_stories, seconds = predict(everything, facts, settings, reuse)
    result: dict[str, Any] = {
        "gold": str(gold), "format": fmt, "articles": len(articles),
        "gold_clusters": len(set(labels.values())), "distractors": len(extra),
        "facts_mode": facts_mode, "facts_seconds": round(facts_seconds, 1),
        "reuse_pairs": len(reuse),
        "problems": [str(p) for p in problems[:20]], "problem_count": len(problems),
        "ours": {"threshold": settings.story_threshold, **bcubed(pred, labels),
                 "stories": n_stories, "cluster_seconds": round(seconds, 2)},
        **worst_errors(pred, labels, everything),
    }
    if actor_pairs:
        if fmt != "neus":
            raise ValueError("--same-actor-pairs needs NeuS lines (one event per line)")
        from .datasets import load_neus

        titles = {f"line{st.line}": st.target_title
                  for st in load_neus(gold, limit=limit, start=start)}
        actor = same_actor_pairs(labels, facts, titles)
        result["same_actor_pairs"] = merged_pairs(actor, pred, labels)
    if sweep:
        result["ours_sweep"] = [run_ours(everything, facts, labels,
                                         settings.replace(story_threshold=t), reuse)
                                for t in sweep]
    if baseline:
        result["baseline"] = baseline_scores(everything, labels)
    return result


# The same-actors-different-event pair set (issue 21), built from NeuS lines: each line is one
# AllSides story (one event, three outlets), so two lines are two events.
ACTOR_MIN_SOURCES = 2  # a line's main actor: a full person name in >= 2 of its excerpts
ACTOR_MAX_PAIRS = 10  # pairs per name, so one omnipresent name does not make the whole set
DUPLICATE_TITLE_JACCARD = 0.3  # gold titles sharing this much wording: maybe one event twice


def _content_words(text: str) -> set[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    from ..text import words

    return {w.norm for w in words(text)
            if w.norm.isalpha() and len(w.norm) > 2 and w.norm not in ENGLISH_STOP_WORDS}


def same_actor_pairs(labels: Mapping[str, str], facts: Sequence, titles: Mapping[str, str]
                     ) -> list[tuple[str, str, str]]:
    """(line, line, shared name) pairs of gold stories about the same person, different events.

    Recipe: a line's main actors are the full person names (PERSON mentions of two or more
    words, folded) found in at least `ACTOR_MIN_SOURCES` of its excerpts. For each name, the
    lines holding it as a main actor are taken in line order and each is paired with the next
    (at most `ACTOR_MAX_PAIRS` per name). A pair whose gold neutral titles (`titles`: line ->
    title, never read by the stage) share a content-word Jaccard >= `DUPLICATE_TITLE_JACCARD`
    is dropped: it may be one event listed twice. Nothing here is hand-picked."""
    from ..text import fold

    holders: dict[str, dict[str, int]] = {}
    for f in facts:
        line = labels.get(f.article_id)
        if line is None:
            continue
        names = {fold(m.text) for m in f.mentions if m.label == "PERSON"}
        for name in names:
            if len(name.split()) >= 2:
                holders.setdefault(name, {}).setdefault(line, 0)
                holders[name][line] += 1
    by_line: dict[str, set[str]] = {}
    for name, per_line in holders.items():
        for line, n in per_line.items():
            if n >= ACTOR_MIN_SOURCES:
                by_line.setdefault(line, set()).add(name)
    seen: set[tuple[str, str]] = set()
    out: list[tuple[str, str, str]] = []
    for name in sorted({n for names in by_line.values() for n in names}):
        lines = sorted((ln for ln, names in by_line.items() if name in names),
                       key=lambda ln: int(ln.removeprefix("line")))
        kept = 0
        for a, b in zip(lines, lines[1:], strict=False):
            if kept >= ACTOR_MAX_PAIRS or (a, b) in seen:
                continue
            wa, wb = _content_words(titles.get(a, "")), _content_words(titles.get(b, ""))
            if wa and wb and len(wa & wb) / len(wa | wb) >= DUPLICATE_TITLE_JACCARD:
                continue
            seen.add((a, b))
            out.append((a, b, name))
            kept += 1
    return out


def merged_pairs(pairs: Sequence[tuple[str, str, str]], pred: Mapping[str, str],
                 labels: Mapping[str, str]) -> dict[str, Any]:
    """How many pairs share a predicted story (any excerpt of one with any of the other)."""
    stories_of: dict[str, set[str]] = {}
    for aid, line in labels.items():
        stories_of.setdefault(line, set()).add(pred.get(aid, aid))
    merged = [p for p in pairs if stories_of.get(p[0], set()) & stories_of.get(p[1], set())]
    return {"pairs": len(pairs), "merged": len(merged),
            "merged_rate": round(len(merged) / max(len(pairs), 1), 4),
            "merged_examples": [list(p) for p in merged[:5]]}


def format_table(result: Mapping[str, Any]) -> str:
    ours = result["ours"]
    lines = [f"{result['format']}: {result['articles']} articles, {result['gold_clusters']} gold "
             f"clusters, {result['distractors']} distractors, facts={result['facts_mode']}",
             f"  ours      t={ours['threshold']:<5}  P={ours['precision']:.4f} "
             f"R={ours['recall']:.4f} F1={ours['f1']:.4f}  ({ours['stories']} stories)"]
    for row in result.get("ours_sweep", []):
        lines.append(f"  ours      t={row['threshold']:<5}  P={row['precision']:.4f} "
                     f"R={row['recall']:.4f} F1={row['f1']:.4f}  ({row['stories']} stories)")
    base = result.get("baseline", {})
    if "best" in base:
        b = base["best"]
        lines.append(f"  baseline  t={b['threshold']:<5}  P={b['precision']:.4f} "
                     f"R={b['recall']:.4f} F1={b['f1']:.4f}  (best threshold in hindsight)")
    elif "skipped" in base:
        lines.append(f"  baseline  skipped: {base['skipped']}")
    if "same_actor_pairs" in result:
        sp = result["same_actor_pairs"]
        lines.append(f"  same actors, different events: {sp['merged']} of {sp['pairs']} pairs "
                     f"merged ({sp['merged_rate']:.1%})")
    for m in result.get("worst_merges", []):
        lines.append(f"  merge  {m['articles']:>3} articles, {m['wrong']} wrong: "
                     + " | ".join(f"{n} {t}" for n, t in m["parts"].values()))
    for sp_ in result.get("worst_splits", []):
        lines.append(f"  split  {sp_['gold']} in {sp_['stories']} stories: "
                     + " | ".join(f"{n} {t}" for n, t in sp_["parts"]))
    for p in result["problems"]:
        lines.append(f"  problem: {p}")
    return "\n".join(lines)

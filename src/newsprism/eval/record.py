"""Eval result files: what `newsprism eval ... --out FILE` writes and the accuracy page reads.

One file per finding kind (`docs/eval/quotes.json`, `stories.json`, `conflicts.json`,
`summary.json`). A file holds runs; a run is one eval command on one slice of one data set,
with the command line that made it, the date, the git commit and the package version. Writing
a run replaces the run of the same id (same data set and slice) and keeps the others, so the
tune and the blind part of a kind live side by side, each written by its own command.

Only numbers are kept: the headline metrics (named, with what they mean) and every numeric
leaf of the command's result under its dotted key. Strings of the result (examples, titles,
problems) are left out: they are the data set's words, which the project does not copy.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FORMAT = "newsprism-eval/1"

# The finding kinds the accuracy page shows, in its order: title, what the number measures,
# and what it does not cover. Our words, shown on the page as they are.
KINDS: dict[str, dict[str, str]] = {
    "quotes": {
        "title": "Quotes and speakers",
        "what": "Who said what: the quoted words found in an article, and the person they are "
                "given to, compared with PolNeAR's hand-marked attributions.",
        "limits": "PolNeAR is US political news (2016) in English. A quote found with the "
                  "wrong speaker counts as wrong; paraphrases without quote marks are scored "
                  "apart and are weaker.",
    },
    "stories": {
        "title": "Stories (which articles report one event)",
        "what": "How well articles are grouped into stories, compared with groups people made: "
                "BCubed precision (articles put together that belong together) and recall "
                "(articles that belong together and were put together).",
        "limits": "ECB+ and NeuS are English news; NeuS groups three outlets' takes on one "
                  "political story. Larger, noisier feeds hold more unrelated articles, which "
                  "these sets do not test.",
    },
    "conflicts": {
        "title": "Conflicts between outlets",
        "what": "Recall: the share of conflicts we planted into real multi-outlet stories (a "
                "changed number, date, weekday, unit, wording or speaker) that are reported. "
                "Controls: the same stories with a harmless change, where any reported "
                "conflict is a false alarm.",
        "limits": "Planted conflicts are simple edits, so recall on real disagreements may be "
                  "lower; real conflicts are rarer and subtler. A conflict marked \"possible\" "
                  "counts as found in the recall, not in the confident recall.",
    },
    "summary": {
        "title": "Neutral summary",
        "what": "ROUGE: word overlap with the neutral summaries NeuS's editors wrote (higher is "
                "closer). Support: summary sentences holding a name, number or word not found "
                "in the evidence they cite (0 is the aim). Arousal: emotionally charged words "
                "per 100 words, ours beside the least charged source.",
        "limits": "ROUGE rewards shared words, not truth or balance. NeuS is US political "
                  "news in English. Support checks words against the cited spans, not whether "
                  "the sources themselves are right.",
    },
}

PAGE_NOTE = ("Measured on public English news data sets, mostly US politics; your data may "
             "differ. A number here describes the method on that data, not any one finding "
             "on your page: check a finding by its evidence links.")


@dataclass(frozen=True, slots=True)
class Slice:
    """Where a run was measured: the data set, its split, the part of it read (e.g. "lines
    1-1226") and its role ("tune": rules were chosen on it; "blind": only run to report)."""

    dataset: str
    split: str
    part: str
    role: str = ""

    @property
    def id(self) -> str:
        return " ".join(x for x in (self.dataset, self.split, self.part) if x).lower()


def metric(name: str, value: float | int | None, means: str, unit: str = "",
           n: int | None = None) -> dict[str, Any]:
    """One headline number. `unit`: "%" (0-100), "" (a share 0-1 or a plain value)."""
    out: dict[str, Any] = {"name": name, "value": value, "unit": unit, "means": means}
    if n is not None:
        out["n"] = n
    return out


def _get(result: Mapping[str, Any], *path: str) -> Any:
    cur: Any = result
    for key in path:
        if not isinstance(cur, Mapping) or key not in cur:
            return None
        cur = cur[key]
    return cur


def quotes_metrics(result: Mapping[str, Any]) -> list[dict[str, Any]]:
    q = ("newsprism", "quoted")
    return [
        metric("Speaker span F1 (quoted)", _get(result, *q, "source_overlap", "f1"),
               "Direct quotes: the speaker's words in the text overlap the gold speaker's, "
               "precision and recall combined.", "%", _get(result, *q, "gold")),
        metric("Quote span F1 (quoted)", _get(result, *q, "content_overlap", "f1"),
               "Direct quotes: the quoted words overlap the gold quote.", "%",
               _get(result, *q, "gold")),
        metric("Speaker resolved correctly (quoted)",
               _get(result, "resolved_speaker", "quoted", "all", "accuracy"),
               "Of the direct quotes given to a person, the share given to the right person.",
               "", _get(result, "resolved_speaker", "quoted", "all", "resolved")),
        metric("Speaker span F1 (all attributions)",
               _get(result, "newsprism", "all", "source_overlap", "f1"),
               "Every attribution, paraphrases included.", "%",
               _get(result, "newsprism", "all", "gold")),
    ]


def stories_metrics(result: Mapping[str, Any]) -> list[dict[str, Any]]:
    n = _get(result, "articles")
    out = [
        metric("BCubed F1", _get(result, "ours", "f1"),
               "Precision and recall of the grouping, combined.", "", n),
        metric("BCubed precision", _get(result, "ours", "precision"),
               "Articles we put in one story that belong together.", "", n),
        metric("BCubed recall", _get(result, "ours", "recall"),
               "Articles that belong together that we put in one story.", "", n),
    ]
    pairs = _get(result, "same_actor_pairs")
    if isinstance(pairs, Mapping) and pairs.get("pairs"):
        out.append(metric("Same people, different events, merged",
                          pairs.get("merged_rate"),
                          "Pairs of stories about the same people but different events that "
                          "we wrongly merged (lower is better).", "", pairs.get("pairs")))
    return out


def conflicts_metrics(result: Mapping[str, Any]) -> list[dict[str, Any]]:
    out = []
    controls_n = controls_found = 0
    for kind, v in sorted(result.items()):
        if not isinstance(v, Mapping):
            continue
        if kind.startswith("control-"):
            controls_n += int(v.get("n") or 0)
            controls_found += int(v.get("false_alarms") or 0)
        elif "recall" in v:
            out.append(metric(f"Recall: {kind}", v.get("recall"),
                              f"Planted {kind} conflicts reported (confident or possible); "
                              f"confident only: {v.get('recall_confident')}.", "", v.get("n")))
    out.append(metric("False alarms on controls", controls_found,
                      "Conflicts reported on stories changed harmlessly (0 is the aim).",
                      "count", controls_n))
    return out


def summary_metrics(result: Mapping[str, Any]) -> list[dict[str, Any]]:
    systems: Mapping[str, Any] = _get(result, "results") or {}
    ours: Mapping[str, Any] = next(
        (v for k, v in systems.items() if k.startswith("newsprism (")), {})
    sources = [v.get("arousal_proxy_per_100_words") for k, v in systems.items()
               if k.startswith("whole source")]
    sources = [s for s in sources if s is not None]
    support = _get(result, "support") or {}
    n = _get(result, "scored")
    out = [
        metric("ROUGE-1", ours.get("rouge1"), "Single words shared with the editors' "
               "neutral summary (F1).", "%", n),
        metric("ROUGE-2", ours.get("rouge2"), "Word pairs shared (F1).", "%", n),
        metric("ROUGE-L", ours.get("rougeL"), "Longest shared word sequence (F1).", "%", n),
        metric("Unsupported sentences", support.get("unsupported_sentences"),
               "Summary sentences with a name, number or content word not in the spans they "
               "cite.", "count", support.get("sentences")),
        metric("Arousal per 100 words: summary", ours.get("arousal_proxy_per_100_words"),
               "Charged words in our summaries (lexicon proxy).", "", n),
    ]
    if sources:
        out.append(metric("Arousal per 100 words: least charged source", min(sources),
                          "The same measure on the calmest of the source articles.", "", n))
    return out


HEADLINES: dict[str, Callable[[Mapping[str, Any]], list[dict[str, Any]]]] = {
    "quotes": quotes_metrics, "stories": stories_metrics,
    "conflicts": conflicts_metrics, "summary": summary_metrics,
}


def numbers(result: Any, prefix: str = "") -> dict[str, float | int | bool | None]:
    """Every numeric leaf of `result` under its dotted key; strings and lists are left out."""
    out: dict[str, float | int | bool | None] = {}
    if isinstance(result, Mapping):
        for key, value in result.items():
            out.update(numbers(value, f"{prefix}{key}."))
    elif isinstance(result, bool | int | float) or result is None:
        if prefix:
            out[prefix[:-1]] = result
    return out


def git_commit(where: Path | None = None) -> tuple[str | None, bool]:
    """(commit, whether the package's code had uncommitted changes) of the checkout holding
    this package; (None, False) outside a git checkout. Only the package counts: the result
    files an eval run writes (docs/eval) are tracked too, and must not mark the next run."""
    here = where or Path(__file__).resolve().parents[1]
    try:
        head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=here, capture_output=True,
                              text=True, timeout=10, check=True).stdout.strip()
        status = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no",
                                 "--", "."], cwd=here, capture_output=True, text=True,
                                timeout=10, check=True).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None, False
    return head or None, bool(status)


def make_run(kind: str, result: Mapping[str, Any], where: Slice, command: str,
             seconds: float, now: dt.datetime | None = None) -> dict[str, Any]:
    """The record of one eval run (see the module docstring)."""
    from .. import __version__

    if kind not in KINDS:
        raise ValueError(f"unknown finding kind {kind!r}; one of {', '.join(KINDS)}")
    commit, dirty = git_commit()
    when = (now or dt.datetime.now(dt.UTC)).replace(microsecond=0)
    return {"id": where.id, "kind": kind, "dataset": where.dataset, "split": where.split,
            "part": where.part, "role": where.role, "command": command,
            "date": when.isoformat().replace("+00:00", "Z"), "commit": commit,
            "uncommitted_changes": dirty, "version": __version__,
            "seconds": round(seconds, 1), "metrics": HEADLINES[kind](result),
            "numbers": numbers(result)}


def write_run(path: Path, run: Mapping[str, Any]) -> None:
    """Add `run` to the kind's file at `path` (created if absent), replacing the run of the
    same id. Written whole to a temporary file, then renamed."""
    data: dict[str, Any] = {"format": FORMAT, "kind": run["kind"], "runs": []}
    if path.exists():
        old = json.loads(path.read_text(encoding="utf-8"))
        if old.get("format") == FORMAT and old.get("kind") == run["kind"]:
            data["runs"] = [r for r in old.get("runs", []) if r.get("id") != run["id"]]
        elif old.get("kind") != run["kind"]:
            raise ValueError(f"{path} holds {old.get('kind')!r} runs, not {run['kind']!r}")
    data["runs"].append(dict(run))
    data["runs"].sort(key=lambda r: (r.get("role") != "tune", r.get("id", "")))
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(data, indent=1, sort_keys=False) + "\n", encoding="utf-8")
    tmp.replace(path)


def read_kinds(folder: Path | None) -> Iterator[tuple[str, dict[str, Any] | None, str | None]]:
    """(kind, the file's data or None, a problem or None) for every finding kind, in the page's
    order. A missing, unreadable or foreign file gives None with the reason."""
    for kind in KINDS:
        path = folder / f"{kind}.json" if folder is not None else None
        if path is None or not path.is_file():
            yield kind, None, "not measured yet (no result file)"
            continue
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            yield kind, None, f"the result file could not be read ({type(exc).__name__})"
            continue
        if not isinstance(data, dict) or data.get("format") != FORMAT \
                or data.get("kind") != kind or not isinstance(data.get("runs"), list):
            yield kind, None, "the result file is not in the expected form"
            continue
        yield kind, data, None


def quotes_slice(result: Mapping[str, Any], split: str, limit: int | None,
                 role: str) -> Slice:
    n = result.get("documents")
    if result.get("part"):
        return Slice("PolNeAR", split, f"{result['part']} half, {n} texts", role)
    return Slice("PolNeAR", split, f"first {n} texts" if limit else f"all {n} texts", role)


def stories_slice(result: Mapping[str, Any], gold: Path, start: int, role: str) -> Slice:
    extra = f" + {result['distractors']} distractors" if result.get("distractors") else ""
    if result.get("format") == "neus":  # one gold story per NeuS line
        last = start + int(result.get("gold_clusters") or 0) - 1
        return Slice("NeuS", "train", f"lines {start}-{last}{extra}", role)
    topics = [p.name for p in Path(gold).iterdir() if p.name.isdigit()] \
        if Path(gold).is_dir() else []
    odd = bool(topics) and all(int(t) % 2 == 1 for t in topics)
    return Slice("ECB+", "odd topics" if odd else "topics",
                 f"{len(topics)} topics, {result.get('articles')} documents{extra}", role)


def conflicts_slice(part: str, per_kind: int, role: str) -> Slice:
    return Slice("NeuS train + ECB+ odd topics", f"{part} part",
                 f"up to {per_kind} plants per kind", role or part)


def summary_slice(result: Mapping[str, Any], role: str) -> Slice:
    start = int(result.get("first_line") or 1)
    last = start + int(result.get("stories") or 0) - 1
    return Slice("NeuS", "train", f"lines {start}-{last}", role)

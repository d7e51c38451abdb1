"""Story titles on NeuS train: the title `stories.title.story_title` picks for each triplet of
articles (title + lead, one story seen by three outlets), against the neutral title NeuS's
editors wrote for it, and the headline-backing rule's separation.

    .venv/bin/python benchmarks/titles_neus.py --part tune  --baseline 0c93e52
    .venv/bin/python benchmarks/titles_neus.py --part blind --baseline 0c93e52
    .venv/bin/python benchmarks/titles_neus.py --part tune --single --baseline 1d06e95

`--part tune` is the first 60% of the triplets (used to choose `MIN_BACKING` and the rules),
`--part blind` the last 40% (run to report). Only NeuS *train* is read; its test split is held
out. `--baseline REV` also scores title.py as it was at that git revision.

Printed per part: how often a member's own headline passes the backing rule against its own
story's leads and against another story's leads (a wrong headline should almost never pass);
then, for each version of title.py: the mean stem-F1 of the chosen title against the neutral
title, the share of titles with a loaded term (the project lexicon), and the share that are a
member's headline (the rest are built from a lead).
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import types
from pathlib import Path

from newsprism.model import Article
from newsprism.stories import title as current

REPO = Path(__file__).resolve().parents[1]
NEUS = REPO.parent / "shared" / "data" / "neus"
_ITEM = re.compile(r"TITLE=>\s*(.*?)\.\s*ARTICLE=>\s*(.*)", re.S)
TUNE_SHARE = 0.6
OTHER_STORY_STEP = 7  # the "other story" for a triplet: the one this many lines further on


def triplets() -> tuple[list[list[Article]], list[str]]:
    stories = []
    for line in (NEUS / "train.source").read_text(encoding="utf-8").splitlines():
        arts = []
        for i, part in enumerate(line.split("[SEP]")):
            if m := _ITEM.match(part.strip()):
                arts.append(Article(id=f"a{i}", source="neus", title=m.group(1),
                                    text=m.group(2).strip()))
        stories.append(arts)
    targets = [(_ITEM.match(t) or _ITEM.match(t + " ARTICLE=> ")).group(1)  # type: ignore[union-attr]
               for t in (NEUS / "train.target").read_text(encoding="utf-8").splitlines()]
    return stories, targets


def baseline_module(rev: str) -> types.ModuleType:
    src = subprocess.run(["git", "-C", str(REPO), "show", f"{rev}:src/newsprism/stories/title.py"],
                         check=True, capture_output=True, text=True).stdout
    module = types.ModuleType("title_baseline")
    exec(src.replace("from ..", "from newsprism."), module.__dict__)  # noqa: S102
    return module


def f1(a: str, b: str) -> float:
    x, y = current.stems(a), current.stems(b)
    common = len(x & y)
    return 0.0 if not common else 2 * common / (len(x) + len(y))


def singles(stories: list[list[Article]], targets: list[str], part: range,
            versions: dict[str, types.ModuleType], name: str) -> None:
    """Each excerpt of the part as a story of one: its title against its event's neutral
    title, per version, and how many titles the last version changes."""
    chosen: dict[str, list[str]] = {k: [] for k in versions}
    gold: list[str] = []
    for k in part:
        for a in stories[k]:
            gold.append(targets[k])
            for v, module in versions.items():
                chosen[v].append(module.story_title([a], {}))
    print(f"NeuS train, {name} part: {len(gold)} excerpts, each a story of one")
    for v, titles in chosen.items():
        print(f"title.py {v}: stem-F1 to the neutral title "
              f"{statistics.mean(f1(t, g) for t, g in zip(titles, gold, strict=True)):.3f}, loaded "
              f"{sum(current.is_loaded(t) for t in titles) / len(titles):.3f}")
    if len(chosen) == 2:
        (_, old), (_, new) = chosen.items()
        moved = [(f1(o, g), f1(n, g)) for o, n, g in zip(old, new, gold, strict=True) if o != n]
        print(f"titles changed {len(moved)}: better {sum(b > a for a, b in moved)}, "
              f"worse {sum(b < a for a, b in moved)}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--part", choices=("tune", "blind"), required=True)
    ap.add_argument("--baseline", help="git revision of title.py to compare with")
    ap.add_argument("--single", action="store_true",
                    help="each excerpt alone, as a story of one article (stop 54)")
    args = ap.parse_args()
    if not NEUS.exists():
        sys.exit(f"{NEUS} is not present")
    stories, targets = triplets()
    cut = int(len(stories) * TUNE_SHARE)
    part = range(cut) if args.part == "tune" else range(cut, len(stories))
    versions = {"now": current}
    if args.baseline:
        versions = {f"at {args.baseline}": baseline_module(args.baseline)} | versions
    if args.single:
        return singles(stories, targets, part, versions, args.part)
    same, other = [], []
    scores: dict[str, list[tuple[float, bool, bool]]] = {k: [] for k in versions}
    for k in part:
        arts = stories[k]
        if len(arts) < 2:
            continue
        leads = [current.stems(current.lead_of(a)) for a in arts]
        foreign = [current.stems(current.lead_of(a)) for a in
                   stories[(k + OTHER_STORY_STEP) % len(stories)]]
        for j, a in enumerate(arts):
            same.append(current.backing(a.title or "", leads[:j] + leads[j + 1:]))
            other.append(current.backing(a.title or "", foreign))
        heads = {current.clean_headline(a.title or "") for a in arts}
        for name, module in versions.items():
            chosen = module.story_title(arts, {})
            scores[name].append((f1(chosen, targets[k]), current.is_loaded(chosen),
                                 chosen in heads))
    n = len(next(iter(scores.values())))
    print(f"NeuS train, {args.part} part: {n} stories")
    limit = current.MIN_BACKING
    print(f"headline backing >= {limit}: own story {sum(s >= limit for s in same) / len(same):.3f}"
          f", another story {sum(o >= limit for o in other) / len(other):.3f}")
    for name, rows in scores.items():
        print(f"title.py {name}: stem-F1 to the neutral title "
              f"{statistics.mean(r[0] for r in rows):.3f}, loaded "
              f"{sum(r[1] for r in rows) / n:.3f}, a member's headline "
              f"{sum(r[2] for r in rows) / n:.3f}")


if __name__ == "__main__":
    main()

"""Metadata accuracy of the readers + clean stage: title, publish date and outlet.

    .venv/bin/python -m newsprism.eval.metadata [--pages DIR] [--seeds DIR] [--seeds-gold FILE]
                                                [--show-misses]

`--pages` is a folder of HTML pages with a `gold.json` beside them mapping file name to
`{"style", "title", "published", "outlet"}` (the project's own set: tests/fixtures/pages).
`--seeds` is a folder of scraped text files; their gold (`--seeds-gold`) holds the publish day
and a *hash* of the folded title and outlet (`stable_id(fold(value))`, or null when the page
does not give one), so no seed text is copied into the project.

A value counts as right when its folded form equals the gold's (dates: the calendar day);
a null gold is right only when we also give null: inventing a title is an error.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

from ..clean import clean_article
from ..model import Article, InputProblem
from ..readers import read_inputs
from ..settings import Settings
from ..text import fold, stable_id

FIELDS = ("title", "published", "outlet")
_REPO = Path(__file__).resolve().parents[3]
DEFAULT_PAGES = _REPO / "tests" / "fixtures" / "pages"
DEFAULT_SEEDS_GOLD = _REPO / "tests" / "fixtures" / "seeds_gold.json"
DEFAULT_SEEDS = _REPO.parent / "shared" / "seeds"


def norm_name(value: str | None) -> str | None:
    if not value:
        return None
    folded = fold(value)
    return folded.removeprefix("the ") or None


def value_of(article: Article, name: str) -> str | None:
    if name == "published":
        return article.published_date
    if name == "title":
        return fold(article.title) if article.title else None
    return norm_name(article.outlet)


def hashed(value: str | None) -> str | None:
    return stable_id(value) if value else None


def read_one(path: Path, settings: Settings) -> Article | InputProblem:
    items = list(read_inputs([str(path)], settings))
    for item in items:
        if isinstance(item, Article):
            return clean_article(item, settings)
    return items[0] if items else InputProblem(str(path), "nothing read")


Row = tuple[str, str, dict[str, bool], dict[str, str | None]]  # name, group, right?, predicted


def score_pages(folder: Path, settings: Settings) -> list[Row]:
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    rows: list[Row] = []
    for name in sorted(gold):
        g = gold[name]
        got = read_one(folder / name, settings)
        want = {"title": fold(g["title"]) if g.get("title") else None,
                "published": g.get("published"), "outlet": norm_name(g.get("outlet"))}
        rows.append(_row(name, g.get("style", "page"), got, want, lambda v: v))
    return rows


def score_seeds(folder: Path, gold_file: Path, settings: Settings) -> list[Row]:
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    rows: list[Row] = []
    for prefix in sorted(k for k in gold if not k.startswith("_")):
        files = sorted(folder.glob(f"{prefix}*"))
        if not files:
            continue
        g = gold[prefix]
        got = read_one(files[0], settings)
        want = {"title": g.get("title_hash"), "published": g.get("published"),
                "outlet": g.get("outlet_hash")}
        rows.append(_row(files[0].name, "seeds", got, want, hashed))
    return rows


def _row(name: str, group: str, got: Article | InputProblem, want: dict[str, str | None],
         transform: Callable[[str | None], str | None]) -> Row:
    right: dict[str, bool] = {}
    predicted: dict[str, str | None] = {}
    for f in FIELDS:
        value = value_of(got, f) if isinstance(got, Article) else None
        predicted[f] = value
        compare = value if f == "published" else transform(value)
        right[f] = compare == want[f]
    return name, group, right, predicted


def table(rows: Sequence[Row], title: str) -> str:
    groups: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        groups[row[1]].append(row)
    lines = [f"### {title}", "", "| set | pages | title | date | outlet |", "|---|---|---|---|---|"]
    order = sorted(groups) + (["all"] if len(groups) > 1 else [])
    for g in order:
        members = rows if g == "all" else groups[g]
        cells = [f"{sum(r[2][f] for r in members) / len(members):.0%}" for f in FIELDS]
        lines.append(f"| {g} | {len(members)} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newsprism.eval.metadata",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=Path, default=DEFAULT_PAGES)
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS)
    parser.add_argument("--seeds-gold", type=Path, default=DEFAULT_SEEDS_GOLD)
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args(argv)
    settings = Settings()
    out: list[Row] = []
    if args.pages and (args.pages / "gold.json").exists():
        rows = score_pages(args.pages, settings)
        print(table(rows, f"HTML pages ({args.pages})"), "\n")
        out += rows
    else:
        print(f"no gold.json in {args.pages}; pages skipped")
    if args.seeds.is_dir() and args.seeds_gold.exists():
        rows = score_seeds(args.seeds, args.seeds_gold, settings)
        print(table(rows, f"seeds ({args.seeds})"), "\n")
        out += rows
    else:
        print(f"seeds or their gold not found ({args.seeds}, {args.seeds_gold}); skipped")
    if args.show_misses:
        for name, _, right, predicted in out:
            for f in FIELDS:
                if not right[f]:
                    print(f"miss {name} {f}: got {predicted[f]!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

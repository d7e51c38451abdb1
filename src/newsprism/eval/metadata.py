"""Metadata accuracy of the readers + clean stage: title, publish date and outlet.

    newsprism eval metadata [--pages DIR] [--seeds DIR] [--seeds-gold FILE] [--as-text]
                            [--show-misses] [--json]

`--pages` is a folder of HTML pages with a `gold.json` beside them mapping file name to
`{"style", "title", "published", "outlet"}` (the project's own set: tests/fixtures/pages).
`--seeds` is a folder of scraped text files; their gold (`--seeds-gold`) holds the publish day
and a *hash* of the folded title and outlet (`stable_id(fold(value))`, or null when the page
does not give one), so no seed text is copied into the project.

`--as-text` reads each page the way a naive scraper saves it (the visible text, one line per
block, menus and footers included: the seeds' form) and recovers the metadata from that text
alone with `clean_article`. Some gold values are not in the visible text at all (a date that
only a `<meta>` tag carries): the table also gives accuracy on the recoverable ones.

A value counts as right when its folded form equals the gold's (dates: the calendar day);
a null gold is right only when we also give null: inventing a title is an error.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

from ..clean.article import clean_article
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


_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "li", "header", "footer", "nav", "section",
           "article", "aside", "main", "hr", "ul", "ol", "br", "table", "tr", "figure",
           "figcaption"}


def visible_text(raw: bytes) -> str:
    """The page as a naive scraper saves it: visible text, one line per block element."""
    import lxml.html

    root = lxml.html.fromstring(raw)
    for bad in root.xpath("//script|//style|//title|//noscript"):
        bad.drop_tree()
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag in _BLOCKS:
            el.text = "\n" + (el.text or "")
            el.tail = "\n" + (el.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


def recoverable(text: str, field: str, value: str | None) -> bool:
    """Whether the gold `value` of `field` can be read from `text` at all."""
    if value is None:
        return True
    if field == "published":
        from ..clean.header import header_dates

        return any(d.value.date().isoformat() == value for d in header_dates(text))
    return (value if field == "title" else norm_name(value) or "") in fold(text)


def score_pages(folder: Path, settings: Settings, as_text: bool = False) -> list[Row]:
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    rows: list[Row] = []
    for name in sorted(gold):
        g = gold[name]
        if as_text:
            text = visible_text((folder / name).read_bytes())
            got: Article | InputProblem = clean_article(
                Article(id=name, source=name, text=text), settings)
        else:
            got = read_one(folder / name, settings)
        want = {"title": fold(g["title"]) if g.get("title") else None,
                "published": g.get("published"), "outlet": norm_name(g.get("outlet"))}
        row = _row(name, g.get("style", "page"), got, want, lambda v: v)
        if as_text:
            row[3]["recoverable"] = ",".join(f for f in FIELDS if recoverable(text, f, want[f]))
        rows.append(row)
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
    if rows and "recoverable" in rows[0][3]:
        cells = []
        for f in FIELDS:
            can = [r for r in rows if f in (r[3]["recoverable"] or "").split(",")]
            cells.append(f"{sum(r[2][f] for r in can) / len(can):.0%} of {len(can)}"
                         if can else "-")
        lines.append("| all, where the text holds the value | | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def accuracy(rows: Sequence[Row]) -> dict[str, float | int]:
    """The share right per field, over `rows`."""
    out: dict[str, float | int] = {"pages": len(rows)}
    for f in FIELDS:
        out[f] = round(sum(r[2][f] for r in rows) / len(rows), 4) if rows else 0.0
    return out


def command(pages: Path = DEFAULT_PAGES, seeds: Path = DEFAULT_SEEDS,
            seeds_gold: Path = DEFAULT_SEEDS_GOLD, as_text: bool = False,
            show_misses: bool = False, report: Callable[[str], None] = print
            ) -> dict[str, dict[str, float | int]]:
    """Score the pages and the seeds; tables and misses go to `report`, the numbers are
    returned (per set)."""
    settings = Settings()
    out: list[Row] = []
    result: dict[str, dict[str, float | int]] = {}
    if (pages / "gold.json").exists():
        rows = score_pages(pages, settings, as_text=as_text)
        form = "as visible text" if as_text else "as HTML"
        report(table(rows, f"pages {form} ({pages})") + "\n")
        result["pages"] = accuracy(rows)
        out += rows
    else:
        report(f"no gold.json in {pages}; pages skipped")
    rows = score_seeds(seeds, seeds_gold, settings) if seeds_gold.exists() and \
        seeds.is_dir() else []
    if rows:
        report(table(rows, f"seeds ({seeds})") + "\n")
        result["seeds"] = accuracy(rows)
        out += rows
    else:
        report(f"no seeds with gold found ({seeds}, {seeds_gold}); skipped")
    if show_misses:
        for name, _, right, predicted in out:
            for f in FIELDS:
                if not right[f]:
                    report(f"miss {name} {f}: got {predicted[f]!r}")
    return result

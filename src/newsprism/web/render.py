"""HTML rendering shared by the web app and the single-file report (`analyze --html`).

One Jinja2 environment with autoescaping on for every template: article text, titles, outlet
names and bylines are untrusted input and reach the page only as escaped text. The saved
report inlines the same CSS and JavaScript the app serves from /static, so it opens from disk
with no network at all.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from .views import LOUD, QUIET, StoryView, story_row

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"


@cache
def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)),
                      autoescape=select_autoescape(default=True, default_for_string=True),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    # Ids come from input files (JSONL `id`): one path segment, whatever characters they hold.
    env.filters["pathpart"] = lambda value: quote(str(value), safe="")
    env.globals["quiet"] = QUIET
    env.globals["loud"] = LOUD
    return env


@cache
def inline_assets() -> dict[str, Markup]:
    """CSS and JS for a page that must stand alone: our own files from static/, the only text
    marked safe anywhere. `</` is split so the text cannot close the element it sits in."""
    css = (STATIC / "app.css").read_text(encoding="utf-8").replace("</", "<\\/")
    js = (STATIC / "app.js").read_text(encoding="utf-8").replace("</", "<\\/")
    return {"css": Markup(css), "js": Markup(js)}


def render(template: str, **context: Any) -> str:
    context.setdefault("root", "")
    context.setdefault("inline_assets", None)
    context.setdefault("home", None)
    return environment().get_template(template).render(**context)


def render_report_html(report: dict[str, Any]) -> str:
    """A self-contained HTML page (inline CSS/JS, no external asset) of a contract-form
    report (`report.report_json`): the story list, then every story as the app shows it."""
    articles = list(report.get("articles", []))
    reuse = list(report.get("reuse", []))
    # Stories carried by many articles first: those are the ones with something to compare.
    stories = sorted(report.get("stories", []),
                     key=lambda s: (-len(s.get("article_ids", [])), s.get("title") or ""))
    outlets = list(report.get("outlets", []))
    rows = [story_row(s, articles, outlets) for s in stories]
    for i, r in enumerate(rows, 1):
        r["anchor"] = f"#story-{i}"
    views = [StoryView(s, articles, reuse, prefix=f"s{i}-", outlets=outlets).context()
             for i, s in enumerate(stories, 1)]
    return render("report.html", rows=rows, views=views, n_articles=len(articles),
                  problems=list(report.get("problems", [])), link=lambda r: r["anchor"],
                  inline_assets=inline_assets(), home="#")

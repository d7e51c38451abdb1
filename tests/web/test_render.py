"""The single-file report: self-contained, escaped, and every citation points at evidence."""

from __future__ import annotations

import re

from newsprism.storage.report import report_json
from newsprism.web.render import render_report_html

from .factory import EVIL, make_report


def test_report_is_self_contained_and_links_citations_to_evidence() -> None:
    html = render_report_html(report_json(make_report()))
    assert "<style>" in html and "<script>" in html
    # No external asset: nothing loaded from another origin or from /static.
    assert not re.search(r'(src|href)="(https?:)?//', html)
    assert 'href="/static' not in html and 'src="/static' not in html
    anchors = set(re.findall(r'id="([^"]+)"', html))
    cited = re.findall(r'class="cite" href="#([^"]+)"', html)
    assert cited, "the summary has citations"
    assert all(c in anchors for c in cited), "every citation has its evidence on the page"


def test_untrusted_text_is_escaped_in_report() -> None:
    html = render_report_html(report_json(make_report(evil=True)))
    assert EVIL not in html
    assert "<script>alert(" not in html
    assert "&lt;script&gt;alert(" in html
    assert "<img src=x onerror" not in html


def test_inline_assets_are_our_files_unescaped() -> None:
    from newsprism.web.render import STATIC

    html = render_report_html(report_json(make_report()))
    js = (STATIC / "app.js").read_text(encoding="utf-8")
    css = (STATIC / "app.css").read_text(encoding="utf-8")
    assert f"<script>{js}</script>" in html
    assert f"<style>{css}</style>" in html


def test_timeline_shows_background_apart_from_the_storys_events() -> None:
    data = report_json(make_report())
    story = next(s for s in data["stories"] if s["id"] == "s1")
    own = dict(story["timeline"][0])
    story["timeline"] = [own, own | {"date": "2023-11-02", "text": "The old bridge closed.",
                                     "background": True}]
    html = render_report_html(data)
    part = html[html.index('id="story-1-timeline"'):]
    part = part[:part.index("</section>")]
    assert part.index(">Background<") < part.index("The old bridge closed.") \
        < part.index(">This story<") < part.index(own["text"])
    # Without background entries there is one plain list and no group headings.
    story["timeline"] = [own]
    html = render_report_html(data)
    part = html[html.index('id="story-1-timeline"'):]
    assert ">Background<" not in part[:part.index("</section>")]

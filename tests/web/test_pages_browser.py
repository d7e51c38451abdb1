"""Every page in a real headless Chromium, at a phone's width (390 px) and a laptop's:

- no page is wider than the screen (document scrollWidth <= viewport; at 390 px no visible
  element reaches past the right edge either, so a table cannot hide in a side-scroller);
- every `#...` link on the story and article pages lands on an element that exists, every
  citation's evidence is marked on the page, and every article link opens;
- no file name and no server path appears on any page.

The store holds the fictional example corpus and, when ../shared is present, the five seed
articles; the seed story's screenshots (desktop and 390 px) are written to docs/img/ for
docs/web.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

import pytest

from newsprism.settings import Settings
from newsprism.storage.report import report_json

from .serving import serving
from .test_browser import ARGS, CHROMIUM, _need_browser

REPO = Path(__file__).resolve().parents[2]
DOCS_IMG = REPO / "docs" / "img"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 850}

pytestmark = [pytest.mark.integration, pytest.mark.slow]

_OVERFLOW_JS = """() => {
  const W = document.documentElement.clientWidth, out = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    if (r.right > W + 1 || r.left < -1)
      out.push(`${el.tagName}.${el.className} ${Math.round(r.left)}..${Math.round(r.right)}`);
  }
  return out.slice(0, 10);
}"""

_LINKS_JS = """() => Array.from(document.querySelectorAll('a[href]')).map(a => ({
  href: a.getAttribute('href'), ev: a.getAttribute('data-ev') || '',
  text: a.textContent.trim()}))"""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, examples_dir: Path) -> dict:
    _need_browser()
    from newsprism.service import run_analysis

    inputs = [str(examples_dir)]
    seeds = REPO.parent / "shared" / "seeds"
    if seeds.exists():
        inputs.append(str(seeds))
    db = tmp_path_factory.mktemp("pages") / "pages.db"
    report = report_json(run_analysis(inputs, Settings(), db_url=f"sqlite:///{db}"))
    return {"db": f"sqlite:///{db}", "report": report, "seeds": seeds.exists(),
            "sources": [a["source"] for a in report["articles"]]}


@pytest.fixture(scope="module")
def base(corpus: dict) -> Iterator[str]:
    with serving(Settings(db_url=corpus["db"])) as url:
        yield url


@pytest.fixture(scope="module")
def chromium(corpus: dict) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def _main_story(report: dict) -> dict:
    """The seed story when the seeds are in the store, else the biggest story."""
    seed_ids = {a["id"] for a in report["articles"] if "/seeds/" in a["source"]}
    seeded = [s for s in report["stories"] if seed_ids & set(s["article_ids"])]
    return max(seeded or report["stories"], key=lambda s: len(s["article_ids"]))


def _pages(report: dict) -> list[str]:
    story = _main_story(report)
    out = ["/", "/upload", "/api", "/?q=river", "/stories/no-such-story",
           "/?q=river+council&since=2000-01-01&until=2099-12-31&outlet=unknown&sort=outlets",
           "/?since=2019-13-45"]
    out += [f"/stories/{s['id']}" for s in report["stories"]]
    out += [f"/articles/{aid}" for aid in story["article_ids"]]
    return out


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390px", "desktop"])
def test_no_page_is_wider_than_the_screen(base: str, chromium, corpus: dict,  # noqa: ANN001
                                          viewport: dict, tmp_path: Path) -> None:
    for page, path in _every_page(chromium, viewport, base, corpus, tmp_path):
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= viewport["width"], (path, width)
        if viewport is PHONE:
            assert page.evaluate(_OVERFLOW_JS) == [], path


def _every_page(chromium, viewport: dict, base: str, corpus: dict,  # noqa: ANN001
                tmp_path: Path) -> Iterator[tuple[object, str]]:
    """(page, path) opened in turn: every page of `_pages` and the saved report."""
    from newsprism.web.render import render_report_html

    saved = tmp_path / "report.html"
    saved.write_text(render_report_html(corpus["report"]), encoding="utf-8")
    page = chromium.new_page(viewport=viewport)
    try:
        for path in [*_pages(corpus["report"]), saved.as_uri()]:
            page.goto(path if path.startswith("file:") else base + path)
            yield page, path
    finally:
        page.close()


def test_side_by_side_shows_one_source_at_a_time_on_a_phone(base: str, chromium,  # noqa: ANN001
                                                            corpus: dict) -> None:
    story = _main_story(corpus["report"])
    page = chromium.new_page(viewport=PHONE)
    try:
        page.goto(f"{base}/stories/{story['id']}")
        cards = page.locator(".columns .source")
        assert cards.count() == len(story["article_ids"]) >= 2
        assert sum(cards.nth(i).is_visible() for i in range(cards.count())) == 1
        page.locator(".picker .pick").nth(1).click()
        assert cards.nth(1).is_visible() and not cards.nth(0).is_visible()
        # A citation into another source brings that source up.
        cite = page.locator(".summary-list a.cite").last
        n = int(cite.inner_text())
        cite.click()
        assert cards.nth(n - 1).is_visible()
        assert page.locator("mark.active").first.is_visible()
    finally:
        page.close()
    desktop = chromium.new_page(viewport=DESKTOP)
    try:
        desktop.goto(f"{base}/stories/{story['id']}")
        assert not desktop.locator(".picker").is_visible()
        cards = desktop.locator(".columns .source")
        assert all(cards.nth(i).is_visible() for i in range(cards.count()))
    finally:
        desktop.close()


def _check_links(chromium, page, base: str, path: str,  # noqa: ANN001
                 opened: set[str]) -> int:
    """Every same-page link has its target and every citation its evidence; article and
    story links open. Returns how many links were checked."""
    page.goto(base + path)
    links = page.evaluate(_LINKS_JS)
    for link in links:
        href = link["href"]
        if href.startswith("#") and len(href) > 1:
            target = unquote(href[1:])
            assert page.evaluate("id => !!document.getElementById(id)", target), (path, link)
        for key in link["ev"].split():
            # A stretch of evidence is a mark carrying its key; a citation of a whole
            # article (no stretch given) is that article's card.
            found = page.evaluate(
                "k => Array.from(document.querySelectorAll('mark[data-ev]')).some("
                "m => m.getAttribute('data-ev').split(' ').includes(k)) || "
                "(/^(s\\d+-)?src\\d+$/.test(k) && !!document.getElementById(k))", key)
            assert found, (path, link)
        if href.startswith(("/articles/", "/stories/")):
            page_path, _, anchor = href.partition("#")
            if href not in opened:
                opened.add(href)
                other = chromium.new_page()
                try:
                    assert other.goto(base + page_path).status == 200, (path, link)
                    if anchor:
                        assert other.evaluate("id => !!document.getElementById(id)",
                                              unquote(anchor)), (path, link)
                finally:
                    other.close()
    return len(links)


def test_every_evidence_link_lands(base: str, chromium, corpus: dict) -> None:  # noqa: ANN001
    page = chromium.new_page(viewport=DESKTOP)
    opened: set[str] = set()
    try:
        checked = 0
        for s in corpus["report"]["stories"]:
            checked += _check_links(chromium, page, base, f"/stories/{s['id']}", opened)
        for aid in _main_story(corpus["report"])["article_ids"]:
            checked += _check_links(chromium, page, base, f"/articles/{aid}", opened)
        assert checked > 50
        # An article page names where else a contested version is told, with a link to it.
        assert any("#" in h and h.startswith("/articles/") for h in opened)
    finally:
        page.close()


def test_no_file_name_or_server_path_on_any_page(base: str, chromium,  # noqa: ANN001
                                                 corpus: dict, tmp_path: Path) -> None:
    from newsprism.web.render import render_report_html

    leaks = set()
    for source in corpus["sources"]:
        leaks.add(source)
        leaks.add(Path(source).name)
    leaks.add(str(REPO))
    page = chromium.new_page(viewport=DESKTOP)
    try:
        for path in _pages(corpus["report"]):
            page.goto(base + path)
            html = page.content()
            found = [x for x in leaks if x in html]
            assert not found, (path, found)
        saved = tmp_path / "report.html"
        saved.write_text(render_report_html(corpus["report"]), encoding="utf-8")
        html = saved.read_text(encoding="utf-8")
        assert not [x for x in leaks if x in html]
    finally:
        page.close()


def test_seed_story_screenshots(base: str, chromium, corpus: dict) -> None:  # noqa: ANN001
    """The pictures in docs/web.md: the seed story at 1366 and 390 px, made by this run."""
    if not corpus["seeds"]:
        pytest.skip("../shared/seeds is not present")
    story = _main_story(corpus["report"])
    DOCS_IMG.mkdir(parents=True, exist_ok=True)
    for name, viewport in (("seed-story-desktop", DESKTOP), ("seed-story-390", PHONE)):
        page = chromium.new_page(viewport=viewport)
        try:
            page.goto(f"{base}/stories/{story['id']}")
            title = page.locator("h1").first.inner_text()
            assert not re.search(r"\.txt|/", title)
            page.screenshot(path=str(DOCS_IMG / f"{name}.png"), type="png")
        finally:
            page.close()
    assert (DOCS_IMG / "seed-story-390.png").stat().st_size < 400_000


def _body_only_word(report: dict) -> tuple[str, str]:
    """(word, story id): a word of one story's article text whose first six letters occur
    in no other story's text and in no title, entity name or outlet at all (so stemming
    cannot make another story match, and only the article text can make this one match)."""
    from newsprism.storage.search import STOP

    def fold(text: str | None) -> str:
        return (text or "").lower()

    named = " ".join([fold(s["title"]) for s in report["stories"]]
                     + [fold(e["name"]) + " " + " ".join(map(fold, e.get("aliases", [])))
                        for s in report["stories"] for e in s.get("entities", [])]
                     + [fold(a["title"]) + " " + fold(a["outlet"]) for a in report["articles"]])
    texts = {a["id"]: fold(a["text"]) for a in report["articles"]}
    for story in sorted(report["stories"], key=lambda s: s["id"]):
        mine = " ".join(texts[i] for i in story["article_ids"])
        others = " ".join(t for i, t in texts.items() if i not in story["article_ids"])
        for word in sorted(set(re.findall(r"[a-z]{8,}", mine))):
            if word not in STOP and word[:6] not in named and word[:6] not in others:
                return word, story["id"]
    pytest.skip("no word of the corpus occurs in one story's article text only")


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390px", "desktop"])
def test_search_finds_a_word_that_occurs_only_in_an_article_body(
        base: str, chromium, corpus: dict, viewport: dict) -> None:  # noqa: ANN001
    word, story_id = _body_only_word(corpus["report"])
    page = chromium.new_page(viewport=viewport)
    try:
        page.goto(base + "/")
        page.fill("input[name=q]", word.upper())
        page.click("form.search button[type=submit]")
        page.wait_for_selector("#result-count")
        assert page.inner_text("#result-count") == "1 story found."
        links = page.eval_on_selector_all("a.story-link", "els => els.map(e => e.pathname)")
        assert [unquote(x) for x in links] == [f"/stories/{story_id}"]
        # The results page with every filter set fits the screen too.
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        if viewport is PHONE:
            assert page.evaluate(_OVERFLOW_JS) == []
        page.click("a.story-link")
        page.wait_for_load_state()
        assert unquote(page.url).endswith(f"/stories/{story_id}")
    finally:
        page.close()


_PINNED_JS = """() => {
  const H = window.innerHeight; let covered = 0; const out = [];
  for (const el of document.querySelectorAll('body *')) {
    const pos = getComputedStyle(el).position;
    if (pos !== 'sticky' && pos !== 'fixed') continue;
    const r = el.getBoundingClientRect();
    const seen = Math.max(0, Math.min(r.bottom, H) - Math.max(r.top, 0));
    if (seen > 0) {
      covered += seen; out.push(`${el.tagName}.${el.className} ${Math.round(seen)}`);
    }
  }
  return [covered / H, out];
}"""


def test_nothing_pinned_covers_much_of_a_phone_screen(base: str, chromium,  # noqa: ANN001
                                                      corpus: dict, tmp_path: Path) -> None:
    """Stop 45, looked at in Chromium: at 390 px the top bar, its story links wrapped over
    five rows, stayed pinned over a quarter of the screen while the reader scrolled (and hid a
    story's heading after a jump to it). Scrolled down a page, the top bar is gone and nothing
    pinned covers more than a tenth of a phone's screen."""
    for page, path in _every_page(chromium, PHONE, base, corpus, tmp_path):
        page.evaluate("window.scrollTo(0, Math.max(0, document.body.scrollHeight / 2))")
        page.wait_for_timeout(50)
        share, pinned = page.evaluate(_PINNED_JS)
        assert share <= 0.10, (path, pinned)
        if page.evaluate("window.scrollY") > 300:  # the top bar scrolled away with the page
            assert page.evaluate("document.querySelector('.top').getBoundingClientRect()"
                                 ".bottom") <= 0, path

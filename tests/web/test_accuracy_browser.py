"""The accuracy page in a real headless Chromium: no overflow at 390 px or 1366 px (long
commands and names included), every link on it and every link to it resolves, and the
pictures in docs/web.md (desktop and 390 px) made from the result files kept in docs/eval."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from newsprism.eval.record import KINDS, Slice, make_run, write_run
from newsprism.settings import Settings
from newsprism.storage.store import open_store

from .factory import make_report
from .serving import serving
from .test_browser import ARGS, CHROMIUM, _need_browser
from .test_pages_browser import _OVERFLOW_JS

REPO = Path(__file__).resolve().parents[2]
DOCS_EVAL = REPO / "docs" / "eval"
DOCS_IMG = REPO / "docs" / "img"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 1000}

pytestmark = [pytest.mark.integration, pytest.mark.slow]



def _long_runs(folder: Path) -> None:
    """A run of every kind with a long command, a long unbroken path and long names: what
    could push a phone's page sideways."""
    long_path = "/" + "/".join(["a-rather-long-folder-name"] * 8) + "/train.source"
    results = {"quotes": {"newsprism": {"quoted": {"source_overlap": {"f1": 81.25}}}},
               "stories": {"articles": 300, "ours": {"f1": 0.9123, "precision": 0.95,
                                                     "recall": 0.88}},
               "conflicts": {"digits-with-a-very-long-kind-name-for-the-test": {
                   "n": 40, "recall": 0.875, "recall_confident": 0.8},
                   "control-digits": {"n": 40, "false_alarms": 1}},
               "summary": {"scored": 200, "results": {"newsprism (3 sent)": {"rouge1": 39.5}}}}
    for kind, result in results.items():
        run = make_run(kind, result, Slice("Data set " * 6, "train", "lines 1-1226", "tune"),
                       f"newsprism eval {kind} --gold {long_path} --limit 1226 " * 3, 1.0)
        write_run(folder / f"{kind}.json", run)


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    _need_browser()
    tmp = tmp_path_factory.mktemp("accuracy")
    db = f"sqlite:///{tmp / 'web.db'}"
    store = open_store(db)
    store.save_report(make_report())
    store.close()
    _long_runs(tmp / "eval")
    with serving(Settings(db_url=db, accuracy_dir=str(tmp / "eval"))) as long_url, \
            serving(Settings(db_url=db, accuracy_dir=str(DOCS_EVAL))) as docs_url:
        yield {"long": long_url, "docs": docs_url}


@pytest.fixture(scope="module")
def chromium(servers: dict) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390px", "desktop"])
@pytest.mark.parametrize("which", ["long", "docs"])
def test_the_page_is_not_wider_than_the_screen(servers: dict, chromium,  # noqa: ANN001
                                               viewport: dict, which: str) -> None:
    page = chromium.new_page(viewport=viewport)
    try:
        page.goto(servers[which] + "/accuracy")
        assert page.locator("h1").first.inner_text() == "How accurate is this?"
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= viewport["width"], width
        if viewport is PHONE:
            assert page.evaluate(_OVERFLOW_JS) == []
    finally:
        page.close()


def test_links_on_and_to_the_page_resolve(servers: dict, chromium) -> None:  # noqa: ANN001
    base = servers["long"]
    page = chromium.new_page(viewport=DESKTOP)
    try:
        page.goto(base + "/")
        story = page.locator("a[href^='/stories/']").first.get_attribute("href")
        checked = 0
        for path in ["/accuracy", "/", story]:
            page.goto(base + path)
            hrefs = page.evaluate("() => Array.from(document.querySelectorAll('a[href]'))"
                                  ".map(a => a.href)")
            for href in hrefs:
                url = urlsplit(urljoin(base + path, href))
                if f"{url.scheme}://{url.netloc}" != base or not (
                        url.path == "/accuracy" or path == "/accuracy"):
                    continue
                other = chromium.new_page()
                try:
                    response = other.goto(href)
                    assert response is not None and response.status == 200, href
                    if url.fragment:
                        assert other.locator(f"#{url.fragment}").count() == 1, href
                finally:
                    other.close()
                checked += 1
        assert checked >= 8
        page.goto(base + story)
        kinds = {h.split("#acc-")[1] for h in page.evaluate(
            "() => Array.from(document.querySelectorAll('a.acc-link')).map(a => a.href)")}
        assert kinds == set(KINDS)
    finally:
        page.close()


def test_accuracy_screenshots(servers: dict, chromium) -> None:  # noqa: ANN001
    """The pictures in docs/web.md: the page over docs/eval, made by this run."""
    if not all((DOCS_EVAL / f"{kind}.json").exists() for kind in KINDS):
        pytest.skip("docs/eval does not hold every kind's result file (make eval-docs)")
    DOCS_IMG.mkdir(parents=True, exist_ok=True)
    for name, viewport in (("accuracy-desktop", DESKTOP), ("accuracy-390", PHONE)):
        page = chromium.new_page(viewport=viewport)
        try:
            # On a phone, from the first kind's numbers (the intro fills the first screen).
            page.goto(servers["docs"] + "/accuracy" + ("#acc-quotes" if viewport is PHONE
                                                       else ""))
            assert "not measured yet" not in page.content()
            page.screenshot(path=str(DOCS_IMG / f"{name}.png"), type="png")
        finally:
            page.close()
    assert all((DOCS_IMG / f"accuracy-{n}.png").stat().st_size < 400_000
               for n in ("desktop", "390"))

"""Corrections in a real headless Chromium: an analyst marks a conflict wrong and sets a
speaker through the story page's forms (plain forms, the token as a field); the page comes
back with the "corrected by analyst" marks, the wrong conflict struck through, not removed,
and nothing wider than a 390 px screen with the forms open. The screenshots of the corrected
story (1366 and 390 px) are written to docs/img/ for docs/web.md."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from newsprism.settings import Settings
from newsprism.storage.report import report_json

from .serving import serving
from .test_browser import ARGS, CHROMIUM, _need_browser
from .test_pages_browser import _OVERFLOW_JS, DESKTOP, DOCS_IMG, PHONE

pytestmark = [pytest.mark.integration, pytest.mark.slow]
TOKEN = "browser-corrections-token"


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory, examples_dir: Path
           ) -> Iterator[tuple[str, dict]]:
    _need_browser()
    if not examples_dir.exists():
        pytest.skip(f"{examples_dir} is not present")
    from newsprism.service import run_analysis

    db = f"sqlite:///{tmp_path_factory.mktemp('corr') / 'corr.db'}"
    report = report_json(run_analysis([str(examples_dir)], Settings(), db_url=db))
    with serving(Settings(db_url=db, token=TOKEN)) as url:
        yield url, report


def test_correction_marks_show_and_fit_a_phone(served: tuple[str, dict]) -> None:
    from playwright.sync_api import sync_playwright

    base, report = served
    story = max(report["stories"], key=lambda s: len(s["conflicts"]))
    assert story["conflicts"] and story["quotes"]
    url = f"{base}/stories/{story['id']}"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page(viewport=DESKTOP)
            page.goto(url)
            assert page.locator(".fixmark").count() == 0
            # One confident conflict (in the matrix), one possible one (listed apart).
            for status in ("confident", "possible"):
                c = next(c for c in story["conflicts"] if c["status"] == status)
                page.locator(".fix-forms summary").click()
                form = page.locator("form.fix",
                                    has=page.locator("input[value='conflict.wrong']"))
                form.locator("select[name=key]").select_option(
                    label=f"{c['kind']}: {c['about'][:90]}")
                form.locator("input[name=token]").fill(TOKEN)
                with page.expect_navigation():
                    form.locator("button[type=submit]").click()
                assert page.url == f"{url}#story-corrections"
                assert c["about"][:30] in page.locator(".fix-list").inner_text()
            struck = page.locator(".matrix tr.wrong")
            assert struck.count() >= 2  # every version of the conflict, kept, struck through
            assert struck.first.locator("s").count() == 1
            assert "corrected by analyst" in struck.first.inner_text()
            apart = page.locator(".possible-conflicts li.wrong")
            assert apart.count() == 1 and apart.locator("s").count() == 1

            page.locator(".fix-forms summary").click()
            form = page.locator("form.fix", has=page.locator("input[value='quote.speaker']"))
            form.locator("input[name=speaker]").fill("Mara Olsen")
            form.locator("input[name=token]").fill(TOKEN)
            with page.expect_navigation():
                form.locator("button[type=submit]").click()
            row = page.locator(".quotes tr", has_text="Mara Olsen")
            assert row.count() == 1 and row.locator(".fixmark").is_visible()
            assert page.locator(".story-head .fixmark").is_visible()
            DOCS_IMG.mkdir(parents=True, exist_ok=True)
            page.locator("#story-corrections").screenshot(
                path=str(DOCS_IMG / "corrections-desktop.png"), type="png")
            page.close()

            phone = browser.new_page(viewport=PHONE)
            phone.goto(url)
            phone.locator(".fix-forms summary").click()
            assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
            assert phone.evaluate(_OVERFLOW_JS) == []
            phone.locator("#story-corrections").screenshot(
                path=str(DOCS_IMG / "corrections-390.png"), type="png")
            phone.close()
        finally:
            browser.close()
    assert (DOCS_IMG / "corrections-390.png").stat().st_size < 400_000

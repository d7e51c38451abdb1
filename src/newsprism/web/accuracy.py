"""The "How accurate is this?" page (`/accuracy`) and its JSON (`/api/v1/accuracy`).

Both render the eval result files that `newsprism eval ... --out` writes (eval/record.py),
one per finding kind, from the folder named by the `accuracy_dir` setting; unset, from the
checkout's `docs/eval` when the package runs from a source tree (an installed package has
no docs: set the setting). Nothing here is typed by hand: a changed file changes the page.
Files are read on each request (four small files), so a new eval run shows at once.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from ..eval.record import KINDS, PAGE_NOTE, read_kinds
from ..settings import Settings
from .render import render

# src/newsprism/web/accuracy.py -> the checkout's root
SOURCE_TREE_DOCS = Path(__file__).resolve().parents[3] / "docs" / "eval"


def accuracy_folder(settings: Settings) -> Path | None:
    """The folder of result files, or None when there is none to read."""
    if settings.accuracy_dir:
        folder = Path(settings.accuracy_dir)
    else:
        folder = SOURCE_TREE_DOCS
    return folder if folder.is_dir() else None


def accuracy_data(folder: Path | None) -> dict[str, Any]:
    """What the page and the API show: the note on what the numbers cover, then per finding
    kind its wording and the runs of its file (or why there are none)."""
    kinds = []
    for kind, data, problem in read_kinds(folder):
        runs = [_run(r) for r in (data or {}).get("runs", []) if isinstance(r, dict)]
        kinds.append({"kind": kind, **KINDS[kind], "problem": problem, "runs": runs})
    return {"note": PAGE_NOTE, "found": folder is not None, "kinds": kinds}


RUN_TEXT = ("id", "kind", "dataset", "split", "part", "role", "command", "date", "commit",
            "version")


def _run(r: dict[str, Any]) -> dict[str, Any]:
    """A run as the page needs it: every text field a string, metrics that are metrics; a
    hand-edited or foreign file shows what it holds rather than failing the page."""
    out: dict[str, Any] = {k: r[k] if isinstance(r.get(k), str) else "" for k in RUN_TEXT}
    out["uncommitted_changes"] = r.get("uncommitted_changes") is True
    seconds = r.get("seconds")
    out["seconds"] = seconds if isinstance(seconds, int | float) else None
    out["metrics"] = [{"name": str(m.get("name", "")), "value": m.get("value"),
                       "unit": str(m.get("unit", "")), "means": str(m.get("means", "")),
                       "n": m.get("n") if isinstance(m.get("n"), int) else None}
                      for m in r.get("metrics", []) if isinstance(m, dict)]
    numbers = r.get("numbers")
    out["numbers"] = numbers if isinstance(numbers, dict) else {}
    return out


def shown_value(m: dict[str, Any]) -> str:
    """A metric's value as the page prints it: percent with one decimal, shares with three,
    counts whole; a missing value says so."""
    value, unit = m.get("value"), m.get("unit", "")
    if value is None or isinstance(value, bool) or not isinstance(value, int | float):
        return "not measured"
    if unit == "%":
        return f"{value:.1f}%"
    if unit == "count" or isinstance(value, int):
        return f"{int(value)}"
    return f"{value:.3f}"


def build_accuracy_router() -> APIRouter:
    router = APIRouter()

    @router.get("/accuracy", response_class=HTMLResponse, include_in_schema=False)
    def accuracy_page(request: Request) -> HTMLResponse:
        data = accuracy_data(accuracy_folder(request.app.state.settings))
        return HTMLResponse(render("accuracy.html", acc=data, value=shown_value))

    @router.get("/api/v1/accuracy", summary="How accurate is this? The eval result files")
    def accuracy_json(request: Request) -> dict[str, Any]:
        return accuracy_data(accuracy_folder(request.app.state.settings))

    return router

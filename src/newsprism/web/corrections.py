"""Corrections on the web: JSON under /api/v1/corrections, and the story page's forms.

Writes need the write token, as every other write: the API's `Authorization: Bearer` header
(checked by the Guard before the body is read, and again here), the forms' `token` field (as
the upload form). A form answers with a redirect back to the story (303), so a reload does
not post again; the pages run no script of their own for it (the CSP stays as it is).
"""

from __future__ import annotations

import copy
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, FastAPI, Form, Header, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel, Field

from .. import SCHEMA
from ..correcting import CorrectionRequest, corrections_report, make_correction, undo
from ..corrections import KINDS, CorrectionError, StoryMissing, annotate, correction_json
from ..settings import Settings
from ..storage.store import Store
from .api import authorize
from .render import render
from .uploads import WRITE_LOCK, TokenError, check_token

Short = Annotated[str, Field(max_length=300)]


class CorrectionIn(BaseModel):
    """One correction; which fields count depends on `kind` (docs/web.md, "Corrections")."""

    kind: str = Field(max_length=40, description=" | ".join(KINDS))
    story_id: str = Field(min_length=1, max_length=128)
    other_story_id: str | None = Field(default=None, max_length=128)
    article_ids: list[Short] = Field(default_factory=list, max_length=1000)
    key: str | None = Field(default=None, max_length=400,
                            description="a quote's, conflict's or consensus item's `key`")
    speaker: str | None = Field(default=None, max_length=300,
                                description="quote.speaker: the name; null or empty clears it")
    entity: str | None = Field(default=None, max_length=300)
    other_entity: str | None = Field(default=None, max_length=300)
    aliases: list[Short] = Field(default_factory=list, max_length=200)

    def request(self) -> CorrectionRequest:
        return CorrectionRequest(kind=self.kind, story_id=self.story_id,
                                 other_story_id=self.other_story_id,
                                 article_ids=tuple(self.article_ids), key=self.key,
                                 speaker=self.speaker, entity=self.entity,
                                 other_entity=self.other_entity, aliases=tuple(self.aliases))


def _store(request: Request) -> Store:
    return request.app.state.store  # type: ignore[no-any-return]


def _settings(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


def _make(request: Request, req: CorrectionRequest) -> dict[str, Any]:
    with WRITE_LOCK:
        c = make_correction(_store(request), _settings(request), req)
    request.app.state.reads.cache.clear()
    return correction_json(c)


def _undo(request: Request, cid: str) -> dict[str, Any] | None:
    with WRITE_LOCK:
        c = undo(_store(request), _settings(request), cid)
    request.app.state.reads.cache.clear()
    return None if c is None else correction_json(c)


WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"description": "missing or wrong token"},
    403: {"description": "writes disabled (no token configured)"}}


def build_router() -> APIRouter:
    router = APIRouter(tags=["corrections"])

    @router.get("/corrections", summary="Every correction, with its status "
                "(applied, stale: its target is gone, undone)")
    def list_all(request: Request) -> dict[str, Any]:
        return {"schema": SCHEMA, "corrections": corrections_report(_store(request))}

    @router.get("/corrections/targets", summary="What can be corrected in a story: its "
                "quotes, conflicts and consensus items with their keys, its entities, and the "
                "corrections acting on it",
                responses={404: {"description": "no such story"}})
    def targets(request: Request,
                story_id: Annotated[str, Query(min_length=1, max_length=128)]) -> dict[str, Any]:
        bundle = request.app.state.reads.bundle(story_id)
        if bundle is None:
            raise HTTPException(404, "no such story")
        panel = story_panel(_store(request), bundle["story"], True)
        del panel["writes"]
        return {"schema": SCHEMA, "story_id": story_id} | panel

    @router.post("/corrections", status_code=201, summary="Make a correction",
                 responses={**WRITE_ERRORS, 404: {"description": "no such story"},
                            422: {"description": "the correction cannot be made (why)"}})
    def create(request: Request, body: CorrectionIn,
               authorization: Annotated[str | None, Header()] = None) -> dict[str, Any]:
        authorize(request, authorization)
        try:
            return _make(request, body.request())
        except StoryMissing as exc:
            raise HTTPException(404, str(exc)) from exc
        except CorrectionError as exc:
            raise HTTPException(422, str(exc)) from exc

    @router.delete("/corrections/{cid}", summary="Undo a correction (kept, marked undone)",
                   responses={**WRITE_ERRORS, 404: {"description": "no such correction"}})
    def delete(request: Request, cid: Annotated[str, Path(max_length=64)],
               authorization: Annotated[str | None, Header()] = None) -> dict[str, Any]:
        authorize(request, authorization)
        done = _undo(request, cid[:64])
        if done is None:
            raise HTTPException(404, "no such correction")
        return done

    return router


def _back(story_id: str) -> Response:
    return RedirectResponse(f"/stories/{quote(story_id, safe='')}#story-corrections", 303)


def _refused(status: int, message: str) -> HTMLResponse:
    return HTMLResponse(render("error.html", status=status, message=message), status)


def add_pages(app: FastAPI) -> None:
    """The story page's forms (progressive: plain HTML forms, the token as a field)."""

    @app.post("/corrections", include_in_schema=False)
    def form_create(request: Request, story_id: Annotated[str, Form(max_length=128)],
                    kind: Annotated[str, Form(max_length=40)],
                    token: Annotated[str, Form(max_length=500)] = "",
                    other_story_id: Annotated[str, Form(max_length=128)] = "",
                    article_ids: Annotated[list[str] | None, Form()] = None,
                    key: Annotated[str, Form(max_length=400)] = "",
                    speaker: Annotated[str, Form(max_length=300)] = "",
                    entity: Annotated[str, Form(max_length=300)] = "",
                    other_entity: Annotated[str, Form(max_length=300)] = "",
                    aliases: Annotated[str, Form(max_length=2000)] = "") -> Response:
        try:
            check_token(_settings(request), token or None)
        except TokenError as exc:
            return _refused(exc.status, str(exc))
        req = CorrectionRequest(
            kind=kind, story_id=story_id, other_story_id=other_story_id.strip() or None,
            article_ids=tuple(a[:300] for a in (article_ids or [])[:1000]),
            key=key or None, speaker=speaker, entity=entity or None,
            other_entity=other_entity or None,
            aliases=tuple(x.strip() for x in aliases.split(";") if x.strip()))
        try:
            _make(request, req)
        except StoryMissing as exc:
            return _refused(404, str(exc))
        except CorrectionError as exc:
            return _refused(422, str(exc))
        return _back(story_id)

    @app.post("/corrections/{cid}/undo", include_in_schema=False)
    def form_undo(request: Request, cid: str,
                  story_id: Annotated[str, Form(max_length=128)],
                  token: Annotated[str, Form(max_length=500)] = "") -> Response:
        try:
            check_token(_settings(request), token or None)
        except TokenError as exc:
            return _refused(exc.status, str(exc))
        if _undo(request, cid[:64]) is None:
            return _refused(404, "no such correction")
        return _back(story_id)


def describe(kind: str, value: Any) -> str:
    """One line saying what a correction did, for the pages."""
    v = value if isinstance(value, dict) else {}
    if kind == "story.merge":
        n = len(v.get("article_ids", [])) + len(v.get("merge_article_ids", []))
        return f"stories merged ({n} articles)"
    if kind == "story.split":
        n = len(v.get("article_ids", []))
        return f"{n} article{'' if n == 1 else 's'} split out into a story of their own"
    if kind == "quote.speaker":
        return f"speaker set to {v['speaker']}" if v.get("speaker") else "speaker cleared"
    if kind == "conflict.wrong":
        return f"conflict marked wrong: {v.get('about', '')}"
    if kind == "consensus.wrong":
        return f"consensus marked wrong: {str(v.get('text', ''))[:120]}"
    if kind == "entity.merge":
        return "entities merged: " + " + ".join(v.get("names", []))
    if kind == "entity.split":
        return f"{', '.join(v.get('aliases', []))} split off {v.get('name', '')}"
    return kind


def story_panel(store: Store, story: dict[str, Any], writes: bool) -> dict[str, Any]:
    """What the story page's corrections section shows: the corrections acting on this story
    (each with its undo), and the choices its forms offer."""
    from ..storage.corrections import list_corrections

    if "corrections" not in story:  # a store without corrections: the findings' keys only
        story = copy.deepcopy(story)
        annotate(story, ())
    ids = set(story.get("corrections", []))
    for part in ("quotes", "conflicts", "consensus", "entities"):
        for item in story.get(part, []):
            ids.update(item.get("corrections", []))
    made = [{"id": c.id, "kind": c.kind, "made": c.made[:16].replace("T", " "),
             "what": describe(c.kind, c.value)}
            for c in list_corrections(store, include_undone=False) if c.id in ids]
    return {"writes": writes, "made": made,
            "quotes": [{"key": q["key"], "label": f"{q.get('speaker') or '(no speaker)'}: "
                        f"“{q['text'][:70]}{'…' if len(q['text']) > 70 else ''}”"}
                       for q in story.get("quotes", [])],
            "conflicts": [{"key": c["key"], "label": f"{c['kind']}: {c['about'][:90]}"}
                          for c in story.get("conflicts", []) if not c.get("wrong")],
            "consensus": [{"key": c["key"], "label": c["text"][:90]}
                          for c in story.get("consensus", []) if not c.get("wrong")],
            "entities": [{"name": e["name"], "aliases": e.get("aliases", [])}
                         for e in story.get("entities", [])]}

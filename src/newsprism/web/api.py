"""The JSON API under /api/v1: the report contract's data (report.py), read from the store.

Reads are open; writes need `Authorization: Bearer <NEWSPRISM_TOKEN>` and are refused when no
token is configured. Handlers are plain `def`s: FastAPI runs them in its thread pool, which is
where blocking database and analysis work belongs.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, File, Header, HTTPException, Query, Request, UploadFile
from pydantic import BaseModel, ConfigDict, Field

from .. import SCHEMA, __version__
from ..report import article_json, report_json, reuse_json, story_json
from ..settings import Settings
from ..store import Store
from .uploads import TokenError, bearer, check_token, ingest

DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
Id = Annotated[str, Field(min_length=1, max_length=128)]


class ArticleIn(BaseModel):
    """One article, with the JSON Lines keys of CONTRACT.md; other keys are kept as metadata."""

    model_config = ConfigDict(extra="allow")
    id: str | None = Field(default=None, max_length=128)
    text: str = Field(min_length=1)
    outlet: str | None = Field(default=None, max_length=300)
    title: str | None = Field(default=None, max_length=2000)
    byline: str | None = Field(default=None, max_length=500)
    published: str | None = Field(default=None, max_length=40)
    url: str | None = Field(default=None, max_length=2000)


class ArticlesIn(BaseModel):
    articles: list[ArticleIn] = Field(min_length=1, max_length=10_000)


def store_of(request: Request) -> Store:
    return request.app.state.store  # type: ignore[no-any-return]


def settings_of(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


def authorize(request: Request, authorization: str | None) -> None:
    try:
        check_token(settings_of(request), bearer(authorization))
    except TokenError as exc:
        raise HTTPException(exc.status, str(exc),
                            headers={"WWW-Authenticate": "Bearer"}) from exc


def story_bundle(store: Store, story_id: str) -> dict[str, Any] | None:
    """A story in the contract form with its articles and the reuse pairs among them."""
    story = store.story(story_id)
    if story is None:
        return None
    ids = list(story.article_ids)
    inside = set(ids)
    return {"schema": SCHEMA, "story": story_json(story),
            "articles": [article_json(a) for a in store.articles(ids)],
            "reuse": [reuse_json(r) for r in store.reuse(ids) if r.a in inside and r.b in inside]}


def story_of_article(store: Store, article_id: str) -> str | None:
    for story_id, members in store.story_members().items():
        if article_id in members:
            return story_id
    return None


def build_router() -> APIRouter:
    router = APIRouter(tags=["newsprism"])

    @router.get("/health", summary="Service status")
    def health(request: Request) -> dict[str, Any]:
        return {"status": "ok", "version": __version__, "schema": SCHEMA,
                "writes_enabled": bool(settings_of(request).token)}

    @router.get("/stories", summary="Story list with search and a date filter")
    def stories(request: Request,
                q: Annotated[str | None, Query(max_length=200,
                                               description="words in titles and names")] = None,
                since: Annotated[str | None, Query(pattern=DATE)] = None,
                until: Annotated[str | None, Query(pattern=DATE)] = None,
                limit: Annotated[int, Query(ge=1, le=500)] = 50,
                offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0) -> dict[str, Any]:
        rows = store_of(request).stories(q, since, until, limit=limit, offset=offset)
        return {"schema": SCHEMA, "limit": limit, "offset": offset,
                "stories": [asdict(r) for r in rows]}

    @router.get("/stories/{story_id}", summary="One story (contract form), its articles and reuse")
    def story(request: Request, story_id: Id) -> dict[str, Any]:
        found = story_bundle(store_of(request), story_id)
        if found is None:
            raise HTTPException(404, "no such story")
        return found

    @router.get("/articles/{article_id}", summary="One article (contract form)")
    def article(request: Request, article_id: Id) -> dict[str, Any]:
        store = store_of(request)
        a = store.article(article_id)
        if a is None:
            raise HTTPException(404, "no such article")
        return {"schema": SCHEMA, "article": article_json(a),
                "story_id": story_of_article(store, article_id)}

    @router.get("/report", summary="The whole store as one report (CONTRACT.md)")
    def report(request: Request) -> dict[str, Any]:
        return report_json(store_of(request).report())

    @router.post("/articles", status_code=201, summary="Add articles (JSON) and re-analyse",
                 responses={401: {"description": "missing or wrong token"},
                            403: {"description": "writes disabled (no token configured)"},
                            413: {"description": "request larger than max_upload_bytes"}})
    def add_articles(request: Request, body: ArticlesIn,
                     authorization: Annotated[str | None, Header()] = None) -> dict[str, Any]:
        authorize(request, authorization)
        lines = "\n".join(json.dumps(a.model_dump(exclude_none=True), ensure_ascii=False)
                          for a in body.articles)
        result = ingest(store_of(request), settings_of(request),
                        [("api.jsonl", lines.encode("utf-8"))])
        return result.as_json()

    @router.post("/uploads", status_code=201, summary="Upload files (multipart) and re-analyse",
                 responses={401: {"description": "missing or wrong token"},
                            403: {"description": "writes disabled (no token configured)"},
                            413: {"description": "request larger than max_upload_bytes"}})
    def upload(request: Request, files: Annotated[list[UploadFile], File()],
               authorization: Annotated[str | None, Header()] = None) -> dict[str, Any]:
        authorize(request, authorization)
        data = [(f.filename or "upload", f.file.read()) for f in files]
        return ingest(store_of(request), settings_of(request), data).as_json()

    return router

"""The JSON API under /api/v1: the report contract's data (report.py), read from the store.

Reads are open; writes need `Authorization: Bearer <NEWSPRISM_TOKEN>` and are refused when no
token is configured. Handlers are plain `def`s: FastAPI runs them in its thread pool, which is
where blocking database and analysis work belongs.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Annotated, Any, Literal
from urllib.parse import quote, urlencode

from fastapi import APIRouter, File, Header, HTTPException, Query, Request, Response, UploadFile
from fastapi.responses import RedirectResponse
from pydantic import BaseModel, ConfigDict, Field

from .. import SCHEMA, __version__
from ..outlets import LEANS
from ..settings import Settings
from ..storage.search import SORTS, valid_date
from ..storage.store import Store
from .data import Reads
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


def check_dates(**values: str | None) -> None:
    """422, with the JSON error body FastAPI gives, for a date that names no real day
    (`2019-13-45` has the right shape)."""
    bad = [{"loc": ["query", name], "msg": "not a date: YYYY, YYYY-MM or YYYY-MM-DD naming "
            "a real month and day", "input": value}
           for name, value in values.items() if value and not valid_date(value)]
    if bad:
        raise HTTPException(422, bad)


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


def reads_of(request: Request) -> Reads:
    return request.app.state.reads  # type: ignore[no-any-return]


def _json(key: tuple[Any, ...], request: Request, make: Callable[[], dict[str, Any] | None],
          missing: str = "not found", search: bool = False) -> Response:
    """JSON text made once per cache generation (a large story through FastAPI's
    jsonable_encoder on every request costs more than reading it). `make` returning None
    is a 404, cached too."""
    def encode() -> bytes | None:
        data = make()
        return None if data is None else json.dumps(data, ensure_ascii=False,
                                                    separators=(",", ":")).encode()
    body = reads_of(request).page(key, encode, search=search)
    if body is None:
        raise HTTPException(404, missing)
    return Response(body, media_type="application/json")


def build_router() -> APIRouter:
    """The JSON API's routes. Long because FastAPI routes are registered as closures over the
    router; each route is short."""
    router = APIRouter(tags=["newsprism"])

    @router.get("/health", summary="Service status")
    def health(request: Request) -> dict[str, Any]:
        return {"status": "ok", "version": __version__, "schema": SCHEMA,
                "writes_enabled": bool(settings_of(request).token)}

    @router.get("/changes", summary="What the store holds now (pages poll it for new work)")
    def changes(request: Request) -> dict[str, Any]:
        counts = reads_of(request).counts()
        return {"articles": counts["articles"], "stories": counts["stories"],
                "pending": counts["pending"]}

    @router.get("/stories", summary="Story list: full-text search, filters, sort, total")
    def stories(request: Request,
                q: Annotated[str | None, Query(
                    max_length=200,
                    description="words in titles, entity names and article text")] = None,
                since: Annotated[str | None, Query(pattern=DATE)] = None,
                until: Annotated[str | None, Query(pattern=DATE)] = None,
                outlet: Annotated[str | None, Query(
                    max_length=200, description="an outlet id (o-...) or name")] = None,
                lean: Annotated[Literal[LEANS] | None, Query(  # type: ignore[valid-type]
                    description="stories with an outlet of this lean (outlet profiles)")] = None,
                sort: Annotated[Literal[SORTS] | None, Query(  # type: ignore[valid-type]
                    description="default: relevance with q, else newest")] = None,
                limit: Annotated[int, Query(ge=1, le=500)] = 50,
                offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0) -> Response:
        check_dates(since=since, until=until)
        found = reads_of(request).rows(q, since, until, limit, offset, sort, outlet, lean,
                                       request.client.host if request.client else None)
        after = offset + limit
        params = {k: v for k, v in (("q", q), ("since", since), ("until", until),
                                     ("outlet", outlet), ("lean", lean), ("sort", sort)) if v}
        nxt = (f"{request.url.path}?{urlencode(params | {'limit': limit, 'offset': after})}"
               if after < found["total"] else None)
        return _json(("api-rows", q, since, until, outlet, lean, sort, limit, offset), request,
                     lambda: {"schema": SCHEMA, "limit": limit, "offset": offset,
                              "total": found["total"], "sort": found["sort"], "next": nxt,
                              "stories": found["rows"]}, search=True)

    @router.get("/stories/{story_id:path}",
                summary="One story (contract form), its articles and reuse")
    def story(request: Request, story_id: Id) -> Response:
        reads = reads_of(request)
        try:
            return _json(("api-story", story_id), request, lambda: reads.bundle(story_id),
                         "no such story")
        except HTTPException as exc:  # a retired id redirects to the story holding its articles
            target = reads.redirect(story_id) if exc.status_code == 404 else None
            if target is None:
                raise
            return RedirectResponse(f"/api/v1/stories/{quote(target, safe='')}", 308)

    @router.get("/articles/{article_id:path}", summary="One article (contract form)")
    def article(request: Request, article_id: Id) -> Response:
        reads = reads_of(request)

        def make() -> dict[str, Any] | None:
            a = reads.article(article_id)
            return None if a is None else {"schema": SCHEMA, "article": a,
                                           "story_id": reads.story_of(article_id)}
        return _json(("api-article", article_id), request, make, "no such article")

    @router.get("/report", summary="The whole store as one report (CONTRACT.md)")
    def report(request: Request) -> Response:
        return _json(("api-report",), request, reads_of(request).report)

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
        reads_of(request).cache.clear()
        return result.as_json()

    @router.post("/uploads", status_code=201, summary="Upload files (multipart) and re-analyse",
                 responses={401: {"description": "missing or wrong token"},
                            403: {"description": "writes disabled (no token configured)"},
                            413: {"description": "request larger than max_upload_bytes"}})
    def upload(request: Request, files: Annotated[list[UploadFile], File()],
               authorization: Annotated[str | None, Header()] = None) -> dict[str, Any]:
        authorize(request, authorization)
        data = [(f.filename or "upload", f.file.read()) for f in files]
        result = ingest(store_of(request), settings_of(request), data)
        reads_of(request).cache.clear()
        return result.as_json()

    return router

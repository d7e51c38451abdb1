"""The web app: server-rendered pages over the store, and the JSON API under /api/v1.

Pages use the same templates as the saved report (render.py), with CSS and JavaScript served
from /static: no CDN, nothing fetched from elsewhere. FastAPI's /docs and /redoc load Swagger
and ReDoc from a CDN, so both are off; the OpenAPI document is at /api/v1/openapi.json and
/api shows it as a page of ours.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import FastAPI, File, Form, Query, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import NewsprismError
from ..outlets import LEANS, load_profiles
from ..settings import Settings
from ..storage.search import SORTS, valid_date
from ..storage.store import Store, open_store
from . import corrections
from .api import build_router
from .cache import Busy
from .data import Reads
from .render import STATIC, render
from .security import Guard
from .uploads import TokenError, check_token, ingest
from .views import StoryView, lean_bar

PAGE_SIZE = 50


def create_app(settings: Settings, store: Store | None = None,
               bind_host: str | None = None) -> FastAPI:
    """The app over `store` (default: the store at `settings.db_url`). `bind_host`: the host
    the server listens on, the default Host allow-list (see `security.allowed_hosts`)."""
    app = FastAPI(title="newsprism", version=__version__, docs_url=None, redoc_url=None,
                  openapi_url="/api/v1/openapi.json",
                  description="Stories, articles and findings in the report contract's form.")
    app.state.settings = settings
    app.state.store = store if store is not None else open_store(settings.db_url)
    app.state.reads = Reads(app.state.store, profiles=load_profiles(settings.outlets_file)[0])
    app.add_middleware(Guard, settings=settings, bind_host=bind_host)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    app.include_router(build_router(), prefix="/api/v1")
    app.include_router(corrections.build_router(), prefix="/api/v1")
    _pages(app)
    corrections.add_pages(app)
    _errors(app)
    return app


def _cached_page(reads: Reads, key: tuple[str, str], build: Callable[[], str | None],
                 missing: str) -> HTMLResponse:
    """A page from the read cache (built on a miss), or a 404 page saying `missing`."""
    html = reads.page(key, build)
    if html is None:
        return _html(render("error.html", status=404, message=missing), 404)
    return _html(html)


def _html(body: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(body, status_code=status)


def _client(request: Request) -> str | None:
    """Who asks, for the per-client limit on new searches: the peer's address."""
    return request.client.host if request.client else None


def _leans(reads: Reads) -> list[str]:
    """The leans the lean filter offers: those of the user's profiles (none without)."""
    rated = {p.lean for p in reads.profiles}
    return [k for k in LEANS if k in rated]


def _pages(app: FastAPI) -> None:  # noqa: C901  (each route closure counts towards the whole)
    """The HTML pages' routes. Long because FastAPI routes are registered as closures over
    `app`; each route is short."""
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(request: Request, q: Annotated[str, Query(max_length=200)] = "",
              since: Annotated[str, Query(max_length=200)] = "",
              until: Annotated[str, Query(max_length=200)] = "",
              sort: Annotated[str, Query(max_length=20)] = "",
              outlet: Annotated[str, Query(max_length=200)] = "",
              lean: Annotated[str, Query(max_length=20)] = "",
              page: Annotated[int, Query(ge=1, le=10_000)] = 1) -> HTMLResponse:
        reads: Reads = request.app.state.reads
        form = {"q": q, "since": since, "until": until, "sort": sort, "outlet": outlet,
                "lean": lean}
        problems = [f"{name} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"
                    for name, value in (("from", since), ("to", until))
                    if value.strip() and not valid_date(value.strip())]
        if sort and sort not in SORTS:
            problems.append(f"sort must be one of {', '.join(SORTS)}")
        if lean and lean not in LEANS:
            problems.append(f"lean must be one of {', '.join(LEANS)}")
        found: dict[str, Any] = {"rows": [], "total": 0, "sort": sort}
        if not problems:
            found = reads.rows(q or None, since.strip() or None, until.strip() or None,
                               PAGE_SIZE, (page - 1) * PAGE_SIZE, sort or None,
                               outlet.strip() or None, lean or None, _client(request))
        rows = [r | {"lean": lean_bar(r)} if r.get("lean_coverage") else r
                for r in found["rows"]]
        here = {k: v for k, v in form.items() if v}
        link = lambda n: "?" + urlencode(here | {"page": n})  # noqa: E731
        return _html(render("index.html", rows=rows, total=found["total"], form=form,
                            filtered=bool(here), page=page, sorts=SORTS, leans=_leans(reads),
                            newer=link(page - 1) if page > 1 else None,
                            older=link(page + 1) if page * PAGE_SIZE < found["total"] else None,
                            problems=problems, counts=reads.counts(),
                            live_every=request.app.state.settings.web_live_seconds,
                            link=lambda r: f"/stories/{quote(r['id'], safe='')}",
                            writes=bool(request.app.state.settings.token)),
                     422 if problems else 200)

    # `:path`: ids may hold "/" (URLs as ids); the links quote it as %2F, the server decodes.
    @app.get("/stories/{story_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(request: Request, story_id: str) -> Response:
        reads: Reads = request.app.state.reads
        key = story_id[:128]

        def page() -> str | None:
            bundle = reads.bundle(key)
            if bundle is None:
                return None
            view = StoryView(bundle["story"], bundle["articles"], bundle["reuse"],
                             article_url=lambda aid: f"/articles/{quote(aid, safe='')}")
            return render("story.html", v=view.context(), sid="story",
                          fix=corrections.story_panel(reads.store, bundle["story"],
                                                      bool(request.app.state.settings.token)))
        response = _cached_page(reads, ("story", key), page, "No such story.")
        target = reads.redirect(key) if response.status_code == 404 else None
        if target is not None:  # a re-cluster retired this id: its articles live there now
            return RedirectResponse(f"/stories/{quote(target, safe='')}", 308)
        return response

    @app.get("/articles/{article_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, article_id: str) -> HTMLResponse:
        reads: Reads = request.app.state.reads
        key = article_id[:128]

        def page() -> str | None:
            article = reads.article(key)
            if article is None:
                return None
            story_id = reads.story_of(key)
            bundle = reads.bundle(story_id) if story_id else None
            if bundle is None:  # stored but not analysed yet: text only
                bundle = {"story": {"id": "", "title": "", "article_ids": [key]},
                          "articles": [article], "reuse": []}
            view = StoryView(bundle["story"], bundle["articles"], bundle["reuse"])
            view.add_entity_marks()
            source = next(s for s in view.sources() if s["id"] == key)
            return render("article.html", a=source, story=bundle["story"], n=view.index[key],
                          findings=_findings(view, key))
        return _cached_page(reads, ("article", key), page, "No such article.")

    @app.get("/upload", response_class=HTMLResponse, include_in_schema=False)
    def upload_form(request: Request) -> HTMLResponse:
        return _html(render("upload.html", result=None, error=None,
                            writes=bool(request.app.state.settings.token),
                            limit=request.app.state.settings.max_upload_bytes))

    @app.post("/upload", response_class=HTMLResponse, include_in_schema=False)
    def upload_post(request: Request, files: Annotated[list[UploadFile], File()],
                    token: Annotated[str, Form(max_length=500)] = "") -> HTMLResponse:
        settings: Settings = request.app.state.settings
        ctx: dict[str, Any] = {"writes": bool(settings.token), "limit": settings.max_upload_bytes,
                               "result": None, "error": None}
        try:
            check_token(settings, token or None)
        except TokenError as exc:
            ctx["error"] = str(exc)
            return _html(render("upload.html", **ctx), exc.status)
        data = [(f.filename or "upload", f.file.read()) for f in files]
        ctx["result"] = ingest(request.app.state.store, settings, data)
        request.app.state.reads.cache.clear()
        return _html(render("upload.html", **ctx), 201)

    @app.get("/api", response_class=HTMLResponse, include_in_schema=False)
    def api_page(request: Request) -> HTMLResponse:
        spec = request.app.openapi()
        endpoints = [{"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                      "params": [p["name"] for p in op.get("parameters", [])
                                 if p.get("in") == "query"]}
                     for path, ops in spec.get("paths", {}).items()
                     for method, op in ops.items()]
        return _html(render("api.html", endpoints=endpoints, version=__version__))


def _findings(view: StoryView, article_id: str) -> dict[str, list[dict[str, Any]]]:
    """What the story's findings say about this one article, for the article page's side."""
    return view.findings(article_id, lambda aid: f"/articles/{quote(aid, safe='')}")


def _errors(app: FastAPI) -> None:
    """HTML errors for pages, JSON for the API; never a traceback."""

    def wants_json(request: Request) -> bool:
        return request.url.path.startswith("/api/")

    @app.exception_handler(StarletteHTTPException)
    def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if wants_json(request):
            return JSONResponse({"detail": exc.detail}, exc.status_code,
                                headers=getattr(exc, "headers", None))
        return _html(render("error.html", status=exc.status_code, message=str(exc.detail)),
                     exc.status_code)

    @app.exception_handler(RequestValidationError)
    def invalid(request: Request, exc: RequestValidationError) -> Response:
        errors = [{"loc": list(e.get("loc", [])), "msg": e.get("msg", "")}
                  for e in exc.errors()][:20]
        if wants_json(request):
            return JSONResponse({"detail": errors}, 422)
        text = "; ".join(f"{'.'.join(map(str, e['loc'][1:]))}: {e['msg']}" for e in errors)
        return _html(render("error.html", status=422, message=text), 422)

    @app.exception_handler(Busy)
    async def busy(request: Request, exc: Busy) -> Response:
        if exc.hold:  # on the event loop: holding the answer takes no worker thread
            await asyncio.sleep(exc.hold)
        headers = {"Retry-After": str(exc.retry_after)}
        if wants_json(request):
            return JSONResponse({"detail": str(exc)}, 429, headers=headers)
        return HTMLResponse(render("error.html", status=429, message=str(exc)), 429,
                            headers=headers)

    @app.exception_handler(NewsprismError)
    def ours(request: Request, exc: NewsprismError) -> Response:
        if wants_json(request):
            return JSONResponse({"detail": str(exc)}, 500)
        return _html(render("error.html", status=500, message=str(exc)), 500)

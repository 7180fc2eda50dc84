"""The FastAPI application: server-rendered pages and the JSON API under /api/v1."""

from __future__ import annotations

import hmac
import os
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from fastapi import APIRouter, FastAPI, Header, HTTPException, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.routing import APIRoute
from jinja2 import Environment, PackageLoader, select_autoescape
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from tolltrack.export import tables, writers
from tolltrack.ingest.urlguard import check_url
from tolltrack.ingest.web import read_url
from tolltrack.model import Document
from tolltrack.reconcile.incident import summarize
from tolltrack.runner.ingest import IngestCounts, Ingestor
from tolltrack.store import Store
from tolltrack.store.repository import IncidentQuery
from tolltrack.web import views
from tolltrack.web.security import MAX_BODY, SecurityMiddleware

PAGE_SIZE = 50
_ERROR = {"content": {"application/json": {"example": {"detail": "why"}}}}
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"description": "Not found", **_ERROR}}
WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"description": "Malformed JSON body", **_ERROR},
    401: {"description": "Missing or wrong bearer token", **_ERROR},
    403: {"description": "Writes are off (no token configured)", **_ERROR},
    413: {"description": "Request body too large", **_ERROR},
}


class NewDocument(BaseModel):
    """A document to ingest: its text, or a URL to fetch (public addresses only)."""

    # Below the body limit, so that an over-long text is a validation error (422).
    text: str | None = Field(None, max_length=MAX_BODY - 100_000)
    url: str | None = Field(None, max_length=2000)
    id: str | None = Field(None, max_length=500)
    title: str | None = Field(None, max_length=1000)
    published: str | None = Field(None, max_length=32)


# Cursors are opaque to clients ("o" and a position); their form is in the schema, so a
# malformed one is refused by validation (422) like any other bad parameter.
CURSOR = Query(None, pattern="^o[0-9]{1,9}$", description="next_cursor of the previous page")


def _cursor(offset: int) -> str:
    return f"o{offset}"


def _offset(cursor: str | None) -> int:
    return int(cursor[1:]) if cursor else 0


def create_app(store: Store, api_token: str | None = None) -> FastAPI:
    """The application over one store. ``api_token`` enables writes (bearer token)."""
    token = api_token if api_token is not None else os.environ.get("TOLLTRACK_API_TOKEN")
    env = Environment(
        loader=PackageLoader("tolltrack.web", "templates"), autoescape=select_autoescape(["html"])
    )
    app = FastAPI(
        title="tolltrack",
        version="1",
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/v1/openapi.json",
    )
    app.add_middleware(SecurityMiddleware)
    ingestor: list[Ingestor] = []

    def render(name: str, **context: Any) -> HTMLResponse:
        return HTMLResponse(env.get_template(name).render(**context))

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        headers = dict(exc.headers or {})
        if exc.status_code == 405:
            # Starlette lists the methods of the first matching route only; list them all.
            methods = set()
            for route in app.router.routes:
                if isinstance(route, APIRoute) and route.matches(request.scope)[0] != Match.NONE:
                    methods |= route.methods or set()
            headers["Allow"] = ", ".join(sorted(methods))
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=headers)

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception) -> JSONResponse:
        # No stack traces to clients; the server log keeps them.
        return JSONResponse({"detail": "internal error"}, status_code=500)

    # -- static files: our script and Plotly's bundle from its Python package -------------
    static = resources.files("tolltrack.web") / "static"

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    @app.get("/static/{name}", include_in_schema=False)
    def static_file(name: str) -> FileResponse:
        if name == "plotly.min.js":
            path = Path(str(resources.files("plotly") / "package_data" / "plotly.min.js"))
        elif name in ("app.js", "style.css"):
            path = Path(str(static / name))
        else:
            raise HTTPException(404)
        media = "text/css" if name.endswith(".css") else "text/javascript"
        return FileResponse(path, media_type=media, headers={"Cache-Control": "max-age=3600"})

    # -- pages --------------------------------------------------------------------------------
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def incidents_page(
        q: str | None = None,
        since: str | None = None,
        until: str | None = None,
        place: str | None = None,
        category: str | None = None,
        contested: bool = False,
        sort: str = "latest",
        page: int = Query(1, ge=1, le=100_000),
    ) -> HTMLResponse:
        query = IncidentQuery(
            q or None,
            place or None,
            since or None,
            until or None,
            category or None,
            contested,
            sort,
            PAGE_SIZE,
            (page - 1) * PAGE_SIZE,
        )
        rows, total = store.list_incidents(query)
        params = {
            "q": q or "",
            "since": since or "",
            "until": until or "",
            "place": place or "",
            "category": category or "",
            "contested": contested,
            "sort": sort,
        }
        return render(
            "incidents.html",
            rows=rows,
            total=total,
            page=page,
            pages=max(1, -(-total // PAGE_SIZE)),
            params=params,
        )

    @app.get("/incidents/{incident_id}", response_class=HTMLResponse, include_in_schema=False)
    def incident_page(incident_id: str) -> HTMLResponse:
        inc = store.incident(incident_id)
        if inc is None:
            raise HTTPException(404, "no such incident")
        records = store.claim_records(incident_id)
        summary = views.summary_json(inc, summarize(incident_id, records))
        return render(
            "incident.html",
            inc=inc,
            s=summary,
            records=records,
            chart=views.script_json(summary["timeline"]),
        )

    @app.get("/documents/{document_id}", response_class=HTMLResponse, include_in_schema=False)
    def document_page(document_id: str, claim: str | None = None) -> HTMLResponse:
        doc = store.document(document_id)
        if doc is None:
            raise HTTPException(404, "no such document")
        records = (
            [r for r in store.claim_records(doc.incident_id) if r.document_id == doc.id]
            if doc.incident_id
            else []
        )
        return render(
            "document.html",
            doc=doc,
            records=records,
            body=views.highlighted(doc.text, records, claim),
            copies=store.document_copies(doc.id),
        )

    @app.get("/claimants/{key:path}", response_class=HTMLResponse, include_in_schema=False)
    def claimant_page(key: str) -> HTMLResponse:
        records = store.claims_page(None, key, 1000, 0)
        if not records:
            raise HTTPException(404, "no such claimant")
        by_incident: dict[str, list[Any]] = {}
        for r in records:
            by_incident.setdefault(r.incident_id or "", []).append(r)
        revisions = sum(len(summarize(i, rs).revisions) for i, rs in by_incident.items() if i)
        return render(
            "claimant.html",
            key=key,
            records=records,
            revisions=revisions,
            incidents=len(by_incident),
        )

    # -- API ------------------------------------------------------------------------------------
    api = APIRouter(prefix="/api/v1")

    @api.get("/incidents")
    def api_incidents(
        q: str | None = None,
        since: str | None = None,
        until: str | None = None,
        place: str | None = None,
        category: str | None = None,
        contested: bool = False,
        sort: str = Query("latest", pattern="^(latest|spread|best)$"),
        limit: int = Query(50, ge=1, le=500),
        cursor: str | None = CURSOR,
    ) -> dict[str, Any]:
        """Incidents with their current figures, filtered and sorted; cursor-paginated."""
        offset = _offset(cursor)
        rows, total = store.list_incidents(
            IncidentQuery(q, place, since, until, category, contested, sort, limit, offset)
        )
        nxt = _cursor(offset + limit) if offset + limit < total else None
        return {"items": rows, "total": total, "next_cursor": nxt}

    @api.get("/incidents/{incident_id}", responses=NOT_FOUND)
    def api_incident(incident_id: str) -> dict[str, Any]:
        """One incident: timeline per side, low/best/high with reasons, revisions, flags."""
        inc = store.incident(incident_id)
        if inc is None:
            raise HTTPException(404, "no such incident")
        return views.summary_json(inc, summarize(incident_id, store.claim_records(incident_id)))

    @api.get("/claims")
    def api_claims(
        incident: str | None = None,
        claimant: str | None = None,
        limit: int = Query(100, ge=1, le=1000),
        cursor: str | None = CURSOR,
    ) -> dict[str, Any]:
        """Stored claims (the claims spec's fields plus ids, date and source)."""
        offset = _offset(cursor)
        page = store.claims_page(incident, claimant, limit + 1, offset)
        nxt = _cursor(offset + limit) if len(page) > limit else None
        return {"items": [views.claim_json(r) for r in page[:limit]], "next_cursor": nxt}

    @api.get("/documents")
    def api_documents(
        limit: int = Query(50, ge=1, le=500), cursor: str | None = CURSOR
    ) -> dict[str, Any]:
        """Stored documents (without their text)."""
        offset = _offset(cursor)
        page = store.documents_page(limit + 1, offset)
        items = [
            {
                "id": d.id,
                "key": d.key,
                "title": d.title,
                "published": d.published,
                "url": d.url,
                "site": d.site,
                "incident_id": d.incident_id,
                "copy_of": d.copy_of,
            }
            for d in page[:limit]
        ]
        return {
            "items": items,
            "next_cursor": _cursor(offset + limit) if len(page) > limit else None,
        }

    @api.get("/documents/{document_id}", responses=NOT_FOUND)
    def api_document(document_id: str) -> dict[str, Any]:
        doc = store.document(document_id)
        if doc is None:
            raise HTTPException(404, "no such document")
        return {
            "id": doc.id,
            "key": doc.key,
            "title": doc.title,
            "published": doc.published,
            "url": doc.url,
            "site": doc.site,
            "text": doc.text,
            "incident_id": doc.incident_id,
            "copy_of": doc.copy_of,
            "copies": store.document_copies(doc.id),
        }

    @api.get("/claimants")
    def api_claimants(
        limit: int = Query(100, ge=1, le=1000), cursor: str | None = CURSOR
    ) -> dict[str, Any]:
        """Canonical claimants with how many claims and incidents they have."""
        offset = _offset(cursor)
        page = store.claimants(limit + 1, offset)
        return {
            "items": page[:limit],
            "next_cursor": _cursor(offset + limit) if len(page) > limit else None,
        }

    @api.get(
        "/export.{fmt}",
        responses={
            200: {
                "content": {
                    "application/json": {},
                    "text/csv": {},
                    "application/vnd.apache.parquet": {},
                }
            }
        },
    )
    def api_export(fmt: Literal["json", "csv", "parquet"]) -> Response:
        """Download incidents and claims as json, csv (incidents) or parquet (incidents)."""
        incidents, claims = tables.build(store)
        if fmt == "json":
            return Response(
                writers.to_json(incidents, claims),
                media_type="application/json",
                headers={"Content-Disposition": "attachment; filename=tolltrack.json"},
            )
        if fmt == "csv":
            return Response(
                writers.to_csv(incidents, tables.INCIDENT_COLUMNS),
                media_type="text/csv",
                headers={"Content-Disposition": "attachment; filename=incidents.csv"},
            )
        if fmt == "parquet":
            import tempfile

            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / "incidents.parquet"
                writers.to_parquet(incidents, tables.INCIDENT_COLUMNS, path)
                data = path.read_bytes()
            return Response(
                data,
                media_type="application/vnd.apache.parquet",
                headers={"Content-Disposition": "attachment; filename=incidents.parquet"},
            )
        raise HTTPException(404, "formats: json, csv, parquet")

    @api.post("/documents", status_code=201, responses=WRITE_ERRORS)
    def api_ingest(body: NewDocument, authorization: str | None = Header(None)) -> dict[str, Any]:
        """Ingest a text or a URL. Needs ``Authorization: Bearer <TOLLTRACK_API_TOKEN>``;
        without a configured token, writes are off."""
        if not token:
            raise HTTPException(403, "writes are off: the operator has set no API token")
        given = (authorization or "").removeprefix("Bearer ").strip()
        if not hmac.compare_digest(given.encode(), token.encode()):
            raise HTTPException(401, "a valid bearer token is required")
        if bool(body.text) == bool(body.url):
            raise HTTPException(422, "give exactly one of text or url")
        if not ingestor:
            ingestor.append(Ingestor(store))
        if body.url:
            items: list[Any] = list(read_url(body.url, guard=check_url))
        else:
            items = [
                Document(
                    id=body.id or "api",
                    text=body.text or "",
                    title=body.title,
                    published=body.published,
                    source="api",
                )
            ]
        counts: IngestCounts = ingestor[0].ingest(items)
        if counts.errors and not counts.new and not counts.duplicate:
            raise HTTPException(422, "; ".join(str(e) for e in counts.errors))
        return {
            "read": counts.read,
            "new": counts.new,
            "duplicate": counts.duplicate,
            "failed": counts.failed,
            "errors": [str(e) for e in counts.errors],
        }

    app.include_router(api)
    return app


__all__ = ["create_app"]

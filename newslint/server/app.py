"""The Starlette application: routes, limits, errors and the web page.

Every error is a JSON object ``{"error": "one clear line"}`` with a 4xx status
for the caller's mistakes; an unexpected failure is a 500 with the same shape
and no traceback (the traceback goes to the server log).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from importlib import resources
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from .. import __version__
from ..registry import Registry, default_registry
from .openapi import openapi_document
from .service import CheckService, RequestError, ServiceOptions
from .worker import CheckStopped, CheckWorker

log = logging.getLogger("newslint.server")

PAGE_SECURITY = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
        "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}

STATIC = {
    "/": ("index.html", "text/html; charset=utf-8"),
    "/static/app.js": ("app.js", "text/javascript; charset=utf-8"),
    "/static/style.css": ("style.css", "text/css; charset=utf-8"),
}


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status, headers={"Cache-Control": "no-store"})


async def _read_body(request: Request, limit: int) -> bytes:
    """The request body, refusing (413) anything over ``limit`` bytes, announced or not."""
    declared = request.headers.get("content-length")
    if declared is not None:
        try:
            size = int(declared)
        except ValueError:
            raise RequestError(400, "the Content-Length header is not a number") from None
        if size > limit:
            raise RequestError(413, f"the request body is {size} bytes, over the server's limit of {limit} bytes")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise RequestError(413, f"the request body is over the server's limit of {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


Handler = Callable[[Request], Awaitable[Response]]


def _guarded(handler: Handler) -> Handler:
    """Answer the caller's mistakes with their 4xx and anything unexpected with a 500,
    inside the handler, so the connection stays open for the next request."""

    async def guarded(request: Request) -> Response:
        try:
            return await handler(request)
        except RequestError as exc:
            return _error(exc.status, exc.message)
        except HTTPException:
            raise
        except Exception as exc:
            log.error("error while answering %s %s", request.method, request.url.path, exc_info=exc)
            return _error(500, INTERNAL_ERROR)

    return guarded


INTERNAL_ERROR = "internal error while checking; the server log has the details"


def _is_json(content_type: str) -> bool:
    media = content_type.split(";", 1)[0].strip().lower()
    return media == "application/json" or (media.startswith("application/") and media.endswith("+json"))


def create_app(options: ServiceOptions | None = None, registry: Registry | None = None) -> Starlette:
    """The application, with the registry, rules and tables loaded now, once."""
    options = options or ServiceOptions()
    service = CheckService(registry or default_registry(), options)
    # checks run one at a time, from one worker thread, in a child process that
    # the time limit can stop (newslint.server.worker)
    checker = CheckWorker(service)
    worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newslint-check")
    pages = {
        path: (resources.files(__package__).joinpath("static").joinpath(name).read_bytes(), media)
        for path, (name, media) in STATIC.items()
    }
    openapi = openapi_document()

    async def check(request: Request) -> Response:
        if not _is_json(request.headers.get("content-type", "")):
            raise RequestError(415, "send the request as JSON (Content-Type: application/json)")
        body = await _read_body(request, options.max_body_size)
        service.prepare(body)  # the caller's mistakes are answered at once
        job = object()
        future = asyncio.wrap_future(worker.submit(checker.run, job, body))
        try:
            result = await asyncio.wait_for(future, timeout=options.time_limit)
        except (asyncio.TimeoutError, CheckStopped):
            checker.stop(job)
            raise RequestError(
                503,
                f"the check took longer than the server's time limit of {options.time_limit:g} s; "
                "send a shorter text or try again",
            ) from None
        return JSONResponse(result, headers={"Cache-Control": "no-store"})

    async def rules(request: Request) -> Response:
        return JSONResponse(service.rules())

    async def rule(request: Request) -> Response:
        return JSONResponse(service.rule(request.path_params["key"]))

    async def healthz(request: Request) -> Response:
        return JSONResponse({"status": "ok", "version": __version__, "rules": len(service.server_rules)})

    async def openapi_json(request: Request) -> Response:
        return JSONResponse(openapi)

    async def page(request: Request) -> Response:
        content, media = pages[request.url.path]
        return Response(content, media_type=media, headers=PAGE_SECURITY)

    async def request_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestError)
        return _error(exc.status, exc.message)

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        if exc.status_code == 404:
            return _error(404, f"no such page: {request.url.path} (the API is under /v1; see /openapi.json)")
        if exc.status_code == 405:
            return _error(405, f"{request.method} is not allowed on {request.url.path}")
        return _error(exc.status_code, str(exc.detail))

    async def server_error(request: Request, exc: Exception) -> Response:
        log.error("error while answering %s %s", request.method, request.url.path, exc_info=exc)
        return _error(500, INTERNAL_ERROR)

    middleware: list[Middleware] = []
    if options.cors_origins:
        middleware.append(
            Middleware(
                CORSMiddleware,
                allow_origins=list(options.cors_origins),
                allow_methods=["GET", "POST"],
                allow_headers=["Content-Type"],
                max_age=600,
            )
        )
    routes = [
        Route("/v1/check", _guarded(check), methods=["POST"]),
        Route("/v1/rules", _guarded(rules), methods=["GET"]),
        Route("/v1/rules/{key}", _guarded(rule), methods=["GET"]),
        Route("/healthz", healthz, methods=["GET"]),
        Route("/openapi.json", openapi_json, methods=["GET"]),
        *(Route(path, page, methods=["GET"]) for path in STATIC),
    ]
    handlers: dict[Any, Any] = {RequestError: request_error, HTTPException: http_error, Exception: server_error}
    app = Starlette(routes=routes, middleware=middleware, exception_handlers=handlers)
    app.state.service = service
    app.state.checker = checker
    return app

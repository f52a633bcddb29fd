"""``newslint serve``: an HTTP checking service for a newsroom's CMS, and a web page.

The API (``POST /v1/check``, ``GET /v1/rules``, ``GET /v1/rules/{code-or-name}``,
``GET /healthz``, ``GET /openapi.json``) and the page at ``/`` are a Starlette
application served by uvicorn, both from the ``server`` extra
(``pip install 'newslint[server]'``); nothing here is imported by the engine or
by the command line until ``newslint serve`` runs.
"""

from __future__ import annotations

from .service import CheckService, RequestError, ServiceOptions

__all__ = ["CheckService", "RequestError", "ServiceOptions"]

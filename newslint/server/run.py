"""Starting the service under uvicorn (what ``newslint serve`` calls)."""

from __future__ import annotations

import ipaddress
import socket
import sys

import uvicorn

from .app import create_app
from .service import ServiceOptions


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def make_server(host: str, port: int, options: ServiceOptions, log_level: str = "info") -> uvicorn.Server:
    """A uvicorn server for the application; the rules and tables are loaded here."""
    app = create_app(options)
    config = uvicorn.Config(
        app,
        host=host,
        port=port,
        log_level=log_level,
        server_header=False,
        # a CMS keeps a connection open between checks; an idle one is closed
        timeout_keep_alive=30,
        # requests beyond this many at once get 503 instead of queueing without end
        limit_concurrency=100,
        lifespan="off",
    )
    return uvicorn.Server(config)


def serve(host: str, port: int, options: ServiceOptions, log_level: str = "info") -> int:
    if not is_loopback(host):
        print(
            f"newslint: listening on {host}: any machine that can reach this one can use the service",
            file=sys.stderr,
        )
    server = make_server(host, port, options, log_level)
    sock = bind(host, port)  # an address in use is an OSError here, before uvicorn starts
    bound_host, bound_port = sock.getsockname()[:2]
    shown = f"[{bound_host}]" if ":" in bound_host else bound_host
    print(
        f"newslint: serving on http://{shown}:{bound_port} "
        "(the web page at /, the API under /v1; Ctrl+C stops)",
        file=sys.stderr,
        flush=True,
    )
    server.run(sockets=[sock])
    return 0


def bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    if host == "localhost":
        host, family = "127.0.0.1", socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        # answers go out at once (connections accepted from it inherit this);
        # without it a response's headers and body wait on delayed ACKs (~40 ms)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock

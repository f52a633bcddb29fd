"""``newslint serve``: check the options, then start the service."""

from __future__ import annotations

import argparse
import re
import sys

from ..config import ConfigError
from ..registry import PluginError
from .service import ServiceOptions

EXIT_OK, EXIT_ERROR = 0, 2

_ORIGIN = re.compile(r"^https?://[^/\s?#]+$")


def _err(message: str) -> None:
    print(f"newslint: error: {message}", file=sys.stderr)


def parse_origins(values: list[str] | None) -> tuple[str, ...]:
    """CORS origins from ``--cors-origin`` values; raises ``ValueError`` with a clear message."""
    out: list[str] = []
    for value in values or ():
        for origin in (v.strip() for v in value.split(",")):
            if not origin:
                continue
            if origin != "*" and not _ORIGIN.match(origin):
                hint = " (an origin has no path: drop the trailing '/')" if origin.endswith("/") else ""
                raise ValueError(f"--cors-origin {origin!r} is not an origin such as https://cms.example.org{hint}")
            out.append(origin)
    return tuple(out)


def options_from_args(args: argparse.Namespace) -> ServiceOptions:
    if not 0 <= args.port <= 65535:
        raise ValueError(f"--port must be between 0 and 65535, not {args.port}")
    if args.max_body_size <= 0:
        raise ValueError("--max-body-size must be a positive number of bytes")
    if not args.time_limit > 0:
        raise ValueError("--time-limit must be a positive number of seconds")
    return ServiceOptions(
        config_file=args.config,
        max_body_size=args.max_body_size,
        time_limit=args.time_limit,
        cors_origins=parse_origins(args.cors_origin),
    )


def run_serve(args: argparse.Namespace) -> int:
    try:
        from .openapi import openapi_json
        from .run import serve
    except ImportError as exc:
        _err(f"newslint serve needs the server extra: pip install 'newslint[server]' ({exc})")
        return EXIT_ERROR
    if args.print_openapi:
        sys.stdout.write(openapi_json())
        return EXIT_OK
    try:
        options = options_from_args(args)
        return serve(args.host, args.port, options, args.log_level)
    except ValueError as exc:
        _err(str(exc))
    except (ConfigError, PluginError) as exc:
        _err(str(exc))
    except OSError as exc:  # the address is in use, or not this machine's
        _err(f"cannot listen on {args.host}:{args.port}: {exc.strerror or exc}")
    return EXIT_ERROR

"""The engine's own plugin: input and output formats.

Registered through the same hook specifications as third-party plugins.
"""

from __future__ import annotations

import pluggy

hookimpl = pluggy.HookimplMarker("newslint")


@hookimpl
def newslint_input_formats():
    from .formats import html, markdown, plain

    return [plain.FORMAT, markdown.FORMAT, html.FORMAT]


@hookimpl
def newslint_output_formats():
    from .output import ci, formats

    return formats.ALL + ci.ALL

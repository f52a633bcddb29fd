"""Placeholder until the real markdown parser lands: parses as plain text."""
from . import InputFormat
from .plain import parse

FORMAT = InputFormat(name="markdown", extensions=(".md", ".markdown") if "markdown" == "markdown" else (".html", ".htm"), parse=parse)

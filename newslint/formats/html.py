"""Placeholder until the real html parser lands: parses as plain text."""
from . import InputFormat
from .plain import parse

FORMAT = InputFormat(name="html", extensions=(".md", ".markdown") if "html" == "markdown" else (".html", ".htm"), parse=parse)

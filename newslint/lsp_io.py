"""The language server's transport, hardened: framing, error answers, documents.

``FramedReader`` stands between standard input and pygls.  It reads the LSP's
``Content-Length`` framing itself and hands pygls only well-formed messages, so:

* a header that is not a number, is negative or is over :data:`MAX_BODY` is
  logged and skipped, and reading picks up again at the next ``Content-Length``
  header (even one glued to the end of a broken message);
* a length that is too long is detected when the body is not JSON but holds the
  next header: the message is cut there and the rest read as the next message;
  a length that is too short leaves broken JSON, which is logged and skipped;
* the end of input inside a message ends the server, with the reason logged.

``protocol_class()`` returns pygls's protocol with three changes: a request
whose parameters do not fit the method gets an "invalid params" error (pygls
would drop it), error responses never carry a Python traceback, and a message
that cannot be handled is logged, not answered with internals.
"""

from __future__ import annotations

import json
import logging
import re
from typing import Any, BinaryIO

log = logging.getLogger("newslint.lsp")

#: the largest message body accepted (bytes)
MAX_BODY = 64 * 1024 * 1024
#: the longest header line read at once
MAX_LINE = 64 * 1024

_HEADER = re.compile(rb"content-length[ \t]*:", re.IGNORECASE)


class FramedReader:
    """A file-like reader giving pygls ``Content-Length`` frames it can trust."""

    def __init__(self, raw: BinaryIO, max_body: int = MAX_BODY):
        self.raw = raw
        self.max_body = max_body
        self._buffer = b""  # bytes read ahead and given back
        self._lines: list[bytes] = []
        self._body = b""
        self.closed_reason: str | None = None

    # -- what pygls calls ---------------------------------------------------

    def readline(self, limit: int = -1) -> bytes:
        if not self._lines:
            body = self._next_message()
            if body is None:
                return b""
            self._body = body
            self._lines = [b"Content-Length: %d\r\n" % len(body), b"\r\n"]
        return self._lines.pop(0)

    def read(self, n: int = -1) -> bytes:
        body, self._body = self._body, b""
        return body

    # -- reading the stream -------------------------------------------------

    def _raw_line(self) -> bytes:
        if self._buffer:
            i = self._buffer.find(b"\n")
            if i != -1:
                line, self._buffer = self._buffer[: i + 1], self._buffer[i + 1 :]
                return line
            if len(self._buffer) >= MAX_LINE:
                line, self._buffer = self._buffer[:MAX_LINE], self._buffer[MAX_LINE:]
                return line
            line, self._buffer = self._buffer, b""
            return line + self.raw.readline(MAX_LINE - len(line))
        return self.raw.readline(MAX_LINE)

    def _raw_read(self, n: int) -> bytes:
        parts = [self._buffer[:n]]
        got = len(parts[0])
        self._buffer = self._buffer[n:]
        while got < n:
            chunk = self.raw.read(min(n - got, 1 << 20))
            if not chunk:
                break
            parts.append(chunk)
            got += len(chunk)
        return b"".join(parts)

    def _end(self, reason: str | None) -> None:
        if reason:
            log.warning("newslint lsp: %s; stopping", reason)
        self.closed_reason = reason or "end of input"

    def _next_message(self) -> bytes | None:
        """The next message body that is JSON, or None at the end of input."""
        while True:
            length: int | None = None
            saw_header = False
            while True:  # headers, up to the blank line
                line = self._raw_line()
                if not line:
                    self._end("input ended inside a message's headers" if saw_header else None)
                    return None
                m = _HEADER.search(line)
                if m is not None:
                    if m.start() > 0:
                        log.warning("newslint lsp: skipped %d bytes before a header", m.start())
                    saw_header = True
                    length = self._length(line[m.end() :])
                    continue
                if line.strip() == b"":
                    if saw_header:
                        break
                    continue  # a stray blank line between messages
                saw_header = saw_header or b":" in line  # another header (Content-Type), or noise
            if length is None:
                log.warning("newslint lsp: a message without a valid Content-Length was skipped")
                continue
            body = self._raw_read(length)
            if len(body) < length:
                self._end(f"input ended inside a message ({len(body)} of {length} bytes)")
                return None
            if _is_json(body):
                return body
            m = _HEADER.search(body)
            if m is not None:  # the length was too long: the next message starts inside
                self._buffer = body[m.start() :] + self._buffer
                if _is_json(body[: m.start()]):
                    log.warning("newslint lsp: Content-Length %d was longer than the message; resynchronised", length)
                    return body[: m.start()]
            log.warning("newslint lsp: skipped a %d-byte message that is not JSON (wrong Content-Length?)", length)

    def _length(self, value: bytes) -> int | None:
        text = value.strip()
        if not text.isdigit():
            log.warning("newslint lsp: Content-Length %r is not a number; message skipped", text[:40])
            return None
        if len(text) > 12 or int(text) > self.max_body:
            log.warning(
                "newslint lsp: Content-Length %s is over the %d-byte limit; message skipped",
                text[:40].decode("ascii"), self.max_body,
            )
            return None
        return int(text)


def _is_json(body: bytes) -> bool:
    try:
        json.loads(body)
    except (ValueError, RecursionError):
        return False
    return True


def protocol_class() -> Any:
    """pygls's ``LanguageServerProtocol``, answering every request it can parse."""
    from pygls.exceptions import JsonRpcException, JsonRpcInvalidParams
    from pygls.protocol import LanguageServerProtocol

    class _Unanswerable:
        """A request whose parameters could not be read: answered with an error."""

        jsonrpc = "2.0"

        def __init__(self, msg_id: Any, method: str, error: JsonRpcException):
            self.id = msg_id
            self.method = method
            self.error = error

    class NewslintProtocol(LanguageServerProtocol):
        def structure_message(self, data: dict[str, Any]) -> Any:
            try:
                return super().structure_message(data)
            except JsonRpcException as exc:
                if "method" in data and "id" in data and isinstance(data["id"], (int, str)):
                    error = exc if isinstance(exc, JsonRpcInvalidParams) else JsonRpcInvalidParams()
                    error.message = f"invalid params for {data['method']!s:.80}"
                    return _Unanswerable(data["id"], str(data["method"]), error)
                raise

        def handle_message(self, message: Any) -> None:
            if isinstance(message, _Unanswerable):
                log.warning("newslint lsp: request %r (%s) has invalid params", message.id, message.method)
                self._send_response(message.id, None, message.error.to_response_error())
                return
            super().handle_message(message)

        def _send_response(self, msg_id: Any, result: Any = None, error: Any = None) -> None:
            if error is not None and getattr(error, "data", None) is not None:
                error.data = None  # never a traceback or other internals in a response
            super()._send_response(msg_id, result, error)

    return NewslintProtocol

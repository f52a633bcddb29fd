"""The real language server over a pipe, fed broken framing and bad requests.

Messages are written byte by byte as a hostile or buggy client would; every
request must be answered (an error where due), framing must recover, and no
response may carry a Python traceback.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("pygls")

TIMEOUT = 30


def frame(obj: dict, length_delta: int = 0, length: bytes | None = None) -> bytes:
    body = json.dumps(obj).encode()
    n = length if length is not None else str(len(body) + length_delta).encode()
    return b"Content-Length: " + n + b"\r\n\r\n" + body


def request(msg_id: int, method: str, params) -> dict:
    return {"jsonrpc": "2.0", "id": msg_id, "method": method, "params": params}


class Server:
    def __init__(self, cwd: Path):
        self.proc = subprocess.Popen([sys.executable, "-m", "newslint", "lsp"], cwd=cwd,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.messages: queue.Queue = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        out = self.proc.stdout
        assert out is not None
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    return
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
                if line == b"\r\n":
                    break
            assert length is not None
            self.messages.put(json.loads(out.read(length)))

    def send(self, data: bytes) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def response(self, msg_id: int) -> dict:
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            try:
                msg = self.messages.get(timeout=max(0.1, deadline - time.monotonic()))
            except queue.Empty:
                break
            if msg.get("id") == msg_id and "method" not in msg:
                return msg
        raise AssertionError(f"no response to request {msg_id}")

    def close(self) -> tuple[int | None, str]:
        try:
            self.proc.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        assert self.proc.stderr is not None
        return self.proc.returncode, self.proc.stderr.read().decode("utf-8", "replace")


def code_action(msg_id: int, uri: str) -> dict:
    rng = {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 1}}
    return request(msg_id, "textDocument/codeAction",
                   {"textDocument": {"uri": uri}, "range": rng, "context": {"diagnostics": []}})


@pytest.fixture
def server(tmp_path: Path):
    s = Server(tmp_path)
    s.send(frame(request(1, "initialize", {"processId": None, "rootUri": None, "capabilities": {}})))
    assert "result" in s.response(1)
    s.send(frame({"jsonrpc": "2.0", "method": "initialized", "params": {}}))
    yield s
    if s.proc.poll() is None:
        s.proc.kill()
        s.proc.wait()


def no_traceback(msg: dict) -> dict:
    assert "Traceback" not in json.dumps(msg)
    return msg


def test_framing_recovers_after_every_kind_of_bad_content_length(server: Server, tmp_path: Path) -> None:
    uri = (tmp_path / "nothere.txt").as_uri()
    server.send(frame(code_action(2, uri), length=b"abc"))
    server.send(frame(code_action(3, uri)))
    assert no_traceback(server.response(3))["result"] == []
    server.send(frame(code_action(4, uri), length=b"-5"))
    server.send(frame(code_action(5, uri)))
    assert no_traceback(server.response(5))["result"] == []
    # too long: the next message's header is inside the body; both are answered
    server.send(frame(code_action(6, uri), length_delta=25) + frame(code_action(7, uri)))
    assert no_traceback(server.response(6))["result"] == []
    assert no_traceback(server.response(7))["result"] == []
    # too short: that message is lost (logged), the next is answered
    server.send(frame(code_action(8, uri), length_delta=-7))
    server.send(frame(code_action(9, uri)))
    assert no_traceback(server.response(9))["result"] == []
    server.send(frame(code_action(10, uri), length=b"99999999999999999999"))
    server.send(frame(code_action(11, uri)))
    assert no_traceback(server.response(11))["result"] == []
    server.send(frame(request(12, "shutdown", None)))
    assert server.response(12)["result"] is None
    server.send(frame({"jsonrpc": "2.0", "method": "exit"}))
    code, err = server.close()
    assert code == 0
    assert "'abc' is not a number" in err
    assert "'-5' is not a number" in err
    assert "was longer than the message; resynchronised" in err
    assert "that is not JSON" in err
    assert "99999999999999999999 is over the" in err


def test_invalid_params_get_an_error_response_without_internals(server: Server) -> None:
    server.send(frame(request(2, "textDocument/codeAction", {"textDocument": 5})))
    msg = no_traceback(server.response(2))
    assert msg["error"]["code"] == -32602 and "data" not in msg["error"] or msg["error"].get("data") is None
    server.send(frame(request(3, "textDocument/hover", {"position": "nowhere"})))
    assert "error" in no_traceback(server.response(3))
    server.send(frame(request(4, "no/such/method", {})))
    assert no_traceback(server.response(4))["error"]["code"] == -32601


def test_unopened_devices_and_fifos_are_never_read(server: Server, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    t0 = time.monotonic()
    server.send(frame(code_action(2, "file:///dev/zero")))
    assert no_traceback(server.response(2))["result"] == []
    server.send(frame(code_action(3, (tmp_path / "pipe.txt").as_uri())))
    assert no_traceback(server.response(3))["result"] == []
    assert time.monotonic() - t0 < TIMEOUT


def test_unopened_regular_file_is_read_from_disk(server: Server, tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text("Headline\n\nThe the council met.\n", encoding="utf-8")
    rng = {"start": {"line": 2, "character": 0}, "end": {"line": 2, "character": 7}}
    server.send(frame(request(2, "textDocument/codeAction", {
        "textDocument": {"uri": (tmp_path / "story.txt").as_uri()}, "range": rng,
        "context": {"diagnostics": []}})))
    titles = [a["title"] for a in no_traceback(server.response(2))["result"]]
    assert any("repeated-word" in t for t in titles), titles


def test_end_of_input_inside_a_message_exits_cleanly(server: Server) -> None:
    server.send(b"Content-Length: 500\r\n\r\n{\"jsonrpc\": ")
    assert server.proc.stdin is not None
    server.proc.stdin.close()
    code, err = server.close()
    assert code == 0
    assert "input ended inside a message (12 of 500 bytes); stopping" in err


def test_an_internal_error_is_answered_without_a_traceback() -> None:
    import io

    from pygls.io_ import StdoutWriter
    from pygls.lsp.server import LanguageServer

    from newslint.lsp_io import protocol_class

    ls = LanguageServer("t", "1", protocol_cls=protocol_class())

    @ls.feature("newslint/crash")
    def crash(_params):
        raise RuntimeError("boom inside a handler")

    out = io.BytesIO()
    ls.protocol.set_writer(StdoutWriter(out))
    body = json.dumps(request(7, "newslint/crash", {}))
    ls.protocol.handle_message(json.loads(body, object_hook=ls.protocol.structure_message))
    deadline = time.monotonic() + TIMEOUT
    while not out.getvalue() and time.monotonic() < deadline:
        time.sleep(0.01)
    raw = out.getvalue()
    reply = json.loads(raw[raw.index(b"\r\n\r\n") + 4:])
    assert reply["id"] == 7 and reply["error"]["code"] == -32603
    assert "boom inside a handler" in reply["error"]["message"]
    assert "Traceback" not in raw.decode() and reply["error"].get("data") is None

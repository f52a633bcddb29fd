"""Start the real service under uvicorn on a free loopback port, in a thread."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator

SERVER_START_TIMEOUT = 60.0
SERVER_STOP_TIMEOUT = 15.0


@contextlib.contextmanager
def live_server(options=None, registry=None) -> Iterator[tuple[str, object]]:
    """Yield ``(base_url, app)`` for a running server; stop it on exit."""
    import uvicorn

    from newslint.server.app import create_app
    from newslint.server.run import bind
    from newslint.server.service import ServiceOptions

    app = create_app(options or ServiceOptions(), registry)
    config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    sock = bind("127.0.0.1", 0)
    port = sock.getsockname()[1]
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}", app
    finally:
        server.should_exit = True
        thread.join(SERVER_STOP_TIMEOUT)
        sock.close()
        app.state.checker.close()
        assert not thread.is_alive(), "the test server did not stop"

"""The smallest Bot API the Telegram channel needs in webhook mode, for `make bench`.

Answers getMe, setWebhook, deleteWebhook and sendMessage (counting the messages) over real
HTTP on 127.0.0.1, in a thread of the benchmark's process, so the outbox of `labbaik run`
sends its Telegram replies as it would to api.telegram.org. The test suite has a fuller
fake (tests/fakes/fake_telegram.py); the benchmark does not import the tests.
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl


class FakeBotApi:
    def __init__(self) -> None:
        self.sent = 0
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive, as api.telegram.org

            def do_POST(self) -> None:  # noqa: N802 (http.server's name)
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                method = self.path.rsplit("/", 1)[-1]
                params = _params(self.headers.get("Content-Type", ""), body)
                answer = json.dumps({"ok": True, "result": fake.result(method, params)})
                data = answer.encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST  # noqa: N815

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
                pass

        self._server = _QuietServer(("127.0.0.1", 0), Handler)
        self.base_url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def result(self, method: str, params: dict[str, Any]) -> Any:
        if method == "getMe":
            return {"id": 1, "is_bot": True, "first_name": "Labbaik", "username": "labbaik_bot"}
        if method == "sendMessage":
            with self._lock:
                self.sent += 1
                message_id = next(self._ids)
            chat = {"id": int(params.get("chat_id", 0)), "type": "private"}
            return {"message_id": message_id, "date": int(time.time()), "chat": chat,
                    "text": str(params.get("text", ""))}  # fmt: skip
        return True  # setWebhook, deleteWebhook, answerCallbackQuery, ...

    def __enter__(self) -> FakeBotApi:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that hangs up at the end of a run is no news


def _params(content_type: str, body: bytes) -> dict[str, Any]:
    if not body:
        return {}
    if content_type.startswith("application/json"):
        loaded = json.loads(body)
        return loaded if isinstance(loaded, dict) else {}
    return dict(parse_qsl(body.decode("utf-8", "replace")))

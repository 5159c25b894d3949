"""A scripted HTTP server on a loopback port: each test queues the answers the
client should get and reads back the requests it made."""

from __future__ import annotations

import json
import threading
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Dict, List, Optional



@dataclass
class Answer:
    status: int = 200
    body: Any = None
    headers: Dict[str, str] = field(default_factory=dict)
    #: Close the connection without answering (a network failure as the client sees it).
    drop: bool = False


@dataclass
class Seen:
    method: str
    path: str
    query: Dict[str, List[str]]
    headers: Dict[str, str]
    body: Any


class ScriptedServer:
    def __init__(self) -> None:
        self.answers: List[Answer] = []
        self.requests: List[Seen] = []
        script = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                return None

            def _handle(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                raw = self.rfile.read(length) if length else b""
                url = urllib.parse.urlsplit(self.path)
                script.requests.append(
                    Seen(
                        self.command,
                        url.path,
                        urllib.parse.parse_qs(url.query),
                        {k.lower(): v for k, v in self.headers.items()},
                        json.loads(raw) if raw else None,
                    )
                )
                answer = script.answers.pop(0) if script.answers else Answer(500, {"error": {"code": "unscripted", "message": "no answer queued", "param": None, "request_id": "req_0"}})
                if answer.drop:
                    self.close_connection = True
                    self.connection.shutdown(2)
                    return
                payload = b"" if answer.body is None else (answer.body if isinstance(answer.body, bytes) else json.dumps(answer.body).encode())
                self.send_response(answer.status)
                for name, value in answer.headers.items():
                    self.send_header(name, value)
                self.send_header("content-length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_POST = do_PATCH = do_DELETE = _handle

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
        self.thread.start()

    def queue(self, *answers: Answer) -> None:
        self.answers.extend(answers)

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def error_body(code: str, message: str, param: Optional[str] = None, request_id: str = "req_unit") -> Dict[str, Any]:
    return {"error": {"code": code, "message": message, "param": param, "request_id": request_id}}


TRACE_SUMMARY = {
    "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736",
    "root_service": "api-gateway",
    "root_operation": "POST /api/orders",
    "duration_ms": 142,
    "span_count": 23,
    "status": "ok",
    "started_at": "2026-03-15T08:22:41.003Z",
    "services": ["api-gateway", "order-svc"],
}


def summary(trace_id: str) -> Dict[str, Any]:
    return {**TRACE_SUMMARY, "trace_id": trace_id}

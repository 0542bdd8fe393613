"""A stand-in for a national API we cannot run here (the SDG product API, an Objects API).

A real HTTP server on loopback, started by the test. Every request is checked against the
official OpenAPI document in `$HUB_STANDARDS_DIR` with openapi-core; an invalid request gets a
400 and is recorded as refused, so a sender that sends nonsense fails its test. The test decides
what a valid request gets: the default answers store objects like the real APIs do (POST creates
an object with a `url`, under the `uuid` the client chose if it sent one, refusing a `uuid` that
exists; GET of an object's URL returns it, or 404; PUT/PATCH replace it), and
`fail_next(status)`, `hang_next(seconds)`, `stop()` and `restart()` let a test see what the
sender does when the API answers 500, times out (the request is still carried out, only the
answer comes too late), is gone, or comes back.
"""

from __future__ import annotations

import json
import os
import threading
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

REPO = Path(__file__).resolve().parents[2]
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def standards_dir() -> Path:
    """The official files (never copied into this repository); skip loudly when absent."""
    path = Path(os.environ.get("HUB_STANDARDS_DIR", REPO.parent / "shared" / "standards"))
    if not path.is_dir():
        pytest.skip(f"NEEDS THE STANDARDS: {path} is missing; set HUB_STANDARDS_DIR to the folder of official files")
    return path


def load_document(path: Path) -> dict:
    import yaml

    return yaml.safe_load(path.read_text(encoding="utf-8"))


def nullable_references_readable(document: dict) -> dict:
    """The document as its API means it, for openapi-core.

    drf-spectacular writes a reference that may be null as `{allOf: [{$ref: ...}], nullable:
    true}`. OpenAPI 3.0.3 applies `nullable` only next to a `type`, so openapi-core refuses the
    `null` that the APIs accept (the README of the standards says so): the SDG's
    `productValtOnder` is required, so no product could pass. Each such schema is read as the
    referenced schema itself with `nullable: true` (its own keywords kept); nothing else changes.
    """
    schemas = document.get("components", {}).get("schemas", {})

    def visit(node):
        if isinstance(node, dict):
            refs = node.get("allOf")
            if node.get("nullable") is True and "type" not in node and isinstance(refs, list) and len(refs) == 1:
                target = str(refs[0].get("$ref", "")) if isinstance(refs[0], dict) else ""
                name = target.removeprefix("#/components/schemas/")
                if target.startswith("#/components/schemas/") and name in schemas:
                    own = {key: value for key, value in node.items() if key != "allOf"}
                    return {**schemas[name], **own}
            return {key: visit(value) for key, value in node.items()}
        if isinstance(node, list):
            return [visit(item) for item in node]
        return node

    return visit(document)


@dataclass
class Received:
    method: str
    path: str
    query: dict
    headers: dict
    body: object
    valid: bool
    errors: list[str] = field(default_factory=list)


class _Request:
    """openapi-core's request protocol over what the HTTP handler read."""

    def __init__(self, host_url, method, path, query, headers, body, content_type):
        from openapi_core.datatypes import RequestParameters
        from werkzeug.datastructures import Headers, ImmutableMultiDict

        self.host_url = host_url
        self.path = path
        self.method = method.lower()
        self.body = body
        self.content_type = content_type
        self.parameters = RequestParameters(
            query=ImmutableMultiDict([(k, v) for k, values in query.items() for v in values]),
            header=Headers(headers),
            cookie=ImmutableMultiDict(),
        )


class StandIn:
    """One API: its OpenAPI document, what it received, and what it answers."""

    def __init__(self, openapi_path: Path, *, base_path: str = ""):
        from openapi_core import OpenAPI

        self.api = OpenAPI.from_dict(nullable_references_readable(load_document(openapi_path)))
        self.base_path = base_path.rstrip("/")
        self.received: list[Received] = []
        self.objects: dict[str, dict] = {}
        # (value, method or None for any method), consumed in order by the next matching request
        self._failures: list[tuple[int, str | None]] = []
        self._hangs: list[tuple[float, str | None]] = []
        self._server: ThreadingHTTPServer | None = None
        self._lock = threading.Lock()

    # --- the test's controls --------------------------------------------------------------
    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}{self.base_path}"

    def fail_next(self, status: int = 500, times: int = 1, method: str | None = None) -> None:
        """The next `times` valid requests (of `method`, if given) get `status` and change nothing."""
        self._failures += [(status, method)] * times

    def hang_next(self, seconds: float, times: int = 1, method: str | None = None) -> None:
        """The next `times` requests (of `method`, if given) wait `seconds` before they are
        carried out and answered: a client that gives up sooner never hears that it worked."""
        self._hangs += [(seconds, method)] * times

    @property
    def accepted(self) -> list[Received]:
        return [r for r in self.received if r.valid]

    @property
    def refused(self) -> list[Received]:
        return [r for r in self.received if not r.valid]

    def start(self, port: int = 0) -> StandIn:
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - the http.server API
                stand_in._handle(self)

            do_POST = do_PUT = do_PATCH = do_DELETE = do_GET  # noqa: N815

            def log_message(self, *args):
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        """The API goes away: the port is closed."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    def restart(self) -> StandIn:
        """The API comes back on the same address, with the objects it had."""
        return self.start(self._server.server_address[1])

    # --- handling --------------------------------------------------------------------------
    def _handle(self, handler: BaseHTTPRequestHandler) -> None:
        import time

        length = int(handler.headers.get("Content-Length") or 0)
        raw = handler.rfile.read(length) if length else None
        parts = urlsplit(handler.path)
        query = parse_qs(parts.query)
        headers = dict(handler.headers.items())
        host, port = self._server.server_address[:2]
        request = _Request(
            f"http://{host}:{port}",
            handler.command,
            parts.path,
            query,
            headers,
            raw,
            (handler.headers.get("Content-Type") or "").lower(),
        )
        errors = self._validate(request)
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body, errors = raw, [*errors, "body is not JSON"]
        record = Received(handler.command, parts.path, query, headers, body, not errors, errors)
        with self._lock:
            self.received.append(record)
            hang = self._take(self._hangs, record.method) or 0
            failure = self._take(self._failures, record.method) if not errors else None
        if hang:
            time.sleep(hang)
        if errors:
            return self._send(handler, 400, {"detail": "; ".join(errors)})
        if failure:
            return self._send(handler, failure, {"detail": "stand-in failure"})
        with self._lock:
            status, answer = self.answer(record)
        self._send(handler, status, answer)

    @staticmethod
    def _take(queue: list, method: str):
        """The first queued value meant for `method` (or for any method), removed from the queue."""
        for i, (value, wanted) in enumerate(queue):
            if wanted is None or wanted.upper() == method:
                del queue[i]
                return value
        return None

    def _validate(self, request) -> list[str]:
        from openapi_core.exceptions import OpenAPIError

        try:
            self.api.validate_request(request)
        except OpenAPIError as error:
            details = [str(error)]
            cause = error.__cause__ or getattr(error, "__context__", None)
            details += [str(e) for e in getattr(cause, "schema_errors", None) or getattr(error, "schema_errors", [])]
            return details
        return []

    def answer(self, record: Received) -> tuple[int, object]:
        """What a valid request gets: objects stored by URL, like the real API."""
        if record.method == "POST":
            body = record.body if isinstance(record.body, dict) else {}
            key = str(body.get("uuid") or uuid.uuid4())
            url = f"{self.url.rsplit(self.base_path, 1)[0] if self.base_path else self.url}{record.path}/{key}"
            if url in self.objects:
                # Like the Objects API: a client-chosen uuid is unique.
                return 400, {"uuid": ["Er bestaat al een object met deze uuid."]}
            stored = {**body, "url": url, "uuid": key}
            self.objects[url] = stored
            return 201, stored
        if record.method in {"PUT", "PATCH"}:
            url = next((u for u in self.objects if urlsplit(u).path == record.path), None)
            if url is None:
                return 404, {"detail": "not found"}
            self.objects[url] = {**self.objects[url], **(record.body or {})}
            return 200, self.objects[url]
        if record.method == "DELETE":
            return 204, None
        found = next((u for u in self.objects if urlsplit(u).path == record.path), None)
        if found is not None:
            return 200, self.objects[found]
        if _is_uuid(record.path.rstrip("/").rpartition("/")[2]):
            return 404, {"detail": "not found"}
        return 200, {"count": len(self.objects), "next": None, "previous": None, "results": list(self.objects.values())}

    @staticmethod
    def _send(handler, status, body) -> None:
        data = b"" if body is None else json.dumps(body).encode()
        try:
            handler.send_response(status)
            handler.send_header("Content-Type", "application/json")
            handler.send_header("Content-Length", str(len(data)))
            handler.end_headers()
            handler.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up waiting (hang_next): the request was carried out all the same


def _is_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True

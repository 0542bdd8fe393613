"""A small client for the Objects API (Open Objecten, API 2.x): read, create and replace objects.

Every write carries `Content-Crs: EPSG:4326` (required by the API even without geometry) and the
token as `Authorization: Token ...`. Errors come out as `ObjectsApiError` with a Dutch message for
the editor's status; `ObjectsApiUnreachable` when no answer came at all (down, or too slow), so a
batch can stop instead of waiting out the timeout for every object.
"""

from __future__ import annotations

import httpx
from django.utils import timezone

from .config import KissConfig


class ObjectsApiError(Exception):
    """The Objects API refused or failed a request."""


class ObjectsApiUnreachable(ObjectsApiError):
    """No answer from the Objects API: it is down, or slower than `HUB_SYNDICATION_TIMEOUT`."""


class ObjectsApi:
    def __init__(self, config: KissConfig, *, transport: httpx.BaseTransport | None = None):
        self.config = config
        self.http = httpx.Client(
            timeout=config.timeout,
            headers={"Authorization": f"Token {config.token}", "Accept": "application/json"},
            transport=transport,
        )

    def __enter__(self) -> ObjectsApi:
        return self

    def __exit__(self, *exc) -> None:
        self.http.close()

    def read(self, url: str) -> dict | None:
        """The object at `url`, or None when the API does not have it."""
        response = self._request("GET", url)
        if response.status_code == 404:
            return None
        return self._json(response, "GET", url, expected=(200,))

    def create(self, object_uuid: str, type_url: str, type_version: int, data: dict) -> dict:
        """POST a new object under the uuid the hub chose (so a retry can find it)."""
        url = f"{self.config.api_url}/objects"
        body = {"uuid": object_uuid, **self._object(type_url, type_version, data)}
        return self._json(self._request("POST", url, body), "POST", url, expected=(200, 201))

    def replace(self, url: str, type_url: str, type_version: int, data: dict) -> dict | None:
        """PUT a new record on the object at `url`; None when the API no longer has it."""
        response = self._request("PUT", url, self._object(type_url, type_version, data))
        if response.status_code == 404:
            return None
        return self._json(response, "PUT", url, expected=(200,))

    @staticmethod
    def _object(type_url: str, type_version: int, data: dict) -> dict:
        # A record starts today: the Objects API keeps the earlier records as history.
        record = {"typeVersion": type_version, "startAt": timezone.localdate().isoformat(), "data": data}
        return {"type": type_url, "record": record}

    def _request(self, method: str, url: str, body: dict | None = None) -> httpx.Response:
        headers = {"Content-Crs": "EPSG:4326"} if body is not None else {}
        try:
            return self.http.request(method, url, json=body, headers=headers)
        except httpx.TimeoutException as error:
            raise ObjectsApiUnreachable(
                f"Geen antwoord van de Objects API binnen {self.config.timeout:g} s ({method} {url})"
            ) from error
        except httpx.TransportError as error:
            raise ObjectsApiUnreachable(f"De Objects API is niet bereikbaar ({method} {url}): {error}") from error

    @staticmethod
    def _json(response: httpx.Response, method: str, url: str, *, expected: tuple[int, ...]) -> dict:
        if response.status_code not in expected:
            raise ObjectsApiError(
                f"De Objects API antwoordde {response.status_code} op {method} {url}: {response.text[:300]}"
            )
        try:
            return response.json()
        except ValueError as error:
            raise ObjectsApiError(f"De Objects API gaf geen JSON terug op {method} {url}") from error

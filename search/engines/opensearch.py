"""OpenSearch 2.x/3.x through opensearch-py."""

from __future__ import annotations

import opensearchpy
from opensearchpy import helpers

from .distributed import DistributedEngine

TIMEOUT_SECONDS = 10


class OpenSearchEngine(DistributedEngine):
    name = "opensearch"
    unavailable_errors = (opensearchpy.exceptions.ConnectionError, opensearchpy.exceptions.TransportError)
    not_found_error = opensearchpy.exceptions.NotFoundError

    def make_client(self):
        return opensearchpy.OpenSearch(hosts=[self.url], timeout=TIMEOUT_SECONDS, max_retries=1, retry_on_timeout=False)

    def bulk(self, actions, refresh=False, ignore_missing=False):
        _, errors = helpers.bulk(self.client, actions, refresh=refresh, raise_on_error=False, raise_on_exception=True)
        errors = [e for e in errors if not (ignore_missing and _is_missing(e))]
        if errors:
            raise opensearchpy.exceptions.TransportError(500, "bulk errors", errors[:3])


def _is_missing(error: dict) -> bool:
    return any(item.get("status") == 404 for item in error.values())

"""OpenSearch 2.x/3.x through opensearch-py."""

from __future__ import annotations

import opensearchpy
from opensearchpy import helpers

from .distributed import DistributedEngine
from .hosts import retry_options, split_urls

TIMEOUT_SECONDS = 10
# Connections kept open per node: threads of one process share the client (urllib3 keeps one).
POOL_MAXSIZE = 10


class OpenSearchEngine(DistributedEngine):
    name = "opensearch"
    unavailable_errors = (opensearchpy.exceptions.ConnectionError, opensearchpy.exceptions.TransportError)
    not_found_error = opensearchpy.exceptions.NotFoundError

    def make_client(self):
        urls = split_urls(self.url)
        return opensearchpy.OpenSearch(
            hosts=urls, timeout=TIMEOUT_SECONDS, pool_maxsize=POOL_MAXSIZE, **retry_options(urls)
        )

    def wait_for_green(self, index, *, seconds):
        # opensearch-py takes a bare `timeout` for its own request timeout; next to
        # `request_timeout` it goes to the cluster as the time to wait.
        self.client.cluster.health(
            index=index, wait_for_status="green", timeout=f"{seconds}s", request_timeout=seconds + TIMEOUT_SECONDS
        )

    def bulk(self, actions, refresh=False, ignore_missing=False):
        _, errors = helpers.bulk(self.client, actions, refresh=refresh, raise_on_error=False, raise_on_exception=True)
        errors = [e for e in errors if not (ignore_missing and _is_missing(e))]
        if errors:
            raise opensearchpy.exceptions.TransportError(500, "bulk errors", errors[:3])


def _is_missing(error: dict) -> bool:
    return any(item.get("status") == 404 for item in error.values())

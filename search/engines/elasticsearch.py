"""Elasticsearch 8/9 through elasticsearch-py. Same queries as OpenSearch (see distributed.py)."""

from __future__ import annotations

import elastic_transport
import elasticsearch
from elasticsearch import helpers

from .distributed import MERGE_TIMEOUT_SECONDS, DistributedEngine
from .hosts import retry_options, split_urls

TIMEOUT_SECONDS = 10


class ElasticsearchEngine(DistributedEngine):
    name = "elasticsearch"
    unavailable_errors = (elastic_transport.TransportError, elasticsearch.ApiError)
    not_found_error = elasticsearch.NotFoundError

    def make_client(self):
        urls = split_urls(self.url)
        return elasticsearch.Elasticsearch(urls, request_timeout=TIMEOUT_SECONDS, **retry_options(urls))

    def create_concrete(self, name, body):
        self.client.indices.create(index=name, settings=body.get("settings"), mappings=body.get("mappings"))

    def run_search(self, body):
        return self.client.search(index=self.alias, **body).body

    def merge_segments(self, name):
        self.client.options(request_timeout=MERGE_TIMEOUT_SECONDS).indices.forcemerge(index=name, max_num_segments=1)

    def bulk(self, actions, refresh=False, ignore_missing=False):
        _, errors = helpers.bulk(self.client, actions, refresh=refresh, raise_on_error=False)
        errors = [e for e in errors if not (ignore_missing and _is_missing(e))]
        if errors:
            raise elasticsearch.ApiError("bulk errors", meta=None, body=errors[:3])


def _is_missing(error: dict) -> bool:
    return any(item.get("status") == 404 for item in error.values())

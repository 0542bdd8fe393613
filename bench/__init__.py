"""Benchmarks: this API against wagtail-grapple and Wagtail's REST API v2 (see docs/benchmarks.md)."""

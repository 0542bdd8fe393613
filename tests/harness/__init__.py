"""Helpers that run parts of the project as processes, for the e2e tests and scripts."""

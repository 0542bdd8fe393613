"""URL configurations, one per kind of front-end (website, app, kcc)."""

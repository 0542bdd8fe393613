"""The outbox subscribers of the national catalogues. Each target module adds its own in
`register_all`; pushes to external systems are never applied inside an editor's request."""


def register_all() -> None:
    """Register every target's outbox subscriber (called once from `ready()`)."""
    from .kiss import register as register_kiss
    from .sdg import register as register_sdg

    register_kiss()
    register_sdg()

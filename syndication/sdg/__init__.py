"""The SDG product sync: every published product with a UPL, in Dutch and (when translated)
English, as versions in the national "PDC API voor producten in de SDG" (docs/standards.md).

`mapping` builds the payloads from the content (pure), `markdown` the allowed Markdown,
`sender` the HTTP client and the outbox handler, `signals` queue the work, `status` answers the
editor's "is it there, and if not, why".
"""


def register() -> None:
    """Subscriber `sdg` on the outbox (external: never inside an editor's request), its signal
    handlers and its line in the delivery status. Called once from the app's `ready()`."""
    from content.outbox import Subscriber
    from content.outbox import register as register_subscriber
    from syndication.status import register_target

    from .mapping import TARGET
    from .sender import push_products
    from .signals import connect
    from .status import answer

    register_subscriber(Subscriber(TARGET, push_products, external=True))
    connect()
    register_target(answer)

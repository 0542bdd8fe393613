"""KISS: answer pages as VACs and product pages as kennisartikelen in an Objects API.

`vac` and `kennisartikel` map the content model to each object type's data; `plan` decides which
objects a page should have; `client` talks to the Objects API; `sender` is the outbox handler and
`kiss_sync`; `signals` queues a task on publish, unpublish and delete; `status` answers the
editor's "is this page in KISS, and if not, why not?". See docs/standards.md.
"""


def register() -> None:
    """The outbox subscriber, the signal handlers and the editor's status (from `ready()`)."""
    from content.outbox import Subscriber
    from content.outbox import register as register_subscriber

    from ..status import register_target
    from . import signals, status
    from .config import TARGET
    from .sender import push_batch

    register_subscriber(Subscriber(TARGET, push_batch, external=True))
    signals.connect()
    register_target(status.answer)

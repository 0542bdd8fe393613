"""The outbox every subscriber shares: written with the change, applied per subscriber, never lost."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from content.models import OutboxTask
from content.outbox import (
    BatchOutcome,
    Subscriber,
    apply_pending,
    enqueue,
    get_subscriber,
    outbox_status,
    prune_applied,
    register,
    unregister,
)


class FakeTarget:
    """A system behind a subscriber: records what reached it, and can be down."""

    def __init__(self, name, *, up=True, external=False, broken_ids=()):
        self.name, self.up, self.broken_ids = name, up, set(broken_ids)
        self.received: list[int] = []
        self.subscriber = Subscriber(name, self.apply, external=external)

    def apply(self, tasks):
        if not self.up:
            raise ConnectionError(f"{self.name} does not answer")
        broken = {t.pk: "weigert dit object" for t in tasks if t.object_id in self.broken_ids}
        self.received += [t.object_id for t in tasks if t.pk not in broken]
        return BatchOutcome(failed=broken)


@pytest.fixture
def make_target(settings):
    """Register test subscribers (none inline unless a test says so); unregistered afterwards."""
    settings.HUB_OUTBOX_INLINE = {}
    names = []

    def make(name, **options):
        target = FakeTarget(name, **options)
        register(target.subscriber)
        names.append(name)
        return target

    yield make
    for name in names:
        unregister(name)


def pending(name):
    return sorted(
        OutboxTask.objects.filter(subscriber=name, applied_at__isnull=True).values_list("object_id", flat=True)
    )


@pytest.mark.django_db
def test_a_rolled_back_change_leaves_no_task_and_applies_nothing(
    make_target, settings, django_capture_on_commit_callbacks
):
    catalogue = make_target("test-catalogue")
    settings.HUB_OUTBOX_INLINE = {"test-catalogue": True}
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            enqueue("test-catalogue", [11, 12], reason="published")
            raise RuntimeError("the publish failed after the task was written")
    assert OutboxTask.objects.count() == 0
    assert callbacks == [] and catalogue.received == []


@pytest.mark.django_db(transaction=True)
def test_tasks_exist_only_once_the_transaction_commits_and_inline_ones_apply_after_it(make_target, settings):
    catalogue = make_target("test-catalogue")
    settings.HUB_OUTBOX_INLINE = {"test-catalogue": True}
    with pytest.raises(RuntimeError), transaction.atomic():
        enqueue("test-catalogue", [11], reason="published")
        raise RuntimeError("rolled back")
    assert OutboxTask.objects.count() == 0 and catalogue.received == []

    with transaction.atomic():
        enqueue("test-catalogue", [12], reason="published")
        assert catalogue.received == []  # nothing reaches the target before the commit
    assert catalogue.received == [12]
    assert outbox_status()["test-catalogue"]["pending"] == 0


@pytest.mark.django_db
def test_a_failing_subscriber_retries_with_backoff_and_holds_up_no_other(make_target):
    index, push = make_target("test-index"), make_target("test-push", up=False)
    enqueue("test-index", [1, 2])
    enqueue("test-push", [1, 2])
    now = timezone.now()

    failed = apply_pending("test-push", now=now)
    assert (failed.applied, failed.failed) == (0, 2)
    assert "ConnectionError: test-push does not answer" in failed.errors[0]
    assert apply_pending("test-index", now=now).applied == 2
    assert index.received == [1, 2] and pending("test-index") == []

    task = OutboxTask.objects.get(subscriber="test-push", object_id=1)
    assert task.attempts == 1 and "does not answer" in task.last_error
    assert task.available_at == now + timedelta(seconds=2)
    assert apply_pending("test-push", now=now + timedelta(seconds=1)).failed == 0  # not due yet
    apply_pending("test-push", now=now + timedelta(seconds=2))
    task.refresh_from_db()
    assert task.attempts == 2 and task.available_at == now + timedelta(seconds=2 + 4)

    push.up = True
    assert apply_pending("test-push", now=now + timedelta(minutes=1)).applied == 2
    assert push.received == [1, 2] and pending("test-push") == []


@pytest.mark.django_db
def test_a_task_the_handler_rejects_is_retried_alone(make_target):
    catalogue = make_target("test-catalogue", broken_ids={2})
    enqueue("test-catalogue", [1, 2, 3])
    report = apply_pending("test-catalogue")
    assert (report.applied, report.failed) == (2, 1)
    assert catalogue.received == [1, 3] and pending("test-catalogue") == [2]
    assert OutboxTask.objects.get(object_id=2).last_error == "weigert dit object"


@pytest.mark.django_db
def test_status_is_reported_per_subscriber(make_target):
    make_target("test-index")
    make_target("test-push", up=False)
    enqueue("test-index", [1])
    enqueue("test-push", [1, 2])
    later = timezone.now() + timedelta(seconds=30)
    apply_pending("test-index", now=later)
    apply_pending("test-push", now=later)
    OutboxTask.objects.create(subscriber="test-gone", object_id=9)

    status = outbox_status(now=later)
    assert status["test-index"]["pending"] == 0 and status["test-index"]["last_applied"] == later
    assert status["test-push"]["pending"] == 2 and status["test-push"]["failed"] == 2
    assert status["test-push"]["lag_seconds"] >= 30 and status["test-push"]["last_applied"] is None
    # Tasks nobody applies any more are shown, not hidden.
    assert status["test-gone"]["pending"] == 1 and status["test-gone"]["registered"] is False


@pytest.mark.django_db
def test_an_external_push_is_never_applied_inline_even_when_the_setting_says_so(
    make_target, settings, django_capture_on_commit_callbacks
):
    index = make_target("test-index")
    push = make_target("test-push", external=True)
    settings.HUB_OUTBOX_INLINE = {"test-index": True, "test-push": True}
    with django_capture_on_commit_callbacks(execute=True):
        enqueue("test-index", [5], reason="published")
        enqueue("test-push", [5], reason="published")
        assert index.received == []
    assert index.received == [5] and pending("test-index") == []
    assert push.received == [] and pending("test-push") == [5]


@pytest.mark.django_db
def test_an_inline_failure_keeps_the_task_for_the_worker(make_target, settings, django_capture_on_commit_callbacks):
    make_target("test-index", up=False)
    settings.HUB_OUTBOX_INLINE = {"test-index": True}
    with django_capture_on_commit_callbacks(execute=True):
        enqueue("test-index", [5])
    assert pending("test-index") == [5]
    assert OutboxTask.objects.get().attempts == 1


@pytest.mark.django_db
def test_the_worker_applies_only_the_subscriber_it_is_given(make_target, capsys):
    index, catalogue = make_target("test-index"), make_target("test-catalogue")
    enqueue("test-index", [1, 2])
    enqueue("test-catalogue", [3])
    call_command("outbox_worker", "--once", "--subscriber", "test-index")
    out = capsys.readouterr().out
    assert index.received == [1, 2] and catalogue.received == []
    assert pending("test-catalogue") == [3]
    assert "test-index: applied 2, failed 0" in out and "test-catalogue" not in out


@pytest.mark.django_db
def test_the_worker_without_a_subscriber_applies_all_and_reports_the_failing_one(make_target, capsys):
    index = make_target("test-index")
    make_target("test-push", up=False)
    enqueue("test-index", [1])
    enqueue("test-push", [2])
    call_command("outbox_worker", "--once")
    out, err = capsys.readouterr()
    assert index.received == [1] and pending("test-push") == [2]
    assert "test-push: error (will retry): ConnectionError" in err
    assert "test-push: pending 1, failed 1" in out


@pytest.mark.django_db
def test_worker_status_prints_each_subscriber(make_target, capsys):
    make_target("test-index")
    enqueue("test-index", [1, 2])
    call_command("outbox_worker", "--status", "--subscriber", "test-index")
    assert "test-index: pending 2, failed 0" in capsys.readouterr().out
    assert pending("test-index") == [1, 2]  # --status applies nothing


def test_the_worker_refuses_an_unknown_subscriber():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="no-such-target"):
        call_command("outbox_worker", "--once", "--subscriber", "no-such-target")


@pytest.mark.django_db
def test_a_task_for_an_unknown_subscriber_is_refused():
    with pytest.raises(LookupError, match="test-typo"):
        enqueue("test-typo", [1])
    assert OutboxTask.objects.count() == 0


@pytest.mark.django_db
def test_pruning_forgets_old_applied_tasks_but_never_a_pending_one(make_target):
    make_target("test-index")
    make_target("test-push", up=False)
    enqueue("test-index", [1])
    enqueue("test-push", [2])
    long_ago = timezone.now() - timedelta(days=30)
    OutboxTask.objects.update(created_at=long_ago, available_at=long_ago)
    apply_pending("test-index", now=long_ago)
    apply_pending("test-push", now=long_ago)
    assert prune_applied() == 1
    assert pending("test-push") == [2] and not OutboxTask.objects.filter(subscriber="test-index").exists()


def test_the_search_index_is_a_registered_subscriber_applied_inline_in_tests():
    search = get_subscriber("search")
    assert search.external is False and search.applies_inline()


@pytest.mark.django_db(transaction=True)
def test_the_migration_carries_index_tasks_into_the_outbox():
    before, after = [("search", "0004_head_vector")], [("search", "0005_index_tasks_in_the_shared_outbox")]
    queued_at = timezone.now() - timedelta(hours=2)
    executor = MigrationExecutor(connection)
    try:
        executor.migrate(before)
        old_task = executor.loader.project_state(before).apps.get_model("search", "IndexTask")
        old_task.objects.create(
            page_id=42,
            action="delete",
            reason="unpublished",
            created_at=queued_at,
            available_at=queued_at,
            attempts=3,
            last_error="ConnectionError: down",
        )
        old_task.objects.create(page_id=7, action="index", reason="published", applied_at=queued_at)
        MigrationExecutor(connection).migrate(after)
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())

    carried = OutboxTask.objects.get(subscriber="search", object_id=42)
    assert (carried.kind, carried.action, carried.reason) == ("page", OutboxTask.DELETE, "unpublished")
    assert (carried.attempts, carried.last_error, carried.created_at) == (3, "ConnectionError: down", queued_at)
    assert carried.applied_at is None
    assert OutboxTask.objects.get(subscriber="search", object_id=7).applied_at == queued_at
    status = outbox_status()["search"]
    assert (status["pending"], status["failed"]) == (1, 1)

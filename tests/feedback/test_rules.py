"""The rules of feedback/ without the API: cleaning, the resident's address, retention, who
sees which feedback, and the roles."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import RequestFactory, override_settings
from django.utils import timezone

from feedback.cleaning import CommentTooLong, clean_comment, plain_text
from feedback.throttle import resident_address

from .conftest import make_feedback


def test_a_comment_is_cleaned_and_masked():
    assert clean_comment("  Bel  06-12345678\n\n\n\nals\tu wilt ") == ("Bel [nummer]\n\nals u wilt", True)
    assert clean_comment("Prima uitleg.") == ("Prima uitleg.", False)
    assert clean_comment(None) == ("", False)


def test_a_comment_over_the_limit_is_refused_whole():
    with pytest.raises(CommentTooLong):
        clean_comment("x" * 1001)


def test_plain_text_drops_control_and_bidi_characters():
    assert plain_text("a\x00b\x07c\u202ed\u2066e\u200bf") == "abcdef"


def _request(remote, forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().post("/graphql/", **extra)


@override_settings(HUB_FEEDBACK={"TRUSTED_FRONTENDS": ["10.1.0.0/16", "::1"]})
def test_the_forwarded_address_counts_only_from_a_trusted_front_end():
    assert resident_address(_request("10.1.2.3", "198.51.100.7")) == "198.51.100.7"
    # the last entry is the one the front-end added; earlier ones are whatever the resident sent
    assert resident_address(_request("10.1.2.3", "1.2.3.4, 198.51.100.7")) == "198.51.100.7"
    assert resident_address(_request("::1", "2001:db8::5")) == "2001:db8::5"
    assert resident_address(_request("203.0.113.9", "198.51.100.7")) == "203.0.113.9"
    assert resident_address(_request("10.1.2.3", "geen-adres")) == "10.1.2.3"
    assert resident_address(_request("10.1.2.3")) == "10.1.2.3"


@pytest.mark.django_db
def test_retention_empties_old_comments_and_keeps_the_rest(feedback_content, settings):
    settings.HUB_FEEDBACK = {**settings.HUB_FEEDBACK, "RETENTION_DAYS": 30}
    old = make_feedback(comment="oud", reply_note="gedaan", created_at=timezone.now() - timedelta(days=31))
    new = make_feedback(comment="nieuw", created_at=timezone.now() - timedelta(days=29))
    call_command("feedback_retention", "--dry-run", stdout=__import__("io").StringIO())
    old.refresh_from_db()
    assert old.comment == "oud"
    call_command("feedback_retention", stdout=__import__("io").StringIO())
    old.refresh_from_db()
    new.refresh_from_db()
    assert (old.comment, old.reply_note, old.helpful) == ("", "", False)
    assert old.comment_removed_at is not None
    assert new.comment == "nieuw"


@pytest.mark.django_db
def test_the_default_retention_is_twelve_months(settings):
    assert settings.HUB_FEEDBACK["RETENTION_DAYS"] == 365


@pytest.mark.django_db
def test_the_dashboard_gets_new_open_feedback_for_pages_or_a_team(feedback_content):
    from wagtail.models import Page

    from content.models import ProductPage
    from feedback.selection import feedback_for_pages, new_feedback_since

    since = timezone.now() - timedelta(days=7)
    fresh = make_feedback()
    make_feedback(created_at=timezone.now() - timedelta(days=8))
    make_feedback(status="afgehandeld")
    make_feedback(ref="product-parkeervergunning")
    paspoort = Page.objects.filter(pk=ProductPage.objects.get(ref="product-paspoort").pk)
    assert feedback_for_pages(paspoort).count() == 3
    assert list(new_feedback_since(paspoort, since)) == [fresh]
    from content.models import Team

    team = Team.objects.create(name="Team Feedback-test")
    assert list(new_feedback_since(team, since)) == []
    ProductPage.objects.filter(ref="product-paspoort").update(owner_team=team)
    assert list(new_feedback_since(team, since)) == [fresh]
    assert list(new_feedback_since(team.pk, since)) == [fresh]


@pytest.mark.django_db
def test_editors_handle_feedback_and_kcc_staff_only_send_it(feedback_content):
    from content.signals import ensure_roles
    from tests.conftest import make_role_users

    ensure_roles()
    users = make_role_users()
    for name in ("redacteur", "eindredacteur", "redacteur-verkeer"):
        assert users[name].has_perm("feedback.change_feedback"), name
        assert not users[name].has_perm("feedback.add_feedback"), name
    assert users["kcc"].has_perm("feedback.add_feedback")
    assert not users["kcc"].has_perm("feedback.view_feedback")


def test_a_trusted_front_end_that_is_no_address_is_reported_at_start_up(settings):
    from feedback.checks import check_trusted_frontends

    settings.HUB_FEEDBACK = {**settings.HUB_FEEDBACK, "TRUSTED_FRONTENDS": ["10.0.1.10", "website.local"]}
    assert [error.id for error in check_trusted_frontends()] == ["feedback.E001"]
    settings.HUB_FEEDBACK = {**settings.HUB_FEEDBACK, "TRUSTED_FRONTENDS": ["10.0.1.10", "fd00::/8"]}
    assert check_trusted_frontends() == []

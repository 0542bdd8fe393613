"""`send_review_reminders` against a real SMTP server (aiosmtpd, started here on loopback): one
plain-Dutch mail per team with pages due for review, at most once per team and ISO week, none
when there is nothing to say, and when the server is down an error in the log, nothing stored,
and the mail in the next run, once."""

import email
import email.policy
import logging
import socket
from datetime import date, timedelta

import pytest
from aiosmtpd.controller import Controller
from django.contrib.auth.models import User
from django.core.management import call_command
from django.core.management.base import CommandError

from content.models import ProductPage, Team
from quality.b1.analysis import analyze_text
from quality.models import ReviewReminder
from quality.reminders import SECTIONS, register_section
from tests.conftest import load_fixture

pytestmark = pytest.mark.django_db

MONDAY = date(2026, 12, 7)  # ISO week 2026-W50
FRIDAY = MONDAY + timedelta(days=4)
REFUSED = "@weigert.example"


class Inbox:
    """What reached the SMTP server; refuses recipients at REFUSED."""

    def __init__(self):
        self.mails = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.endswith(REFUSED):
            return "550 no such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.mails.append(
            {
                "from": message["From"],
                "to": sorted(envelope.rcpt_tos),
                "subject": message["Subject"],
                "body": message.get_body().get_content(),
            }
        )
        return "250 Message accepted for delivery"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp(settings):
    """A port for the mail server, and start()/stop() for a real SMTP server on it; the hub's
    settings point at it (as EMAIL_HOST/EMAIL_PORT would in production)."""

    class Server:
        port = _free_port()
        inbox = Inbox()
        controller = None

        def start(self):
            self.controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)
            self.controller.start()
            return self

        def stop(self):
            if self.controller is not None:
                self.controller.stop()
                self.controller = None

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", Server.port, 5
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.DEFAULT_FROM_EMAIL = "Contenthub <contenthub@example.org>"
    settings.WAGTAILADMIN_BASE_URL = "https://hub.example.org"
    server = Server()
    yield server
    server.stop()


@pytest.fixture
def pages(import_json):
    """Team Burgerzaken (an address of its own) and Team Afval (no address: its members) each
    own a page that is due; Team Parkeren's page is not due yet."""
    import_json(load_fixture("sites.json"))

    def item(ref, title, owner, review_date):
        return {
            "ref": ref,
            "type": "product",
            "site": "deventer",
            "parent": "/producten/",
            "title": title,
            "owner": owner,
            "review_date": review_date.isoformat(),
        }

    import_json(
        {
            "format": "hub-import/1",
            "items": [
                item("product-paspoort", "Paspoort aanvragen", "Team Burgerzaken", MONDAY - timedelta(days=4)),
                item("product-rijbewijs", "Rijbewijs verlengen", "Team Burgerzaken", MONDAY + timedelta(days=27)),
                item("product-container", "Container aanvragen", "Team Afval", MONDAY + timedelta(days=10)),
                item("product-parkeren", "Parkeervergunning", "Team Parkeren", MONDAY + timedelta(days=60)),
            ],
        }
    )
    Team.objects.filter(name="Team Burgerzaken").update(email="burgerzaken@example.org")
    afval = Team.objects.get(name="Team Afval")
    afval.members.add(
        User.objects.create(username="anna", email="anna@example.org"),
        User.objects.create(username="bram", email="bram@example.org", is_active=False),
        User.objects.create(username="cor"),
    )


def _run(day=MONDAY, *args):
    call_command("send_review_reminders", "--date", day.isoformat(), *args)


def test_each_team_with_due_pages_gets_one_mail_in_plain_dutch(smtp, pages):
    smtp.start()
    _run()
    mails = {tuple(m["to"]): m for m in smtp.inbox.mails}
    assert sorted(mails) == [("anna@example.org",), ("burgerzaken@example.org",)]
    burgerzaken = mails[("burgerzaken@example.org",)]
    assert burgerzaken["from"] == "Contenthub <contenthub@example.org>"
    assert burgerzaken["subject"] == "Pagina's van Team Burgerzaken om te controleren (week 50)"
    body = burgerzaken["body"]
    paspoort = ProductPage.objects.get(ref="product-paspoort")
    assert "Uw team heeft 2 pagina's om te controleren." in body
    assert "- Paspoort aanvragen: de datum was 3 december 2026. Die datum is voorbij." in body
    assert "- Rijbewijs verlengen: controleer de pagina voor 3 januari 2027." in body
    assert f"https://hub.example.org/admin/pages/{paspoort.pk}/edit/" in body
    assert body.index("Paspoort aanvragen") < body.index("Rijbewijs verlengen")  # earliest date first
    assert "Parkeervergunning" not in body and "Container" not in body
    assert "Uw team heeft 1 pagina om te controleren." in mails[("anna@example.org",)]["body"]
    assert sorted(ReviewReminder.objects.values_list("team__name", "week")) == [
        ("Team Afval", "2026-W50"),
        ("Team Burgerzaken", "2026-W50"),
    ]
    # The words we wrote (not the page titles and links) pass the hub's own B1 check.
    ours = "\n".join(line for line in body.splitlines() if not line.startswith(("-", " ")))
    report = analyze_text(ours)
    assert report["b1"] and not report["issues"], report["issues"]


def test_a_second_run_in_the_same_week_sends_nothing_and_the_next_week_sends_again(smtp, pages):
    smtp.start()
    _run(MONDAY)
    assert len(smtp.inbox.mails) == 2
    _run(FRIDAY)
    assert len(smtp.inbox.mails) == 2
    _run(MONDAY + timedelta(days=7))
    assert len(smtp.inbox.mails) == 4
    assert ReviewReminder.objects.filter(week="2026-W51").count() == 2


def test_nothing_is_sent_when_there_is_nothing_to_say(smtp, pages):
    smtp.start()
    ProductPage.objects.update(review_date=MONDAY + timedelta(days=31))
    _run()
    assert smtp.inbox.mails == []
    assert not ReviewReminder.objects.exists()


def test_when_the_mail_server_is_down_the_error_is_logged_and_the_next_run_sends_once(smtp, pages, caplog):
    with caplog.at_level(logging.ERROR, logger="quality.reminders"), pytest.raises(CommandError) as failed:
        _run()
    assert "Team Afval" in str(failed.value) and "Team Burgerzaken" in str(failed.value)
    assert any("cannot be reached" in r.getMessage() for r in caplog.records if r.levelno == logging.ERROR)
    assert not ReviewReminder.objects.exists()

    smtp.start()
    _run(FRIDAY)
    _run(FRIDAY)
    assert sorted(m["to"][0] for m in smtp.inbox.mails) == ["anna@example.org", "burgerzaken@example.org"]
    assert ReviewReminder.objects.count() == 2


def test_a_refused_address_fails_that_team_only(smtp, pages, caplog):
    smtp.start()
    Team.objects.filter(name="Team Burgerzaken").update(email=f"burgerzaken{REFUSED}")
    with caplog.at_level(logging.ERROR, logger="quality.reminders"), pytest.raises(CommandError):
        _run()
    assert [m["to"] for m in smtp.inbox.mails] == [["anna@example.org"]]
    assert list(ReviewReminder.objects.values_list("team__name", flat=True)) == ["Team Afval"]
    assert any("Team Burgerzaken" in r.getMessage() for r in caplog.records)


def test_a_team_without_any_address_is_logged_and_tried_again_later(smtp, pages, caplog):
    smtp.start()
    Team.objects.get(name="Team Afval").members.update(email="")
    with caplog.at_level(logging.WARNING, logger="quality.reminders"):
        _run()
    assert [m["to"] for m in smtp.inbox.mails] == [["burgerzaken@example.org"]]
    assert not ReviewReminder.objects.filter(team__name="Team Afval").exists()
    assert any("Team Afval" in r.getMessage() and "no address" in r.getMessage() for r in caplog.records)


@pytest.fixture
def extra_section():
    """A section as another package would add it (new feedback, say); removed afterwards."""
    seen = []

    def feedback_section(team, context):
        seen.append((team.name, context.week, context.since))
        return ["Er is 1 nieuwe reactie op een pagina van uw team."] if team.name == "Team Parkeren" else []

    before = list(SECTIONS)
    register_section(feedback_section)
    register_section(feedback_section)  # once, however often
    yield seen
    SECTIONS[:] = before


def test_a_section_from_another_package_follows_the_due_pages_and_can_make_a_mail_alone(smtp, pages, extra_section):
    smtp.start()
    _run()
    by_team = {m["subject"].split(" van ")[1].split(" om ")[0]: m["body"] for m in smtp.inbox.mails}
    assert sorted(by_team) == ["Team Afval", "Team Burgerzaken"]  # Team Parkeren: no address
    Team.objects.filter(name="Team Parkeren").update(email="parkeren@example.org")
    _run()
    parkeren = [m for m in smtp.inbox.mails if m["to"] == ["parkeren@example.org"]]
    assert len(parkeren) == 1
    assert "Er is 1 nieuwe reactie op een pagina van uw team." in parkeren[0]["body"]
    assert "om te controleren." not in parkeren[0]["body"]
    assert {name for name, _, _ in extra_section} >= {"Team Afval", "Team Burgerzaken", "Team Parkeren"}


def test_a_dry_run_prints_the_mails_and_sends_or_stores_nothing(smtp, pages, capsys):
    smtp.start()
    _run(MONDAY, "--dry-run")
    out = capsys.readouterr().out
    assert "To: burgerzaken@example.org" in out and "Paspoort aanvragen" in out
    assert "Dry run: 2 mail(s) shown above; nothing was sent or stored." in out
    assert smtp.inbox.mails == [] and not ReviewReminder.objects.exists()


def test_a_bad_date_is_a_clear_error():
    with pytest.raises(CommandError, match="not a date like"):
        call_command("send_review_reminders", "--date", "volgende week")


def test_new_feedback_on_the_teams_pages_is_in_the_mail_without_personal_data(smtp, pages):
    from tests.feedback.conftest import make_feedback

    Team.objects.filter(name="Team Parkeren").update(email="parkeren@example.org")
    make_feedback("product-parkeren", helpful=False, comment="De prijs klopt niet. Bel mij op [telefoonnummer].")
    smtp.start()
    _run()
    parkeren = [m for m in smtp.inbox.mails if m["to"] == ["parkeren@example.org"]]
    assert len(parkeren) == 1  # no page due, but new feedback: a mail
    body = parkeren[0]["body"]
    assert "Er is 1 nieuwe reactie op pagina's van uw team." in body
    assert "- Parkeervergunning (Inwoner, niet nuttig): De prijs klopt niet." in body
    assert "/admin/feedback/" in body
    _run(MONDAY + timedelta(days=7))  # the next week: that feedback is not new any more
    assert len([m for m in smtp.inbox.mails if m["to"] == ["parkeren@example.org"]]) == 1


def test_the_last_quality_run_of_the_teams_pages_is_in_the_mail(smtp, pages):
    from content.models import SiteConfig
    from quality.content_checks.runner import check_site

    Team.objects.filter(name="Team Parkeren").update(email="parkeren@example.org")
    check_site(SiteConfig.objects.get(key="deventer"))  # the imported pages have no summary
    smtp.start()
    _run()
    body = next(m["body"] for m in smtp.inbox.mails if m["to"] == ["parkeren@example.org"])
    assert "De kwaliteitscontrole vond" in body and "op 1 pagina van uw team" in body
    assert "/admin/kwaliteit/?owner=Team+Parkeren" in body

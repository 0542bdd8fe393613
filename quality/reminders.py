"""The weekly review reminder: one mail per team that owns pages with something to say.

A mail is made of sections. A section is a callable `section(team, context) -> list[str]` that
returns the lines it has to say to the team, or an empty list; the first section lists the
team's pages that are due for review (`content.teams`). Another package adds a section with
`register_section` (for example new feedback since `context.since`). A team for which every
section is empty gets no mail.

`send_review_reminders` is run daily by a scheduler (`manage.py send_review_reminders`) and is
idempotent per team and ISO week: a mail that reached the mail server is stored as a
`ReviewReminder`, and a team that has one for this week is skipped. When the mail server is
down, the error is logged and nothing is stored, so the next run sends it; the team's row is
locked while its mail is sent, so two runs at once do not both send it.
"""

import logging
import smtplib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import Count, Max, Sum
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.http import urlencode

from content.languages import default_language, language_name, language_of
from content.models import Team
from content.teams import overdue_pages, review_date_passed
from feedback.selection import new_feedback_since

from .models import PageQuality, QualityRun, ReviewReminder

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReminderContext:
    """What a section may use besides the team."""

    today: date
    week: str  # ISO week, "2026-W49"
    since: datetime  # when this team's previous reminder was sent, or a week ago
    overdue_pages: list = field(default_factory=list)  # the team's pages due for review


Section = Callable[[Team, ReminderContext], list[str]]


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def admin_edit_url(page) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("wagtailadmin_pages:edit", args=[page.pk])


def _long_date(day: date) -> str:
    with translation.override("nl"):
        return formats.date_format(day, "j F Y")


def overdue_pages_section(team: Team, context: ReminderContext) -> list[str]:
    """The team's pages whose review date has passed or passes within 30 days."""
    pages = context.overdue_pages
    if not pages:
        return []
    count = "1 pagina" if len(pages) == 1 else f"{len(pages)} pagina's"
    lines = [
        f"Uw team heeft {count} om te controleren.",
        "Klopt de tekst nog? Pas de pagina dan aan. Of kies een nieuwe datum bij 'Controleren voor'.",
        "",
    ]
    for page in pages:
        title = page.title
        if language_of(page) != default_language():
            title = f"{title} ({language_name(language_of(page))})"
        when = _long_date(page.review_date)
        if review_date_passed(page, context.today):
            lines.append(f"- {title}: de datum was {when}. Die datum is voorbij.")
        else:
            lines.append(f"- {title}: controleer de pagina voor {when}.")
        lines.append(f"  {admin_edit_url(page)}")
    return lines


MAX_FEEDBACK_LINES = 5


def new_feedback_section(team: Team, context: ReminderContext) -> list[str]:
    """Open feedback from residents and KCC on the team's pages since the previous mail."""
    feedback = list(new_feedback_since(team, context.since).order_by("-created_at")[: MAX_FEEDBACK_LINES + 1])
    if not feedback:
        return []
    if len(feedback) > MAX_FEEDBACK_LINES:
        count = f"meer dan {MAX_FEEDBACK_LINES} nieuwe reacties"
    else:
        count = "1 nieuwe reactie" if len(feedback) == 1 else f"{len(feedback)} nieuwe reacties"
    lines = [f"Er is {count} op pagina's van uw team. Bekijk ze bij Feedback.", ""]
    for item in feedback[:MAX_FEEDBACK_LINES]:
        comment = f": {item.comment[:120]}" if item.comment else ""
        lines.append(f"- {item.page.title} ({item.get_kind_display()}, {item.answer_label.lower()}){comment}")
    lines.append(f"  {settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{reverse('feedback:index')}")
    return lines


def quality_section(team: Team, context: ReminderContext) -> list[str]:
    """Problems that the last complete quality run found on the team's pages (docs/quality.md)."""
    complete = QualityRun.objects.filter(status=QualityRun.COMPLETE, only="").order_by()
    last_runs = [row["last"] for row in complete.values("site").annotate(last=Max("pk"))]
    results = PageQuality.objects.filter(run_id__in=last_runs, owner_team=team.name, problem_count__gt=0)
    counted = results.aggregate(pages=Count("pk"), problems=Sum("problem_count"))
    if not counted["pages"]:
        return []
    pages = "1 pagina" if counted["pages"] == 1 else f"{counted['pages']} pagina's"
    link = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("hub_quality") + "?" + urlencode({"owner": team.name})
    return [
        f"De kwaliteitscontrole vond {counted['problems']} punten op {pages} van uw team, "
        "zoals kapotte links of afbeeldingen zonder alt-tekst. Hier ziet u ze:",
        f"  {link}",
    ]


SECTIONS: list[Section] = [overdue_pages_section, new_feedback_section, quality_section]


def register_section(section: Section) -> None:
    """Add a section to every reminder, after the ones already there (once, however often
    this is called: an app's ready() may run more than once in tests)."""
    if section not in SECTIONS:
        SECTIONS.append(section)


def compose(team: Team, context: ReminderContext, sections: list[Section] | None = None) -> EmailMessage | None:
    """The reminder for one team, or None when no section has anything to say."""
    parts = [lines for section in (SECTIONS if sections is None else sections) if (lines := section(team, context))]
    if not parts:
        return None
    week_number = int(context.week.rsplit("W", 1)[1])
    body = [f"Beste {team.name},", ""]
    for lines in parts:
        body += [*lines, ""]
    body += [
        "U krijgt deze mail één keer per week. U krijgt hem alleen als er iets te doen is.",
        "Deze mail komt van de contenthub van de gemeente.",
    ]
    return EmailMessage(
        subject=f"Pagina's van {team.name} om te controleren (week {week_number})",
        body="\n".join(body) + "\n",
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=team.recipients(),
    )


@dataclass
class ReminderOutcome:
    """Team names per result of one run."""

    sent: list[str] = field(default_factory=list)
    nothing_to_say: list[str] = field(default_factory=list)
    already_sent: list[str] = field(default_factory=list)
    no_address: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"{len(self.sent)} sent, {len(self.already_sent)} already sent this week, "
            f"{len(self.nothing_to_say)} with nothing to say, {len(self.no_address)} without an address, "
            f"{len(self.failed)} failed"
        )


# Errors that are not about one mail but about the server (or our account on it): the run stops.
SERVER_ERRORS = (
    smtplib.SMTPConnectError,
    smtplib.SMTPServerDisconnected,
    smtplib.SMTPHeloError,
    smtplib.SMTPAuthenticationError,
    smtplib.SMTPNotSupportedError,
)


class MailServerDown(Exception):
    """The mail server could not be reached; the rest of the run waits for the next one."""


def send_review_reminders(today: date | None = None, *, dry_run: bool = False, out=None) -> ReminderOutcome:
    """Send this week's reminders that were not sent yet. With `dry_run`, write them to `out`
    instead (nothing is sent or stored)."""
    today = today or timezone.localdate()
    week = iso_week(today)
    outcome = ReminderOutcome()
    done = set(ReviewReminder.objects.filter(week=week).values_list("team_id", flat=True))
    teams = list(Team.objects.prefetch_related("members").order_by("name"))
    outcome.already_sent = [t.name for t in teams if t.pk in done]
    teams = [t for t in teams if t.pk not in done]
    due = overdue_pages(teams, today)
    previous = _previous_reminders([t.pk for t in teams])
    a_week_ago = timezone.make_aware(datetime.combine(today - timedelta(days=7), time.min))
    server_down = False
    for team in teams:
        context = ReminderContext(today, week, previous.get(team.pk, a_week_ago), due[team.pk])
        message = compose(team, context)
        if message is None:
            outcome.nothing_to_say.append(team.name)
        elif not message.to:
            logger.warning("Review reminder for %s not sent: the team has no address and no member with one.", team)
            outcome.no_address.append(team.name)
        elif dry_run:
            (out.write if out else logger.info)(_as_text(message))
            outcome.sent.append(team.name)
        elif server_down:
            outcome.failed.append(team.name)
        else:
            try:
                sent = _send_once(team, week, message)
            except MailServerDown:
                server_down = True
                outcome.failed.append(team.name)
            except smtplib.SMTPException as exc:
                logger.error("Review reminder for %s (%s) not sent: %s", team, week, exc)
                outcome.failed.append(team.name)
            else:
                (outcome.sent if sent else outcome.already_sent).append(team.name)
    if server_down:
        logger.error(
            "Review reminders for %s not sent: the mail server cannot be reached. The next run sends them.",
            ", ".join(outcome.failed),
        )
    return outcome


def _send_once(team: Team, week: str, message: EmailMessage) -> bool:
    """Send and record in one transaction, holding the team's row; False when another run
    recorded it first. Nothing is recorded when sending fails."""
    with transaction.atomic():
        Team.objects.select_for_update().filter(pk=team.pk).first()
        if ReviewReminder.objects.filter(team=team, week=week).exists():
            return False
        try:
            get_connection(fail_silently=False).send_messages([message])
        except SERVER_ERRORS as exc:
            logger.error("Mail server error while sending the review reminder for %s: %s", team, exc)
            raise MailServerDown from exc
        except smtplib.SMTPException:
            raise
        except OSError as exc:  # refused, unreachable, timed out
            logger.error("Mail server error while sending the review reminder for %s: %s", team, exc)
            raise MailServerDown from exc
        ReviewReminder.objects.create(team=team, week=week, recipients=", ".join(message.to))
    return True


def _previous_reminders(team_ids: list[int]) -> dict[int, datetime]:
    rows = ReviewReminder.objects.filter(team_id__in=team_ids).values("team_id").annotate(latest=Max("sent_at"))
    return {row["team_id"]: row["latest"] for row in rows}


def _as_text(message: EmailMessage) -> str:
    return f"To: {', '.join(message.to)}\nSubject: {message.subject}\n\n{message.body}\n"

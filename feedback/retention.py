"""How long comments are kept (AVG): HUB_FEEDBACK["RETENTION_DAYS"], default 365.

After that the comment and the reply note are emptied; what is left (page, date, yes/no or the
KCC verdict, status) holds no free text and still counts in reports.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from .models import Feedback


def retention_cutoff(now=None):
    return (now or timezone.now()) - timedelta(days=settings.HUB_FEEDBACK["RETENTION_DAYS"])


def expired_comments(now=None):
    """Feedback older than the retention period that still has a comment or a reply note."""
    return Feedback.objects.filter(created_at__lt=retention_cutoff(now)).filter(~Q(comment="") | ~Q(reply_note=""))


def delete_expired_comments(now=None) -> int:
    """Empty the comments and reply notes past the retention period; returns how many items."""
    now = now or timezone.now()
    return expired_comments(now).update(comment="", reply_note="", comment_removed_at=now)

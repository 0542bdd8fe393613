from datetime import UTC, timedelta

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_safe


@require_safe
def security_txt(request):
    """/.well-known/security.txt (RFC 9116): where to report a vulnerability, until when this holds."""
    expires = timezone.now().replace(microsecond=0) + timedelta(days=settings.HUB_SECURITY_TXT_DAYS)
    lines = [f"Contact: {contact}" for contact in settings.HUB_SECURITY_CONTACT]
    lines.append(f"Expires: {expires.astimezone(UTC).strftime('%Y-%m-%dT%H:%M:%SZ')}")
    lines.append("Preferred-Languages: nl, en")
    lines.append(f"Canonical: {request.build_absolute_uri('/.well-known/security.txt')}")
    if settings.HUB_SECURITY_POLICY_URL:
        lines.append(f"Policy: {settings.HUB_SECURITY_POLICY_URL}")
    response = HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = "public, max-age=86400"
    return response

"""Statements every government website publishes: /.well-known/security.txt (RFC 9116) and the
accessibility statement (toegankelijkheidsverklaring), both on the Dutch lists of required
standards (docs/security.md)."""

from datetime import UTC, timedelta

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe


@require_safe
def security_txt(request):
    expires = timezone.now().replace(microsecond=0) + timedelta(days=settings.FRONTEND_SECURITY_TXT_DAYS)
    lines = [f"Contact: {contact}" for contact in settings.FRONTEND_SECURITY_CONTACT]
    lines.append(f"Expires: {expires.astimezone(UTC).strftime('%Y-%m-%dT%H:%M:%SZ')}")
    lines.append("Preferred-Languages: nl, en")
    lines.append(f"Canonical: {request.build_absolute_uri('/.well-known/security.txt')}")
    if settings.FRONTEND_SECURITY_POLICY_URL:
        lines.append(f"Policy: {settings.FRONTEND_SECURITY_POLICY_URL}")
    response = HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = "public, max-age=86400"
    return response


@require_safe
def accessibility_statement(request):
    context = {
        "page": {"title": "Toegankelijkheidsverklaring", "language": "nl"},
        "statement": settings.FRONTEND_ACCESSIBILITY,
        "base_template": f"frontend_sites/{'kcc/' if settings.FRONTEND_KIND == 'kcc' else ''}base.html",
    }
    return render(request, "frontend_sites/accessibility_statement.html", context)

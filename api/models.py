"""Stored state of the API: the KCC console's sign-ins (api/console/, docs/security.md)."""

from django.conf import settings
from django.db import models
from wagtail.models import APIToken


class ConsoleSignIn(models.Model):
    """One sign-in of a staff member to the KCC console through the hub.

    It starts as a one-time code (short-lived, single use, bound to the console's return URL);
    the console exchanges the code for a short-lived staff API token (a Wagtail APIToken) and a
    refresh token. Refreshing replaces both; signing out revokes them. Only hashes are stored.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    return_url = models.URLField(max_length=500)
    code_hash = models.CharField(max_length=64, unique=True)
    code_expires_at = models.DateTimeField()
    code_used_at = models.DateTimeField(null=True, blank=True)
    api_token = models.OneToOneField(
        APIToken, null=True, blank=True, on_delete=models.SET_NULL, related_name="console_sign_in"
    )
    token_expires_at = models.DateTimeField(null=True, blank=True)
    refresh_hash = models.CharField(max_length=64, null=True, blank=True, unique=True)
    refresh_expires_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "aanmelding KCC-console"
        verbose_name_plural = "aanmeldingen KCC-console"

    def __str__(self):
        return f"{self.user} ({self.created_at:%Y-%m-%d %H:%M})"

from django import forms
from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from wagtail.admin.panels import FieldPanel


class TeamQuerySet(models.QuerySet):
    def named(self, name: str):
        """The team with this name, whatever its capitals and surrounding spaces."""
        return self.filter(name__iexact=(name or "").strip())


class Team(models.Model):
    """The owner of pages: a team of the gemeente with an address and members. Reminders,
    feedback and the quality report go to the team, not to the person who made the page
    (that is Wagtail's own `Page.owner`)."""

    name = models.CharField("naam", max_length=100, help_text="Bijvoorbeeld 'Team Burgerzaken'.")
    email = models.EmailField(
        "e-mailadres",
        blank=True,
        help_text="Het adres van het team. Is er geen adres? Dan krijgen de leden de mail zelf.",
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="teams",
        verbose_name="leden",
        help_text="De medewerkers van het team.",
    )

    objects = TeamQuerySet.as_manager()

    panels = [FieldPanel("name"), FieldPanel("email"), FieldPanel("members", widget=forms.CheckboxSelectMultiple)]

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                name="content_team_name_unique",
                violation_error_message="Er is al een team met deze naam.",
            )
        ]
        verbose_name = "team"
        verbose_name_plural = "teams"

    def __str__(self) -> str:
        return self.name

    def recipients(self) -> list[str]:
        """Where mail for the team goes: its own address, or else its active members' addresses."""
        if self.email:
            return [self.email]
        return sorted({m.email for m in self.members.all() if m.is_active and m.email})

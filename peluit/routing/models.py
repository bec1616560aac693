"""Receiving teams and the rules that send each report to one of them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Concerns(models.TextChoices):
    """What the reporter says the report is about, for routing only."""

    OTHER = "other", _("Neither")
    INSPECTORATE = "inspectorate", _("The Inspectorate itself")
    REGIONAL_HEAD = "regional_head", _("The Mayor or the Mayor's office")


class Team(models.Model):
    name = models.CharField(_("name"), max_length=150, unique=True)
    # The alternate team receives reports about the Inspectorate or the
    # head of the region, which the Inspectorate must not handle itself.
    is_alternate = models.BooleanField(_("alternate team"), default=False)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="teams", blank=True
    )

    class Meta:
        ordering = ["is_alternate", "name"]

    def __str__(self) -> str:
        return self.name


class Rule(models.Model):
    concerns = models.CharField(
        _("when the report concerns"),
        max_length=32,
        choices=Concerns.choices,
        unique=True,
    )
    team = models.ForeignKey(Team, on_delete=models.PROTECT, verbose_name=_("team"))
    # Moving a case to this status gives the team's legal advisors a copy.
    legal_advisors_join_at = models.CharField(
        _("legal advisors join at status"), max_length=32, blank=True
    )

    def __str__(self) -> str:
        return f"{self.concerns} -> {self.team}"


class Alert(models.Model):
    """Something administrators must act on, shown on their pages until
    resolved. Never holds report content."""

    class Kind(models.TextChoices):
        NO_READER = "no_reader", _("A report was filed that no active handler can read")
        OVERDUE = (
            "overdue",
            _(
                "A case has missed a deadline for more than a week: bring in the "
                "alternate team"
            ),
        )

    kind = models.CharField(max_length=32, choices=Kind.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    case_number = models.CharField(max_length=16, blank=True)
    resolved_at = models.DateTimeField(null=True)

    class Meta:
        ordering = ["-created_at"]

"""How long the organisation gives itself to answer a reporter, and the
days off that the national holiday list leaves out."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    ACKNOWLEDGE = "acknowledge", _("Acknowledge the reporter")
    FIRST_FEEDBACK = "first_feedback", _("First substantive feedback")
    OUTCOME = "outcome", _("Feedback on the outcome")


class Unit(models.TextChoices):
    CALENDAR_DAYS = "calendar_days", _("calendar days")
    WORKING_DAYS = "working_days", _("working days")
    CALENDAR_MONTHS = "calendar_months", _("calendar months")


class ExtraHoliday(models.Model):
    """A day off that administrators add, such as cuti bersama, which the
    government announces each year and the national list does not hold."""

    date = models.DateField(_("date"), unique=True)
    name_id = models.CharField(_("name (Indonesian)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100)

    class Meta:
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date.isoformat()} {self.name}"

    @property
    def name(self) -> str:
        return self.name_en if get_language() == "en" else self.name_id


class DeadlinePolicy(models.Model):
    """One row per kind of deadline, so administrators can follow their own
    regulation without a code change."""

    kind = models.CharField(
        _("kind of deadline"), max_length=32, choices=Kind.choices, unique=True
    )
    amount = models.PositiveIntegerField(_("amount"))
    unit = models.CharField(_("unit"), max_length=32, choices=Unit.choices)

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.amount} {self.get_unit_display()}"


class Escalation(models.Model):
    """A missed deadline raised to the next level, once per level: first to
    the supervisors, then beyond the team. Kept so a restart never raises
    the same thing twice."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE)
    kind = models.CharField(max_length=32, choices=Kind.choices)
    level = models.PositiveSmallIntegerField()
    at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["case", "kind", "level"], name="escalated_once_per_level"
            )
        ]

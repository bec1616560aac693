import importlib

from django.apps import apps as django_apps

from peluit.deadlines.models import DeadlinePolicy, Kind, Unit

defaults = importlib.import_module(
    "peluit.deadlines.migrations.0002_default_deadline_policies"
)


def _policies() -> dict[str, tuple[int, str]]:
    return {p.kind: (p.amount, p.unit) for p in DeadlinePolicy.objects.all()}


def test_the_migrations_install_the_common_deadlines(db):
    assert _policies() == {
        Kind.ACKNOWLEDGE: (7, Unit.CALENDAR_DAYS),
        Kind.FIRST_FEEDBACK: (30, Unit.CALENDAR_DAYS),
        Kind.OUTCOME: (3, Unit.CALENDAR_MONTHS),
    }


def test_running_the_defaults_again_keeps_an_administrators_change(db):
    DeadlinePolicy.objects.filter(kind=Kind.ACKNOWLEDGE).update(
        amount=5, unit=Unit.WORKING_DAYS
    )

    defaults.add_defaults(django_apps, None)

    assert DeadlinePolicy.objects.count() == 3
    assert _policies()[Kind.ACKNOWLEDGE] == (5, Unit.WORKING_DAYS)


def test_the_defaults_return_after_the_table_is_emptied(db):
    DeadlinePolicy.objects.all().delete()

    defaults.add_defaults(django_apps, None)

    assert _policies()[Kind.OUTCOME] == (3, Unit.CALENDAR_MONTHS)

"""Grants a staff member access again, with the offline recovery key.

For someone who lost their password and activated a new key pair: every
case they could read before is sealed to their new key. The shares are
read from standard input, one a line, and exist only in this process.
"""

import sys

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from peluit.accounts import services
from peluit.accounts.models import User
from peluit.accounts.roles import CONTENT_ROLES
from peluit.audit import trail
from peluit.cases import identity
from peluit.cases import keys as case_keys
from peluit.cases.models import Case, CaseAccess
from peluit.vault import recovery
from peluit.vault.models import RecoveryKey


class Command(BaseCommand):
    help = "Re-grant a staff member's lost case access using the recovery shares."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument(
            "--case", action="append", default=[], help="Also grant this case number."
        )

    def handle(self, *args, username: str, case: list[str], **options):
        user = User.objects.filter(username=username, is_active=True).first()
        if user is None or user.public_key is None:
            raise CommandError("No active, activated account with that username.")
        if not user.grants.filter(role__in=CONTENT_ROLES).exists():
            raise CommandError("That account holds no role that reads reports.")

        shares = [line.strip() for line in sys.stdin if line.strip()]
        matched = self._matching_keys(shares)
        if not matched:
            raise CommandError("These shares do not form a recovery key of this site.")

        services.confirm_by_recovery(user)
        granted = sum(
            self._grant(user, private, record, case) for record, private in matched
        )
        self.stdout.write(f"Granted {granted} case(s) to {username}.")

    def _matching_keys(self, shares):
        matched = []
        for record in RecoveryKey.objects.all():
            try:
                matched.append(
                    (record, recovery.combine(shares, bytes(record.public_key)))
                )
            except recovery.BadShares:
                continue
        return matched

    def _grant(self, user, private, key_record, extra_numbers) -> int:
        lost = CaseAccess.objects.filter(user=user, sealed_key__isnull=True)
        cases = Case.objects.filter(recovery_key=key_record).filter(
            pk__in=lost.values("case")
        ) | Case.objects.filter(recovery_key=key_record, number__in=extra_numbers)

        count = 0
        for case in cases.distinct():
            try:
                with transaction.atomic():
                    key = case_keys.open_with_recovery(case, private)
                    case_keys.grant(case, key, user)
                    identity.regrant_custody(case, user, private)
            except case_keys.NoAccess:
                # Excluded from this case: the recovery key does not
                # override a conflict of interest.
                self.stdout.write(f"Skipped {case.number}: excluded from it.")
                continue
            trail.record(
                "case.regrant", actor_id=None, case_id=case.pk, target_id=user.pk
            )
            count += 1
        return count

"""Creates the organisation's recovery key and prints it as shares.

Run it once, with the officials who will each keep one share present.
The private key is printed as shares and then forgotten: the server keeps
only the public half, to which every new case is sealed.
"""

from django.core.management.base import BaseCommand, CommandError
from nacl.public import PrivateKey

from peluit.vault import recovery
from peluit.vault.models import RecoveryKey


class Command(BaseCommand):
    help = "Create the recovery key; print its shares once; keep the public half."

    def add_arguments(self, parser):
        parser.add_argument("--shares", type=int, default=3)
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Start a new recovery key; cases sealed to the old one keep it.",
        )

    def handle(self, *args, shares: int, replace: bool, **options):
        if shares < 2:
            raise CommandError("Use at least two shares.")
        if RecoveryKey.current() and not replace:
            raise CommandError(
                "A recovery key exists. Use --replace to start a new one."
            )

        private = PrivateKey.generate()
        RecoveryKey.objects.create(public_key=bytes(private.public_key), shares=shares)

        self.stdout.write(
            f"Recovery key created. Print these {shares} shares and give each to a "
            "different official. All of them are needed together; none is stored."
        )
        for number, share in enumerate(recovery.split(private, shares), 1):
            self.stdout.write(f"share {number}: {share}")

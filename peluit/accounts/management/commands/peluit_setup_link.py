"""Prints the one-time link that creates the first administrator.

The link goes to this console only: there is no default password, and
whoever can read the server's console is already trusted with it.
"""

from django.core.management.base import BaseCommand

from peluit.accounts.services import first_setup_link
from peluit.staff.links import absolute_activation_url


class Command(BaseCommand):
    help = "Print a one-time setup link while no administrator exists."

    def handle(self, *args, **options):
        token = first_setup_link()
        if token is None:
            self.stdout.write("An administrator exists; no setup link needed.")
            return

        url = absolute_activation_url(token)
        self.stdout.write("")
        self.stdout.write("  First start: create the administrator account here")
        self.stdout.write("  (valid for 3 days, usable once):")
        self.stdout.write(f"  {url}")
        self.stdout.write("")

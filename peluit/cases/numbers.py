"""Case numbers staff use to refer to a case."""

import secrets

from peluit.cases.models import Case

# No 0/O, 1/I/L: numbers are read aloud and copied by hand.
_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def new_case_number() -> str:
    while True:
        body = "".join(secrets.choice(_ALPHABET) for _ in range(8))
        number = f"{body[:4]}-{body[4:]}"
        if not Case.objects.filter(number=number).exists():
            return number

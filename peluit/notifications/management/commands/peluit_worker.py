"""Runs Peluit's periodic jobs, such as sending due e-mail notices, every
``--interval`` seconds until stopped; ``--once`` runs one round and exits,
for tests and for cron.

Why an outbox table and this loop rather than a task queue library:

- The outbox rows are written in the same database transaction as the
  action that causes them. A rolled-back action sends nothing, and a
  committed one cannot be lost between the database and a broker.
- The outbox is durable and inspectable: administrators see on their
  status page which notices failed and why, without a broker's tools.
- Retrying with exponential backoff is two columns (``attempts`` and
  ``next_attempt_at``), not queue configuration.
- It is one more process beside gunicorn, with no broker to install,
  secure, back up and monitor on the single machine Peluit runs on.
"""

import logging
import signal
import threading
from collections.abc import Callable
from types import FrameType
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import close_old_connections
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

# Dotted paths of callables taking no arguments, run in this order each
# round.
JOBS = (
    "peluit.deadlines.escalation.check_all",
    "peluit.notifications.outbox.deliver_due",
)

Job = tuple[str, Callable[[], object]]


class Command(BaseCommand):
    help = "Run Peluit's periodic jobs (e-mail notices) until stopped."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--interval", type=float, default=30, help="seconds between rounds"
        )
        parser.add_argument(
            "--once", action="store_true", help="run one round, then exit"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        interval: float = options["interval"]
        if interval <= 0:
            raise CommandError("--interval must be more than 0 seconds")
        jobs = [(path, import_string(path)) for path in JOBS]

        if options["once"]:
            run_round(jobs)
            return

        stop = _stop_on_signals()
        logger.info("worker started")
        while not stop.is_set():
            # As Django does around each request: a connection the database
            # has dropped (a restart, say) is replaced instead of failing
            # every round from then on.
            close_old_connections()
            run_round(jobs)
            stop.wait(interval)
        logger.info("worker stopped")


def run_round(jobs: list[Job]) -> None:
    for path, job in jobs:
        try:
            job()
        except Exception as error:
            # The class only: an exception's message can quote anything,
            # a report's text included. The next round tries again.
            logger.error("job %s failed: %s", path, type(error).__name__)


def _stop_on_signals() -> threading.Event:
    """SIGTERM (and Ctrl-C, when run in a terminal) ends the loop once the
    current round is done, so no notice is left half sent. A round is
    short: sending stops at the first sign that the relay is unusable."""
    stop = threading.Event()

    def handler(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, handler)
    # A shell starts background jobs with Ctrl-C ignored, leaving it to the
    # parent to stop them (see the Makefile's run target); keep it so.
    if signal.getsignal(signal.SIGINT) is not signal.SIG_IGN:
        signal.signal(signal.SIGINT, handler)
    return stop

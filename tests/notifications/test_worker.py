"""The worker runs its jobs each round, survives a failing one, and stops
cleanly when told to."""

import logging
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from django.core.management import call_command

from peluit.notifications import outbox
from peluit.notifications.management.commands import peluit_worker
from peluit.notifications.models import Kind, Notice
from tests.notifications.conftest import HANA_ADDRESS

PROJECT = Path(__file__).resolve().parents[2]


def explode() -> None:
    raise RuntimeError("Biaya tambahan untuk percepatan izin PBG")


def test_one_round_delivers_the_due_notices(relay, hana_with_address):
    outbox.notify([hana_with_address], Kind.NEW_CASE, "2026-0001")

    call_command("peluit_worker", "--once")

    assert [recipients for recipients, _ in relay.received] == [[HANA_ADDRESS]]
    assert Notice.objects.get().sent_at is not None


def test_a_failing_job_is_logged_by_class_and_the_round_goes_on(
    relay, hana_with_address, monkeypatch, caplog
):
    failing = f"{__name__}.explode"
    monkeypatch.setattr(peluit_worker, "JOBS", (failing, *peluit_worker.JOBS))
    outbox.notify([hana_with_address], Kind.NEW_CASE, "2026-0001")

    with caplog.at_level(logging.ERROR, logger="peluit.notifications"):
        call_command("peluit_worker", "--once")

    assert f"job {failing} failed: RuntimeError" in caplog.text
    assert "Biaya" not in caplog.text
    assert len(relay.received) == 1


def test_the_loop_keeps_going_after_errors_and_stops_on_sigterm(tmp_path):
    # A database without tables: every round fails, and the loop goes on.
    log = tmp_path / "worker.log"
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "peluit.settings",
        "PELUIT_DATA_DIR": str(tmp_path),
        "PELUIT_SECRETS_DIR": str(tmp_path / "secrets"),
    }
    command = [sys.executable, "manage.py", "peluit_worker", "--interval", "0.2"]
    with log.open("w") as output:
        worker = subprocess.Popen(
            command, cwd=PROJECT, env=environment, stderr=output, stdout=output
        )
        try:
            _wait_for(lambda: log.read_text().count("failed: OperationalError") >= 2)
            worker.send_signal(signal.SIGTERM)
            assert worker.wait(timeout=10) == 0
        finally:
            worker.kill()

    assert "worker stopped" in log.read_text()
    assert "Traceback" not in log.read_text()


def _wait_for(condition, seconds: float = 20) -> None:
    # Waiting on another process: there is no clock to freeze.
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the worker did not get that far"
        time.sleep(0.05)

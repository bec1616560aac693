"""Upload throughput, memory and latency of Peluit's real HTTP path.

Starts the production server (gunicorn, one worker) on 127.0.0.1 with a
throwaway data folder and the production Argon2 parameters, then prints:

- MB/s of a 1 GiB evidence upload through the report form (encrypted as it
  streams; files over the cleaning limit are stored as sent);
- MB/s of the same upload into an endpoint of the same server that only
  discards the bytes: the ceiling of the HTTP path;
- the raw rate of the cipher alone (secretstream XChaCha20-Poly1305);
- the worker's peak RSS growth during the upload;
- submission latency and receipt sign-in latency.

Usage: .venv/bin/python bench/upload_throughput.py [--mib 1024]
"""

import argparse
import http.client
import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
PIECE = os.urandom(1024 * 1024)
ROUNDS = 3


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mib", type=int, default=1024)
    parser.add_argument(
        "--data-parent",
        default=None,
        help="where the throwaway data folder goes, e.g. /dev/shm to take the "
        "disk out of the measurement",
    )
    args = parser.parse_args()

    data_dir = Path(tempfile.mkdtemp(prefix="peluit-bench-", dir=args.data_parent))
    print(f"data folder: {data_dir}")
    port = free_port()
    env = {
        **os.environ,
        "PELUIT_DATA_DIR": str(data_dir),
        "PELUIT_BENCH_ENDPOINTS": "1",
        "PELUIT_SITE_URL": f"http://127.0.0.1:{port}",
        "DJANGO_SETTINGS_MODULE": "peluit.settings",
    }
    try:
        prepare(env)
        server = start_server(env, port)
        try:
            run(port, server, args.mib, data_dir)
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


def run(port: int, server: subprocess.Popen, mib: int, data_dir: Path) -> None:
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print(f"cipher alone: {cipher_rate():.0f} MB/s (secretstream, 64 KiB chunks)")
    print(
        f"disk, durable write of {mib} MiB with fsync: "
        f"{disk_rate(data_dir, mib):.0f} MB/s"
    )

    worker = worker_pid(server.pid)
    size = mib * 1024 * 1024
    discard, report, growth = [], [], []
    # Alternating runs, medians reported: the two processes share two cores
    # with the sender, so single runs vary by a fifth or more.
    for _ in range(ROUNDS):
        discard.append(timed_upload(port, "/bench/discard/", {}, size, worker)[0])
        fields, cookie = form_fields(port)
        rate, grew = timed_upload(port, "/lapor/", fields, size, worker, cookie)
        report.append(rate)
        growth.append(grew)
    ceiling, achieved = statistics.median(discard), statistics.median(report)
    print(
        f"HTTP ceiling (discard endpoint), median of {ROUNDS}: {ceiling:.0f} MB/s "
        f"(runs: {', '.join(f'{r:.0f}' for r in discard)})"
    )
    print(
        f"report upload of {mib} MiB, median of {ROUNDS}: {achieved:.0f} MB/s "
        f"(runs: {', '.join(f'{r:.0f}' for r in report)}) = "
        f"{100 * achieved / ceiling:.0f}% of the ceiling"
    )
    print(
        f"worker peak RSS growth during an upload, largest: {max(growth) / 1e6:.1f} MB"
    )

    submit, receipts = submission_latency(port)
    print(
        f"submission latency (no files), median of {len(submit)}: "
        f"{statistics.median(submit) * 1000:.0f} ms"
    )
    login = [receipt_login(port, receipt) for receipt in receipts]
    print(
        f"receipt sign-in latency, median of {len(login)}: "
        f"{statistics.median(login) * 1000:.0f} ms"
    )


def prepare(env: dict) -> None:
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "-v0"], env=env, check=True, cwd=ROOT)
    subprocess.run(
        [*manage, "migrate", "-v0", "--database", "audit"],
        env=env,
        check=True,
        cwd=ROOT,
    )
    subprocess.run(
        [*manage, "collectstatic", "--noinput", "-v0"], env=env, check=True, cwd=ROOT
    )
    # A handler, so that reports are sealed as in real use.
    subprocess.run(
        [*manage, "shell", "-c", CREATE_HANDLER],
        env=env,
        check=True,
        cwd=ROOT,
        capture_output=True,
    )


CREATE_HANDLER = """
from django.utils import timezone
from peluit.accounts.models import RoleGrant, User
from peluit.routing.models import Team
from peluit.vault import keypairs
user = User.objects.create(username="bench")
user.store_pair(keypairs.new_locked_pair("bench-password-123"))
user.set_password("bench-password-123")
user.save()
RoleGrant.objects.create(user=user, role="handler", confirmed_at=timezone.now())
user.teams.add(Team.objects.get(name="Inspektorat"))
"""


def start_server(env: dict, port: int) -> subprocess.Popen:
    command = [
        str(Path(sys.executable).parent / "gunicorn"),
        "peluit.wsgi:application",
        "--config",
        str(ROOT / "gunicorn.conf.py"),
        "--workers",
        "1",
        "--bind",
        f"127.0.0.1:{port}",
    ]
    server = subprocess.Popen(command, env=env, cwd=ROOT)
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return server
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("server did not start")


def worker_pid(master: int) -> int:
    for _ in range(50):
        children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
        if children:
            return int(children[0])
        time.sleep(0.1)
    raise RuntimeError("no worker process")


def rss(pid: int) -> tuple[int, int]:
    status = Path(f"/proc/{pid}/status").read_text()
    peak = int(re.search(r"VmHWM:\s+(\d+)", status).group(1)) * 1024
    now = int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) * 1024
    return peak, now


def disk_rate(folder: Path, mib: int) -> float:
    """The most any durable store of the file can reach on this disk."""
    path = folder / "disk-probe.bin"
    start = time.perf_counter()
    with path.open("wb") as handle:
        for _ in range(mib):
            handle.write(PIECE)
        handle.flush()
        os.fsync(handle.fileno())
    elapsed = time.perf_counter() - start
    path.unlink()
    return mib * 1024 * 1024 / elapsed / 1e6


def cipher_rate() -> float:
    from nacl import bindings as sodium

    key = sodium.crypto_secretstream_xchacha20poly1305_keygen()
    state = sodium.crypto_secretstream_xchacha20poly1305_state()
    sodium.crypto_secretstream_xchacha20poly1305_init_push(state, key)
    chunk = PIECE[: 64 * 1024]
    total = 512 * 1024 * 1024
    start = time.perf_counter()
    for _ in range(total // len(chunk)):
        sodium.crypto_secretstream_xchacha20poly1305_push(state, chunk)
    return total / (time.perf_counter() - start) / 1e6


def form_fields(port: int) -> tuple[dict, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port)
    connection.request("GET", "/lapor/")
    response = connection.getresponse()
    page = response.read().decode()
    cookie = response.getheader("Set-Cookie").split(";")[0]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    category = re.search(r'<option value="(\d+)"', page).group(1)
    fields = {
        "csrfmiddlewaretoken": token,
        "category": category,
        "title": "Bench",
        "what": "Pengukuran unggahan",
        "who": "-",
        "where": "-",
        "when": "2026",
        "identity_choice": "anonymous",
        "concerns": "other",
        "nonce": secrets.token_hex(16),
    }
    return fields, cookie


def timed_upload(port, path, fields, size, worker, cookie="") -> tuple[float, int]:
    boundary = secrets.token_hex(16)
    head = "".join(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'
        for k, v in fields.items()
    )
    head += (
        f'--{boundary}\r\nContent-Disposition: form-data; name="evidence"; '
        f'filename="rekaman.mp4"\r\nContent-Type: video/mp4\r\n\r\n'
    )
    tail = f"\r\n--{boundary}--\r\n".encode()
    length = len(head.encode()) + size + len(tail)

    Path(f"/proc/{worker}/clear_refs").write_text("5")  # reset the peak
    _, before = rss(worker)
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    start = time.perf_counter()
    connection.putrequest("POST", path)
    connection.putheader("Content-Type", f"multipart/form-data; boundary={boundary}")
    connection.putheader("Content-Length", str(length))
    connection.putheader("Origin", f"http://127.0.0.1:{port}")
    if cookie:
        connection.putheader("Cookie", cookie)
    connection.endheaders()
    connection.send(head.encode())
    sent = 0
    while sent < size:
        piece = PIECE[: min(len(PIECE), size - sent)]
        connection.send(piece)
        sent += len(piece)
    connection.send(tail)
    response = connection.getresponse()
    body = response.read()
    elapsed = time.perf_counter() - start
    if response.status != 200:
        raise RuntimeError(f"{path} answered {response.status}: {body[:300]!r}")
    if path == "/bench/discard/" and f'"received": {size}' not in body.decode():
        raise RuntimeError(f"the discard endpoint read {body!r}, not {size} bytes")
    peak, _ = rss(worker)
    return size / elapsed / 1e6, peak - before


def submission_latency(port: int) -> tuple[list[float], list[str]]:
    times, receipts = [], []
    for _ in range(5):
        fields, cookie = form_fields(port)
        body = urlencode(fields)
        connection = http.client.HTTPConnection("127.0.0.1", port)
        start = time.perf_counter()
        connection.request(
            "POST",
            "/lapor/",
            body,
            {
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": cookie,
                "Origin": f"http://127.0.0.1:{port}",
            },
        )
        page = connection.getresponse().read().decode()
        times.append(time.perf_counter() - start)
        receipts.append(
            re.search(r'id="receipt-code">([\d ]+)<', page).group(1).replace(" ", "")
        )
    return times, receipts


def receipt_login(port: int, receipt: str) -> float:
    connection = http.client.HTTPConnection("127.0.0.1", port)
    connection.request("GET", "/cek/")
    response = connection.getresponse()
    page = response.read().decode()
    cookie = response.getheader("Set-Cookie").split(";")[0]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    body = urlencode({"csrfmiddlewaretoken": token, "receipt": receipt})
    start = time.perf_counter()
    connection.request(
        "POST",
        "/cek/",
        body,
        {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": cookie,
            "Origin": f"http://127.0.0.1:{port}",
        },
    )
    response = connection.getresponse()
    response.read()
    if response.status != 302:
        raise RuntimeError(f"receipt sign-in answered {response.status}")
    return time.perf_counter() - start


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


if __name__ == "__main__":
    main()

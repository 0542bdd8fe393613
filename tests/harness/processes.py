"""Start front-ends (and, for scripts, the hub) as subprocesses; used by the e2e tests and by
scripts/screenshots.py. Test harness only: nothing in the product imports it."""

import os
import socket
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

REPO_DIR = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def free_port() -> int:
    with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url(name: str | None = None) -> str:
    """The URL of the test database this process uses (or of another database `name` on the
    same PostgreSQL server), for a subprocess to connect to."""
    from django.db import connection

    s = connection.settings_dict
    return f"postgres://{s['USER']}:{s['PASSWORD']}@{s['HOST']}:{s['PORT']}/{name or s['NAME']}"


def wait_for_port(port: int, process: subprocess.Popen | None = None, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"process exited with {process.returncode} before listening on {port}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"nothing listens on port {port} after {timeout} s")


def start_frontend(
    instance: str, port: int, hub_graphql_url: str, log_path: Path | None = None, **env: str
) -> subprocess.Popen:
    """`python -m frontend_sites serve --site <instance>` on `port`, ready when this returns."""
    environment = {
        **os.environ,
        "HUB_GRAPHQL_URL": hub_graphql_url,
        "FRONTEND_CACHE_SECONDS": "0",
        "PYTHONUNBUFFERED": "1",
        **env,
    }
    environment.pop("DJANGO_SETTINGS_MODULE", None)
    log = open(log_path, "w") if log_path else subprocess.DEVNULL  # noqa: SIM115 - closed with the process
    process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "frontend_sites", "serve", "--site", instance, "--port", str(port)],
        cwd=REPO_DIR,
        env=environment,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    wait_for_port(port, process)
    return process


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

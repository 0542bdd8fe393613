"""Server control for the API benchmark: gunicorn on a free port of 127.0.0.1, started and stopped."""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
WORKERS = 2


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn on 127.0.0.1: WORKERS sync workers unless told otherwise (`worker_args`, such as
    `["--worker-class", "gthread", "--threads", "4"]`)."""

    def __init__(self, env: dict, workers: int = WORKERS, worker_args: tuple[str, ...] = ()):
        self.env = env
        self.workers = workers
        self.worker_args = list(worker_args)
        self.process = None
        self.port = None
        self.ready_dir = None

    def start(self, timeout: float = 60):
        self.port = free_port()
        self.ready_dir = tempfile.mkdtemp(prefix="bench-ready-")
        env = {**self.env, "BENCH_READY_DIR": self.ready_dir}
        self.process = subprocess.Popen(
            [
                str(VENV_BIN / "gunicorn"),
                "hub.wsgi",
                "--config",
                str(BASE_DIR / "bench" / "gunicorn_conf.py"),
                "--workers",
                str(self.workers),
                *self.worker_args,
                "--bind",
                f"127.0.0.1:{self.port}",
                "--timeout",
                "120",
                "--log-level",
                "warning",
            ],
            cwd=BASE_DIR,
            env=env,
        )
        deadline = time.monotonic() + timeout
        while len(os.listdir(self.ready_dir)) < self.workers:
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise SystemExit("gunicorn did not start; see its output above")
            time.sleep(0.05)
        return self

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def worker_pids(self) -> list[int]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(p) for p in children.read_text().split()] if children.exists() else []

    def memory(self) -> dict:
        """Peak (VmHWM) and current (VmRSS) resident memory of each worker, in MB."""
        workers = []
        for pid in self.worker_pids():
            status = Path(f"/proc/{pid}/status").read_text()
            fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
            kb = {k: int(fields[k].split()[0]) for k in ("VmHWM", "VmRSS")}
            workers.append(
                {"pid": pid, "peak_mb": round(kb["VmHWM"] / 1024, 1), "rss_mb": round(kb["VmRSS"] / 1024, 1)}
            )
        return {"workers": workers, "peak_mb": max((w["peak_mb"] for w in workers), default=None)}

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.ready_dir:
            shutil.rmtree(self.ready_dir, ignore_errors=True)

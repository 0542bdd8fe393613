"""gunicorn settings for the API benchmark: tells bench/servers.py when a worker can serve."""

import os
from pathlib import Path


def post_worker_init(worker):
    # The app is loaded now; the benchmark waits for one file per worker before its cold requests.
    ready_dir = os.environ.get("BENCH_READY_DIR")
    if ready_dir:
        (Path(ready_dir) / str(os.getpid())).touch()

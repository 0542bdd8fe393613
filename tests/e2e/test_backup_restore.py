"""Backup and restore (docs/operations.md): scripts/backup.sh of a hub with content, restored
by scripts/restore.sh into an empty database, serves the same pages."""

import json
import os
import subprocess
import sys

import pytest

from tests.harness.processes import REPO_DIR, database_url

pytestmark = [pytest.mark.postgres, pytest.mark.integration, pytest.mark.django_db(transaction=True)]

QUERIES = [
    'query { page(site: "deventer", path: "/producten/paspoort-aanvragen/") { id title url } }',
    'query { pages(site: "deventer", first: 50) { totalCount edges { node { id title url } } } }',
    '{ page(site: "deventer", path: "/producten/concept/") { title } }',
]
ANSWER_SCRIPT = """
import json, sys
import django
django.setup()
from django.test import Client
client = Client()
answers = [client.post("/graphql/", {"query": q}, content_type="application/json").json() for q in sys.argv[1:]]
print(json.dumps(answers))
"""


def _answers(url: str) -> list:
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "hub.settings.test"}
    env.pop("HUB_TEST_REDIS_URL", None)  # answers from the database, not from a cache
    done = subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-c", ANSWER_SCRIPT, *QUERIES], cwd=REPO_DIR, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def _script(name: str, *args, database: str):
    env = {**os.environ, "DATABASE_URL": database_url(database)}
    return subprocess.run(  # noqa: S603 - our own script
        ["bash", f"scripts/{name}", *map(str, args)], cwd=REPO_DIR, env=env, capture_output=True, text=True
    )


def _admin(sql: str) -> None:
    import psycopg
    from django.db import connection

    s = connection.settings_dict
    with psycopg.connect(
        host=s["HOST"], port=s["PORT"], user=s["USER"], password=s["PASSWORD"], dbname="postgres", autocommit=True
    ) as admin:
        admin.execute(sql)


def test_a_backup_restored_into_an_empty_database_serves_the_same_pages(committed_content, tmp_path):
    from django.db import connection

    source = connection.settings_dict["NAME"]
    target = f"{source}_restored"[:63]
    media = tmp_path / "media"
    (media / "documents").mkdir(parents=True)
    (media / "documents" / "folder.pdf").write_bytes(b"%PDF-1.4 test")
    backup = tmp_path / "backup"
    before = _answers(database_url(source))
    assert before[0]["data"]["page"]["title"] == "Paspoort aanvragen"
    assert before[1]["data"]["pages"]["totalCount"] > 1

    done = _script("backup.sh", backup, media, database=source)
    assert done.returncode == 0, done.stderr
    _admin(f'DROP DATABASE IF EXISTS "{target}" WITH (FORCE)')
    _admin(f'CREATE DATABASE "{target}"')
    try:
        restored_media = tmp_path / "restored-media"
        done = _script("restore.sh", backup, restored_media, database=target)
        assert done.returncode == 0, done.stderr
        assert (restored_media / "documents" / "folder.pdf").read_bytes() == b"%PDF-1.4 test"
        assert _answers(database_url(target)) == before
        # A second restore into the now filled database is refused, not mixed in.
        again = _script("restore.sh", backup, restored_media, database=target)
        assert again.returncode != 0 and "not empty" in again.stderr
    finally:
        _admin(f'DROP DATABASE IF EXISTS "{target}" WITH (FORCE)')

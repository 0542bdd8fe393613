"""The users of the load test, all at once against one hub (run by bench/load_bench.py):

- residents read product pages and listings and search, with the front-ends' own GraphQL
  documents (frontend_sites/queries/), sent as public GET requests;
- the app keeps its offline copy in sync with `pages(updatedSince:)` (docs/api.md);
- editors (final editors, no superusers) sign in to the Wagtail admin and publish an edit of a
  product page through its edit form, CSRF token and all; each edit puts a word no other page
  has in the page's summary, and a checker searches for it as a resident would until the page
  is found: the publish→searchable delay.

The environment names the plan written by bench/load_setup.py (LOAD_PLAN), where the results
go (LOAD_RESULTS) and how many editors and app users there are (LOAD_EDITORS, LOAD_APPS).
"""

from __future__ import annotations

import json
import os
import random
import re
import string
import time
from datetime import UTC, datetime
from itertools import count

import gevent
from locust import HttpUser, between, events, task
from locust.clients import HttpSession

from bench.admin_form import EditForm, csrf_token, form_errors
from bench.load_queries import (
    PAGE,
    PAGES,
    SEARCH,
    SITE,
    SUGGEST,
    SYNC,
    get_params,
    listing_variables,
    page_variables,
    search_variables,
    sync_variables,
)
from bench.load_record import Recorder

with open(os.environ["LOAD_PLAN"], encoding="utf-8") as _file:
    PLAN = json.load(_file)
# Popular products are read far more often than the rest: weight 1/rank.
PAGE_WEIGHTS = [1 / (rank + 1) for rank in range(len(PLAN["pages"]))]
EDITOR_WAIT_S = (4, 8)  # between an editor's publishes
CHECK_LIMIT_S = 30  # a page not searchable after this long counts as an error
CHECK_INTERVAL_S = 0.2
QUIET_END_S = 10  # no publish starts this close to the end
WORD = re.compile(r"\s*\bladw[a-z]{10}\b")

recorder = Recorder()
checks: list[gevent.Greenlet] = []  # the checkers still running when the load stops are awaited
_editor_numbers = count()


def _word() -> str:
    # Random letters, no digits: one token for every analyzer, and far (in edit distance) from
    # every other word of the run, so typo correction never finds another page's word.
    return "ladw" + "".join(random.choices(string.ascii_lowercase, k=10))


def graphql_get(client, name: str, document: str, variables: dict):
    """A public GET request; a non-200 answer or any GraphQL error is a failure. Returns `data`."""
    with client.get("/graphql/", params=get_params(document, variables), name=name, catch_response=True) as response:
        if response.status_code == 0:  # no answer at all: the connection failed or was closed
            response.failure(f"connection error: {response.error!r}"[:300])
            return None
        if response.status_code != 200:
            response.failure(f"HTTP {response.status_code}: {response.text[:200]}")
            return None
        body = response.json()
        if body.get("errors"):
            response.failure(f"GraphQL error: {body['errors'][0].get('message', '')[:200]}")
            return None
        return body.get("data")


class Resident(HttpUser):
    weight = 1
    wait_time = between(0.5, 2.0)

    @task(6)
    def product_page(self):
        page = random.choices(PLAN["pages"], weights=PAGE_WEIGHTS)[0]
        graphql_get(self.client, "resident: product page", PAGE, page_variables(page))

    @task(2)
    def listing(self):
        variables = listing_variables()
        data = graphql_get(self.client, "resident: listing", PAGES, variables)
        if data and random.random() < 0.3 and data["pages"]["pageInfo"]["hasNextPage"]:
            variables["after"] = data["pages"]["pageInfo"]["endCursor"]
            graphql_get(self.client, "resident: listing", PAGES, variables)

    @task(3)
    def search(self):
        words = random.choice(PLAN["searches"]).lower()
        graphql_get(self.client, "resident: search", SEARCH, search_variables(words))

    @task(1)
    def suggestions(self):
        prefix = random.choice(PLAN["searches"]).lower()[: random.randint(3, 6)]
        graphql_get(self.client, "resident: suggestions", SUGGEST, {"prefix": prefix, "site": SITE})


class App(HttpUser):
    """One app installation that syncs often (many installations, compressed in time)."""

    fixed_count = int(os.environ.get("LOAD_APPS", 1))
    wait_time = between(3, 6)

    def on_start(self):
        self.since = None
        self.sync("app: full sync")  # a new installation copies everything

    @task
    def sync_changes(self):
        self.sync("app: sync")

    def sync(self, name: str):
        started = datetime.now(UTC).isoformat()
        variables = sync_variables(self.since)
        while True:
            data = graphql_get(self.client, name, SYNC, variables)
            if not data:
                return  # keep `since`: the next sync asks again
            connection = data["pages"]
            if not connection["pageInfo"]["hasNextPage"]:
                break
            variables["after"] = connection["pageInfo"]["endCursor"]
        self.since = started


class Editor(HttpUser):
    """A final editor: signs in once, then edits and publishes pages of their own share."""

    fixed_count = int(os.environ.get("LOAD_EDITORS", 1))
    wait_time = between(*EDITOR_WAIT_S)

    def on_start(self):
        number = next(_editor_numbers)
        account = PLAN["editors"][number % len(PLAN["editors"])]
        # Editors never edit the same page at once: each has every n-th page.
        share = PLAN["pages"][number % self.fixed_count :: self.fixed_count]
        self.pages = share[random.randrange(len(share)) :] + share
        self.public = HttpSession(self.host, self.environment.events.request, user=self)
        response = self.client.get("/admin/login/", name="editor: sign-in form")
        token = csrf_token(response.text)
        with self.client.post(
            "/admin/login/",
            data={"csrfmiddlewaretoken": token, "username": account["username"], "password": account["password"]},
            name="editor: sign in",
            allow_redirects=False,
            catch_response=True,
        ) as signed_in:
            if signed_in.status_code != 302:
                signed_in.failure(f"sign-in refused (HTTP {signed_in.status_code})")

    @task
    def publish(self):
        if _seconds_left(self.environment) < QUIET_END_S:
            return
        page, self.pages = self.pages[0], self.pages[1:] + self.pages[:1]
        url = f"/admin/pages/{page['id']}/edit/"
        with self.client.get(url, name="editor: edit form", catch_response=True) as response:
            if response.status_code != 200 or 'id="page-edit-form"' not in response.text:
                response.failure(f"no edit form (HTTP {response.status_code}, {response.url})")
                return
        form = EditForm(response.text)
        word = _word()
        form.replace("summary", f"{WORD.sub('', form.get('summary') or '')} {word}".strip())
        started = time.monotonic()
        published, b1_reason = self._post(url, form)
        if published is None:
            return
        recorder.published(page, word, time.monotonic() - started, b1_reason)
        checks.append(gevent.spawn(self._check, page, word, published))

    def _post(self, url: str, form: EditForm):
        """Publish; a page under B1 level gets the reason an editor would give. Returns the time
        the hub answered (None if refused) and whether a B1 reason was needed."""
        data = [*form.fields, ("action-publish", "action-publish")]
        for b1_reason in (False, True):
            with self.client.post(
                url, data=data, name="editor: publish", allow_redirects=False, catch_response=True
            ) as response:
                if response.status_code == 302 and "/login/" not in response.headers.get("Location", ""):
                    return time.monotonic(), b1_reason
                errors = form_errors(response.text)
                if response.status_code == 200 and not b1_reason and any("B1-niveau" in e for e in errors):
                    response.success()  # the publish gate asked for a reason: the editor gives it
                    retry = EditForm(response.text)
                    retry.replace("b1_override_reason", "Loadtest: tekst ongewijzigd, alleen de samenvatting.")
                    data = [*retry.fields, ("action-publish", "action-publish")]
                    continue
                response.failure(f"publish refused (HTTP {response.status_code}): {'; '.join(errors)[:200]}")
                return None, b1_reason
        return None, True

    def _check(self, page: dict, word: str, published: float):
        """Search as a resident (no session) until the page is found or the limit passes."""
        polls = 0
        while time.monotonic() - published < CHECK_LIMIT_S:
            polls += 1
            sent = time.monotonic()
            data = graphql_get(self.public, "check: searchable", SEARCH, search_variables(word))
            if data and any(hit["ref"] == page["ref"] for hit in data["search"]["hits"]):
                recorder.checked(page, word, time.monotonic() - published, polls, sent - published)
                return
            gevent.sleep(CHECK_INTERVAL_S)
        recorder.checked(page, word, None, polls)
        self.environment.events.request.fire(
            request_type="CHECK",
            name="check: searchable",
            response_time=CHECK_LIMIT_S * 1000,
            response_length=0,
            exception=TimeoutError(f"{page['ref']} not found by '{word}' within {CHECK_LIMIT_S} s"),
            context={},
        )


def _seconds_left(environment) -> float:
    run_time = getattr(environment.parsed_options, "run_time", None) if environment.parsed_options else None
    if not run_time or recorder.started is None:
        return float("inf")
    return run_time - (time.time() - recorder.started)


@events.request.add_listener
def _record(request_type, name, response_time, response_length, exception=None, **kwargs):
    recorder.request(name, response_time, exception)


@events.test_start.add_listener
def _started(environment, **kwargs):
    recorder.start()


@events.test_stop.add_listener
def _stopped(environment, **kwargs):
    recorder.stop()
    gevent.joinall([check for check in checks if not check.dead], timeout=CHECK_LIMIT_S + 5)
    recorder.write(os.environ["LOAD_RESULTS"])

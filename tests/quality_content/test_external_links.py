"""`external_link` against real HTTP servers that this module starts on loopback (never the
internet): a working page, 404, 500, a redirect loop, a slow answer, a server that refuses HEAD,
plain http where a local TLS server (self-signed certificate made here with openssl) answers
https, a name that does not resolve, a refused connection; the pace per host measured at the
server, the cache, the User-Agent and the limit on requests at once."""

import socket
import ssl
import subprocess
import threading
import time
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.utils import timezone

from content.blocks import content_block
from content.links import Link
from quality.content_checks.base import CHECKS, BlockInPage, PageUnderCheck
from quality.content_checks.external import (
    attach_external_answers,
    cached_answers,
    check_urls,
    unchecked_addresses,
)
from quality.quality_models import ExternalLinkCheck

pytestmark = pytest.mark.django_db

HOSTS = ("127.0.0.1", "127.0.0.2", "127.0.0.3", "127.0.0.4")  # four hosts, all loopback
NOWHERE = "http://niet-bestaand.invalid/pagina"  # .invalid never resolves (RFC 6761)
TIMEOUT = 0.5


class Recorder:
    """Every request the servers saw, and the most that were in progress at once."""

    def __init__(self):
        self.lock = threading.Lock()
        self.requests = []
        self.in_flight = 0
        self.most_at_once = 0

    def enter(self, entry):
        with self.lock:
            self.requests.append(entry)
            self.in_flight += 1
            self.most_at_once = max(self.most_at_once, self.in_flight)

    def leave(self):
        with self.lock:
            self.in_flight -= 1

    def seen(self, host=None, path=None):
        return [r for r in self.requests if (host is None or r["host"] == host) and (path is None or r["path"] == path)]


def _handler(recorder, release, secure, tls_port):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def do_HEAD(self):
            self._answer("HEAD")

        def do_GET(self):
            self._answer("GET")

        def _answer(self, method):
            host = self.server.server_address[0]
            entry = {"at": time.monotonic(), "host": host, "method": method, "path": self.path}
            entry["user_agent"] = self.headers.get("User-Agent", "")
            recorder.enter(entry)
            try:
                status, location = self._route(method)
            finally:
                recorder.leave()
            self.send_response(status)
            if location:
                self.send_header("Location", location)
            self.send_header("Content-Length", "2")
            self.end_headers()
            if method == "GET":
                self.wfile.write(b"ok")

        def _route(self, method):
            path = self.path
            if path == "/missing" or (secure and path == "/only-http"):
                return 404, ""
            if path == "/error":
                return 500, ""
            if path == "/loop-a":
                return 302, "/loop-b"
            if path == "/loop-b":
                return 302, "/loop-a"
            if path == "/moved":
                return 301, "/ok"
            if path == "/to-https":
                return 301, f"https://127.0.0.1:{tls_port}/ok"
            if path == "/slow":
                release.wait(5 * TIMEOUT)
            if path == "/busy":
                time.sleep(0.4)
            if path.startswith("/no-head-") and method == "HEAD":
                return int(path[-3:]), ""
            return 200, ""

    return Handler


@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    """A self-signed certificate for 127.0.0.1, trusted by the check only through CA_FILE."""
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        + ["-keyout", str(key), "-out", str(cert), "-days", "1", "-subj", "/CN=127.0.0.1"]
        + ["-addext", "subjectAltName=IP:127.0.0.1"],
        check=True,
        capture_output=True,
    )
    return cert, key


@pytest.fixture
def web(certificate):
    """Plain HTTP servers on four loopback hosts and one TLS server on 127.0.0.1."""
    recorder, release = Recorder(), threading.Event()
    tls = ThreadingHTTPServer(("127.0.0.1", 0), _handler(recorder, release, True, 0))
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(*certificate)
    tls.socket = context.wrap_socket(tls.socket, server_side=True)
    tls_port = tls.server_address[1]
    servers = {host: ThreadingHTTPServer((host, 0), _handler(recorder, release, False, tls_port)) for host in HOSTS}
    for server in [tls, *servers.values()]:
        threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()

    class Web:
        pass

    web = Web()
    web.recorder, web.tls_port = recorder, tls_port

    def url(path, host="127.0.0.1", scheme="http"):
        port = tls_port if scheme == "https" else servers[host].server_address[1]
        return f"{scheme}://{host}:{port}{path}"

    web.url = url
    yield web
    release.set()
    for server in [tls, *servers.values()]:
        server.shutdown()
        server.server_close()


@pytest.fixture
def fast(settings, web, certificate):
    """Short timeout, no pause between requests to one host, https probes go to the TLS server."""
    settings.HUB_LINK_CHECK = {
        **settings.HUB_LINK_CHECK,
        "TIMEOUT": TIMEOUT,
        "PER_HOST_INTERVAL": 0.0,
        "HTTPS_PORT": web.tls_port,
        "CA_FILE": str(certificate[0]),
    }
    return settings.HUB_LINK_CHECK


def _refused_port():
    server = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    port = server.server_address[1]
    server.server_close()
    return port


def test_a_working_page_is_ok_and_the_server_sees_a_user_agent_that_names_the_hub(web, fast, settings):
    url = web.url("/ok", "127.0.0.2")  # no TLS server on this host, so no https to prefer
    answer = check_urls([url])[url]

    assert (answer.outcome, answer.status_code) == ("ok", 200)
    assert ExternalLinkCheck.objects.get(url=url).outcome == "ok"
    [request] = web.recorder.seen(path="/ok")
    assert request["method"] == "HEAD"
    assert request["user_agent"] == f"Gemeentehub-linkcontrole/1.0 (+{settings.WAGTAILADMIN_BASE_URL})"


def test_a_missing_page_and_a_server_error_are_broken_with_a_reason_in_dutch(web, fast):
    missing, error = web.url("/missing"), web.url("/error", host="127.0.0.2")
    answers = check_urls([missing, error])

    assert (answers[missing].outcome, answers[missing].status_code) == ("broken", 404)
    assert answers[missing].reason == "De pagina bestaat niet (meer) (foutcode 404)."
    assert (answers[error].outcome, answers[error].status_code) == ("broken", 500)
    assert answers[error].reason == "De website heeft een storing (foutcode 500)."


def test_a_redirect_is_followed_and_a_redirect_loop_is_broken(web, fast):
    moved, loop = web.url("/moved", "127.0.0.2"), web.url("/loop-a")
    answers = check_urls([moved, loop])

    assert (answers[moved].outcome, answers[moved].final_url) == ("ok", web.url("/ok", "127.0.0.2"))
    assert answers[loop].outcome == "broken"
    assert "kringetje" in answers[loop].reason
    assert [r["path"] for r in web.recorder.seen(path="/loop-a")] == ["/loop-a"]  # asked once, not forever


def test_too_many_redirects_are_broken(web, fast, settings):
    settings.HUB_LINK_CHECK = {**fast, "MAX_REDIRECTS": 0}
    url = web.url("/moved", "127.0.0.2")

    answer = check_urls([url])[url]

    assert (answer.outcome, answer.reason) == ("broken", "De link stuurt je meer dan 0 keer door.")


def test_an_answer_slower_than_the_timeout_is_broken(web, fast):
    url = web.url("/slow")
    started = time.monotonic()

    answer = check_urls([url])[url]

    assert answer.outcome == "broken"
    assert answer.reason == "De website geeft binnen 0.5 seconden geen antwoord."
    assert time.monotonic() - started < 4 * TIMEOUT


@pytest.mark.parametrize("path", ["/no-head-405", "/no-head-501"])
def test_a_server_that_refuses_head_is_asked_again_with_get(web, fast, path):
    url = web.url(path, "127.0.0.2")

    answer = check_urls([url])[url]

    assert (answer.outcome, answer.status_code) == ("ok", 200)
    assert [r["method"] for r in web.recorder.seen(path=path)] == ["HEAD", "GET"]


def test_plain_http_is_insecure_where_the_https_address_works(web, fast):
    plain, only_http, redirected = web.url("/ok"), web.url("/only-http"), web.url("/to-https")
    answers = check_urls([plain, only_http, redirected])

    assert answers[plain].outcome == "insecure"
    assert answers[plain].final_url == web.url("/ok", scheme="https")
    assert answers[only_http].outcome == "ok"  # the TLS server has no such page
    assert web.recorder.seen(path="/only-http")  # ... and it was asked
    assert (answers[redirected].outcome, answers[redirected].final_url) == ("insecure", web.url("/ok", scheme="https"))


def test_a_host_without_https_is_probed_once_per_run(web, fast):
    """A listener that takes the connection and hangs up: no https there, so the second link on
    that host does not try again."""
    listener, connections, stop = socket.create_server(("127.0.0.2", web.tls_port)), [], threading.Event()
    listener.settimeout(0.05)

    def hang_up():
        while not stop.is_set():
            try:
                connection, _address = listener.accept()
            except TimeoutError:
                continue
            connections.append(connection)
            connection.close()

    thread = threading.Thread(target=hang_up, daemon=True)
    thread.start()
    urls = [web.url("/ok", "127.0.0.2"), web.url("/moved", "127.0.0.2")]
    try:
        answers = check_urls(urls)
    finally:
        stop.set()
        thread.join()
        listener.close()

    assert [answers[url].outcome for url in urls] == ["ok", "ok"]
    assert len(connections) == 1


def test_an_https_address_is_ok_with_a_trusted_certificate_and_broken_without(web, fast, settings):
    url = web.url("/ok", scheme="https")
    assert check_urls([url])[url].outcome == "ok"

    ExternalLinkCheck.objects.all().delete()
    settings.HUB_LINK_CHECK = {**fast, "CA_FILE": ""}  # the usual certificates: ours is self-signed
    answer = check_urls([url])[url]
    assert (answer.outcome, answer.reason) == ("broken", "Het beveiligingscertificaat van de website klopt niet.")


def test_a_name_that_does_not_resolve_is_not_checked_and_the_run_goes_on(web, fast):
    ok = web.url("/ok", host="127.0.0.2")
    answers = check_urls([NOWHERE, ok])

    assert answers[NOWHERE].outcome == "unchecked"
    assert "niet te vinden" in answers[NOWHERE].reason
    assert answers[ok].outcome == "ok"
    assert unchecked_addresses(answers) == [answers[NOWHERE]]
    assert NOWHERE not in cached_answers([NOWHERE, ok])  # asked again next time
    assert ok in cached_answers([NOWHERE, ok])


def test_a_refused_connection_is_broken_when_other_sites_answer_and_not_checked_when_none_do(web, fast):
    refused = f"http://127.0.0.1:{_refused_port()}/pagina"

    alone = check_urls([refused])[refused]
    assert (alone.outcome, alone.reason) == ("unchecked", "De website neemt geen verbinding aan.")

    ok = web.url("/ok", host="127.0.0.3")
    with_network = check_urls([refused, ok])[refused]
    assert (with_network.outcome, with_network.reason) == ("broken", "De website neemt geen verbinding aan.")


def test_bad_addresses_are_reported_and_never_raise(web, fast):
    ok = web.url("/ok")
    long = web.url("/ok?" + "x" * 2100)
    bad = ["http://", "http://exa mple.nl/", "http://[::1/", "http://127.0.0.1:99999/", long]

    answers = check_urls([*bad, "mailto:iemand@example.nl", "/intern", ok])

    assert {url: answers[url].outcome for url in bad} == dict.fromkeys(bad, "broken")
    assert answers["http://"].reason == "Dit is geen geldig webadres."
    assert answers[long].reason == "Het adres is langer dan 2000 tekens."
    assert "mailto:iemand@example.nl" not in answers and "/intern" not in answers
    assert answers[ok].outcome == "insecure"


def test_one_host_gets_one_request_a_second_while_other_hosts_go_on(web, fast, settings):
    settings.HUB_LINK_CHECK = {**fast, "PER_HOST_INTERVAL": 1.0}
    one, two, other = web.url("/missing", "127.0.0.2"), web.url("/ok", "127.0.0.2"), web.url("/ok", "127.0.0.3")

    answers = check_urls([one, two, other])

    assert [answers[u].outcome for u in (one, two, other)] == ["broken", "ok", "ok"]
    first, second = web.recorder.seen(host="127.0.0.2")
    [elsewhere] = web.recorder.seen(host="127.0.0.3")
    assert second["at"] - first["at"] >= 0.9  # without the pace: a few milliseconds
    assert elsewhere["at"] - first["at"] < 0.5  # not behind the other host's pause


def test_a_second_run_within_the_maximum_age_asks_nobody(web, fast):
    urls = [web.url("/ok", "127.0.0.2"), web.url("/missing", "127.0.0.3")]
    first = check_urls(urls)
    asked = len(web.recorder.requests)

    again = check_urls(urls)
    assert len(web.recorder.requests) == asked
    assert {u: again[u].outcome for u in urls} == {urls[0]: "ok", urls[1]: "broken"}
    assert {u: again[u].pk for u in urls} == {u: first[u].pk for u in urls}

    ExternalLinkCheck.objects.filter(url=urls[0]).update(checked_at=timezone.now() - timedelta(days=8))
    check_urls(urls)
    assert [r["path"] for r in web.recorder.requests[asked:]] == ["/ok"]  # only the stale one


def test_no_more_requests_at_once_than_the_concurrency_limit(web, fast):
    urls = [web.url("/busy", host) for host in HOSTS]

    check_urls(urls, concurrency=2)
    assert web.recorder.most_at_once == 2

    ExternalLinkCheck.objects.all().delete()
    web.recorder.most_at_once = 0
    check_urls(urls, concurrency=4)
    assert web.recorder.most_at_once == 4


def test_progress_is_told_after_each_address_that_was_asked(web, fast):
    seen = []
    check_urls(
        [web.url("/error"), web.url("/missing", "127.0.0.2")], progress=lambda done, total: seen.append((done, total))
    )
    assert seen == [(1, 2), (2, 2)]


def _page(*links_in_text, actions=()):
    text = "".join(f'<p>Zie <a href="{url}">{label}</a>.</p>' for label, url in links_in_text)
    block = BlockInPage(
        location="body.b1",
        where="Tekst in onderdeel Aanvragen",
        block_type="text",
        value={"text": text},
        block=content_block("text"),
        channels=("web",),
        internal=False,
    )
    return PageUnderCheck(page=None, site_key="deventer", blocks=[block], actions=list(actions))


def test_the_check_reports_broken_and_insecure_links_where_the_editor_put_them(web, fast):
    missing, plain, nowhere = web.url("/missing"), web.url("/ok"), NOWHERE
    fine = web.url("/moved", "127.0.0.2")  # plain http, but no https there: ok
    page = _page(("de regels", missing), ("het formulier", plain), ("elders", nowhere))
    other = _page(("werkt", fine), actions=[("actions.0", Link(text="Direct regelen", url=missing, kind="action"))])

    answers = attach_external_answers([page, other])
    problems = list(CHECKS["external_link"].run(page)) + list(CHECKS["external_link"].run(other))

    found = [(p.severity, p.location, p.where, p.detail) for p in problems]
    assert found == [
        ("error", "body.b1", "Tekst in onderdeel Aanvragen", missing),
        ("warning", "body.b1", "Tekst in onderdeel Aanvragen", plain),
        ("error", "actions.0", "Knop 'Direct regelen'", missing),
    ]
    assert problems[0].message == (
        "Deze link naar een andere website werkt niet. De pagina bestaat niet (meer) (foutcode 404)."
    )
    assert problems[1].fix == f"Verander het adres van de link in {web.url('/ok', scheme='https')}"
    assert [row.url for row in unchecked_addresses(answers)] == [nowhere]
    assert CHECKS["external_link"].external is True


def test_without_asking_the_pages_get_only_the_stored_answers(web, fast):
    missing, fresh = web.url("/missing"), web.url("/error", "127.0.0.2")
    check_urls([missing])
    asked = len(web.recorder.requests)
    page = _page(("a", missing), ("b", fresh))

    attach_external_answers([page], ask=False)

    assert len(web.recorder.requests) == asked
    assert set(page.external) == {missing}
    assert [p.detail for p in CHECKS["external_link"].run(page)] == [missing]

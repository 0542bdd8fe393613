"""Asking another website whether one address works (`external.check_urls` runs many of these).

Redirects are followed here, one paced request at a time, rather than by httpx, so that every hop
counts against the host's pace, a loop is recognised as a loop, and the chain is known. Only
the status line and headers are read: HEAD first, GET when the server refuses HEAD."""

from __future__ import annotations

import errno
import re
import socket
import ssl
import threading
import time
from dataclasses import dataclass, replace

import httpx

OK, BROKEN, INSECURE, UNCHECKED = "ok", "broken", "insecure", "unchecked"
# Internal only: no connection (refused, or none within the timeout). Whether that means the site
# is down or this machine has no network is decided by the run (`external.check_urls`).
UNREACHABLE = "unreachable"

HEAD_REFUSED = {405, 501}
_HOST = re.compile(r"^(?:[a-z0-9_-]+\.)*[a-z0-9_-]+\.?$|^[0-9a-f:.]+$", re.I)  # a name or an IP address
_NO_NETWORK = {errno.ENETUNREACH, errno.EHOSTUNREACH, errno.EADDRNOTAVAIL, errno.ENETDOWN}

NOT_FOUND_BY_NAME = (
    "De naam van de website is niet te vinden. Misschien is er geen internet, of bestaat de website niet meer."
)
NO_NETWORK = "Er was geen netwerkverbinding."
TRY_LATER = "De website vroeg om later terug te komen (foutcode 429)."


@dataclass(frozen=True)
class Answer:
    """What one address came to: an outcome, the last status code, a reason in plain Dutch, and
    the address to use instead (the end of the redirects, or the https address)."""

    outcome: str
    status_code: int | None = None
    reason: str = ""
    final_url: str = ""


class HostPacer:
    """At most one request per host per `interval` seconds, across all threads: each caller
    reserves the next free moment of its host and sleeps until then (outside the lock)."""

    def __init__(self, interval: float):
        self.interval = interval
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()

    def wait(self, host: str) -> None:
        with self._lock:
            now = time.monotonic()
            at = max(now, self._next.get(host, now))
            self._next[host] = at + self.interval
        if at > now:
            time.sleep(at - now)


def host_of(url: str) -> str:
    """The host whose pace a request counts against ("" for an address that is not one)."""
    try:
        return httpx.URL(url).host.lower()
    except (httpx.InvalidURL, ValueError, TypeError):
        return ""


def status_reason(status: int) -> str:
    if status == 404:
        return "De pagina bestaat niet (meer) (foutcode 404)."
    if status == 410:
        return "De pagina is weggehaald (foutcode 410)."
    if status in (401, 403):
        return f"De pagina is afgeschermd: je moet inloggen of hebt geen toegang (foutcode {status})."
    if status >= 500:
        return f"De website heeft een storing (foutcode {status})."
    return f"De website weigert de pagina (foutcode {status})."


class LinkRequester:
    """Checks addresses with one shared httpx client (thread-safe), paced per host."""

    def __init__(
        self,
        *,
        user_agent: str,
        timeout: float,
        pacer: HostPacer,
        max_redirects: int,
        pool_size: int,
        https_port: int | None = None,
        ca_file: str = "",
    ):
        self.timeout = timeout
        self.pacer = pacer
        self.max_redirects = max_redirects
        self.https_port = https_port
        # Set once any server answered over HTTP: proof that this machine has a network.
        self.network_answered = threading.Event()
        # Hosts whose https probe got no answer at all. A host's addresses are asked by one thread.
        self._without_https: set[str] = set()
        verify = ssl.create_default_context(cafile=ca_file) if ca_file else True
        self.client = httpx.Client(
            headers={"User-Agent": user_agent, "Accept": "*/*"},
            timeout=httpx.Timeout(timeout),
            follow_redirects=False,
            verify=verify,
            trust_env=False,  # a stray proxy variable must not decide which links work
            limits=httpx.Limits(max_connections=pool_size, max_keepalive_connections=pool_size),
        )

    def close(self) -> None:
        self.client.close()

    def check(self, url: str) -> Answer:
        """The outcome of one address; never raises for a bad address or a bad server."""
        answer = self.follow(url)
        if answer.outcome != OK or not url.lower().startswith("http://"):
            return answer
        if answer.final_url.lower().startswith("https://"):
            return Answer(INSECURE, answer.status_code, "De website stuurt je zelf door naar https.", answer.final_url)
        secure = self._https_address(url)
        host = host_of(secure)
        if secure and host not in self._without_https:
            probe = self.follow(secure)
            if probe.status_code is None and host_of(probe.final_url) == host:  # no https there at all
                self._without_https.add(host)
            if probe.outcome == OK and probe.final_url.lower().startswith("https://"):
                reason = "De website werkt ook met een beveiligde verbinding (https)."
                return Answer(INSECURE, answer.status_code, reason, secure)
        return answer

    def follow(self, url: str) -> Answer:
        """Ask `url` and follow its redirects, up to `max_redirects`; a loop is broken. When a
        request fails, `final_url` is the address that failed."""
        current = None
        try:
            current = httpx.URL(url.strip()).copy_with(fragment=None)
            if current.scheme not in ("http", "https") or not _HOST.match(current.raw_host.decode("ascii")):
                return Answer(BROKEN, reason="Dit is geen geldig webadres.")
            seen = {str(current)}
            for _hop in range(self.max_redirects + 1):
                status, location = self._ask(current)
                if not (300 <= status < 400 and location):
                    return self._judge(status, str(current))
                target = current.join(location).copy_with(fragment=None)
                if target.scheme not in ("http", "https"):
                    return Answer(OK, status, final_url=str(current))
                if str(target) in seen:
                    reason = "De link stuurt je rond in een kringetje van doorverwijzingen."
                    return Answer(BROKEN, status, reason, str(target))
                seen.add(str(target))
                current = target
            reason = f"De link stuurt je meer dan {self.max_redirects} keer door."
            return Answer(BROKEN, status, reason, str(current))
        except httpx.HTTPError as error:
            return replace(self._failure(error), final_url=str(current or ""))
        except (httpx.InvalidURL, ValueError, TypeError, UnicodeError):  # InvalidURL is no HTTPError
            return Answer(BROKEN, reason="Dit is geen geldig webadres.")

    def _ask(self, url: httpx.URL) -> tuple[int, str]:
        """(status, Location) for one address: HEAD, then GET when HEAD is refused; the body is
        never read."""
        self.pacer.wait(url.host.lower())
        response = self.client.head(url)
        self.network_answered.set()
        if response.status_code in HEAD_REFUSED:
            self.pacer.wait(url.host.lower())
            with self.client.stream("GET", url) as response:
                self.network_answered.set()
        return response.status_code, response.headers.get("location", "")

    @staticmethod
    def _judge(status: int, final_url: str) -> Answer:
        if status == 429:
            return Answer(UNCHECKED, status, TRY_LATER, final_url)
        if status >= 400:
            return Answer(BROKEN, status, status_reason(status), final_url)
        if 300 <= status < 400:
            return Answer(BROKEN, status, "De website stuurt je door, maar zegt niet waarheen.", final_url)
        return Answer(OK, status, final_url=final_url)

    def _failure(self, error: httpx.HTTPError) -> Answer:
        if isinstance(error, httpx.ConnectTimeout):
            return Answer(UNREACHABLE, reason=f"De website neemt binnen {self.timeout:g} seconden geen verbinding aan.")
        if isinstance(error, httpx.TimeoutException):
            return Answer(BROKEN, reason=f"De website geeft binnen {self.timeout:g} seconden geen antwoord.")
        if isinstance(error, httpx.ConnectError):
            cause = _root_cause(error)
            if isinstance(cause, socket.gaierror):
                return Answer(UNCHECKED, reason=NOT_FOUND_BY_NAME)
            if isinstance(cause, ssl.SSLError):
                return Answer(BROKEN, reason="Het beveiligingscertificaat van de website klopt niet.")
            if isinstance(cause, OSError) and cause.errno in _NO_NETWORK:
                return Answer(UNCHECKED, reason=NO_NETWORK)
            return Answer(UNREACHABLE, reason="De website neemt geen verbinding aan.")
        if isinstance(error, httpx.UnsupportedProtocol):
            return Answer(BROKEN, reason="Dit is geen geldig webadres.")
        return Answer(BROKEN, reason="De website gaf een onvolledig of onbegrijpelijk antwoord.")

    def _https_address(self, url: str) -> str:
        try:
            return str(httpx.URL(url.strip()).copy_with(scheme="https", port=self.https_port, fragment=None))
        except (httpx.InvalidURL, ValueError, TypeError):
            return ""


def _root_cause(error: BaseException) -> BaseException:
    """The socket or TLS error under httpx's and httpcore's wrappers."""
    seen = set()
    while (error.__cause__ or error.__context__) is not None and id(error) not in seen:
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return error

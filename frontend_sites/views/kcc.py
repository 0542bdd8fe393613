"""KCC console: staff sign in through the hub, then search and read the answer aloud.

The staff token sits in a signed, HttpOnly cookie (kcc_signin.py). Without it every page
redirects to sign-in.
"""

import logging
from functools import wraps
from urllib.parse import urlencode

from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from .. import hub_client, hub_feedback, hub_search
from .kcc_signin import COOKIE, SALT, clear_cookies, fresh_token, revoke_at_hub, set_pasted_token, store_refreshed
from .kcc_signin import staff_token as staff_token

__all__ = ["COOKIE", "SALT"]
logger = logging.getLogger(__name__)
FALLBACK_MATCH_PAGES = 5


def sign_in_redirect(request):
    return redirect(reverse("kcc:sign_in") + "?" + urlencode({"volgende": request.get_full_path()}))


def staff_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        token, refreshed = fresh_token(request)
        if not token:
            return sign_in_redirect(request)
        request.kcc_token = token
        response = view(request, *args, **kwargs)
        store_refreshed(response, refreshed)
        response["Cache-Control"] = "no-store"
        return response

    return wrapper


@require_http_methods(["GET", "POST"])
def sign_in(request):
    error = ""
    if request.method == "POST":
        token = request.POST.get("token", "").strip()
        if not token:
            error = "Vul uw code in."
        elif not _token_works(token):
            error = "Deze code werkt niet. Vraag een nieuwe code aan bij de beheerder."
        else:
            target = request.POST.get("volgende") or "/"
            if not target.startswith("/") or target.startswith("//"):
                target = "/"
            response = redirect(target)
            set_pasted_token(response, token)
            return response
    response = render(
        request,
        "frontend_sites/kcc/sign_in.html",
        {"error": error, "next": request.GET.get("volgende", "/")},
        status=400 if error else 200,
    )
    response["Cache-Control"] = "no-store"
    return response


def _token_works(token: str) -> bool:
    """Ask the hub something small with the token; a bad token gives UNAUTHENTICATED."""
    try:
        hub_client.client(token).execute(hub_client.query("pages"), {"channel": "KCC", "first": 1})
    except hub_client.HubError as error:
        logger.info("KCC sign-in refused: %s", error.code)
        return False
    return True


@require_POST
def sign_out(request):
    revoke_at_hub(request)
    response = redirect("kcc:sign_in")
    clear_cookies(response)
    return response


@require_GET
@staff_required
def console(request):
    query = request.GET.get("q", "").strip()[:200]
    context = {"query": query, "result": None, "fallback": False, "feedback_enabled": False}
    if query:
        token = request.kcc_token
        try:
            result = hub_search.search(query, site=None, channel="KCC", token=token)
        except hub_search.SearchUnavailable:
            result = _fallback_search(query, token)
            context["fallback"] = True
        except hub_client.HubError as error:
            if error.code == "UNAUTHENTICATED":
                return sign_out_expired(request)
            raise
        context["result"] = result
        context["feedback_enabled"] = bool(result.query_id and hub_search.capabilities().feedback)
    return render(request, "frontend_sites/kcc/console.html", context)


def _fallback_search(query: str, token: str) -> hub_search.SearchResult:
    """Until the hub's search exists: match the words against titles and summaries."""
    from ..hub_pages import list_pages

    words = [w for w in query.lower().split() if len(w) > 1]
    pages = list_pages(max_slices=FALLBACK_MATCH_PAGES, token=token, chan="KCC", order_by="TITLE_ASC")
    hits = []
    for page in pages:
        text = f"{page['title']} {page['summary']}".lower()
        score = sum(word in text for word in words)
        if score:
            hits.append({**page, "snippet": page["summary"], "score": score})
    hits.sort(key=lambda h: -h["score"])
    return hub_search.SearchResult(query=query, hits=hits[:10], total=len(hits))


def sign_out_expired(request):
    response = redirect(reverse("kcc:sign_in") + "?verlopen=1")
    clear_cookies(response)
    return response


@require_GET
@staff_required
def answer(request, ref: str):
    try:
        data = hub_client.client(request.kcc_token).execute(
            hub_client.query("page_by_ref"), {"ref": ref, "channel": "KCC"}
        )
    except hub_client.HubError as error:
        if error.code == "UNAUTHENTICATED":
            return sign_out_expired(request)
        if error.code in {"NOT_FOUND", "FORBIDDEN"}:
            raise Http404(ref) from error
        raise
    page = data.get("pageByRef")
    if not page:
        raise Http404(ref)
    scripts, other = [], []
    for block in _all_blocks(page):
        (scripts if block["type"] == "kcc_script" else other).append(block)
    context = {
        "page": page,
        "scripts": scripts,
        "blocks": other,
        "query": request.GET.get("q", ""),
        "query_id": request.GET.get("zoekvraag", ""),
        "feedback_enabled": bool(request.GET.get("zoekvraag") and hub_search.capabilities().feedback),
        "mark_enabled": hub_feedback.kcc_enabled(),
    }
    return render(request, "frontend_sites/kcc/answer.html", context)


def _all_blocks(page: dict) -> list[dict]:
    blocks = list(page.get("blocks") or [])
    for section in page.get("sections") or []:
        blocks.extend(section["blocks"])
    flat = []
    for block in blocks:
        if block["type"] == "fragment":
            flat.extend(block.get("fragmentBlocks") or [])
        else:
            flat.append(block)
    return flat


@require_POST
@staff_required
def feedback(request):
    found = request.POST.get("gevonden") == "ja"
    recorded = hub_search.record_feedback(request.POST.get("zoekvraag", ""), found, request.kcc_token)
    return render(
        request,
        "frontend_sites/kcc/feedback.html",
        {"recorded": recorded, "found": found, "query": request.POST.get("q", "")},
    )


VERDICTS = {"klopt_niet": "KLOPT_NIET", "verouderd": "VEROUDERD"}
MARK_PROBLEMS = {
    "CHOOSE": ("Kies 'Klopt niet' of 'Verouderd'.", 400),
    "COMMENT_TOO_LONG": ("Uw notitie is te lang. Gebruik hoogstens 1000 tekens.", 400),
    "RATE_LIMITED": ("U heeft al veel meldingen gedaan. Probeer het later opnieuw.", 429),
    "NOT_FOUND": ("Dit antwoord bestaat niet meer.", 404),
}


@require_POST
@staff_required
def mark_answer(request, ref: str):
    """A KCC employee marks an answer "klopt niet" or "verouderd" with a note; the editors get it."""
    verdict = VERDICTS.get(request.POST.get("oordeel", ""))
    if verdict is None:
        code = "CHOOSE"
    else:
        outcome = hub_feedback.send_kcc_feedback(
            token=request.kcc_token, ref=ref, verdict=verdict, note=request.POST.get("notitie", "")
        )
        if outcome.code == "UNAUTHENTICATED":
            return sign_out_expired(request)
        code = outcome.code
    message, status = MARK_PROBLEMS.get(code, ("Het melden lukt nu niet. Probeer het later opnieuw.", 503))
    context = {"ref": ref, "stored": code is None, "problem": "" if code is None else message}
    if code is None:
        context["cleaned"] = outcome.personal_data_removed
        status = 200
    return render(request, "frontend_sites/kcc/marked.html", context, status=status)

"""The question "Was deze informatie nuttig?" under a page: the form posts to the page's own
address on this server (CSRF protected), which sends it to the hub with the resident's address as
`X-Forwarded-For` (see hub_feedback). After sending: a redirect to the page with a thank-you
(post/redirect/get), so reloading sends nothing twice. Works without JavaScript.
"""

from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect

from .. import hub_feedback, languages
from ..hub_pages import NotTranslated, channel, get_page

PAGE_TYPES = {"product", "answer", "article"}
HELPFUL = {"ja": True, "nee": False}
THANKS = "bedankt"
# Error code from the hub (or this server) -> (text key, HTTP status of the page shown again).
PROBLEMS = {
    "CHOOSE": ("feedback_choose", 400),
    "COMMENT_TOO_LONG": ("feedback_too_long", 400),
    "RATE_LIMITED": ("feedback_too_many", 429),
    "UNAVAILABLE": ("feedback_unavailable", 503),
}


def form_state(request, page: dict, *, preview: bool = False) -> dict | None:
    """What the feedback part of a page shows, or None when the page has none (home, sections,
    previews, or a hub without `submitFeedback`)."""
    if preview or page.get("contentType") not in PAGE_TYPES or not page.get("ref"):
        return None
    if not hub_feedback.enabled():
        return None
    return {
        "thanks": request.GET.get("feedback") == THANKS,
        "cleaned": request.GET.get("opgeschoond") == "1",
        "max_length": hub_feedback.COMMENT_MAX_LENGTH,
        "problem": "",
        "helpful": "",
        "comment": "",
    }


def post_feedback(request, path: str, render_page):
    """The resident's answer for the page at `path`; `render_page` shows the page again with a
    problem (the form keeps what was typed)."""
    language = getattr(request, "language", None) or languages.default_language()
    try:
        page = get_page(path, language)
    except NotTranslated:
        raise Http404(path) from None
    state = form_state(request, page)
    if state is None:
        return HttpResponseNotAllowed(["GET"])
    choice = request.POST.get("nuttig", "")
    comment = request.POST.get("opmerking", "")
    if choice not in HELPFUL:
        code = "CHOOSE"
    else:
        outcome = hub_feedback.send_page_feedback(
            ref=page["ref"],
            helpful=HELPFUL[choice],
            comment=comment,
            language=page.get("language") or language,
            channel=channel(),
            resident_address=request.META.get("REMOTE_ADDR", ""),
        )
        if outcome.stored:
            target = f"{request.path}?feedback={THANKS}"
            if outcome.personal_data_removed:
                target += "&opgeschoond=1"
            return redirect(target + "#feedback")
        code = outcome.code if outcome.code in PROBLEMS else "UNAVAILABLE"
    key, status = PROBLEMS[code]
    ui = languages.texts(page.get("language") or language)
    state.update(problem=ui[key], problem_field="opmerking" if code == "COMMENT_TOO_LONG" else "nuttig")
    state.update(helpful=choice, comment=comment[: state["max_length"] * 2])
    response = render_page(request, page, feedback=state, status=status)
    if status == 429:
        response["Retry-After"] = "3600"
    return response

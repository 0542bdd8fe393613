"""Headless preview: the editor's "Voorbeeld" opens /preview/?content_type=…&token=…"""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from .. import hub_client
from ..hub_pages import channel
from .pages import render_page


@require_GET
def preview(request):
    token = request.GET.get("token", "")
    if not token:
        return _problem(request, 400, "Er ontbreekt een code in de link.")
    try:
        data = hub_client.client().execute(hub_client.query("page_preview"), {"token": token, "channel": channel()})
    except hub_client.HubError as error:
        if error.code == "PREVIEW_TOKEN_INVALID":
            return _problem(request, 410, "De link voor dit voorbeeld is verlopen of klopt niet.")
        if error.code in {"NOT_FOUND", "FORBIDDEN", "BAD_INPUT"}:
            return _problem(request, 400, "Dit voorbeeld kunnen we niet laten zien.")
        raise
    page = data.get("pagePreview")
    if not page:
        return _problem(request, 400, "Dit voorbeeld kunnen we niet laten zien.")
    return render_page(request, page, preview=True)


def _problem(request, status: int, message: str):
    response = render(request, "frontend_sites/preview_problem.html", {"message": message}, status=status)
    response["Cache-Control"] = "no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response

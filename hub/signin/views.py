"""The second step of the admin sign-in, setting it up, and an administrator's reset."""

import logging
from base64 import b32encode

import segno
from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login

from .second_factor import (
    has_confirmed_device,
    new_recovery_codes,
    pending_totp_device,
    reset_second_factor,
    verify_code,
)

logger = logging.getLogger("hub.signin")
WRONG_CODE = (
    "Deze code klopt niet, of is al gebruikt. Wacht tot de app een nieuwe code laat zien en typ die in. "
    "Na een verkeerde code moet u steeds iets langer wachten."
)


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code",
        max_length=32,
        help_text="De 6 cijfers uit uw app. Of een herstelcode als u de app niet bij de hand hebt.",
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )


class SetupCodeForm(CodeForm):
    code = forms.CharField(
        label="Code",
        max_length=32,
        help_text="De 6 cijfers die de app laat zien nadat u de QR-code hebt gescand.",
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return "/admin/"


@never_cache
@login_required(login_url="wagtailadmin_login")
def verify(request):
    """Second step: a code from the authenticator app or a recovery code."""
    if not has_confirmed_device(request.user):
        return redirect("hub_signin:setup")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = verify_code(request.user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            logger.info("SIGNIN_SECOND_FACTOR_OK: user %s (%s)", request.user.pk, device.__class__.__name__)
            return redirect(_next_url(request))
        logger.warning("SIGNIN_SECOND_FACTOR_WRONG: user %s", request.user.pk)
        form.add_error("code", WRONG_CODE)
    return render(request, "hub_signin/verify.html", {"form": form, "next": _next_url(request)})


@never_cache
@login_required(login_url="wagtailadmin_login")
def setup(request):
    """First sign-in: scan the QR code, type a code to confirm; then the recovery codes, once."""
    if has_confirmed_device(request.user):
        return redirect("hub_signin:verify")
    device = pending_totp_device(request.user)
    form = SetupCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        code = "".join(form.cleaned_data["code"].split())
        if device.verify_token(code):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            codes = new_recovery_codes(request.user)
            logger.info("SIGNIN_SECOND_FACTOR_SET_UP: user %s", request.user.pk)
            return render(request, "hub_signin/recovery_codes.html", {"codes": codes, "next": _next_url(request)})
        form.add_error("code", WRONG_CODE)
    qr_svg = segno.make(device.config_url, error="m").svg_inline(scale=5, title="QR-code voor uw app")
    context = {"form": form, "qr_svg": qr_svg, "secret": _grouped(device), "next": _next_url(request)}
    return render(request, "hub_signin/setup.html", context)


def _grouped(device) -> str:
    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@never_cache
def reset(request, user_id: int):
    """An administrator removes a user's second factor; the user sets it up again at next sign-in.
    GET asks to confirm, POST does it."""
    if not request.user.has_perm(f"{get_user_model()._meta.app_label}.change_user"):
        raise PermissionDenied
    user = get_object_or_404(get_user_model(), pk=user_id)
    if request.method != "POST":
        return render(request, "hub_signin/reset.html", {"account": user})
    removed = reset_second_factor(user)
    logger.warning("SIGNIN_SECOND_FACTOR_RESET: user %s by user %s (%s devices)", user.pk, request.user.pk, removed)
    messages.success(
        request,
        f"De tweede stap van {user.get_username()} is gewist. "
        "Bij de volgende keer inloggen stelt deze persoon de tweede stap opnieuw in.",
    )
    return redirect("wagtailusers_users:index")

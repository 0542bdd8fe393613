from django.contrib.auth import get_user_model
from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.widgets import Button

from . import urls


@hooks.register("register_admin_urls")
def second_step_urls():
    return [path("tweede-stap/", include(urls))]


@hooks.register("register_user_listing_buttons")
def reset_second_factor_button(user, request_user):
    if request_user.has_perm(f"{get_user_model()._meta.app_label}.change_user"):
        yield Button(
            "Tweede stap wissen",
            url=reverse("hub_signin:reset", args=[user.pk]),
            icon_name="key",
            priority=60,
        )

from django.urls import include, path

from ..views import kcc, kcc_signin, statements
from .website import handler400, handler403, handler404, handler500  # noqa: F401

app_patterns = (
    [
        path("", kcc.console, name="console"),
        path("inloggen/", kcc.sign_in, name="sign_in"),
        path("inloggen/start/", kcc_signin.start, name="sign_in_start"),
        path("inloggen/terug/", kcc_signin.back, name="sign_in_return"),
        path("uitloggen/", kcc.sign_out, name="sign_out"),
        path("antwoord/<str:ref>/", kcc.answer, name="answer"),
        path("antwoord/<str:ref>/melden/", kcc.mark_answer, name="mark_answer"),
        path("feedback/", kcc.feedback, name="feedback"),
    ],
    "kcc",
)

urlpatterns = [
    # Public on purpose, like on every front-end (docs/security.md).
    path(".well-known/security.txt", statements.security_txt, name="security_txt"),
    path("toegankelijkheidsverklaring/", statements.accessibility_statement, name="accessibility_statement"),
    path("", include(app_patterns)),
]

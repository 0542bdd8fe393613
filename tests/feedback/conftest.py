import pytest

from tests.api.conftest import gql  # noqa: F401 - the API's helper, for the feedback mutations
from tests.conftest import HUB_CONTENT

# An English translation of the passport page, to send feedback on the English version.
ENGLISH = {
    "format": "hub-import/1",
    "items": [
        {
            "type": "product",
            "ref": "product-passport",
            "translation_of": "product-paspoort",
            "language": "en",
            "title": "Apply for a passport",
            "summary": "Apply for a Dutch passport at the town hall.",
            "blocks": [{"type": "text", "value": "Make an appointment."}],
        }
    ],
}


@pytest.fixture(scope="module")
def module_feedback_content(module_import):
    module_import(*HUB_CONTENT, (ENGLISH, True))


@pytest.fixture
def feedback_content(module_feedback_content, db):
    """The shared test content (public, internal and draft pages on two sites) and an English page."""


def make_feedback(ref="product-paspoort", **fields):
    from content.models.pages import find_page_by_ref
    from feedback.models import Feedback

    defaults = {"language": "nl", "channel": "web", "kind": "resident", "helpful": False, "comment": ""}
    return Feedback.objects.create(page=find_page_by_ref(ref), **{**defaults, **fields})

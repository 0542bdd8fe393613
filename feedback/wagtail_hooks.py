"""Admin: the "Feedback" menu item with the editors' task list (feedback.admin_views)."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .admin_views import FeedbackPermissionPolicy, FeedbackViewSet
from .models import Feedback

register_permission_policy(Feedback, FeedbackPermissionPolicy(Feedback), exact_class=True)


@hooks.register("register_admin_viewset")
def register_feedback_viewset():
    return FeedbackViewSet("feedback")

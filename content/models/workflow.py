from wagtail.models import AbstractGroupApprovalTask


class EindredactieTask(AbstractGroupApprovalTask):
    """The final editor's approval step. Approving or rejecting shows the page's B1 report."""

    def get_actions(self, obj, user):
        if user.is_superuser or self._user_in_groups(user):
            return [("reject", "Wijzigingen vragen", True), ("approve", "Goedkeuren", True)]
        return []

    def get_template_for_action(self, action):
        return "content/editorial/eindredactie_modal.html"

    @classmethod
    def get_description(cls):
        return "Een eindredacteur keurt de pagina goed en ziet daarbij het B1-rapport."

    class Meta:
        verbose_name = "eindredactie met B1-rapport"
        verbose_name_plural = "eindredactie met B1-rapport"

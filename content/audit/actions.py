"""The audit trail's own log actions: names, Dutch labels and the message shown per entry.

Each package records its actions with `wagtail.log_actions.log(instance, ACTION, ...)` and the
names below; `content.wagtail_hooks` registers them all with Wagtail (`register_log_actions`), so
the labels live in one place and the report's action filter lists them.
"""

from wagtail.log_actions import LogFormatter

B1_OVERRIDE = "hub.b1_override"  # recorded by quality's publish gate
SIGN_IN = "hub.sign_in"
SIGN_IN_FAILED = "hub.sign_in_failed"
DELIVERY_SENT = "hub.delivery.sent"
DELIVERY_WITHDRAWN = "hub.delivery.withdrawn"
DELIVERY_FAILED = "hub.delivery.failed"
FEED_BUILT = "hub.delivery.feed_built"
# Wagtail's own action names for API tokens, reused by our commands (names, not secrets).
TOKEN_CREATED = "wagtail.apitoken.create"  # noqa: S105
TOKEN_REVOKED = "wagtail.apitoken.revoke"  # noqa: S105

# Sign-ins and tokens concern accounts, not content: only superusers see them (docs/roles.md).
ACCOUNT_ACTIONS = (SIGN_IN, SIGN_IN_FAILED, TOKEN_CREATED, TOKEN_REVOKED)

LOCAL, ORGANISATION = "local", "organisation"
SIGN_IN_METHODS = {LOCAL: "lokaal account", ORGANISATION: "organisatieaccount"}

TARGET_NAMES = {"sdg": "SDG-productcatalogus", "kiss": "KISS", "sc": "Samenwerkende Catalogi"}


def _method(entry) -> str:
    return SIGN_IN_METHODS.get((entry.data or {}).get("method"), "onbekende manier")


def _address(entry) -> str:
    address = (entry.data or {}).get("address")
    return f", vanaf {address}" if address else ""


class SignIn(LogFormatter):
    label = "Aangemeld"

    def format_message(self, entry):
        return f"Aangemeld met {_method(entry)}{_address(entry)}"


class SignInFailed(LogFormatter):
    label = "Aanmelden mislukt"

    def format_message(self, entry):
        username = (entry.data or {}).get("username", "")
        as_whom = f" als '{username}'" if username else ""
        return f"Aanmelden mislukt{as_whom} met {_method(entry)}{_address(entry)}"


class B1Override(LogFormatter):
    label = "Gepubliceerd onder B1-niveau"

    def format_message(self, entry):
        data = entry.data or {}
        done = "Aangeboden" if data.get("step") == "submit" else "Gepubliceerd"
        return f"{done} onder B1-niveau. Reden: {data.get('reason', '')}"


class _Delivery(LogFormatter):
    verb = ""

    def format_message(self, entry):
        data = entry.data or {}
        target = TARGET_NAMES.get(data.get("target"), data.get("target", ""))
        variant = f" ({data['variant']})" if data.get("variant") else ""
        error = f": {data['error']}" if data.get("error") else ""
        return f"{self.verb} {target}{variant}{error}"


class DeliverySent(_Delivery):
    label = "Geleverd aan landelijke catalogus"
    verb = "Geleverd aan"


class DeliveryWithdrawn(_Delivery):
    label = "Ingetrokken bij landelijke catalogus"
    verb = "Ingetrokken bij"


class DeliveryFailed(_Delivery):
    label = "Levering aan landelijke catalogus mislukt"
    verb = "Levering mislukt aan"


class FeedBuilt(LogFormatter):
    label = "Feed voor landelijke catalogus opgebouwd"

    def format_message(self, entry):
        data = entry.data or {}
        target = TARGET_NAMES.get(data.get("target"), data.get("target", ""))
        left_out = data.get("left_out", 0)
        return f"Feed voor {target} opgebouwd: {data.get('products', 0)} producten, {left_out} weggelaten"


FORMATTERS = {
    FEED_BUILT: FeedBuilt,
    B1_OVERRIDE: B1Override,
    SIGN_IN: SignIn,
    SIGN_IN_FAILED: SignInFailed,
    DELIVERY_SENT: DeliverySent,
    DELIVERY_WITHDRAWN: DeliveryWithdrawn,
    DELIVERY_FAILED: DeliveryFailed,
}


def register_actions(actions) -> None:
    """The `register_log_actions` hook: our actions with their Dutch labels."""
    for name, formatter in FORMATTERS.items():
        actions.register_action(name)(formatter)

"""The OpenID Connect backend: who may sign in, and with which of the hub's groups.

mozilla-django-oidc does the protocol (state, nonce, PKCE, the code exchange, the signature).
This backend adds what the hub needs on top:
- the ID token must come from the configured issuer, for this client, and not be expired;
- the provider's groups (claim HUB_OIDC_GROUPS_CLAIM) map onto the hub's roles
  (HUB_OIDC_GROUP_MAP, names from content.roles); the mapped groups are replaced at every
  sign-in, groups the map does not name are left alone;
- a user with no mapped group is refused before any account is made;
- every refusal is logged with its reason and shown in plain Dutch on the sign-in page.
"""

import logging

import jwt
import requests
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.models import Group
from django.core.exceptions import SuspiciousOperation
from django.db import transaction
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from content.roles import FINAL_EDITORS, KCC_STAFF, SITE_EDITORS_PREFIX, WEB_EDITORS

logger = logging.getLogger("hub.signin")

REFUSED_NO_GROUP = (
    "U kunt niet inloggen: uw organisatie-account hoort niet bij een groep die in de contenthub "
    "mag werken. Vraag uw leidinggevende of de functioneel beheerder om u toe te voegen."
)
REFUSED_FAILED = "Inloggen met uw organisatie-account is niet gelukt. Probeer het opnieuw."
REFUSED_ADMIN = "Een beheerder logt in met een eigen account van de contenthub, niet met een organisatie-account."


def is_role_group(name: str) -> bool:
    """Only the roles of content/roles.py may be given by the identity provider."""
    return name in {WEB_EDITORS, FINAL_EDITORS, KCC_STAFF} or (
        name.startswith(SITE_EDITORS_PREFIX) and len(name) > len(SITE_EDITORS_PREFIX)
    )


def group_map() -> dict[str, list[str]]:
    """HUB_OIDC_GROUP_MAP as provider group -> hub groups; names that are no role are dropped."""
    result = {}
    for provider_group, hub_groups in settings.HUB_OIDC_GROUP_MAP.items():
        names = [hub_groups] if isinstance(hub_groups, str) else hub_groups
        if not isinstance(names, list):
            names = []
        wrong = [name for name in names if not isinstance(name, str) or not is_role_group(name)]
        if wrong:
            logger.warning("HUB_OIDC_GROUP_MAP: %r is no role of the hub; ignored", wrong)
        result[str(provider_group)] = [name for name in names if name not in wrong]
    return result


def managed_groups() -> set[str]:
    """The hub groups OpenID Connect decides about: every group the map can give."""
    return {name for names in group_map().values() for name in names}


def mapped_groups(claims: dict) -> set[str]:
    """The hub groups the provider's groups of this user give."""
    provider_groups = claims.get(settings.HUB_OIDC_GROUPS_CLAIM) or []
    if isinstance(provider_groups, str):
        provider_groups = [provider_groups]
    mapping = group_map()
    return {name for group in provider_groups if isinstance(group, str) for name in mapping.get(group, [])}


class SignInRefused(Exception):
    """The user may not sign in; the message is for them, the reason for the log."""

    def __init__(self, reason: str, message: str = REFUSED_FAILED):
        super().__init__(reason)
        self.reason = reason
        self.message = message


def refuse(request, reason: str, message: str = REFUSED_FAILED) -> None:
    logger.warning("OIDC sign-in refused: %s", reason)
    if request is not None:
        messages.error(request, message)


class HubOIDCBackend(OIDCAuthenticationBackend):
    def authenticate(self, request, **kwargs):
        try:
            return super().authenticate(request, **kwargs)
        except SignInRefused as refusal:
            refuse(request, refusal.reason, refusal.message)
        except SuspiciousOperation as error:
            refuse(request, f"token refused: {error}")
        except requests.RequestException as error:
            # A replayed or expired authorization code: the provider's token endpoint says no.
            refuse(request, f"the provider refused the code exchange or could not be reached: {error}")
        except (jwt.PyJWTError, ValueError, KeyError) as error:
            refuse(request, f"unreadable answer from the provider: {error!r}")
        return None

    def get_payload_data(self, token, key):
        """Verify signature, issuer, audience and expiry (the package itself checks only the
        signature and the nonce)."""
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError as error:
            raise SuspiciousOperation(f"the ID token is no JWT: {error}") from error
        if header.get("alg") != self.OIDC_RP_SIGN_ALGO:
            raise SuspiciousOperation(
                f"the ID token is signed with {header.get('alg')!r}, not {self.OIDC_RP_SIGN_ALGO}"
            )
        try:
            return jwt.decode(
                token,
                key,
                algorithms=[self.OIDC_RP_SIGN_ALGO],
                audience=self.OIDC_RP_CLIENT_ID,
                issuer=settings.OIDC_OP_ISSUER,
                options={"require": ["exp", "iat", "iss", "aud", "sub"]},
                leeway=30,
            )
        except jwt.ExpiredSignatureError as error:
            raise SuspiciousOperation("the ID token has expired") from error
        except jwt.InvalidIssuerError as error:
            raise SuspiciousOperation(f"unknown issuer (expected {settings.OIDC_OP_ISSUER})") from error
        except jwt.InvalidAudienceError as error:
            raise SuspiciousOperation("the ID token is for another client") from error
        except jwt.PyJWTError as error:
            raise SuspiciousOperation(f"the ID token is not valid: {error}") from error

    def get_userinfo(self, access_token, id_token, payload):
        """Userinfo completes the ID token; the ID token's subject must stay the same."""
        userinfo = super().get_userinfo(access_token, id_token, payload)
        if userinfo.get("sub") != payload.get("sub"):
            raise SignInRefused("userinfo is about another subject than the ID token")
        return {**payload, **userinfo}

    def verify_claims(self, claims):
        if not claims.get("email"):
            raise SignInRefused(f"no e-mail address for subject {claims.get('sub')!r}")
        if not mapped_groups(claims):
            raise SignInRefused(
                f"no mapped group for {claims.get('email')!r} (groups {claims.get(settings.HUB_OIDC_GROUPS_CLAIM)!r})",
                REFUSED_NO_GROUP,
            )
        return True

    def filter_users_by_claims(self, claims):
        return super().filter_users_by_claims(claims).filter(is_active=True)

    def create_user(self, claims):
        with transaction.atomic():
            user = super().create_user(claims)
            return self.update_user(user, claims)

    def update_user(self, user, claims):
        if user.is_superuser:
            raise SignInRefused(f"{user.username} is a superuser", REFUSED_ADMIN)
        user.first_name = (claims.get("given_name") or claims.get("name") or user.first_name)[:150]
        user.last_name = (claims.get("family_name") or user.last_name)[:150]
        user.save(update_fields=["first_name", "last_name"])
        self._replace_groups(user, mapped_groups(claims))
        return user

    def _replace_groups(self, user, wanted: set[str]) -> None:
        managed = managed_groups()
        existing = {group.name: group for group in Group.objects.filter(name__in=managed)}
        missing = wanted - existing.keys()
        if missing:
            logger.warning("OIDC: hub groups %s do not exist (yet); not given to %s", sorted(missing), user.username)
        keep = [group for group in user.groups.all() if group.name not in managed]
        user.groups.set([*keep, *(existing[name] for name in wanted if name in existing)])
        logger.info("OIDC sign-in: %s has groups %s", user.username, sorted(wanted & existing.keys()))

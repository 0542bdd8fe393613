"""`submitFeedback` (residents, through the website and the app) and `submitKccFeedback` (KCC
staff): a thin adapter over `feedback.submission`, which owns the rules."""

import graphene

from feedback.cleaning import CommentTooLong
from feedback.submission import (
    InvalidFeedback,
    NotAllowed,
    PageNotFound,
    submit_kcc_feedback,
    submit_resident_feedback,
)
from feedback.throttle import RateLimited

from ..access import request_user
from ..core.types import Channel, channel_value
from ..errors import BAD_INPUT, COMMENT_TOO_LONG, FORBIDDEN, NOT_FOUND, RATE_LIMITED, ClientError
from ..languages.arguments import language_argument, requested_language


class KccVerdict(graphene.Enum):
    """What a KCC employee says about an answer."""

    KLOPT_NIET = "klopt_niet"
    VEROUDERD = "verouderd"

    @property
    def description(self):
        return {
            KccVerdict.KLOPT_NIET: "The answer is wrong ('klopt niet').",
            KccVerdict.VEROUDERD: "The answer is out of date ('verouderd').",
        }.get(self)


class FeedbackReceipt(graphene.ObjectType):
    """The feedback was stored and reaches the page's editors."""

    received = graphene.Boolean(required=True, description="Always true: the feedback was stored.")
    personal_data_removed = graphene.Boolean(
        required=True,
        description="True when e-mail addresses, phone numbers, BSN-like numbers or addresses were taken out of "
        "the comment before it was stored.",
    )


def _submit(submit, **arguments):
    """Run a submission and turn each refusal into its coded error (nothing was stored)."""
    try:
        receipt = submit(**arguments)
    except PageNotFound:
        raise ClientError(NOT_FOUND, "No page with this ref that you may give feedback on.") from None
    except CommentTooLong as error:
        raise ClientError(COMMENT_TOO_LONG, str(error), maxLength=error.max_length) from None
    except RateLimited as error:
        raise ClientError(RATE_LIMITED, str(error), retryAfter=error.retry_after) from None
    except NotAllowed as error:
        raise ClientError(FORBIDDEN, str(error)) from None
    except InvalidFeedback as error:
        raise ClientError(BAD_INPUT, str(error)) from None
    return FeedbackReceipt(received=True, personal_data_removed=receipt.personal_data_removed)


def _language(language):
    return requested_language(language) if language is not None else None


class FeedbackMutations(graphene.ObjectType):
    submit_feedback = graphene.Field(
        FeedbackReceipt,
        required=True,
        ref=graphene.String(required=True, description="Ref of the page the resident read."),
        helpful=graphene.Boolean(required=True, description="The answer to 'Was deze informatie nuttig?'."),
        comment=graphene.String(
            description="Optional comment, plain text. Personal data is removed before it is stored; longer than "
            "HUB_FEEDBACK_COMMENT_MAX_LENGTH (1000) characters gives COMMENT_TOO_LONG."
        ),
        language=language_argument(
            "the version of the page the resident read (its translation in this language)",
            default="the page with `ref`",
        ),
        channel=graphene.Argument(Channel, default_value="web", description="WEB or APP."),
        description="A resident's feedback on a published public page (website or app). Called by the front-end's "
        "server with the resident's address in `X-Forwarded-For` (believed only from configured front-end hosts), "
        "for a limit per resident: RATE_LIMITED. Unknown, draft or internal page: NOT_FOUND.",
    )
    submit_kcc_feedback = graphene.Field(
        FeedbackReceipt,
        required=True,
        ref=graphene.String(required=True, description="Ref of the answer or page."),
        verdict=graphene.Argument(KccVerdict, required=True, description="Wrong or out of date."),
        note=graphene.String(description="What is wrong, plain text; personal data is removed before it is stored."),
        language=language_argument("the version of the page the employee read", default="the page with `ref`"),
        channel=graphene.Argument(Channel, default_value="kcc", description="KCC or BALIE."),
        description="A KCC employee marks a page (also an internal one) as wrong or out of date. Staff only "
        "(permission feedback.add_feedback, the group KCC-medewerkers): FORBIDDEN for anyone else.",
    )

    @staticmethod
    def resolve_submit_feedback(root, info, ref, helpful, comment=None, language=None, channel="web"):
        return _submit(
            submit_resident_feedback,
            request=info.context,
            ref=ref,
            helpful=helpful,
            comment=comment,
            channel=channel_value(channel),
            language=_language(language),
        )

    @staticmethod
    def resolve_submit_kcc_feedback(root, info, ref, verdict, note=None, language=None, channel="kcc"):
        return _submit(
            submit_kcc_feedback,
            user=request_user(info.context),
            ref=ref,
            verdict=getattr(verdict, "value", verdict),
            note=note,
            channel=channel_value(channel),
            language=_language(language),
        )

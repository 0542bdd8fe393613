import graphene

from ..access import request_is_staff, request_user


class Viewer(graphene.ObjectType):
    """Who the hub thinks is calling."""

    authenticated = graphene.Boolean(required=True, description="True with a valid token or session.")
    staff = graphene.Boolean(required=True, description="True when the caller may see internal content.")


class ViewerQueries(graphene.ObjectType):
    viewer = graphene.Field(Viewer, required=True, description="The caller: lets a console refuse non-staff tokens.")

    @staticmethod
    def resolve_viewer(root, info):
        request = info.context
        info.context._hub_no_store = True
        return {"authenticated": request_user(request) is not None, "staff": request_is_staff(request)}

import graphene


class Query(graphene.ObjectType):
    ping = graphene.String(description="Placeholder")


schema = graphene.Schema(query=Query)

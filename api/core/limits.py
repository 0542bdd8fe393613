"""Depth and cost limits, computed on the parsed query before it runs."""

from django.conf import settings
from graphql import FieldNode, FragmentDefinitionNode, FragmentSpreadNode, InlineFragmentNode, OperationDefinitionNode
from graphql.language import IntValueNode, VariableNode

# Lists without a `first` argument count as this many items.
DEFAULT_LIST_ESTIMATE = {
    "blocks": 10,
    "fragmentBlocks": 3,
    "links": 3,
    "keywords": 5,
    "menu": 8,
    "sections": 1,  # sections partition the blocks of a page
    "renditions": 3,
    "costRows": 5,
    "faqItems": 5,
    "steps": 8,
    "sites": 5,
    "hits": 10,
    "removed": 20,
    "translations": 2,
    "languages": 3,
}
LIST_WITH_FIRST = {"pages", "search"}


def _first(node: FieldNode, variables: dict) -> int | None:
    for argument in node.arguments or []:
        if argument.name.value == "first":
            if isinstance(argument.value, IntValueNode):
                return int(argument.value.value)
            if isinstance(argument.value, VariableNode):
                value = variables.get(argument.value.name.value)
                return int(value) if isinstance(value, int) else None
    return None


class QueryMeasure:
    """Depth and cost of an operation. Cost = fields fetched, multiplied by list sizes."""

    def __init__(self, document, variables: dict | None, operation_name: str | None):
        self.fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
        self.variables = variables or {}
        operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
        if operation_name:
            operations = [o for o in operations if o.name and o.name.value == operation_name]
        self.operation = operations[0] if operations else None
        self.depth = 0
        self.cost = 0
        if self.operation is not None:
            self.cost = self._selection_cost(self.operation.selection_set, 1, set())

    def _selection_cost(self, selection_set, depth, seen_fragments) -> int:
        if selection_set is None:
            return 0
        total = 0
        # Fragments on different concrete types never apply to the same object: count the
        # most expensive one, not their sum.
        by_type: dict[str, int] = {}
        for selection in selection_set.selections:
            if isinstance(selection, InlineFragmentNode) and selection.type_condition is not None:
                name = selection.type_condition.name.value
                cost = self._selection_cost(selection.selection_set, depth, seen_fragments)
                by_type[name] = by_type.get(name, 0) + cost
                continue
            if isinstance(selection, FieldNode):
                if selection.name.value.startswith("__"):
                    total += 1
                    continue
                self.depth = max(self.depth, depth)
                name = selection.name.value
                child = self._selection_cost(selection.selection_set, depth + 1, seen_fragments)
                multiplier = 1
                if name in LIST_WITH_FIRST:
                    multiplier = _first(selection, self.variables) or settings.HUB_GRAPHQL["DEFAULT_PAGE_SIZE"]
                elif name in DEFAULT_LIST_ESTIMATE:
                    multiplier = DEFAULT_LIST_ESTIMATE[name]
                total += 1 + multiplier * child
            elif isinstance(selection, InlineFragmentNode):
                total += self._selection_cost(selection.selection_set, depth, seen_fragments)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                if name in seen_fragments or name not in self.fragments:
                    continue  # cycles and unknown fragments are reported by validation
                total += self._selection_cost(self.fragments[name].selection_set, depth, seen_fragments | {name})
        return total + max(by_type.values(), default=0)

"""What a GraphQL request selects below a field, to load no more than it asks for."""

from graphql import FieldNode, FragmentSpreadNode, InlineFragmentNode


def selected_field_names(info) -> set[str]:
    """Names of every field selected anywhere below the current field, through fragments.

    An over-estimate on purpose (a name counts whatever type it is on): callers use it only to
    leave out what is certainly not asked for.
    """
    names: set[str] = set()
    seen_fragments: set[str] = set()
    pending = [node.selection_set for node in info.field_nodes]
    while pending:
        selection_set = pending.pop()
        if selection_set is None:
            continue
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                names.add(selection.name.value)
                pending.append(selection.selection_set)
            elif isinstance(selection, InlineFragmentNode):
                pending.append(selection.selection_set)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                if name not in seen_fragments and name in info.fragments:
                    seen_fragments.add(name)
                    pending.append(info.fragments[name].selection_set)
    return names

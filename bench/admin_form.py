"""The Wagtail page edit form as a browser would post it, read from the HTML of the edit view.

Plain fields come from the form's <input>, <select> and <textarea> elements. StreamFields have
no inputs in the HTML: Wagtail's JavaScript builds them from the block definitions and the
value in the `data-w-block-*` attributes of the field's placeholder. `EditForm` does what that
JavaScript does with them (the `<prefix>-count`, `-type`, `-order`, `-deleted`, `-id`, `-value`
names that `StreamBlock`, `ListBlock` and `StructBlock` read back), so an edit posted through
it round-trips every block unchanged. Standard library only: the load test's editors use it.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

EDIT_FORM_ID = "page-edit-form"
_CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
_ERROR = re.compile(r'class="error-message"[^>]*>\s*(?:<[^>]+>\s*)*([^<]+)')


class EditForm(HTMLParser):
    """Collects (name, value) pairs of the page edit form, in document order."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.fields: list[tuple[str, str]] = []
        self._in_form = False
        self._template_depth = 0
        self._select: tuple[str, bool] | None = None  # (name, multiple)
        self._select_options: list[tuple[str, bool]] = []
        self._textarea: str | None = None
        self._text: list[str] = []
        self.feed(html)
        self.close()

    # --- HTMLParser --------------------------------------------------------------------------
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and a.get("id") == EDIT_FORM_ID:
            self._in_form = True
            return
        if not self._in_form:
            return
        if tag == "template":  # empty forms of inline panels: copied by JavaScript, never posted
            self._template_depth += 1
        if self._template_depth:
            return
        if "data-w-block-data-value" in a:
            self.fields.extend(block_fields(a["id"], a["data-w-block-data-value"], a["data-w-block-arguments-value"]))
        name = a.get("name")
        if tag == "input" and name and "disabled" not in a:
            kind = (a.get("type") or "text").lower()
            if kind in ("submit", "button", "image", "file", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            self.fields.append((name, a.get("value", "on" if kind in ("checkbox", "radio") else "")))
        elif tag == "select" and name and "disabled" not in a:
            self._select, self._select_options = (name, "multiple" in a), []
        elif tag == "option" and self._select:
            self._select_options.append((a.get("value", ""), "selected" in a))
        elif tag == "textarea" and name and "disabled" not in a:
            self._textarea, self._text = name, []

    def handle_endtag(self, tag):
        if tag == "form" and self._in_form and not self._template_depth:
            self._in_form = False
        elif tag == "template" and self._template_depth:
            self._template_depth -= 1
        elif tag == "select" and self._select:
            name, multiple = self._select
            chosen = [value for value, selected in self._select_options if selected]
            if not chosen and not multiple and self._select_options:
                chosen = [self._select_options[0][0]]  # a browser posts the first option
            self.fields.extend((name, value) for value in chosen)
            self._select = None
        elif tag == "textarea" and self._textarea:
            # The HTML parser keeps the newline that browsers drop right after <textarea>.
            self.fields.append((self._textarea, "".join(self._text).removeprefix("\n")))
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self._text.append(data)

    # --- use -----------------------------------------------------------------------------------
    def get(self, name: str) -> str | None:
        return next((value for key, value in self.fields if key == name), None)

    def replace(self, name: str, value: str) -> None:
        if self.get(name) is None:
            raise KeyError(f"the edit form has no field {name!r}")
        self.fields = [(key, value if key == name else old) for key, old in self.fields]


def csrf_token(html: str) -> str:
    """The CSRF token of the (first) form on an admin page; empty when there is none."""
    match = _CSRF.search(html)
    return match.group(1) if match else ""


def form_errors(html: str) -> list[str]:
    """The error messages an edit view shows next to its fields (for a refused post)."""
    return [" ".join(message.split()) for message in _ERROR.findall(html)]


def block_fields(prefix: str, definition_json: str, arguments_json: str) -> list[tuple[str, str]]:
    """The inputs Wagtail's JavaScript would make for one StreamField (its id is the prefix)."""
    definition = unpack(json.loads(definition_json))
    state = json.loads(arguments_json)[0]
    fields: list[tuple[str, str]] = []
    _block(definition, state, prefix, fields)
    return fields


def unpack(packed):
    """Undo telepath's packing: objects become {"type", "args"}; `_id`/`_ref` are resolved."""
    seen: dict = {}

    def walk(node):
        if isinstance(node, list):
            return [walk(item) for item in node]
        if not isinstance(node, dict):
            return node
        if "_ref" in node:
            return seen[node["_ref"]]
        if "_type" in node:
            value = {"type": node["_type"], "args": [walk(arg) for arg in node["_args"]]}
        elif "_val" in node:
            value = node["_val"]
        elif "_list" in node:
            value = [walk(item) for item in node["_list"]]
        elif "_dict" in node:
            value = {key: walk(item) for key, item in node["_dict"].items()}
        else:
            value = {key: walk(item) for key, item in node.items()}
        if "_id" in node:
            seen[node["_id"]] = value
        return value

    return walk(packed)


def _block(definition: dict, state, prefix: str, fields: list) -> None:
    kind = definition["type"].rsplit(".", 1)[-1]
    args = definition["args"]
    if kind == "StreamBlock":
        children = {child["args"][0]: child for _group, group in args[1] for child in group}
        items = state or []
        fields.append((f"{prefix}-count", str(len(items))))
        for i, item in enumerate(items):
            fields += [
                (f"{prefix}-{i}-type", item["type"]),
                (f"{prefix}-{i}-deleted", ""),
                (f"{prefix}-{i}-order", str(i)),
                (f"{prefix}-{i}-id", item.get("id") or ""),
            ]
            _block(children[item["type"]], item["value"], f"{prefix}-{i}-value", fields)
    elif kind == "ListBlock":
        items = state or []
        fields.append((f"{prefix}-count", str(len(items))))
        for i, item in enumerate(items):
            fields += [
                (f"{prefix}-{i}-deleted", ""),
                (f"{prefix}-{i}-order", str(i)),
                (f"{prefix}-{i}-id", item.get("id") or ""),
            ]
            _block(args[1], item["value"], f"{prefix}-{i}-value", fields)
    elif kind == "StaticBlock":
        return
    elif isinstance(args[1], list):  # a StructBlock (or a subclass with its own JavaScript)
        for child in args[1]:
            name = child["args"][0]
            _block(child, (state or {}).get(name), f"{prefix}-{name}", fields)
    else:
        fields.extend((prefix, value) for value in _widget_values(state))


def _widget_values(state) -> list[str]:
    """What a field block's widget posts for its form state."""
    if state is None:
        return [""]
    if isinstance(state, bool):
        return ["on"] if state else []  # an unticked checkbox posts nothing
    if isinstance(state, dict):  # a chooser: its hidden input holds the chosen object's id
        chosen = state.get("id", state.get("pk"))
        return ["" if chosen is None else str(chosen)]
    if isinstance(state, list):  # several choices (checkboxes, a multiple select)
        return [str(value) for value in state]
    return [str(state)]

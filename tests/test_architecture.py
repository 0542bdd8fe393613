"""The shape of the code, as docs/architecture.md draws it: which package may import which,
no import loops between modules, and no module that has grown past 400 lines.

Every import counts: at module level, inside functions, and `import_module("...")` calls.
"""

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PRODUCT = ("content", "quality", "search", "syndication", "feedback", "api", "hub", "frontend_sites")
# What each product package may import of the project's own packages (besides itself).
ALLOWED = {
    "content": set(),
    "search": {"content"},
    "syndication": {"content"},
    "feedback": {"content"},
    "quality": {"content", "search", "feedback"},
    "api": {"content", "search", "quality", "syndication", "feedback"},
    "hub": {"content", "search", "quality", "syndication", "feedback", "api"},
    "frontend_sites": set(),
}
PROJECT = {*PRODUCT, "bench", "tests", "scripts"}
MAX_LINES = 400


def _modules():
    for package in PRODUCT:
        root = REPO / package
        if not root.exists():
            continue
        for path in sorted(root.rglob("*.py")):
            if "migrations" in path.parts:
                continue
            yield package, path


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    """Every module `path` imports, relative imports resolved, function-level ones included."""
    tree = ast.parse(path.read_text(), filename=str(path))
    this = _module_name(path)
    package = this if path.name == "__init__.py" else this.rpartition(".")[0]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            found.add(module)
            # `from content import models` imports the module content.models
            found |= {f"{module}.{alias.name}" for alias in node.names}
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in {
            "import_module",
            "__import__",
        }:
            if node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                found.add(node.args[0].value)
    return found


@pytest.fixture(scope="module")
def graph():
    modules = {_module_name(path): (package, path) for package, path in _modules()}
    return {name: (package, path, _imports(path)) for name, (package, path) in modules.items()}


def test_each_package_imports_only_what_it_may(graph):
    wrong = []
    for name, (package, _path, imports) in graph.items():
        for imported in imports:
            top = imported.split(".")[0]
            if top in PROJECT and top != package and top not in ALLOWED[package]:
                wrong.append(f"{name} imports {imported}")
    assert not wrong, "imports against docs/architecture.md:\n" + "\n".join(sorted(wrong))


def test_no_module_of_the_product_imports_benchmarks_or_tests(graph):
    wrong = [
        f"{name} imports {imported}"
        for name, (_package, _path, imports) in graph.items()
        for imported in imports
        if imported.split(".")[0] in {"bench", "tests", "scripts"}
    ]
    assert not wrong, "\n".join(wrong)


def test_there_is_no_import_loop_between_modules(graph):
    edges = {
        name: {target for imported in imports if (target := _known(imported, graph)) and target != name}
        for name, (_package, _path, imports) in graph.items()
    }
    cycles = _cycles(edges)
    assert not cycles, "import loops:\n" + "\n".join(" -> ".join(c) for c in cycles)


def test_no_module_is_longer_than_400_lines(graph):
    long = [
        f"{path.relative_to(REPO)}: {n} lines"
        for _package, path, _imports in graph.values()
        if (n := len(path.read_text().splitlines())) > MAX_LINES
    ]
    assert not long, "split these into packages:\n" + "\n".join(long)


def test_the_rules_see_a_function_level_import(tmp_path):
    """The checker itself: an import hidden in a function is found (a rule that cannot fail
    is no rule)."""
    module = tmp_path / "x.py"
    module.write_text("def f():\n    from api.errors import ClientError\n    import_module('quality.reports')\n")
    original = REPO
    try:
        globals()["REPO"] = tmp_path
        assert {"api.errors", "api.errors.ClientError", "quality.reports"} <= _imports(module)
    finally:
        globals()["REPO"] = original


def _known(imported: str, graph) -> str | None:
    """The project module an import refers to (`a.b.C` -> module `a.b` when `C` is a name)."""
    while imported:
        if imported in graph:
            return imported
        imported = imported.rpartition(".")[0]
    return None


def _cycles(edges) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan), each as a loop to read."""
    index, low, stack, on_stack, result = {}, {}, [], set(), []
    counter = [0]

    def visit(node):
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for target in edges.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                result.append(sorted(group))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return result

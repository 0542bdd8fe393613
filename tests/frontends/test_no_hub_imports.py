"""frontend_sites talks to the hub over HTTP only: it must never import the hub's packages."""

import ast
from pathlib import Path

import frontend_sites

HUB_PACKAGES = {"hub", "content", "search", "api"}
PACKAGE_DIR = Path(frontend_sites.__file__).parent


def _imported_top_level_modules(tree: ast.AST) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", getattr(node.func, "id", "")) in {"import_module", "__import__"}
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            names.add(str(node.args[0].value).split(".")[0])
    return names


def test_no_module_in_frontend_sites_imports_hub_code():
    offenders = {}
    files = sorted(PACKAGE_DIR.rglob("*.py"))
    assert len(files) > 10
    for path in files:
        imported = _imported_top_level_modules(ast.parse(path.read_text(encoding="utf-8"), str(path)))
        if imported & HUB_PACKAGES:
            offenders[str(path.relative_to(PACKAGE_DIR))] = sorted(imported & HUB_PACKAGES)
    assert offenders == {}


def test_the_import_scan_would_catch_each_kind_of_import():
    source = "import api.schema\nfrom content.models import ProductPage\nimportlib.import_module('search.engines')"
    assert _imported_top_level_modules(ast.parse(source)) >= {"api", "content", "search"}


def test_the_front_end_settings_and_urls_name_no_hub_module():
    for name in ("settings.py", "urls/website.py", "urls/app.py", "urls/kcc.py"):
        text = (PACKAGE_DIR / name).read_text(encoding="utf-8")
        for package in HUB_PACKAGES:
            assert f'"{package}.' not in text, (name, package)

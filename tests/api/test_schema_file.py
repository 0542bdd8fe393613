from pathlib import Path

from graphql import print_schema

from api.schema import schema

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "api" / "schema.graphql"


def test_the_committed_schema_matches_the_code():
    committed = SCHEMA_FILE.read_text(encoding="utf-8").strip()
    current = print_schema(schema.graphql_schema).strip()
    assert committed == current, "api/schema.graphql is out of date: run `make schema` and commit it."


def test_every_type_field_and_argument_is_described():
    missing = []
    for name, graphql_type in schema.graphql_schema.type_map.items():
        if name.startswith("__") or name in {"String", "Int", "Boolean", "ID", "Float", "DateTime", "Date", "Decimal"}:
            continue
        if not graphql_type.description:
            missing.append(name)
        for field_name, field in getattr(graphql_type, "fields", {}).items():
            if not field.description:
                missing.append(f"{name}.{field_name}")
            for arg_name, arg in getattr(field, "args", {}).items():
                if not arg.description:
                    missing.append(f"{name}.{field_name}({arg_name})")
    assert missing == []

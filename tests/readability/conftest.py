import json
from pathlib import Path

import pytest

from quality.b1.analysis import analyze_text
from quality.b1.config import B1Config
from quality.b1.glossary import Glossary

DATA = Path(__file__).parent / "data"
PAIRS = json.loads((DATA / "pairs.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def glossary():
    """The data-file glossary: analysis tests need no database."""
    return Glossary.from_data_files()


@pytest.fixture
def analyze(glossary):
    def run(text, **config):
        return analyze_text(text, glossary=glossary, config=B1Config(**config))

    return run


def codes(report):
    return [issue["code"] for issue in report["issues"]]


def issue_texts(report, code):
    return [issue["text"] for issue in report["issues"] if issue["code"] == code]

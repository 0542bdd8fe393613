import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

TEXT = "Indien u vragen heeft, kunt u bellen.\nWij sturen de brief middels de post."


@pytest.fixture(autouse=True)
def data_files_only(monkeypatch, glossary):
    monkeypatch.setattr("quality.b1.analysis.current_glossary", lambda: glossary)


def run(*args, stdin=None, monkeypatch=None):
    out = io.StringIO()
    call_command("b1_check", *args, stdout=out)
    return out.getvalue()


def test_text_report_shows_score_verdict_and_issues_with_line_and_column(tmp_path):
    path = tmp_path / "tekst.txt"
    path.write_text(TEXT, encoding="utf-8")
    output = run(str(path))
    assert "Score:" in output
    assert "B1: nee" in output
    assert "1:1 [let op] jargon: 'Indien' is ambtelijke taal." in output
    assert "2:21 [let op] jargon: 'middels'" in output
    assert "suggestie / suggestion: met / via" in output


def test_json_report_is_the_analysis_report(tmp_path):
    from quality.b1.analysis import analyze_text

    path = tmp_path / "tekst.txt"
    path.write_text(TEXT, encoding="utf-8")
    report = json.loads(run(str(path), "--json"))
    assert report == json.loads(json.dumps(analyze_text(TEXT)))
    assert [i["code"] for i in report["issues"]] == ["jargon", "jargon"]


def test_stdin_is_read_with_a_dash(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("Wij sturen u een brief."))
    report = json.loads(run("-", "--json"))
    assert report["b1"] is True
    assert report["sentences"][0]["text"] == "Wij sturen u een brief."


def test_stdin_is_the_default(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("Wij sturen u een brief."))
    assert "B1: ja" in run()


def test_an_unreadable_file_exits_with_code_2(tmp_path):
    with pytest.raises(CommandError, match="Cannot read") as error:
        run(str(tmp_path / "bestaat-niet.txt"))
    assert error.value.returncode == 2


def test_the_command_exits_2_from_the_shell(tmp_path):
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "manage.py", "b1_check", str(tmp_path / "nee.txt")],
        capture_output=True,
        text=True,
        env={**__import__("os").environ, "DJANGO_SETTINGS_MODULE": "hub.settings.test"},
    )
    assert result.returncode == 2
    assert "Cannot read" in result.stderr


def test_a_text_that_is_not_b1_still_exits_0(tmp_path):
    import subprocess
    import sys

    path = tmp_path / "tekst.txt"
    path.write_text("De leges dienen terstond te worden voldaan.", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "manage.py", "b1_check", str(path), "--json"],
        capture_output=True,
        text=True,
        env={**__import__("os").environ, "DJANGO_SETTINGS_MODULE": "hub.settings.test"},
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["b1"] is False

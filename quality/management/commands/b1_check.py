import json
import sys

from django.core.management.base import BaseCommand, CommandError

from quality.b1.analysis import analyze_text

SEVERITY_LABELS = {"error": "FOUT", "warning": "let op"}


class Command(BaseCommand):
    help = "Check a plain text for Dutch language level B1 and print the report (exit 0 even when not B1)."

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", default="-", help="text file to check; '-' or nothing reads stdin")
        parser.add_argument("--json", action="store_true", help="print the report as JSON (the API's format)")

    def handle(self, *args, file: str, json: bool, **options):
        text = self._read(file)
        report = analyze_text(text)
        if json:
            self.stdout.write(_dumps(report))
        else:
            self.stdout.write(render_report(text, report))

    def _read(self, file: str) -> str:
        if file == "-":
            return sys.stdin.read()
        try:
            with open(file, encoding="utf-8") as handle:
                return handle.read()
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {file!r}: {error}", returncode=2) from None


def _dumps(report: dict) -> str:
    return json.dumps(report, ensure_ascii=False, indent=2)


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def render_report(text: str, report: dict) -> str:
    stats = report["stats"]
    verdict = "B1: ja" if report["b1"] else "B1: nee"
    lines = [
        f"Score: {report['score']}/100 ({report['level_label']})",
        f"{verdict} (B1 verdict: {'yes' if report['b1'] else 'no'})",
        f"Zinnen / sentences: {stats['sentences']}, woorden / words: {stats['words']}, "
        f"gemiddelde zinslengte / average sentence length: {stats['avg_sentence_length']}, "
        f"Flesch-Douma: {stats['flesch_douma']}",
        "",
    ]
    if not report["issues"]:
        lines.append("Geen opmerkingen. / No issues.")
    for issue in report["issues"]:
        line, column = line_and_column(text, issue["start"])
        severity = SEVERITY_LABELS[issue["severity"]]
        lines.append(f"{line}:{column} [{severity}] {issue['code']}: {issue['message']}")
        if issue["suggestion"]:
            lines.append(f"    suggestie / suggestion: {issue['suggestion']}")
    return "\n".join(lines)

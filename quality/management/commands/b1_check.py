import json
import sys

from django.core.management.base import BaseCommand, CommandError

from content.languages import configured_languages, default_language, is_configured
from quality.reports import check_for

SEVERITY_LABELS = {"error": "FOUT", "warning": "let op"}


class Command(BaseCommand):
    help = (
        "Check a plain text for Dutch language level B1 (or, with --language en, for plain English) "
        "and print the report (exit 0 even when the text is not plain enough)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", default="-", help="text file to check; '-' or nothing reads stdin")
        parser.add_argument("--json", action="store_true", help="print the report as JSON (the API's format)")
        parser.add_argument(
            "--language",
            default=None,
            help="language of the text (a code of HUB_LANGUAGES); default: the default language",
        )

    def handle(self, *args, file: str, json: bool, language: str | None, **options):
        language = language or default_language()
        check = check_for(language) if is_configured(language) else None
        if check is None:
            raise CommandError(
                f"No language check for {language!r}; use one of: "
                + ", ".join(code for code in configured_languages() if check_for(code)),
                returncode=2,
            )
        text = self._read(file)
        report = check.analyze_text(text)
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


FORMULA_LABELS = {
    "flesch_douma": "Flesch-Douma",
    "flesch_reading_ease": "Flesch reading ease",
    "flesch_kincaid_grade": "Flesch-Kincaid grade",
}


def _formulas(stats: dict) -> str:
    return ", ".join(f"{label}: {stats[key]}" for key, label in FORMULA_LABELS.items() if key in stats)


def render_report(text: str, report: dict) -> str:
    stats = report["stats"]
    verdict = "B1: ja" if report["b1"] else "B1: nee"
    if report.get("language") == "en":
        verdict = "Eenvoudig Engels: ja" if report["b1"] else "Eenvoudig Engels: nee"
    lines = [
        f"Score: {report['score']}/100 ({report['level_label']})",
        f"{verdict} (B1 verdict: {'yes' if report['b1'] else 'no'})",
        f"Zinnen / sentences: {stats['sentences']}, woorden / words: {stats['words']}, "
        f"gemiddelde zinslengte / average sentence length: {stats['avg_sentence_length']}, " + _formulas(stats),
        "",
    ]
    if report.get("verdict_reason"):
        lines[2:2] = [report["verdict_reason"]]
    if not report["issues"]:
        lines.append("Geen opmerkingen. / No issues.")
    for issue in report["issues"]:
        line, column = line_and_column(text, issue["start"])
        severity = SEVERITY_LABELS[issue["severity"]]
        lines.append(f"{line}:{column} [{severity}] {issue['code']}: {issue['message']}")
        if issue["suggestion"]:
            lines.append(f"    suggestie / suggestion: {issue['suggestion']}")
    hinted = [s for s in report["sentences"] if s.get("hint")]
    if hinted:
        lines += ["", "Zo maakt u het eenvoudiger / rewrite hints:"]
    for sentence in hinted:
        line, column = line_and_column(text, sentence["start"])
        lines.append(f"{line}:{column} [{sentence['severity']}] {sentence['hint']}")
    return "\n".join(lines)

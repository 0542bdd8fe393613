"""Cells of a CSV export that a spreadsheet reads as text, never as a formula.

One home for the rule: the feedback export and the audit trail export both use it.
"""

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value) -> str:
    """A text cell a spreadsheet shows as text: one that starts like a formula gets a quote."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text

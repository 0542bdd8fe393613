"""Feedback on pages: residents ("Was deze informatie nuttig?") and KCC staff ("klopt niet /
verouderd") reach the page's editors, who handle it in the admin. See docs/feedback.md."""

"""The plain-English check: English text gets the same report as the Dutch B1 check (docs/b1.md,
section "English"), with English rules: sentence length, passive voice, bureaucratic words,
long and rare words, abbreviations and Flesch reading ease."""

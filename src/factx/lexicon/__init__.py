"""Code over the lexicon data in rules/: numbers, dates, parties and places."""

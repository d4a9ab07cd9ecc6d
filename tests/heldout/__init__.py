"""Held-out articles: unseen text to measure how the extraction generalises."""

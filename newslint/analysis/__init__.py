"""Analyses shared by all rules, computed lazily once per document."""

"""Patterns as data: character classes, bylines, datelines, credits and page furniture."""

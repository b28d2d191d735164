"""Writers turn a parsed `Page` into output formats: JSON (the schema), Markdown, JSON Lines,
IPTC ninjs."""
from banmian.writers.json import article_to_dict, page_to_dict
from banmian.writers.jsonl import page_to_jsonl_records
from banmian.writers.markdown import page_to_markdown
from banmian.writers.ninjs import article_to_ninjs

__all__ = ["article_to_dict", "article_to_ninjs", "page_to_dict", "page_to_jsonl_records", "page_to_markdown"]

"""Briefing output: JSON (the contract other tools read), a Rich terminal view, Markdown and a
self-contained HTML page. Every format renders the one dict ``briefing_to_dict`` builds, so no
format knows more than the JSON; the terminal and Markdown views are short unless ``full``.

    contract  the JSON contract (``briefing_to_dict``)
    digest    what the short view shows first
    labels    source display names, interface strings per language
    terminal  Rich; markdown; html (+ the agreement picture); story (the timeline picture)
"""

from __future__ import annotations

from pathlib import Path

from ..types import Briefing
from .contract import SCHEMA_VERSION, briefing_to_dict, to_json

FORMATS = ("text", "md", "json", "html")
# The format a file name asks for (``--out briefing.html``); any other suffix gets text.
FORMAT_OF_SUFFIX = {".json": "json", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}
# The extension a file written in each format gets (``--each-cluster``).
EXTENSION_OF_FORMAT = {"text": ".txt", "md": ".md", "json": ".json", "html": ".html"}

__all__ = ["EXTENSION_OF_FORMAT", "FORMATS", "SCHEMA_VERSION", "briefing_to_dict", "format_for_path", "render", "to_json"]


def render(briefing: Briefing | dict, fmt: str, full: bool = False) -> str:
    """The briefing in ``fmt`` (one of ``FORMATS``); ``full`` lengthens text and Markdown, and
    past ~100 articles gives every claim's whole list of silent sources (``briefing_to_dict``)."""
    data = briefing if isinstance(briefing, dict) else briefing_to_dict(briefing, full)
    if fmt == "json":
        return to_json(data)
    if fmt == "md":
        from .markdown import to_markdown

        return to_markdown(data, full)
    if fmt == "html":
        from .html import to_html

        return to_html(data)
    from .terminal import to_text

    return to_text(data, full)


def format_for_path(path: str | Path) -> str:
    """The format a file's extension asks for: ``.json``, ``.md``, ``.html``/``.htm``; else text."""
    return FORMAT_OF_SUFFIX.get(Path(path).suffix.lower(), "text")

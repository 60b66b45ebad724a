"""Briefing output: JSON (the contract other tools read), Markdown, self-contained HTML, and a
Rich terminal view. All four read the same ``briefing_to_dict`` so no format knows more."""

from __future__ import annotations

import io
import json
from importlib import resources

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .types import Briefing

FORMATS = ("text", "md", "json", "html")
# Version of the JSON contract; bumped (and noted in the README changelog) on any change.
SCHEMA_VERSION = 1


def briefing_to_dict(briefing: Briefing) -> dict:
    """The JSON contract: keys are only ever added; see the README changelog."""
    return {
        "schema_version": SCHEMA_VERSION,
        "language": briefing.language,
        "words": briefing.words,
        "summary_words": sum(len(s.text.split()) for s in briefing.summary),
        "documents": [
            {
                "id": d.id,
                "origin": d.origin,
                "language": d.language,
                "title": d.title,
                "title_source": d.title_source,
                "text": d.text,
                "headings": list(d.headings),
                "removed": [{"text": r.text, "reason": r.reason, "start": r.start} for r in d.removed],
                "repairs": [
                    {"original": r.original, "repaired": r.repaired, "kind": r.kind, "start": r.start}
                    for r in d.repairs
                ],
            }
            for d in briefing.documents
        ],
        "summary": [
            {
                "text": s.text,
                "source": s.source,
                "sentence_index": s.index,
                "score": s.score,
                "sources": len(s.sources),
                "relaxed": s.relaxed,
                "corroborated_by": [
                    {"source": c.source, "sentence": c.sentence, "sentence_index": c.index, "similarity": c.similarity}
                    for c in s.corroborated_by
                ],
            }
            for s in briefing.summary
        ],
        "problems": [{"origin": p.origin, "message": p.message, "skipped": p.skipped} for p in briefing.problems],
    }


def to_json(briefing: Briefing) -> str:
    return json.dumps(briefing_to_dict(briefing), ensure_ascii=False, indent=2) + "\n"


def to_markdown(briefing: Briefing) -> str:
    data = briefing_to_dict(briefing)
    lines = [f"# Briefing ({len(data['documents'])} sources, {data['summary_words']}/{data['words']} words)", "", "## Summary", ""]
    for item in data["summary"]:
        others = ", ".join(f"`{c['source']}`" for c in item["corroborated_by"])
        cited = f"`{item['source']}`" + (f"; also stated by {others}" if others else "; single source")
        lines.append(f"- {item['text']} — {cited} (score {item['score']:.3f})")
    lines += ["", "## Sources", ""]
    for document in data["documents"]:
        lines.append(f"### `{document['id']}` — {document['title']}")
        lines.append("")
        lines.append(f"{len(document['text'].split())} words kept, {len(document['removed'])} removals, {len(document['repairs'])} repairs.")
        lines.append("")
        for removal in document["removed"]:
            lines.append(f"- removed ({removal['reason']}): {_one_line(removal['text'])}")
        for repair in document["repairs"]:
            lines.append(f"- repaired ({repair['kind']}): `{_one_line(repair['original'])}` → `{_one_line(repair['repaired'])}`")
        lines.append("")
    if data["problems"]:
        lines += ["## Input problems", ""] + [f"- {p['origin']}: {p['message']}" for p in data["problems"]] + [""]
    return "\n".join(lines)


def to_html(briefing: Briefing) -> str:
    from jinja2 import Environment, select_autoescape

    template_text = resources.files("recoupe").joinpath("templates/briefing.html").read_text(encoding="utf-8")
    environment = Environment(autoescape=select_autoescape(default=True))
    return environment.from_string(template_text).render(data=briefing_to_dict(briefing))


def to_rich(briefing: Briefing) -> Group:
    data = briefing_to_dict(briefing)
    summary = Table(show_header=True, header_style="bold", expand=True, box=None)
    summary.add_column("#", width=2)
    summary.add_column("sentence", ratio=6)
    summary.add_column("sources", ratio=2)
    summary.add_column("score", width=6)
    for number, item in enumerate(data["summary"], start=1):
        sources = Text(item["source"], style="bold")
        for c in item["corroborated_by"]:
            sources.append("\n+ " + c["source"], style="green")
        if not item["corroborated_by"]:
            sources.append("\nsingle source", style="yellow")
        summary.add_row(str(number), item["text"], sources, f"{item['score']:.3f}")
    documents = Table(title="Sources", expand=True)
    for column in ("id", "title", "words kept", "removed", "repairs"):
        documents.add_column(column)
    for d in data["documents"]:
        reasons = sorted({r["reason"] for r in d["removed"]})
        documents.add_row(d["id"], d["title"][:80], str(len(d["text"].split())), f"{len(d['removed'])} ({', '.join(reasons)})", str(len(d["repairs"])))
    parts = [Panel(summary, title=f"Summary — {data['summary_words']}/{data['words']} words", border_style="cyan"), documents]
    if data["problems"]:
        parts.append(Text("\n".join(f"{p['origin']}: {p['message']}" for p in data["problems"]), style="red"))
    return Group(*parts)


def to_text(briefing: Briefing, width: int = 110) -> str:
    console = Console(width=width, record=True, file=io.StringIO(), color_system=None)
    console.print(to_rich(briefing))
    return console.export_text()


def render(briefing: Briefing, fmt: str) -> str:
    if fmt == "json":
        return to_json(briefing)
    if fmt == "md":
        return to_markdown(briefing)
    if fmt == "html":
        return to_html(briefing)
    return to_text(briefing)


def _one_line(text: str) -> str:
    return " ".join(text.split())

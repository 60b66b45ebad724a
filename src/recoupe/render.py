"""Briefing output: JSON (the contract other tools read), Markdown, self-contained HTML, and a
Rich terminal view. All four read the same ``briefing_to_dict`` so no format knows more."""

from __future__ import annotations

import html
import io
import json
from importlib import resources

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .crosscheck import only_here
from .render_story import (actors_to_dicts, markdown_story, publication_dict, quotes_to_dicts, rich_story,
                           source_labels, timeline_svg, timeline_to_dicts)
from .types import Briefing, Contradiction, CrossCheck, Statement

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
                **publication_dict(briefing, d.id),
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
                "single_source": not s.corroborated_by,
                "corroborated_by": [
                    {"source": c.source, "sentence": c.sentence, "sentence_index": c.index, "similarity": c.similarity,
                     "found_by": c.found_by}
                    for c in s.corroborated_by
                ],
                "contradicted_by": [_inline_contradiction(c, s.source, s.index) for c in s.contradicted_by],
            }
            for s in briefing.summary
        ],
        "cross_checked": briefing.crosscheck is not None,
        "claims": _claims(briefing.crosscheck),
        "contradictions": [_contradiction(c) for c in (briefing.crosscheck.contradictions if briefing.crosscheck else [])],
        "agreement": _agreement(briefing.crosscheck),
        "actors": actors_to_dicts(briefing.actors),
        "quotes": quotes_to_dicts(briefing.quotes),
        "timeline": timeline_to_dicts(briefing.timeline),
        "problems": [{"origin": p.origin, "message": p.message, "skipped": p.skipped} for p in briefing.problems],
    }


def _statement(statement: Statement) -> dict:
    return {"source": statement.source, "sentence": statement.sentence, "sentence_index": statement.sentence_index,
            "clause": statement.clause, "probability": statement.probability}


def _claims(crosscheck: CrossCheck | None) -> list[dict]:
    if crosscheck is None:
        return []
    return [
        {
            "id": claim.id,
            "text": claim.text,
            "sources": claim.sources,
            "stated_by": [_statement(s) for s in claim.stated_by],
            "silent": list(claim.silent),
            "contradicted_by": [_statement(s) for s in claim.contradicted_by],
            "weakest_link": claim.weakest_link,
            "sure": claim.sure,
        }
        for claim in crosscheck.claims
    ]


def _contradiction(c: Contradiction) -> dict:
    return {
        "type": c.kind,
        "a": {**_statement(c.a), "value": c.a_value},
        "b": {**_statement(c.b), "value": c.b_value},
        "probability": c.probability,
        "claim": c.claim,
        "explanation": c.explanation,
        "explained_by": _statement(c.explained_by) if c.explained_by else None,
        "found_by": c.found_by,
        "anchor": c.anchor,
        "gate": round(c.gate, 3) if c.gate is not None else None,
    }


def _inline_contradiction(c: Contradiction, source: str, index: int) -> dict:
    """A contradiction as seen from one summary sentence: the other side and both values."""
    mine_is_a = (c.a.source, c.a.sentence_index) == (source, index)
    other, own_value, value = (c.b, c.a_value, c.b_value) if mine_is_a else (c.a, c.b_value, c.a_value)
    return {"type": c.kind, "source": other.source, "sentence": other.sentence, "sentence_index": other.sentence_index,
            "value": value, "own_value": own_value, "explanation": c.explanation}


def _agreement(crosscheck: CrossCheck | None) -> dict | None:
    if crosscheck is None:
        return None
    return {"sources": crosscheck.sources, "shared": crosscheck.shared, "sure": crosscheck.sure,
            "disputed": crosscheck.disputed, "only_here": only_here(crosscheck)}


def to_json(briefing: Briefing) -> str:
    return json.dumps(briefing_to_dict(briefing), ensure_ascii=False, indent=2) + "\n"


def to_markdown(briefing: Briefing) -> str:
    data = briefing_to_dict(briefing)
    lines = [f"# Briefing ({len(data['documents'])} sources, {data['summary_words']}/{data['words']} words)", "", "## Summary", ""]
    for item in data["summary"]:
        others = ", ".join(f"`{c['source']}`" for c in item["corroborated_by"])
        cited = f"`{item['source']}`" + (f"; {item['sources']} sources, also stated by {others}" if others else "; single source")
        lines.append(f"- {item['text']} — {cited} (score {item['score']:.3f})")
        for c in item["contradicted_by"]:
            lines.append(f"  - ⚠ {_disagreement_line(c)}")
    lines += _markdown_crosscheck(data)
    lines += markdown_story(data)
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


def _disagreement_line(c: dict) -> str:
    line = f"{c['type']}: `{c['source']}` says “{c['value']}” where this says “{c['own_value']}” — {c['sentence']}"
    return line + (f" (explained: {c['explanation']})" if c["explanation"] else "")


def _anchor_note(c: dict) -> str:
    """The word both disputed values are said of: what makes two statements one fact."""
    return f"both values are said of “{c['anchor']}” (the sentences align at p {c['probability']:.2f} on their words)"


# What a claim "to check" means, in every format: measured on random cross-document pairs
# (``benchmarks/bench_alignment.py``), a link below ``align.SURE_LINK_PROBABILITY`` is one fact
# about one time in two.
TO_CHECK_NOTE = ('A claim "to check" has a source sentence only loosely linked to another: about one such '
                 "link in two states the same fact. Read the sentences.")


def _markdown_crosscheck(data: dict) -> list[str]:
    if not data["cross_checked"]:
        return []
    agreement = data["agreement"]
    corroborated = [c for c in data["claims"] if c["sources"] > 1]
    lines = ["", f"## Claims stated by several sources ({len(corroborated)} of {len(data['claims'])})", "",
             f"*{TO_CHECK_NOTE}*", ""]
    for claim in corroborated:
        sources = ", ".join(f"`{s['source']}`" for s in claim["stated_by"])
        lines.append(f"- **{claim['sources']} sources**{'' if claim['sure'] else ', to check'} ({sources}): {claim['text']}")
        # each source's own sentence: what a reader checks a loose link against
        for s in claim["stated_by"]:
            lines.append(f"  - `{s['source']}`: {s['sentence']}")
        for s in claim["contradicted_by"]:
            lines.append(f"  - contradicted by `{s['source']}`: {s['sentence']}")
        if claim["silent"]:
            lines.append("  - silent: " + ", ".join(f"`{s}`" for s in claim["silent"]))
    lines += ["", f"## Contradictions ({len(data['contradictions'])})", ""]
    for c in data["contradictions"]:
        lines.append(f"- **{c['type']}**: `{c['a']['source']}` “{c['a']['value']}” vs `{c['b']['source']}` “{c['b']['value']}”"
                     + (f" — {_anchor_note(c)}" if c["anchor"] else "")
                     + (f" — explained: {c['explanation']}" if c["explanation"] else ""))
        lines.append(f"  - `{c['a']['source']}`: {c['a']['sentence']}")
        lines.append(f"  - `{c['b']['source']}`: {c['b']['sentence']}")
        if c["explained_by"]:
            lines.append(f"  - `{c['explained_by']['source']}` (explanation): {c['explained_by']['sentence']}")
    lines += ["", "## Agreement between sources (shared claims (sure ones) / disputed)", ""]
    sources = agreement["sources"]
    label = source_labels(sources)
    sure = agreement["sure"]
    lines.append("| | " + " | ".join(f"`{label[s]}`" for s in sources) + " | only here |")
    lines.append("|---" * (len(sources) + 2) + "|")
    for a, source in enumerate(sources):
        cells = [f"{agreement['shared'][a][b]} ({sure[a][b]})/{agreement['disputed'][a][b]}"
                 if a != b else f"({agreement['shared'][a][a]})" for b in range(len(sources))]
        lines.append(f"| `{label[source]}` | " + " | ".join(cells) + f" | {agreement['only_here'][source]} |")
    return lines


def agreement_svg(agreement: dict | None, cell: int = 44) -> str:
    """The source x source agreement as an SVG heatmap: blue = claims both state (darker =
    more), a red corner number = contradictions between them; the diagonal gives each source's
    claim count. Hand-drawn SVG: a dozen rectangles need no plotting library."""
    if not agreement or not agreement["sources"]:
        return ""
    sources = agreement["sources"]
    n, label = len(sources), 150
    size = label + n * cell + 10
    off_diagonal = [agreement["shared"][a][b] for a in range(n) for b in range(n) if a != b]
    top = max(off_diagonal, default=0) or 1
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" role="img" '
             f'aria-label="source agreement matrix" font-family="system-ui, sans-serif" font-size="11">']
    names = source_labels(sources, shortest=20)
    for k, source in enumerate(sources):
        name = html.escape(names[source])
        parts.append(f'<text x="{label - 6}" y="{label + k * cell + cell / 2 + 4}" text-anchor="end">{name}</text>')
        x = label + k * cell + cell / 2
        parts.append(f'<text x="{x}" y="{label - 6}" transform="rotate(-45 {x} {label - 6})">{name}</text>')
    for a in range(n):
        for b in range(n):
            x, y = label + b * cell, label + a * cell
            shared, disputed = agreement["shared"][a][b], agreement["disputed"][a][b]
            sure = agreement["sure"][a][b]
            if a == b:
                fill, text = "#eeeeee", f"({shared})"
            else:
                level = shared / top
                fill = f"rgb({int(235 - 190 * level)},{int(242 - 150 * level)},{int(250 - 90 * level)})"
                text = str(shared)
            colour = "white" if a != b and shared / top > 0.55 else "#222"
            title = html.escape(f"{sources[a]} / {sources[b]}: {shared} shared claims ({sure} sure), {disputed} disputed")
            parts.append(f'<g><title>{title}</title><rect x="{x}" y="{y}" width="{cell - 2}" height="{cell - 2}" fill="{fill}"/>'
                         f'<text x="{x + cell / 2 - 1}" y="{y + cell / 2 + 4}" text-anchor="middle" fill="{colour}">{text}</text>')
            if a != b and shared:
                parts.append(f'<text x="{x + cell / 2 - 1}" y="{y + cell - 7}" text-anchor="middle" fill="{colour}" '
                             f'font-size="8">{sure} sure</text>')
            if disputed:
                parts.append(f'<circle cx="{x + cell - 10}" cy="{y + 9}" r="7" fill="#c0392b"/>'
                             f'<text x="{x + cell - 10}" y="{y + 13}" text-anchor="middle" fill="white" font-size="10">{disputed}</text>')
            parts.append("</g>")
    parts.append("</svg>")
    return "".join(parts)


def to_html(briefing: Briefing) -> str:
    from jinja2 import Environment, select_autoescape

    template_text = resources.files("recoupe").joinpath("templates/briefing.html").read_text(encoding="utf-8")
    environment = Environment(autoescape=select_autoescape(default=True))
    data = briefing_to_dict(briefing)
    return environment.from_string(template_text).render(data=data, agreement_svg=agreement_svg(data["agreement"]),
                                                         timeline_svg=timeline_svg(data["timeline"]),
                                                         anchor_note=_anchor_note, to_check_note=TO_CHECK_NOTE)


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
        text = Text(item["text"])
        for c in item["contradicted_by"]:
            text.append(f"\n⚠ {c['type']}: {c['source']} says “{c['value']}” (here “{c['own_value']}”)", style="red")
            if c["explanation"]:
                text.append(f" — {c['explanation']}", style="dim")
        summary.add_row(str(number), text, sources, f"{item['score']:.3f}")
    documents = Table(title="Sources", expand=True)
    for column in ("id", "title", "words kept", "removed", "repairs"):
        documents.add_column(column)
    for d in data["documents"]:
        reasons = sorted({r["reason"] for r in d["removed"]})
        documents.add_row(d["id"], d["title"][:80], str(len(d["text"].split())), f"{len(d['removed'])} ({', '.join(reasons)})", str(len(d["repairs"])))
    parts = [Panel(summary, title=f"Summary — {data['summary_words']}/{data['words']} words", border_style="cyan"),
             *_rich_crosscheck(data), *rich_story(data), documents]
    if data["problems"]:
        parts.append(Text("\n".join(f"{p['origin']}: {p['message']}" for p in data["problems"]), style="red"))
    return Group(*parts)


def _rich_crosscheck(data: dict) -> list:
    if not data["cross_checked"]:
        return []
    agreement = data["agreement"]
    sources = agreement["sources"]
    label = source_labels(sources)
    sure = agreement["sure"]
    matrix = Table(title="Agreement: claims both sources state (sure ones) / contradictions between them", expand=False)
    matrix.add_column("source")
    # columns are numbered: ten sources' names side by side do not fit a terminal's width
    for k in range(len(sources)):
        matrix.add_column(str(k + 1), justify="center")
    matrix.add_column("only here", justify="right")
    for a, source in enumerate(sources):
        cells = []
        for b in range(len(sources)):
            shared, disputed = agreement["shared"][a][b], agreement["disputed"][a][b]
            if a == b:
                cells.append(Text(f"({shared})", style="dim"))
            else:
                cell = Text(str(shared), style="bold blue" if shared else "")
                if shared:
                    cell.append(f" ({sure[a][b]})", style="dim")
                if disputed:
                    cell.append(f" ⚠{disputed}", style="bold red")
                cells.append(cell)
        matrix.add_row(f"{a + 1} {label[source]}", *cells, str(agreement["only_here"][source]))
    contradictions = Table(title=f"Contradictions ({len(data['contradictions'])})", expand=True, show_lines=True)
    for column in ("type", "source", "says", "source ", "says "):
        contradictions.add_column(column)
    for c in data["contradictions"]:
        first = Text(c["a"]["sentence"])
        second = Text(c["b"]["sentence"])
        if c["anchor"]:
            second.append(f"\n{_anchor_note(c)}", style="dim")
        if c["explanation"]:
            second.append(f"\nexplained: {c['explanation']}", style="dim")
        contradictions.add_row(c["type"], c["a"]["source"], first, c["b"]["source"], second)
    claims = Table(title="Claims stated by several sources", caption=f"n? = to check. {TO_CHECK_NOTE}", expand=True,
                   show_lines=True)
    claims.add_column("n", width=3)
    claims.add_column("claim", ratio=5)
    claims.add_column("stated by / silent", ratio=2)
    for claim in data["claims"]:
        if claim["sources"] < 2:
            continue
        who = Text(", ".join(label[s["source"]] for s in claim["stated_by"]), style="green")
        if claim["silent"]:
            who.append("\nsilent: " + ", ".join(label[s] for s in claim["silent"]), style="dim")
        if claim["contradicted_by"]:
            who.append("\ncontradicts: " + ", ".join(label[s["source"]] for s in claim["contradicted_by"]),
                       style="red")
        # how each other source says it: what a reader checks a loose link against
        said = Text(claim["text"])
        for s in claim["stated_by"]:
            if s["clause"] != claim["text"]:
                said.append(f"\n{label[s['source']]}: {s['clause']}", style="dim")
        claims.add_row(f"{claim['sources']}{'' if claim['sure'] else '?'}", said, who)
    return [claims, contradictions, matrix]


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

"""Who, what was said, and when: the actors, quotes and timeline parts of every output format.

Kept apart from ``render`` (summary, noise report, cross-checking) so that each module stays
readable; ``render`` calls these for the JSON contract, Markdown, the Rich view and HTML.
"""

from __future__ import annotations

import datetime as dt
import html

from rich.table import Table
from rich.text import Text

from .types import Actor, Briefing, Mention, Quote, TimelineEvent

# The timeline picture leaves a visible break between events further apart than this many days
# (the seeds run from 1961 to 2024: an evenly spaced axis with marked gaps reads better than a
# linear one where 60 years crush the last week into a dot).
TIMELINE_GAP_DAYS = 60
# Sentences in the timeline picture are cut to this many characters (the full sentence is in
# the tooltip and in the tables).
TIMELINE_TEXT_CHARS = 95


def actors_to_dicts(actors: list[Actor]) -> list[dict]:
    return [
        {
            "id": a.id,
            "name": a.name,
            "type": a.type,
            "roles": list(a.roles),
            "variants": [{"text": text, "count": count} for text, count in a.variants],
            "sources": list(a.sources),
            "mentions": [_mention(m) for m in a.mentions],
        }
        for a in actors
    ]


def _mention(m: Mention) -> dict:
    return {"source": m.source, "sentence_index": m.sentence_index, "sentence": m.sentence, "text": m.text,
            "start": m.start, "end": m.end}


def quotes_to_dicts(quotes: list[Quote]) -> list[dict]:
    return [
        {
            "id": q.id,
            "text": q.text,
            "kind": q.kind,
            "speaker": q.speaker,
            "speaker_name": q.speaker_name,
            "sources": list(q.sources),
            "conflicting_speakers": list(q.conflicting_speakers),
            "reports": [
                {"source": r.source, "sentence_index": r.sentence_index, "sentence": r.sentence, "text": r.text,
                 "speaker": r.speaker, "cue": r.cue, "kind": r.kind}
                for r in q.reports
            ],
        }
        for q in quotes
    ]


def timeline_to_dicts(timeline: list[TimelineEvent]) -> list[dict]:
    return [
        {
            "date": e.date,
            "end": e.end,
            "precision": e.precision,
            "time": e.time,
            "text": e.text,
            "sources": list(e.sources),
            "conflicts": list(e.conflicts),
            "mentions": [
                {"source": m.source, "sentence_index": m.sentence_index, "sentence": m.sentence,
                 "expression": m.expression, "relative": m.relative, "published": m.published}
                for m in e.mentions
            ],
        }
        for e in timeline
    ]


def publication_dict(briefing: Briefing, doc_id: str) -> dict:
    published = briefing.published.get(doc_id)
    return {"published": published.date if published else None,
            "published_origin": published.origin if published else "unknown"}


def source_labels(ids: list[str], shortest: int = 8) -> dict[str, str]:
    """Each source id cut for a narrow column: its shortest prefix of at least ``shortest``
    characters that no other source's id starts with, or the whole id where the cut would save
    two characters or fewer ("T05_C1_1" would read as source 1, not 10). A fixed cut made the ten
    rpm2 sources "T05_C1_01" ... "T05_C1_10" all read "T05_C1_0"; hash-like ids
    ("000_fb6f9d7137e5b3b6") still read "000_fb6f"."""
    labels = {}
    for source in ids:
        length = min(len(source), shortest)
        while length < len(source) and any(other != source and other.startswith(source[:length]) for other in ids):
            length += 1
        labels[source] = source if len(source) - length <= 2 else source[:length]
    return labels


def date_label(event: dict) -> str:
    """"2024-06-18 02:45", "2024-06-18 → 2024-06-19", "2024-03"."""
    label = event["date"] + (f" → {event['end']}" if event["end"] else "")
    return label + (f" {event['time']}" if event["time"] else "")


# --- Markdown ------------------------------------------------------------------------------------

def markdown_story(data: dict) -> list[str]:
    lines = []
    if data["actors"]:
        lines += ["", f"## Actors ({len(data['actors'])})", "", "| actor | type | role | variants | sources |", "|---|---|---|---|---|"]
        for a in data["actors"]:
            variants = ", ".join(f"{v['text']} ×{v['count']}" for v in a["variants"])
            lines.append(f"| **{a['name']}** | {a['type']} | {'; '.join(a['roles'])} | {variants} | {len(a['sources'])} |")
    if data["quotes"]:
        lines += ["", f"## Quotes ({len(data['quotes'])})", ""]
        for q in data["quotes"]:
            sources = ", ".join(f"`{s}`" for s in q["sources"])
            quoted = f"« {q['text']} »" if q["kind"] == "direct" else f"(indirect) {q['text']}"
            lines.append(f"- **{q['speaker_name'] or 'unknown speaker'}**: {quoted} — {sources}")
            if q["conflicting_speakers"]:
                lines.append(f"  - ⚠ other sources give another speaker: {', '.join(q['conflicting_speakers'])}")
    if data["timeline"]:
        lines += ["", f"## Timeline ({len(data['timeline'])} dates)", "", "| date | precision | event | sources |", "|---|---|---|---|"]
        for e in data["timeline"]:
            warning = " ⚠ " + "; ".join(e["conflicts"]) if e["conflicts"] else ""
            sources = ", ".join(f"`{s}`" for s in e["sources"])
            lines.append(f"| {date_label(e)} | {e['precision']} | {_cell(e['text'])}{_cell(warning)} | {sources} |")
    return lines


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


# --- Rich (terminal) -----------------------------------------------------------------------------

def rich_story(data: dict) -> list:
    parts = []
    label = source_labels([d["id"] for d in data["documents"]])
    if data["actors"]:
        actors = Table(title=f"Actors ({len(data['actors'])})", expand=True)
        for column, ratio in (("actor", 2), ("type", 1), ("role", 2), ("variants", 4), ("sources", 1)):
            actors.add_column(column, ratio=ratio)
        for a in data["actors"]:
            variants = ", ".join(f"{v['text']} ×{v['count']}" for v in a["variants"])
            actors.add_row(Text(a["name"], style="bold"), a["type"], "; ".join(a["roles"]), variants, str(len(a["sources"])))
        parts.append(actors)
    if data["quotes"]:
        quotes = Table(title=f"Quotes ({len(data['quotes'])})", expand=True, show_lines=True)
        for column, ratio in (("speaker", 2), ("quote", 6), ("sources", 2)):
            quotes.add_column(column, ratio=ratio)
        for q in data["quotes"]:
            text = Text(f"« {q['text']} »" if q["kind"] == "direct" else q["text"], style="" if q["kind"] == "direct" else "italic")
            if q["conflicting_speakers"]:
                text.append(f"\n⚠ other speaker in some sources: {', '.join(q['conflicting_speakers'])}", style="red")
            quotes.add_row(q["speaker_name"] or "?", text, ", ".join(label[s] for s in q["sources"]))
        parts.append(quotes)
    if data["timeline"]:
        timeline = Table(title=f"Timeline ({len(data['timeline'])} dates)", expand=True, show_lines=True)
        for column, ratio in (("date", 2), ("event", 7), ("sources", 2)):
            timeline.add_column(column, ratio=ratio)
        for e in data["timeline"]:
            text = Text(e["text"])
            for conflict in e["conflicts"]:
                text.append(f"\n⚠ {conflict}", style="red")
            date = Text(date_label(e), style="bold" if len(e["sources"]) > 1 else "")
            date.append(f"\n{e['precision']}", style="dim")
            timeline.add_row(date, text, Text(", ".join(label[s] for s in e["sources"]), style="green" if len(e["sources"]) > 1 else ""))
        parts.append(timeline)
    return parts


# --- SVG timeline ---------------------------------------------------------------------------------

def timeline_svg(timeline: list[dict], row: int = 30, width: int = 900) -> str:
    """The timeline drawn top to bottom: one row per date, a dot sized by its number of sources
    (filled dark when several sources date the event, red ring on a conflict), a dashed break
    with the gap written out where events are far apart. Hand-drawn SVG like the agreement
    matrix: a few dozen shapes need no plotting library."""
    if not timeline:
        return ""
    axis, label_x, text_x = 150, 140, 172
    rows, y = [], 24
    previous = None
    for event in timeline:
        start = _as_date(event["date"])
        if previous and start and (start - previous).days > TIMELINE_GAP_DAYS:
            rows.append(("gap", y, _gap_words((start - previous).days)))
            y += row * 0.8
        rows.append(("event", y, event))
        y += row
        previous = _as_date(event["end"] or event["date"]) or previous
    height = int(y + 10)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" '
             f'aria-label="timeline" font-family="system-ui, sans-serif" font-size="12">',
             f'<line x1="{axis}" y1="10" x2="{axis}" y2="{height - 10}" stroke="#9aa9bd" stroke-width="2"/>']
    for kind, y, item in rows:
        if kind == "gap":
            parts.append(f'<rect x="{axis - 6}" y="{y - 10}" width="12" height="14" fill="white"/>'
                         f'<line x1="{axis - 8}" y1="{y - 8}" x2="{axis + 8}" y2="{y - 4}" stroke="#9aa9bd"/>'
                         f'<line x1="{axis - 8}" y1="{y - 2}" x2="{axis + 8}" y2="{y + 2}" stroke="#9aa9bd"/>'
                         f'<text x="{text_x}" y="{y}" fill="#888" font-style="italic">{html.escape(item)}</text>')
            continue
        sources = len(item["sources"])
        radius = min(4 + 2 * sources, 13)
        fill = "#2b5797" if sources > 1 else "#ffffff"
        ring = "#c0392b" if item["conflicts"] else "#2b5797"
        snippet = " ".join(item["text"].split())
        if len(snippet) > TIMELINE_TEXT_CHARS:
            snippet = snippet[: TIMELINE_TEXT_CHARS - 1].rstrip() + "…"
        tooltip = f"{date_label(item)} — {len(item['sources'])} source(s): {', '.join(item['sources'])}\n{item['text']}"
        if item["conflicts"]:
            tooltip += "\n" + "\n".join(item["conflicts"])
        weight = ' font-weight="bold"' if sources > 1 else ""
        parts.append(f'<g><title>{html.escape(tooltip)}</title>'
                     f'<text x="{label_x - radius - 4}" y="{y + 4}" text-anchor="end"{weight}>{html.escape(date_label(item))}</text>'
                     f'<circle cx="{axis}" cy="{y}" r="{radius}" fill="{fill}" stroke="{ring}" stroke-width="{3 if item["conflicts"] else 2}"/>'
                     f'<text x="{text_x}" y="{y + 4}"{weight}>'
                     + ('<tspan fill="#c0392b">⚠ </tspan>' if item["conflicts"] else "")
                     + f'{html.escape(snippet)}</text>'
                     + (f'<text x="{width - 8}" y="{y + 4}" text-anchor="end" fill="#2b5797">{sources}×</text>' if sources > 1 else "")
                     + "</g>")
    parts.append("</svg>")
    return "".join(parts)


def _as_date(value: str | None) -> dt.date | None:
    """The first day of an ISO date of any precision ("1961", "2024-03", "2024-06-18")."""
    if not value:
        return None
    pieces = value.split("-")
    try:
        year = int(pieces[0])
        month = int(pieces[1]) if len(pieces) > 1 else 1
        day = int(pieces[2][:2]) if len(pieces) > 2 else 1
        return dt.date(year, month, day)
    except (ValueError, IndexError):
        return None


def _gap_words(days: int) -> str:
    if days >= 730:
        return f"… {days // 365} years later"
    if days >= 365:
        return "… a year later"
    return f"… {days // 30} months later"

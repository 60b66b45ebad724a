"""The timeline as a picture (SVG) and the date labels every format shares.

Hand-drawn SVG like the agreement matrix: a few dozen shapes need no plotting library.
"""

from __future__ import annotations

import datetime as dt
import html

from ..confidence import SURE
from .labels import interface, readable, shorten

# The timeline picture leaves a visible break between events further apart than this many days
# (the seeds run from 1961 to 2024: an evenly spaced axis with marked gaps reads better than a
# linear one where 60 years crush the last week into a dot).
TIMELINE_GAP_DAYS = 60
# Sentences in the timeline picture are cut (at a word) to fit between the axis and the source
# count at the right edge; the full sentence is in the tooltip and in the tables. Average width
# of a 12 px system-ui character, regular and bold, in Chromium (the seeds' sentences): a fixed
# 95-character cut ran bold sentences into the "2×" count.
TEXT_CHAR_PX = 6.6
BOLD_TEXT_CHAR_PX = 7.4
# Room kept at the right edge for the source count ("12×").
COUNT_PX = 40
# Width of the picture's date column, in pixels, per character of the longest date label (12 px
# system-ui digits are ~7 px wide): "2024-06-18 → 2024-06-19 02:45" must not be clipped.
DATE_LABEL_CHAR_PX = 7.2


def date_label(event: dict) -> str:
    """"2024-06-18 02:45", "2024-06-18 → 2024-06-19", "2024-03"; "2024-06-18 ?" when no way its
    sources date it is sure (``confidence.SURE``: a relative day resolved against a publication
    date, a yearless day given the story's year)."""
    label = event["date"] + (f" → {event['end']}" if event["end"] else "")
    label += f" {event['time']}" if event["time"] else ""
    confidence = event.get("confidence")
    return label + (" ?" if confidence is not None and confidence < SURE else "")



def timeline_svg(timeline: list[dict], language: str = "en", names: dict[str, str] | None = None,
                 row: int = 30, width: int = 900) -> str:
    """The timeline drawn top to bottom: one row per date, a dot sized by its number of sources
    (filled dark when several sources date the event, red ring on a conflict), a dashed break
    with the gap written out where events are far apart. Hand-drawn SVG like the agreement
    matrix: a few dozen shapes need no plotting library."""
    if not timeline:
        return ""
    t = interface(language)
    names = names or {}
    # the date column is as wide as the longest label, so no label is clipped at the left edge
    longest = max(len(date_label(event)) for event in timeline)
    label_x = max(140, int(longest * DATE_LABEL_CHAR_PX) + 24)
    axis, text_x = label_x + 10, label_x + 32
    rows, y = [], 24
    previous = None
    for event in timeline:
        start = _as_date(event["date"])
        if previous and start and (start - previous).days > TIMELINE_GAP_DAYS:
            rows.append(("gap", y, _gap_words((start - previous).days, t)))
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
        room = (width - COUNT_PX - text_x) / (BOLD_TEXT_CHAR_PX if sources > 1 else TEXT_CHAR_PX)
        snippet = shorten(item["text"], int(room))
        cited = ", ".join(names.get(s, s) for s in item["sources"])
        tooltip = f"{date_label(item)} — {t['n_sources'].format(n=sources)}: {cited}\n{item['text']}"
        if item["conflicts"]:
            tooltip += "\n" + "\n".join(readable(c, names, language) for c in item["conflicts"])
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


def _gap_words(days: int, t: dict) -> str:
    if days >= 730:
        return t["years_later"].format(n=days // 365)
    if days >= 365:
        return t["a_year_later"]
    return t["months_later"].format(n=days // 30)

"""The briefing as one self-contained HTML page (Jinja2 template ``templates/briefing.html``).

The page has everything (a reader folds what they do not need), with a table of contents, an
anchor per section, the interface in the briefing's language, and two pictures drawn here: the
source x source agreement matrix and the timeline. Every string from the articles goes through
Jinja's autoescape or ``html.escape``: a ``<script>`` in an article is shown, never run.
"""

from __future__ import annotations

import html
from importlib import resources

from .digest import (corroborating, digest, level_tag, many_articles_note, no_speaker_note, other_speakers, related_note,
                     silent_sources, speaker_label)
from .labels import interface, readable, shorten, source_names, sources_count
from .story import date_label, timeline_svg

# Pixels per character of an 11 px system-ui label in the agreement picture (measured in
# Chromium on the seeds' names; generous, so a long outlet name is never clipped).
LABEL_CHAR_PX = 6.6
# Source names in the agreement picture are cut (at a word) to this many characters; the whole
# name is in each cell's tooltip.
PICTURE_NAME_CHARS = 28


def agreement_svg(agreement: dict | None, language: str = "en", names: dict[str, str] | None = None,
                  cell: int = 44) -> str:
    """The source x source agreement as an SVG heatmap: blue = claims both state (darker =
    more), a red corner number = contradictions between them; the diagonal gives each source's
    claim count. Hand-drawn SVG: a dozen rectangles need no plotting library."""
    if not agreement or not agreement["sources"]:
        return ""
    t = interface(language)
    sources = agreement["sources"]
    names = names or {}
    shown = {s: shorten(names.get(s, s), PICTURE_NAME_CHARS) for s in sources}
    n = len(sources)
    # room for the longest name on the left, and above for the column names drawn at 45 degrees
    # (which also reach past the last column on the right): a fixed 150 px clipped long names
    text_px = max(len(name) for name in shown.values()) * LABEL_CHAR_PX
    label = int(max(60, text_px + 12))
    top = int(max(60, text_px * 0.71 + 16))
    width = label + n * cell + int(text_px * 0.71) + 10
    height = top + n * cell + 10
    off_diagonal = [agreement["shared"][a][b] for a in range(n) for b in range(n) if a != b]
    most = max(off_diagonal, default=0) or 1
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
             f'role="img" aria-label="{html.escape(t["agreement"])}" font-family="system-ui, sans-serif" font-size="11">']
    for k, source in enumerate(sources):
        name = html.escape(shown[source])
        parts.append(f'<text x="{label - 6}" y="{top + k * cell + cell / 2 + 4}" text-anchor="end">{name}</text>')
        x = label + k * cell + cell / 2
        parts.append(f'<text x="{x}" y="{top - 6}" transform="rotate(-45 {x} {top - 6})">{name}</text>')
    for a in range(n):
        for b in range(n):
            x, y = label + b * cell, top + a * cell
            shared, disputed = agreement["shared"][a][b], agreement["disputed"][a][b]
            sure = agreement["sure"][a][b]
            if a == b:
                fill, text = "#eeeeee", f"({shared})"
            else:
                level = shared / most
                fill = f"rgb({int(235 - 190 * level)},{int(242 - 150 * level)},{int(250 - 90 * level)})"
                text = str(shared)
            colour = "white" if a != b and shared / most > 0.55 else "#222"
            title = html.escape(t["cell_title"].format(a=names.get(sources[a], sources[a]), b=names.get(sources[b], sources[b]),
                                                       shared=shared, sure=sure, disputed=disputed))
            parts.append(f'<g><title>{title}</title><rect x="{x}" y="{y}" width="{cell - 2}" height="{cell - 2}" fill="{fill}"/>'
                         f'<text x="{x + cell / 2 - 1}" y="{y + cell / 2 + 4}" text-anchor="middle" fill="{colour}">{text}</text>')
            if a != b and shared:
                parts.append(f'<text x="{x + cell / 2 - 1}" y="{y + cell - 7}" text-anchor="middle" fill="{colour}" '
                             f'font-size="8">{t["sure_in_cell_one" if sure == 1 else "sure_in_cell"].format(n=sure)}</text>')
            if disputed:
                parts.append(f'<circle cx="{x + cell - 10}" cy="{y + 9}" r="7" fill="#c0392b"/>'
                             f'<text x="{x + cell - 10}" y="{y + 13}" text-anchor="middle" fill="white" font-size="10">{disputed}</text>')
            parts.append("</g>")
    parts.append("</svg>")
    return "".join(parts)



def to_html(data: dict) -> str:
    from jinja2 import Environment, select_autoescape

    template_text = resources.files("recoupe").joinpath("templates/briefing.html").read_text(encoding="utf-8")
    environment = Environment(autoescape=select_autoescape(default=True), trim_blocks=True, lstrip_blocks=True)
    names = source_names(data["documents"])
    t = interface(data["language"])
    actor_names = {a["id"]: a["name"] for a in data["actors"]}
    return environment.from_string(template_text).render(
        data=data, t=t, names=names, view=digest(data, top_undated=len(data["documents"])),
        agreement_svg=agreement_svg(data["agreement"], data["language"], names),
        timeline_svg=timeline_svg(data["timeline"], data["language"], names),
        sources_count=sources_count, other_speakers=lambda q: other_speakers(q, actor_names, names),
        speaker_label=lambda q: speaker_label(q, t), corroborating=corroborating,
        related_note=lambda item: related_note(item, names, t), no_speaker_note=lambda q: no_speaker_note(q, names, t),
        readable=lambda text: readable(text, names, data['language']), date_label=date_label,
        level_tag=lambda c: level_tag(c, t), many_articles_note=many_articles_note(data, t),
        silent_sources=lambda claim: silent_sources(claim, names, t))

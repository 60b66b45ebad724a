"""The briefing in a terminal (Rich): short by default, everything with ``full``.

The short view is what a reader takes in at a glance (``digest``): the summary with its
sources, then contradictions, important single-source facts and undated documents, each with its
top items and a count of the rest, and one line saying what ``--full`` adds. Article text is
always handed to Rich as ``Text``, never as a string Rich would read as markup: a "[/x]" in an
article stays as written.
"""

from __future__ import annotations

import io

from rich.console import Console, Group
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from .digest import (TOP_INLINE_CONTRADICTIONS, Digest, corroborating, digest, full_view_parts, header_sources,
                     level_tag, many_articles_note, name_list, no_speaker_note, other_speakers, related_note,
                     short_lists, silent_sources, speaker_label)
from .labels import interface, readable, shorten, source_names, sources_count
from .story import date_label

# Width of the text rendering (``to_text``, files): a terminal gives its own.
TEXT_WIDTH = 100
# Characters of a source sentence shown under a contradiction in the short view.
SHORT_SENTENCE_CHARS = 180


def to_rich(data: dict, full: bool = False) -> Group:
    t = interface(data["language"])
    names = source_names(data["documents"])
    view = digest(data) if not full else digest(data, 10**9, 10**9, 10**9)
    parts: list = [_header(data, names, t, full), _section(t["summary"]), _summary(data, names, t, full)]
    parts += _contradictions(data, view, names, t, full)
    if not full:
        parts += _single_source(view, names, t)
    parts += _undated(view, names, t)
    if full:
        parts += _full_tables(data, names, t)
    else:
        parts += [Text(""), _footer(view, t)]
    if data["problems"]:
        parts += [_section(t["problems"]),
                  Text("\n".join(f"{p['origin']}: {p['message']}" for p in data["problems"]), style="red")]
    return Group(*parts)


def to_text(data: dict, full: bool = False, width: int = TEXT_WIDTH) -> str:
    console = Console(width=width, record=True, file=io.StringIO(), color_system=None)
    console.print(to_rich(data, full))
    # Rich pads every line to the width: a file keeps the text, not the padding
    return "\n".join(line.rstrip() for line in console.export_text().splitlines()) + "\n"


def _section(title: str) -> Group:
    """A section's heading: a blank line, then the title on a rule."""
    return Group(Text(""), Rule(Text(title, style="bold cyan"), align="left", style="cyan"))


def _header(data: dict, names: dict[str, str], t: dict, full: bool = False) -> Text:
    days = sorted({d["published"] for d in data["documents"] if d["published"]})
    span = "" if not days else f" · {days[0]}" + (f" → {days[-1]}" if days[-1] != days[0] else "")
    header = Text(f"{t['briefing']} — {sources_count(len(data['documents']), t)} · "
                  f"{t['words_count'].format(used=data['summary_words'], budget=data['words'])}{span}", style="bold")
    header.append("\n" + t["sources_colon"] + " ", style="dim")
    header.append(header_sources(data, names, t, full), style="dim")
    if note := many_articles_note(data, t):
        header.append("\n" + note, style="yellow")
    return header


def _summary(data: dict, names: dict[str, str], t: dict, full: bool = False) -> Table:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", width=3)
    grid.add_column(ratio=1)
    for number, item in enumerate(data["summary"], start=1):
        body = Text(" ".join(item["text"].split()))
        body.append("\n— " + names[item["source"]], style="bold")
        if supporting := corroborating(item):
            others = name_list([c["source"] for c in supporting], names, t, short_lists(data, full))
            body.append(f"; {t['also']} {others} ({t['n_sources'].format(n=item['sources'])})", style="green")
        else:
            body.append(f" · {t['single_source']}", style="yellow")
        if note := related_note(item, names, t, short_lists(data, full)):
            body.append(" · " + note, style="dim")
        if full:
            body.append(f" · {t['score']} {item['score']:.3f}", style="dim")
        shown = item["contradicted_by"] if full else item["contradicted_by"][:TOP_INLINE_CONTRADICTIONS]
        for c in shown:
            tag = f"{level} — " if (level := level_tag(c, t)) else ""
            body.append("\n⚠ " + tag + t.get(f"kind_{c['type']}", c["type"]) + t["colon"] + " " + t["says_where_this_says"].format(
                source=names[c["source"]], value=c["value"], own=c["own_value"]), style=_level_style(c))
            if c["explanation"]:
                body.append(f" — {t['explained']}{t['colon']} {readable(c['explanation'], names, data['language'])}", style="dim")
        if len(shown) < len(item["contradicted_by"]):
            body.append(f"\n⚠ {t['more'].format(n=len(item['contradicted_by']) - len(shown))} (--full)", style="dim")
        grid.add_row(f"{number}.", body)
    return grid


def _contradictions(data: dict, view: Digest, names: dict[str, str], t: dict, full: bool) -> list:
    if not data["cross_checked"]:
        return []
    parts: list = [_section(f"{t['contradictions']} ({view.contradictions_total})")]
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=1)
    grid.add_column(ratio=1)
    for c in view.contradictions:
        body = Text(t.get(f"kind_{c['type']}", c["type"]), style=f"bold {_level_style(c)}")
        if level := level_tag(c, t):
            body.append(f" ({level})", style=_level_style(c))
        body.append(f"{t['colon']} {names[c['a']['source']]} {t['quoted'].format(text=c['a']['value'])} {t['vs']} "
                    f"{names[c['b']['source']]} {t['quoted'].format(text=c['b']['value'])}")
        if c["explanation"]:
            body.append(f" — {t['explained']}{t['colon']} {readable(c['explanation'], names, data['language'])}", style="dim")
        for side in (c["a"], c["b"]):
            sentence = side["sentence"] if full else shorten(side["sentence"], SHORT_SENTENCE_CHARS)
            body.append(f"\n{names[side['source']]}: ", style="bold")
            body.append(" ".join(sentence.split()), style="dim")
        grid.add_row("•", body)
    parts.append(grid if view.contradictions_total else Text(t["no_contradiction"], style="dim"))
    parts += _more(view.contradictions_total - len(view.contradictions), t)
    return parts


def _level_style(contradiction: dict) -> str:
    """Red for a contradiction a detector is sure of, amber for one to check (what every
    unexplained one is today), grey for an explained one."""
    return {"contradiction": "red", "explained": "dim"}.get(contradiction.get("level", "check"), "yellow")


def _single_source(view: Digest, names: dict[str, str], t: dict) -> list:
    if not view.single_source_total:
        return []
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=1)
    grid.add_column(ratio=1)
    for fact in view.single_source:
        body = Text(fact.text)
        body.append(f" — {names[fact.source]}", style="yellow")
        grid.add_row("•", body)
    return [_section(f"{t['only_one_source']} ({view.single_source_total})"),
            Text(t["only_one_source_note"], style="dim"), grid,
            *_more(view.single_source_total - len(view.single_source), t)]


def _undated(view: Digest, names: dict[str, str], t: dict) -> list:
    if not view.undated:
        return []
    lines = Text()
    for d in view.undated:
        lines.append(f"• {names[d['id']]}", style="bold")
        lines.append(f" — {shorten(d['title'], 70)}")
        if d["published_origin"] == "inferred":
            lines.append(f" ({t['published']} {d['published']}?)", style="yellow")
        lines.append("\n")
    lines.rstrip()
    return [_section(f"{t['undated']} ({view.undated_total})"), lines, *_more(view.undated_total - len(view.undated), t),
            Text(t["undated_note"], style="dim")]


def _more(rest: int, t: dict) -> list:
    return [Text(t["more"].format(n=rest) + " (--full)", style="dim")] if rest > 0 else []


def _footer(view: Digest, t: dict) -> Text:
    parts = full_view_parts(view, t)
    footer = Text()
    if parts:
        footer.append(t["in_full"].format(parts=", ".join(parts)) + "\n", style="dim")
    footer.append(t["full_hint"], style="dim")
    return footer


# --- the full view --------------------------------------------------------------------------------

def _full_tables(data: dict, names: dict[str, str], t: dict) -> list:
    parts: list = []
    if data["cross_checked"]:
        parts += [_claims_table(data, names, t), _agreement_table(data, names, t)]
    parts += _story_tables(data, names, t)
    documents = Table(title=t["sources"], expand=True)
    for column in (t["source"], t["title"], t["published"], t["words_kept"], t["removed"], t["repairs"]):
        documents.add_column(column)
    for d in data["documents"]:
        reasons = sorted({r["reason"] for r in d["removed"]})
        documents.add_row(*map(Text, (names[d["id"]], shorten(d["title"], 80), d["published"] or "?",
                                      str(len(d["text"].split())), f"{len(d['removed'])} ({', '.join(reasons)})",
                                      str(len(d["repairs"])))))
    parts.append(documents)
    return parts


def _claims_table(data: dict, names: dict[str, str], t: dict) -> Table:
    claims = Table(title=t["claims"], caption=f"{t['to_check_mark']} {t['to_check_note']}", expand=True,
                   show_lines=True)
    claims.add_column("n", width=3)
    claims.add_column(t["claim"], ratio=5)
    claims.add_column(t["stated_by_silent"], ratio=2)
    for claim in data["claims"]:
        if claim["sources"] < 2:
            continue
        who = Text(", ".join(names[s["source"]] for s in claim["stated_by"]), style="green")
        if claim["silent"]:
            who.append(f"\n{t['silent']}{t['colon']} " + silent_sources(claim, names, t), style="dim")
        if claim["contradicted_by"]:
            who.append(f"\n{t['contradicts']}{t['colon']} " + ", ".join(names[s["source"]] for s in claim["contradicted_by"]),
                       style="yellow")  # to check, like every unexplained disagreement (``level``)
        # how each other source says it: what a reader checks a loose link against
        said = Text(claim["text"])
        for s in claim["stated_by"]:
            if s["clause"] != claim["text"]:
                said.append(f"\n{names[s['source']]}: {s['clause']}", style="dim")
        claims.add_row(f"{claim['sources']}{'' if claim['sure'] else '?'}", said, who)
    return claims


def _agreement_table(data: dict, names: dict[str, str], t: dict) -> Table:
    agreement = data["agreement"]
    sources, sure = agreement["sources"], agreement["sure"]
    matrix = Table(title=t["agreement_table"], expand=False)
    matrix.add_column(t["source"])
    # columns are numbered: ten sources' names side by side do not fit a terminal's width
    for k in range(len(sources)):
        matrix.add_column(str(k + 1), justify="center")
    matrix.add_column(t["only_here"], justify="right")
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
        matrix.add_row(Text(f"{a + 1} {names[source]}"), *cells, str(agreement["only_here"][source]))
    return matrix


def _story_tables(data: dict, names: dict[str, str], t: dict) -> list:
    parts = []
    actor_names = {a["id"]: a["name"] for a in data["actors"]}
    if data["actors"]:
        actors = Table(title=f"{t['actors']} ({len(data['actors'])})", expand=True)
        for column, ratio in ((t["actor"], 2), (t["type"], 1), (t["role"], 2), (t["variants"], 4), (t["sources"], 1)):
            actors.add_column(column, ratio=ratio)
        for a in data["actors"]:
            variants = ", ".join(f"{v['text']} ×{v['count']}" for v in a["variants"])
            actors.add_row(Text(a["name"], style="bold"), a["type"], Text("; ".join(a["roles"])), Text(variants),
                           str(len(a["sources"])))
        parts.append(actors)
    if data["quotes"]:
        quotes = Table(title=f"{t['quotes']} ({len(data['quotes'])})", expand=True, show_lines=True)
        for column, ratio in ((t["speaker"], 2), (t["quote"], 6), (t["sources"], 2)):
            quotes.add_column(column, ratio=ratio)
        for q in data["quotes"]:
            text = Text(t["quoted"].format(text=q["text"]) if q["kind"] == "direct" else q["text"],
                        style="" if q["kind"] == "direct" else "italic")
            if q["conflicting_speakers"]:
                others = other_speakers(q, actor_names, names)
                text.append("\n⚠ " + t["other_speaker"].format(names=others), style="red")
            if note := no_speaker_note(q, names, t):
                text.append("\n" + note, style="dim")
            quotes.add_row(Text(speaker_label(q, t)), text, Text(", ".join(names[s] for s in q["sources"])))
        parts.append(quotes)
    if data["timeline"]:
        timeline = Table(title=t["timeline_dates"].format(n=len(data["timeline"])), expand=True, show_lines=True)
        for column, ratio in ((t["date"], 2), (t["event"], 7), (t["sources"], 2)):
            timeline.add_column(column, ratio=ratio)
        for e in data["timeline"]:
            text = Text(e["text"])
            for conflict in e["conflicts"]:
                text.append(f"\n⚠ {readable(conflict, names, data['language'])}", style="red")
            date = Text(date_label(e), style="bold" if len(e["sources"]) > 1 else "")
            date.append(f"\n{e['precision']}", style="dim")
            timeline.add_row(date, text, Text(", ".join(names[s] for s in e["sources"]),
                                              style="green" if len(e["sources"]) > 1 else ""))
        parts.append(timeline)
    return parts

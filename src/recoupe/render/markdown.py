"""The briefing as Markdown: short by default (the same ``digest`` as the terminal), everything
with ``full`` (every claim with each source's sentence, the agreement table, actors, quotes,
timeline, and each source's noise report)."""

from __future__ import annotations

from .digest import (TOP_INLINE_CONTRADICTIONS, corroborating, digest, full_view_parts, header_sources, level_tag,
                     many_articles_note, name_list, no_speaker_note, other_speakers, related_note, short_lists,
                     silent_sources, speaker_label)
from .labels import interface, readable, shorten, source_names, sources_count

# Titles in a list are cut (at a word) to this many characters: a page without a title line has
# its lede as title.
TITLE_CHARS = 90
from .story import date_label


def to_markdown(data: dict, full: bool = False) -> str:
    t = interface(data["language"])
    names = source_names(data["documents"])
    view = digest(data) if not full else digest(data, 10**9, 10**9, 10**9)
    lines = [f"# {t['briefing']} — {sources_count(len(data['documents']), t)}, "
             f"{t['words_count'].format(used=data['summary_words'], budget=data['words'])}", "",
             f"{t['sources_colon']} " + header_sources(data, names, t, full), ""]
    if note := many_articles_note(data, t):
        lines += [f"*{note}*", ""]
    lines += [f"## {t['summary']}", ""]
    for item in data["summary"]:
        if supporting := corroborating(item):
            others = name_list([c["source"] for c in supporting], names, t, short_lists(data, full))
            cited = f"**{names[item['source']]}**; {t['also']} {others} ({t['n_sources'].format(n=item['sources'])})"
        else:
            cited = f"**{names[item['source']]}**, {t['single_source']}"
        if note := related_note(item, names, t, short_lists(data, full)):
            cited += f" — *{note}*"
        score = f" ({t['score']} {item['score']:.3f})" if full else ""
        lines.append(f"- {_one_line(item['text'])} — {cited}{score}")
        shown = item["contradicted_by"] if full else item["contradicted_by"][:TOP_INLINE_CONTRADICTIONS]
        for c in shown:
            disagreement = t["says_where_this_says"].format(source=names[c["source"]], value=c["value"], own=c["own_value"])
            explained = f" ({t['explained']}{t['colon']} {readable(c['explanation'], names, data['language'])})" if c["explanation"] else ""
            tag = f"{level} — " if (level := level_tag(c, t)) else ""
            lines.append(f"  - ⚠ {tag}{t.get('kind_' + c['type'], c['type'])}{t['colon']} {disagreement} — {_one_line(c['sentence'])}{explained}")
        if len(shown) < len(item["contradicted_by"]):
            lines.append(f"  - ⚠ {t['more'].format(n=len(item['contradicted_by']) - len(shown))} (--full)")
    if data["cross_checked"]:
        lines += ["", f"## {t['contradictions']} ({view.contradictions_total})", ""]
        if not view.contradictions_total:
            lines.append(f"*{t['no_contradiction']}*")
        for c in view.contradictions:
            tag = f" ({level})" if (level := level_tag(c, t)) else ""
            lines.append(f"- **{t.get('kind_' + c['type'], c['type'])}**{tag}{t['colon']} {names[c['a']['source']]} {t['quoted'].format(text=c['a']['value'])} "
                         f"{t['vs']} {names[c['b']['source']]} {t['quoted'].format(text=c['b']['value'])}"
                         + (f" — {anchor_note(c, t)}" if c["anchor"] else "")
                         + (f" — {t['explained']}{t['colon']} {readable(c['explanation'], names, data['language'])}" if c["explanation"] else ""))
            lines.append(f"  - {names[c['a']['source']]}: {_one_line(c['a']['sentence'])}")
            lines.append(f"  - {names[c['b']['source']]}: {_one_line(c['b']['sentence'])}")
            if c["explained_by"]:
                lines.append(f"  - {names[c['explained_by']['source']]} ({t['explained']}): "
                             f"{_one_line(c['explained_by']['sentence'])}")
        lines += _more(view.contradictions_total - len(view.contradictions), t)
    if not full and view.single_source_total:
        lines += ["", f"## {t['only_one_source']} ({view.single_source_total})", "", f"*{t['only_one_source_note']}*", ""]
        lines += [f"- {fact.text} — {names[fact.source]}" for fact in view.single_source]
        lines += _more(view.single_source_total - len(view.single_source), t)
    if view.undated:
        lines += ["", f"## {t['undated']} ({view.undated_total})", ""]
        for d in view.undated:
            inferred = f" ({t['published']} {d['published']}?)" if d["published_origin"] == "inferred" else ""
            lines.append(f"- **{names[d['id']]}** — {shorten(d['title'], TITLE_CHARS)}{inferred}")
        lines += _more(view.undated_total - len(view.undated), t) + ["", f"*{t['undated_note']}*"]
    if full:
        lines += _claims(data, names, t) + _agreement(data, names, t) + _story(data, names, t) + _sources(data, names, t)
    else:
        lines += ["", "---", "", f"*{_footer(view, t)}*"]
    if data["problems"]:
        lines += ["", f"## {t['problems']}", ""] + [f"- {p['origin']}: {p['message']}" for p in data["problems"]]
    return "\n".join(lines) + "\n"


def anchor_note(c: dict, t: dict) -> str:
    """The word both disputed values are said of: what makes two statements one fact."""
    return t["anchor_note"].format(anchor=c["anchor"], p=c["probability"])


def _more(rest: int, t: dict) -> list[str]:
    return ["", f"*{t['more'].format(n=rest)} (--full)*"] if rest > 0 else []


def _footer(view, t: dict) -> str:
    parts = full_view_parts(view, t)
    return (t["in_full"].format(parts=", ".join(parts)) + " " if parts else "") + t["full_hint"]


def _claims(data: dict, names: dict[str, str], t: dict) -> list[str]:
    if not data["cross_checked"]:
        return []
    corroborated = [c for c in data["claims"] if c["sources"] > 1]
    lines = ["", f"## {t['claims_of'].format(n=len(corroborated), total=len(data['claims']))}", "",
             f"*{t['to_check_note']}*", ""]
    for claim in corroborated:
        sources = ", ".join(names[s["source"]] for s in claim["stated_by"])
        lines.append(f"- **{t['n_sources'].format(n=claim['sources'])}**{'' if claim['sure'] else ', ' + t['to_check']} "
                     f"({sources}): {_one_line(claim['text'])}")
        # each source's own sentence: what a reader checks a loose link against
        for s in claim["stated_by"]:
            lines.append(f"  - {names[s['source']]}: {_one_line(s['sentence'])}")
        for s in claim["contradicted_by"]:
            lines.append(f"  - {t['contradicted_by']} {names[s['source']]}: {_one_line(s['sentence'])}")
        if claim["silent"]:
            lines.append(f"  - {t['silent']}{t['colon']} " + silent_sources(claim, names, t))
    return lines


def _agreement(data: dict, names: dict[str, str], t: dict) -> list[str]:
    agreement = data["agreement"]
    if not agreement:
        return []
    sources, sure = agreement["sources"], agreement["sure"]
    lines = ["", f"## {t['agreement_md']}", "",
             "| | " + " | ".join(_cell(names[s]) for s in sources) + f" | {t['only_here']} |",
             "|---" * (len(sources) + 2) + "|"]
    for a, source in enumerate(sources):
        cells = [f"{agreement['shared'][a][b]} ({sure[a][b]})/{agreement['disputed'][a][b]}"
                 if a != b else f"({agreement['shared'][a][a]})" for b in range(len(sources))]
        lines.append(f"| {_cell(names[source])} | " + " | ".join(cells) + f" | {agreement['only_here'][source]} |")
    return lines


def _story(data: dict, names: dict[str, str], t: dict) -> list[str]:
    lines = []
    actor_names = {a["id"]: a["name"] for a in data["actors"]}
    if data["actors"]:
        lines += ["", f"## {t['actors']} ({len(data['actors'])})", "",
                  f"| {t['actor']} | {t['type']} | {t['role']} | {t['variants']} | {t['sources']} |", "|---|---|---|---|---|"]
        for a in data["actors"]:
            variants = ", ".join(f"{v['text']} ×{v['count']}" for v in a["variants"])
            lines.append(f"| **{_cell(a['name'])}** | {a['type']} | {_cell('; '.join(a['roles']))} | {_cell(variants)} "
                         f"| {len(a['sources'])} |")
    if data["quotes"]:
        lines += ["", f"## {t['quotes']} ({len(data['quotes'])})", ""]
        for q in data["quotes"]:
            sources = ", ".join(names[s] for s in q["sources"])
            quoted = t["quoted"].format(text=_one_line(q["text"])) if q["kind"] == "direct" else f"({t['indirect']}) {_one_line(q['text'])}"
            lines.append(f"- **{_cell(speaker_label(q, t))}**: {quoted} — {sources}")
            if q["conflicting_speakers"]:
                lines.append("  - ⚠ " + t["other_speaker"].format(names=_cell(other_speakers(q, actor_names, names))))
            if note := no_speaker_note(q, names, t):
                lines.append("  - " + _cell(note))
    if data["timeline"]:
        lines += ["", f"## {t['timeline_dates'].format(n=len(data['timeline']))}", "",
                  f"| {t['date']} | {t['precision']} | {t['event']} | {t['sources']} |", "|---|---|---|---|"]
        for e in data["timeline"]:
            warning = " ⚠ " + "; ".join(readable(c, names, data['language']) for c in e["conflicts"]) if e["conflicts"] else ""
            sources = ", ".join(names[s] for s in e["sources"])
            lines.append(f"| {date_label(e)} | {e['precision']} | {_cell(e['text'])}{_cell(warning)} | {_cell(sources)} |")
    return lines


def _sources(data: dict, names: dict[str, str], t: dict) -> list[str]:
    lines = ["", f"## {t['sources']}", ""]
    for document in data["documents"]:
        lines += [f"### {names[document['id']]} — {_one_line(document['title'])}", ""]
        published = f"{t['published']} {document['published']} · " if document["published"] else ""
        lines += [published + t["source_facts"].format(words=len(document["text"].split()),
                                                        removed=len(document["removed"]),
                                                        repairs=len(document["repairs"])) + f" · `{document['id']}`", ""]
        for removal in document["removed"]:
            lines.append(f"- {t['removed']} ({removal['reason']}): {_one_line(removal['text'])}")
        for repair in document["repairs"]:
            lines.append(f"- {t['repair']} ({repair['kind']}): `{_one_line(repair['original'])}` → "
                         f"`{_one_line(repair['repaired'])}`")
    return lines


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _one_line(text: str) -> str:
    return " ".join(text.split())

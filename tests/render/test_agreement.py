"""The agreement tables and claims as a reader sees them, from a hand-made briefing dict (no model
needed)."""

from rich.console import Console

from recoupe.render.html import agreement_svg
from recoupe.render.labels import interface, source_labels, source_names
from recoupe.render.markdown import _agreement, _claims
from recoupe.render.terminal import _agreement_table, _claims_table

TEN = [f"T05_C1_{k:02d}" for k in range(1, 11)]
EN = interface("en")


def _data(sources):
    n = len(sources)
    shared = [[3 if a == b else 1 for b in range(n)] for a in range(n)]
    sure = [[2 if a == b else 0 for b in range(n)] for a in range(n)]
    return {"language": "en", "cross_checked": True, "claims": [], "contradictions": [],
            "documents": [{"id": s, "outlet": s, "outlet_origin": "file-name"} for s in sources],
            "agreement": {"sources": sources, "shared": shared, "sure": sure, "disputed": [[0] * n for _ in range(n)],
                          "only_here": {s: 2 for s in sources}}}


def _terminal(*tables, width=110):
    console = Console(width=width, record=True, color_system=None)
    for table in tables:
        console.print(table)
    return console.export_text()


def test_sources_sharing_a_long_prefix_keep_distinct_names():
    labels = source_labels(TEN)
    assert len(set(labels.values())) == 10
    assert labels["T05_C1_10"] == "T05_C1_10"  # not "T05_C1_1", which reads as source 1
    hashes = source_labels(["000_fb6f9d7137e5b3b6", "001_cb95c1b5dbc1f6a6"])
    assert hashes == {"000_fb6f9d7137e5b3b6": "000_fb6f", "001_cb95c1b5dbc1f6a6": "001_cb95"}
    long = source_labels(["lemonde-2024-06-19-poutine", "lemonde-2024-06-19-kim-jong-un"])
    assert len(set(long.values())) == 2 and all(k.startswith(v) for k, v in long.items())


def test_the_agreement_tables_name_each_of_ten_sources_once():
    data = _data(TEN)
    names = source_names(data["documents"])
    markdown = "\n".join(_agreement(data, names, EN))
    header = next(line for line in markdown.splitlines() if line.startswith("| | "))
    assert all(header.count(s) == 1 for s in TEN)
    text = _terminal(_agreement_table(data, names, EN))
    for k, source in enumerate(TEN, start=1):
        assert f"{k} {source}" in text  # each row says which numbered column is its source


def test_the_agreement_picture_shows_long_names_whole_and_unclipped():
    sources = ["lemonde-2024-06-19-poutine-arrive", "lemonde-2024-06-19-poutine-signe"]
    data = _data(sources)
    svg = agreement_svg(data["agreement"], "en", source_names(data["documents"]))
    names = [part.split(">", 1)[1].split("<", 1)[0] for part in svg.split("<text")[1:5]]
    assert len(set(names)) == 2 and all(any(s.startswith(n.rstrip("…")) for s in sources) for n in names)
    # the picture is wide and tall enough for its longest label, written on the left and at 45 degrees above
    width = float(svg.split('width="')[1].split('"')[0])
    left = float(svg.split("<text")[1].split('x="')[1].split('"')[0])
    longest = max(len(n) for n in names) * 6.6
    assert left >= longest and width >= left + 2 * 44 + longest * 0.7


def test_a_claim_shows_how_each_source_says_it_and_who_is_silent():
    data = _data(["a", "b", "c"])
    data["claims"] = [{
        "id": "c1", "text": "Poutine s'est rendu en Corée du Nord pour la première fois en 24 ans", "sources": 2,
        "stated_by": [
            {"source": "a", "sentence": "Poutine s'est rendu en Corée du Nord pour la première fois en 24 ans et a signé.",
             "clause": "Poutine s'est rendu en Corée du Nord pour la première fois en 24 ans", "sentence_index": 0},
            {"source": "b", "sentence": "Il effectue sa première visite depuis 24 ans, a dit le Kremlin.",
             "clause": "Il effectue sa première visite depuis 24 ans", "sentence_index": 3}],
        "silent": ["c"], "contradicted_by": [], "weakest_link": 0.8, "sure": False}]
    names = source_names(data["documents"])
    markdown = "\n".join(_claims(data, names, EN))
    assert "  - b: Il effectue sa première visite depuis 24 ans, a dit le Kremlin." in markdown
    assert "  - a: Poutine s'est rendu en Corée du Nord pour la première fois en 24 ans et a signé." in markdown
    assert "  - silent: c" in markdown and "**2 sources**, to check (a, b)" in markdown
    text = _terminal(_claims_table(data, names, EN), width=200)
    assert "b: Il effectue sa première visite depuis 24 ans" in text and "silent: c" in text


def test_the_agreement_tables_say_how_many_shared_claims_are_sure():
    data = _data(["a", "b"])
    data["agreement"]["shared"] = [[4, 3], [3, 5]]
    data["agreement"]["sure"] = [[1, 1], [1, 2]]
    names = source_names(data["documents"])
    assert "| a | (4) | 3 (1)/0 | 2 |" in "\n".join(_agreement(data, names, EN))
    svg = agreement_svg(data["agreement"], "en", names)
    assert "3 shared claims (1 sure)" in svg and ">1 sure</text>" in svg
    assert "3 (1)" in _terminal(_agreement_table(data, names, EN))
    french = agreement_svg(data["agreement"], "fr", names)
    assert "3 affirmations communes (1 sûres)" in french and ">1 sûre</text>" in french

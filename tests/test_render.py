"""The agreement tables as a reader sees them, from a hand-made briefing dict (no model needed)."""

from rich.console import Console

from recoupe.render import _markdown_crosscheck, _rich_crosscheck, agreement_svg
from recoupe.render_story import source_labels

TEN = [f"T05_C1_{k:02d}" for k in range(1, 11)]


def _data(sources):
    n = len(sources)
    shared = [[3 if a == b else 1 for b in range(n)] for a in range(n)]
    sure = [[2 if a == b else 0 for b in range(n)] for a in range(n)]
    return {"cross_checked": True, "claims": [], "contradictions": [], "documents": [{"id": s} for s in sources],
            "agreement": {"sources": sources, "shared": shared, "sure": sure, "disputed": [[0] * n for _ in range(n)],
                          "only_here": {s: 2 for s in sources}}}


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
    markdown = "\n".join(_markdown_crosscheck(data))
    header = next(line for line in markdown.splitlines() if line.startswith("| | "))
    assert all(header.count(f"`{s}`") == 1 for s in TEN)
    console = Console(width=110, record=True, color_system=None)
    for part in _rich_crosscheck(data):
        console.print(part)
    text = console.export_text()
    for k, source in enumerate(TEN, start=1):
        assert f"{k} {source}" in text  # each row says which numbered column is its source


def test_the_agreement_picture_names_sources_whose_first_twenty_characters_agree():
    sources = ["lemonde-2024-06-19-poutine-arrive", "lemonde-2024-06-19-poutine-signe"]
    svg = agreement_svg(_data(sources)["agreement"])
    names = [part.split(">", 1)[1].split("<", 1)[0] for part in svg.split("<text")[1:5]]
    assert len(set(names)) == 2 and all(any(s.startswith(n) for s in sources) for n in names)


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
    markdown = "\n".join(_markdown_crosscheck(data))
    assert "  - `b`: Il effectue sa première visite depuis 24 ans, a dit le Kremlin." in markdown
    assert "  - `a`: Poutine s'est rendu en Corée du Nord pour la première fois en 24 ans et a signé." in markdown
    assert "  - silent: `c`" in markdown
    console = Console(width=200, record=True, color_system=None)
    for part in _rich_crosscheck(data):
        console.print(part)
    text = console.export_text()
    assert "b: Il effectue sa première visite depuis 24 ans" in text and "silent: c" in text


def test_the_agreement_tables_say_how_many_shared_claims_are_sure():
    data = _data(["a", "b"])
    data["agreement"]["shared"] = [[4, 3], [3, 5]]
    data["agreement"]["sure"] = [[1, 1], [1, 2]]
    assert "| `a` | (4) | 3 (1)/0 | 2 |" in "\n".join(_markdown_crosscheck(data))
    svg = agreement_svg(data["agreement"])
    assert "3 shared claims (1 sure)" in svg and ">1 sure</text>" in svg
    console = Console(width=110, record=True, color_system=None)
    for part in _rich_crosscheck(data):
        console.print(part)
    assert "3 (1)" in console.export_text()

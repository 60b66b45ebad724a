"""Reading inputs: every bad file is one problem naming it; the other files are still read."""

import json

import pytest

from recoupe.readers import UsageProblem, read_inputs


def test_bad_files_are_reported_and_skipped(tmp_path):
    (tmp_path / "good.txt").write_text("Titre\n\nUn texte en français.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "latin.txt").write_bytes("Élysée : le président a parlé à la télévision.".encode("latin-1"))
    result = read_inputs([str(tmp_path)])
    assert sorted(d.id for d in result.documents) == ["good", "latin"]
    messages = {p.origin.split("/")[-1]: p.message for p in result.problems}
    assert messages["empty.txt"] == "empty file, skipped"
    assert messages["binary.txt"].startswith("binary file")
    assert "decoded as cp1252" in messages["latin.txt"]
    latin = next(d for d in result.documents if d.id == "latin")
    assert latin.text.startswith("Élysée")


def test_jsonl_cluster_is_chosen_and_bad_lines_reported(tmp_path):
    path = tmp_path / "clusters.jsonl"
    good = {"id": "c1", "documents": [{"id": "d1", "title": "T", "text": "Un texte."}, {"id": "d2", "text": "Autre."}]}
    other = {"id": "c2", "documents": [{"id": "x", "text": "Non."}]}
    path.write_text(json.dumps(good) + "\n{not json\n" + json.dumps(other) + "\n", encoding="utf-8")
    result = read_inputs([str(path)], cluster="c1")
    assert [d.id for d in result.documents] == ["d1", "d2"]
    assert result.documents[0].title == "T"
    assert [p.origin for p in result.problems] == [f"{path}:2"]
    assert "malformed JSON" in result.problems[0].message
    with pytest.raises(UsageProblem, match="choose one with --cluster"):
        read_inputs([str(path)])
    with pytest.raises(UsageProblem, match="no cluster with id 'zz'"):
        read_inputs([str(path)], cluster="zz")


def test_html_article_is_extracted_with_its_title(tmp_path):
    paragraph = "Le président russe est arrivé mardi soir à Pyongyang pour une visite de deux jours, la première depuis 24 ans. " * 3
    html = f"""<html><head><title>Poutine à Pyongyang</title></head><body>
    <nav><a href="/">Accueil</a></nav><article><h1>Poutine à Pyongyang</h1><p>{paragraph}</p><p>{paragraph}</p></article>
    <footer>Partager cet article</footer></body></html>"""
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    (tmp_path / "empty.html").write_text("<html><body><nav>menu</nav></body></html>", encoding="utf-8")
    result = read_inputs([str(tmp_path)])
    assert [d.id for d in result.documents] == ["page"]
    assert result.documents[0].title == "Poutine à Pyongyang"
    assert "première depuis 24 ans" in result.documents[0].text
    assert [p.message for p in result.problems] == ["HTML page with no article text, skipped"]


def test_missing_path_is_a_usage_problem(tmp_path):
    with pytest.raises(UsageProblem, match="no such file or folder"):
        read_inputs([str(tmp_path / "nope")])


def test_same_stem_in_two_folders_gets_distinct_ids(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "article.txt").write_text("Un texte.", encoding="utf-8")
    result = read_inputs([str(tmp_path / "a"), str(tmp_path / "b")])
    assert [d.id for d in result.documents] == ["article", "article-2"]


@pytest.mark.parametrize("head", [
    "published: 2024-06-19\n",
    "Date : 2024-06-19\n",
    "---\ndate: 2024-06-19\nauthor: AP\n---\n",
])
def test_a_text_file_gives_its_publication_date_in_a_front_matter_line(tmp_path, head):
    (tmp_path / "a.txt").write_text(head + "Le titre\n\nLe corps de l'article.\n", encoding="utf-8")
    result = read_inputs([str(tmp_path / "a.txt")])
    document = result.documents[0]
    assert (document.published, document.published_origin) == ("2024-06-19", "front-matter")
    assert document.text.startswith("Le titre")
    assert not result.problems


def test_a_front_matter_date_that_is_no_date_is_reported_and_the_article_kept(tmp_path):
    (tmp_path / "a.txt").write_text("published: 19/06/2024\nLe titre\n\nLe corps.\n", encoding="utf-8")
    result = read_inputs([str(tmp_path / "a.txt")])
    assert result.documents[0].published is None and result.documents[0].text.startswith("Le titre")
    assert [str(p) for p in result.problems] == [f"{tmp_path / 'a.txt'}: front-matter date '19/06/2024' is not a date (YYYY-MM-DD), ignored"]


def test_an_article_starting_with_ordinary_text_keeps_its_first_line(tmp_path):
    (tmp_path / "a.txt").write_text("Date historique : Poutine à Pyongyang\n\nLe corps.\n", encoding="utf-8")
    document = read_inputs([str(tmp_path / "a.txt")]).documents[0]
    assert document.published is None and document.text.startswith("Date historique")


# --- outlet names (the source's display name) --------------------------------------------------

@pytest.mark.parametrize("head", [
    "source: Le Monde\npublished: 2024-06-19\n",
    "published: 2024-06-19\nSource : Le Monde\n",
    "---\ndate: 2024-06-19\noutlet: Le Monde\nauthor: AP\n---\n",
])
def test_a_text_file_names_its_outlet_in_a_front_matter_line(tmp_path, head):
    (tmp_path / "a.txt").write_text(head + "Le titre\n\nLe corps de l'article.\n", encoding="utf-8")
    document = read_inputs([str(tmp_path / "a.txt")]).documents[0]
    assert (document.outlet, document.outlet_origin) == ("Le Monde", "front-matter")
    assert (document.published, document.text) == ("2024-06-19", "Le titre\n\nLe corps de l'article.\n")


def test_a_text_file_without_front_matter_has_no_outlet_and_keeps_its_text(tmp_path):
    text = "Source de tensions : le sommet de Pyongyang inquiète Séoul et Washington depuis des semaines, écrit-on.\n\nCorps."
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    document = read_inputs([str(tmp_path / "a.txt")]).documents[0]
    assert document.outlet is None and document.text == text


def test_a_jsonl_document_names_its_outlet_by_source_outlet_or_url(tmp_path):
    documents = [
        {"id": "a", "text": "Texte a.", "source": "Libération"},
        {"id": "b", "text": "Texte b.", "outlet": "Le Figaro", "url": "https://www.lefigaro.fr/x"},
        {"id": "c", "text": "Texte c.", "url": "https://www.lemonde.fr/international/article/2024/06/19/x.html"},
        {"id": "d", "text": "Texte d.", "source": 5},
    ]
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"id": "c", "documents": documents}, ensure_ascii=False) + "\n", encoding="utf-8")
    read = read_inputs([str(path)])
    assert [(d.outlet, d.outlet_origin) for d in read.documents] == [
        ("Libération", "jsonl"), ("Le Figaro", "jsonl"), ("lemonde.fr", "url"), (None, None)]


def test_an_html_page_names_its_outlet_from_its_metadata(tmp_path):
    body = " ".join(["Le président russe est arrivé mardi à Pyongyang pour une visite de deux jours."] * 4)
    page = (f'<html><head><meta property="og:site_name" content="Le Journal du Soir"><title>Visite</title></head>'
            f"<body><article><h1>Visite</h1><p>{body}</p><p>{body}</p></article></body></html>")
    (tmp_path / "a.html").write_text(page, encoding="utf-8")
    document = read_inputs([str(tmp_path / "a.html")]).documents[0]
    assert (document.outlet, document.outlet_origin) == ("Le Journal du Soir", "metadata")

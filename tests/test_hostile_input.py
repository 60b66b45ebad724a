"""Hostile input (issue 20): every bad input is one line naming it, the good ones are still read,
nothing raises, hangs or reads without end. Each case is a class the issue lists."""

import json
import os
import stat

import pytest

from recoupe.readers import (MAX_PUBLICATION_YEAR, MIN_PUBLICATION_YEAR, UsageProblem, parse_date, read_inputs,
                             shown_path)
from recoupe.split import MAX_SENTENCE_CHARACTERS, MAX_SENTENCE_WORDS, SentenceSplitter

GOOD = "Titre\n\nLe conseil municipal a voté lundi la construction d'une piscine olympique."


def _cluster_line(**document) -> str:
    return json.dumps({"id": "c", "documents": [{"id": "d1", "text": "Un texte en français.", **document}]})


def _read(tmp_path, name: str, content: str | bytes):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8", "surrogatepass"))
    return read_inputs([str(tmp_path / "good.txt"), str(path)])


def _messages(result) -> list[str]:
    return [str(p) for p in result.problems]


@pytest.mark.parametrize("value, why", [
    ("0001-01-01", "out of range"), ("9999-12-31", "out of range"), ("2024-06-19xyz", "not a date"),
    ("2024-02-30", "not a date"), (5, "not a date"),
])
def test_a_date_out_of_range_or_malformed_is_refused_with_its_reason(value, why):
    date, reason = parse_date(value)
    assert date is None and why in reason
    assert parse_date("2024-06-19T08:00:00Z")[0].isoformat() == "2024-06-19"
    assert MIN_PUBLICATION_YEAR <= 2024 <= MAX_PUBLICATION_YEAR


def test_dates_of_year_1_in_front_matter_and_jsonl_are_ignored_and_said(tmp_path):
    result = _read(tmp_path, "old.txt", "published: 0001-01-01\n\n" + GOOD)
    assert [d.published for d in result.documents] == [None, None]
    assert any("old.txt: front-matter date '0001-01-01' is out of range" in m for m in _messages(result))
    result = _read(tmp_path, "old.jsonl", _cluster_line(date="9999-12-31"))
    assert [d.id for d in result.documents] == ["good", "d1"] and result.documents[1].published is None
    assert any("'date' '9999-12-31' is out of range" in m for m in _messages(result))


@pytest.mark.parametrize("document, key, kind", [
    ({"title": 5}, "title", "an integer"), ({"title": [1]}, "title", "a list"), ({"title": True}, "title", "a boolean"),
    ({"language": ["fr"]}, "language", "a list"), ({"date": 20240619}, "date", "an integer"),
])
def test_a_jsonl_key_of_the_wrong_type_is_one_line_and_the_document_kept(tmp_path, document, key, kind):
    result = _read(tmp_path, "typed.jsonl", _cluster_line(**document))
    assert [d.id for d in result.documents] == ["good", "d1"]
    assert any(f"typed.jsonl:1 document 0: '{key}' is {kind}, expected a string; ignored" in m for m in _messages(result))


@pytest.mark.parametrize("line, message", [
    ("[" * 100_000 + "]" * 100_000, "JSON nested too deeply"),
    ('{"id": ' + "9" * 5000 + ', "documents": []}', "unreadable JSON value"),
    ('{"id": "c", "documents": "abc"}', "not a cluster object"),
    ('{"id": "c", "documents": []}', "cluster with no documents"),
])
def test_jsonl_the_parser_refuses_is_one_line(tmp_path, line, message):
    result = _read(tmp_path, "bad.jsonl", line)
    assert [d.id for d in result.documents] == ["good"]
    assert any(message in m and "bad.jsonl:1" in m for m in _messages(result))


def test_a_lone_surrogate_is_replaced_and_a_line_separator_kept_inside_a_string(tmp_path):
    result = _read(tmp_path, "odd.jsonl", '{"id": "c", "documents": [{"id": "x", "text": "Un texte \\ud800 fin. '
                                          'Suite\u2028du texte."}]}')
    document = result.documents[1]
    assert "\ufffd" in document.text and "\u2028" in document.text
    assert any("lone surrogate" in m for m in _messages(result))
    json.dumps(document.text, ensure_ascii=False).encode("utf-8")  # writable as UTF-8


@pytest.mark.parametrize("content", ["\u00a0\u3000\u200b\n", b"\xef\xbb\xbf", "\ufeff \u2060"])
def test_a_file_of_invisible_characters_is_empty(tmp_path, content):
    result = _read(tmp_path, "blank.txt", content)
    assert [d.id for d in result.documents] == ["good"]
    assert any("blank.txt: empty file" in m for m in _messages(result))


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32"])
def test_utf16_and_utf32_with_a_bom_are_text(tmp_path, encoding):
    result = _read(tmp_path, "wide.txt", GOOD.encode(encoding))
    assert result.documents[1].text.startswith("Titre") and not result.problems


def test_a_fifo_is_skipped_with_a_line_and_never_opened(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    result = read_inputs([str(tmp_path)])
    assert [d.id for d in result.documents] == ["good"]
    assert any("pipe.txt: not a regular file" in m for m in _messages(result))
    result = read_inputs([str(tmp_path / "pipe.txt"), str(tmp_path / "good.txt")])
    assert [d.id for d in result.documents] == ["good"]


def test_a_device_is_never_read(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    result = read_inputs(["/dev/zero", str(tmp_path / "good.txt")])
    assert [d.id for d in result.documents] == ["good"]
    assert any("/dev/zero: not a regular file" in m for m in _messages(result))


def test_a_folder_that_cannot_be_listed_is_one_line(tmp_path, monkeypatch):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    original = type(locked).iterdir

    def iterdir(self):
        if self == locked:
            raise PermissionError(13, "Permission denied")
        return original(self)

    monkeypatch.setattr(type(locked), "iterdir", iterdir)  # root ignores chmod: refuse by hand
    result = read_inputs([str(locked), str(tmp_path / "good.txt")])
    assert [d.id for d in result.documents] == ["good"]
    assert _messages(result) == [f"{locked}: cannot list folder (Permission denied), skipped"]


def test_a_file_name_that_is_not_utf8_is_shown_escaped(tmp_path):
    folder = os.fsencode(tmp_path)
    with open(os.path.join(folder, b"bad\xffname.txt"), "wb") as handle:
        handle.write(GOOD.encode("utf-8"))
    (tmp_path / "new\nline.txt").write_text(GOOD, encoding="utf-8")
    result = read_inputs([str(tmp_path)])
    assert sorted(d.id for d in result.documents) == ["bad\\xffname", "new\\nline"]
    for document in result.documents:
        document.origin.encode("utf-8")
    assert shown_path("a\rb\x1b[31m") == "a\\rb\\x1b[31m"


def test_duplicate_ids_stay_unique_and_control_characters_are_removed(tmp_path):
    for folder in ("x", "y"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "x" / "a-2.txt").write_text("\x1b[31mRouge\x1b[0m titre\x0bligne\n\n" + GOOD, encoding="utf-8")
    result = read_inputs([str(tmp_path / "x"), str(tmp_path / "y")])
    ids = [d.id for d in result.documents]
    assert len(set(ids)) == len(ids) == 3
    red = next(d for d in result.documents if d.id == "a-2")
    assert "\x1b" not in red.text and red.text.startswith("[31mRouge[0m titre\nligne")


def test_an_empty_path_is_a_usage_error():
    with pytest.raises(UsageProblem, match="an empty path"):
        read_inputs([""])


def test_a_symbolic_link_out_of_the_folder_is_read_and_said(tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text(GOOD, encoding="utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "link.txt").symlink_to(outside)
    result = read_inputs([str(folder)])
    assert [d.id for d in result.documents] == ["link"]
    assert any("symbolic link to a file outside the folder" in m for m in _messages(result))
    assert not result.problems[0].skipped
    assert stat.S_ISLNK(os.lstat(folder / "link.txt").st_mode)


def test_text_without_punctuation_is_cut_into_bounded_sentences():
    splitter = SentenceSplitter("fr")
    sentences = splitter.split(" ".join(["mot"] * 1000))
    assert max(len(s.split()) for s in sentences) == MAX_SENTENCE_WORDS
    assert sum(len(s.split()) for s in sentences) == 1000
    assert max(len(s) for s in splitter.split("a" * 5000)) == MAX_SENTENCE_CHARACTERS
    assert splitter.split("Une phrase. Une autre !") == ["Une phrase.", "Une autre !"]


def test_a_tag_with_endless_attributes_loses_them_and_the_page_is_read(tmp_path):
    # libxml2 compares each attribute with the others: 200,000 of them ran past 200 s
    attributes = " ".join(f'data-x{k}="{k}"' for k in range(3000))
    page = (f"<html><head><title>Piscine</title></head><body><article><p {attributes}>{GOOD.split(chr(10))[-1]} "
            "Les travaux commenceront au printemps et dureront deux ans selon la mairie.</p></article></body></html>")
    result = _read(tmp_path, "page.html", page)
    assert [d.id for d in result.documents] == ["good", "page"]
    assert "piscine olympique" in result.documents[1].text
    assert any("page.html: 1 HTML tag with over 20,000 characters of attributes: attributes dropped" in m
               for m in _messages(result))

from __future__ import annotations

from pathlib import Path

from tolltrack.errors import InputError
from tolltrack.ingest import read_path, read_stream
from tolltrack.model import Document


def test_text_file_is_one_document(tmp_path: Path) -> None:
    f = tmp_path / "story.txt"
    f.write_text("Five people were killed.", "utf-8")
    [doc] = list(read_path(f))
    assert isinstance(doc, Document)
    assert doc.id == "story" and doc.text == "Five people were killed."


def test_empty_and_binary_files_are_errors_naming_the_file(tmp_path: Path) -> None:
    (tmp_path / "a-empty.txt").write_text("  \n", "utf-8")
    (tmp_path / "b-binary.txt").write_bytes(b"\x00\x01\x02PK")
    (tmp_path / "c-good.txt").write_text("Two people died.", "utf-8")
    items = list(read_path(tmp_path))
    assert [type(i).__name__ for i in items] == ["InputError", "InputError", "Document"]
    assert "a-empty.txt" in str(items[0]) and "empty" in str(items[0])
    assert "b-binary.txt" in str(items[1]) and "binary" in str(items[1])


def test_invalid_utf8_is_replaced_with_a_warning() -> None:
    [doc] = list(read_stream("x.txt", b"Three people \xff\xfe were hurt."))
    assert isinstance(doc, Document)
    assert "\ufffd" in doc.text
    assert doc.warnings and "invalid UTF-8" in doc.warnings[0]


def test_jsonl_bad_line_is_reported_and_the_rest_goes_on() -> None:
    data = (
        b'{"id": "a", "text": "One man died.", "published": "2023-01-02", "event": "e1"}\n'
        b"{not json\n"
        b'{"id": "c"}\n'
        b"[1, 2]\n"
        b'{"id": 7, "text": "Two died.", "gold": {"killed": 2}}\n'
    )
    items = list(read_stream("in.jsonl", data))
    kinds = [type(i).__name__ for i in items]
    assert kinds == ["Document", "InputError", "InputError", "InputError", "Document"]
    errors = [i for i in items if isinstance(i, InputError)]
    assert [e.source for e in errors] == ["in.jsonl:2", "in.jsonl:3", "in.jsonl:4"]
    assert "malformed JSON" in errors[0].reason and "'text'" in errors[1].reason
    first, last = items[0], items[4]
    assert isinstance(first, Document) and first.event == "e1" and first.published == "2023-01-02"
    assert isinstance(last, Document) and last.id == "7" and last.extra == {"gold": {"killed": 2}}


def test_missing_path_is_an_error(tmp_path: Path) -> None:
    from tolltrack.runner.local import read_inputs

    [item] = list(read_inputs([str(tmp_path / "nope.txt")]))
    assert isinstance(item, InputError) and "no such file" in item.reason

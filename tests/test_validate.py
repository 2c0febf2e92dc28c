"""Client-side argument checks: each rule, and that every message names the parameter."""

from __future__ import annotations

import io
import math
from pathlib import Path

import pytest

from anythingllm import _validate as v

# --- require_text ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["hi", " padded ", "多语言", "\u00a0x"])
def test_require_text_accepts_and_returns_unchanged(value: str) -> None:
    assert v.require_text("message", value) is value


@pytest.mark.parametrize("value", ["", " ", "\n\t  ", "\u3000"])
def test_require_text_rejects_blank(value: str) -> None:
    with pytest.raises(ValueError, match=r"^message must not be empty"):
        v.require_text("message", value)


@pytest.mark.parametrize("value", [None, 1, b"hi", ["hi"]])
def test_require_text_rejects_non_str(value: object) -> None:
    with pytest.raises(TypeError, match=r"^message must be a str, got "):
        v.require_text("message", value)


def test_require_text_names_the_given_parameter() -> None:
    with pytest.raises(ValueError, match=r"^name must not be empty"):
        v.require_text("name", "   ")


# --- check_mode ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", ["automatic", "chat", "query"])
def test_check_mode_accepts(mode: str) -> None:
    assert v.check_mode(mode) == mode


@pytest.mark.parametrize("mode", ["bogus", "Chat", "", " chat", "agent"])
def test_check_mode_rejects_unknown(mode: str) -> None:
    with pytest.raises(ValueError, match=r"^mode must be one of automatic, chat, query, got "):
        v.check_mode(mode)


@pytest.mark.parametrize("mode", [None, 1, ["chat"]])
def test_check_mode_rejects_non_str(mode: object) -> None:
    with pytest.raises(TypeError, match=r"^mode must be a str"):
        v.check_mode(mode)


# --- check_file_source ---------------------------------------------------------------------------------


def test_file_path_str_and_pathlike(tmp_path: Path) -> None:
    f = tmp_path / "notes.txt"
    f.write_bytes(b"otters")
    assert v.check_file_source(str(f), None) == str(f)
    result = v.check_file_source(f, None)  # a path object comes back as its str
    assert isinstance(result, str) and result == str(f)


def test_file_path_of_bytes_is_a_type_error(tmp_path: Path) -> None:
    with pytest.raises(TypeError, match="file_path must be a str or path, got bytes"):
        v.check_file_source(bytes(tmp_path / "notes.txt"), None)


def test_file_obj_is_returned_as_is() -> None:
    buf = io.BytesIO(b"data")
    assert v.check_file_source(None, buf) is buf


def test_both_sources_rejected(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(b"x")
    with pytest.raises(ValueError, match=r"either file_path or file_obj, not both"):
        v.check_file_source(f, io.BytesIO(b"x"))


def test_no_source_rejected() -> None:
    with pytest.raises(ValueError, match=r"^file_path or file_obj is required"):
        v.check_file_source(None, None)


def test_missing_path_rejected(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    with pytest.raises(ValueError, match=r"^file_path does not exist") as info:
        v.check_file_source(missing, None)
    assert str(missing) in str(info.value)


def test_directory_path_rejected(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"^file_path is a directory"):
        v.check_file_source(tmp_path, None)


def test_empty_path_rejected() -> None:
    with pytest.raises(ValueError, match=r"^file_path must not be empty"):
        v.check_file_source("", None)


@pytest.mark.parametrize("bad", [123, b"/bytes/path"])
def test_path_of_wrong_type_rejected(bad: object) -> None:
    with pytest.raises(TypeError, match=r"^file_path must be a str or path"):
        v.check_file_source(bad, None)  # type: ignore[arg-type]


def test_text_mode_file_obj_rejected(tmp_path: Path) -> None:
    f = tmp_path / "t.txt"
    f.write_text("hello")
    with f.open("r") as text_stream, pytest.raises(TypeError, match=r"^file_obj must be opened in binary mode"):
        v.check_file_source(None, text_stream)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^file_obj must be opened in binary mode"):
        v.check_file_source(None, io.StringIO("x"))  # type: ignore[arg-type]


def test_unreadable_file_obj_rejected() -> None:
    with pytest.raises(TypeError, match=r"^file_obj must be a readable binary file object, got str"):
        v.check_file_source(None, "not a file")  # type: ignore[arg-type]


def test_real_binary_file_accepted(tmp_path: Path) -> None:
    f = tmp_path / "b.bin"
    f.write_bytes(b"\x00\x01")
    with f.open("rb") as fh:
        assert v.check_file_source(None, fh) is fh


# --- check_number -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", [0, 0.0, 0.7, 1, 2.5])
def test_temperature_accepts_non_negative_numbers(value: float) -> None:
    assert v.check_number("temperature", value) == value


def test_temperature_negative_message() -> None:
    with pytest.raises(ValueError) as info:
        v.check_number("temperature", -1)
    assert str(info.value) == "temperature must be a number >= 0, got -1"


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf, -0.01])
def test_temperature_rejects_non_finite_and_negative(value: float) -> None:
    with pytest.raises(ValueError, match=r"^temperature must be a number >= 0"):
        v.check_number("temperature", value)


@pytest.mark.parametrize("value", [True, False, "0.5", None, [1]])
def test_temperature_rejects_bool_and_non_numbers(value: object) -> None:
    with pytest.raises(TypeError, match=r"^temperature must be a number >= 0, got "):
        v.check_number("temperature", value)


@pytest.mark.parametrize("value", [1, 4, 100])
def test_top_n_accepts_positive_integers(value: int) -> None:
    assert v.check_number("topN", value, minimum=1, integer=True) == value


def test_top_n_rejects_zero() -> None:
    with pytest.raises(ValueError) as info:
        v.check_number("topN", 0, minimum=1, integer=True)
    assert str(info.value) == "topN must be an integer >= 1, got 0"


@pytest.mark.parametrize("value", [2.0, 2.5, True, "3"])
def test_top_n_rejects_floats_bools_and_strings(value: object) -> None:
    with pytest.raises(TypeError, match=r"^topN must be an integer >= 1"):
        v.check_number("topN", value, minimum=1, integer=True)


# --- require_list -------------------------------------------------------------------------------------------


def test_require_list_accepts_sequences_and_returns_new_list() -> None:
    src = ["custom-documents/a.json", "custom-documents/b.json"]
    out = v.require_list("document_ids", src)
    assert out == src and out is not src
    assert v.require_list("document_ids", ("x",)) == ["x"]
    assert v.require_list("document_ids", []) == []


def test_require_list_refuses_a_single_str() -> None:
    with pytest.raises(TypeError) as info:
        v.require_list("document_ids", "custom-documents/a.json")
    assert str(info.value) == "document_ids must be a list of str, got a str"


@pytest.mark.parametrize("value", [b"ab", {"a": 1}, None, 5, iter(["a"])])
def test_require_list_refuses_other_kinds(value: object) -> None:
    with pytest.raises(TypeError, match=r"^document_ids must be a list of str"):
        v.require_list("document_ids", value)


def test_require_list_checks_items() -> None:
    with pytest.raises(TypeError, match=r"^document_ids\[1\] must be a str, got 3 \(int\)"):
        v.require_list("document_ids", ["a", 3])


def test_require_list_int_items_refuse_bool_and_str() -> None:
    assert v.require_list("workspace_ids", [1, 2], int) == [1, 2]
    with pytest.raises(TypeError, match=r"^workspace_ids\[0\] must be a int, got True"):
        v.require_list("workspace_ids", [True], int)
    with pytest.raises(TypeError, match=r"^workspace_ids\[0\] must be a int"):
        v.require_list("workspace_ids", ["1"], int)
    with pytest.raises(TypeError, match=r"^workspace_ids must be a list of int, got a str"):
        v.require_list("workspace_ids", "12", int)


# --- require_slug ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["test-ws", "vcr-full-options-ws-93222501", "38f74d6f-b16f-4748-b286-cea32a3660af"])
def test_require_slug_accepts(value: str) -> None:
    assert v.require_slug("workspace_id", value) == value


@pytest.mark.parametrize("value", ["", "   "])
def test_require_slug_rejects_empty(value: str) -> None:
    with pytest.raises(ValueError, match=r"^workspace_id must not be empty"):
        v.require_slug("workspace_id", value)


@pytest.mark.parametrize("value", ["a/b", "../x", "..", ".", "ws?x=1", "ws#frag", "a\\b"])
def test_require_slug_rejects_path_breaking_values(value: str) -> None:
    with pytest.raises(ValueError, match=r"^thread_id must be a single path segment"):
        v.require_slug("thread_id", value)


@pytest.mark.parametrize("value", [None, 7, ["test-ws"]])
def test_require_slug_rejects_non_str(value: object) -> None:
    with pytest.raises(TypeError, match=r"^workspace_id must be a str"):
        v.require_slug("workspace_id", value)

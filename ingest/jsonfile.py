"""Reading a corpus text or JSON file, with SkipFile reasons a user can act on."""
from __future__ import annotations

import json
import pathlib
from typing import Any

from ingest import limits
from core.errors import SkipFile


def read_utf8(path: pathlib.Path, expected: str) -> str:
    """The file's text; SkipFile for an empty, binary (NUL bytes: not `expected`) or
    non-UTF-8 file, or one with more text than ingest.limits allows. A UTF-8 byte-order
    mark is dropped."""
    limits.check_file_bytes(path)
    raw = path.read_bytes()
    if not raw.strip():
        raise SkipFile("empty file")
    if b"\x00" in raw:
        raise SkipFile(f"binary content (NUL bytes), not {expected}")
    try:
        return limits.check_text(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as e:
        raise SkipFile(f"not UTF-8 text ({e.reason} at byte {e.start})") from None


def read_json(path: pathlib.Path) -> Any:
    """The file's JSON value, or SkipFile for empty / binary / non-UTF-8 / invalid files."""
    text = read_utf8(path, "JSON")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise SkipFile(f"invalid JSON: {e.msg} at line {e.lineno}") from None
    return data


def read_json_object(path: pathlib.Path) -> dict[str, Any]:
    """The file's JSON object; SkipFile also for a JSON value that is not an object."""
    data = read_json(path)
    if not isinstance(data, dict):
        raise SkipFile(f"expected a JSON object, found {type(data).__name__}")
    return data

"""Reading a corpus JSON file into a dict, with SkipFile reasons a user can act on."""
from __future__ import annotations

import json
import pathlib
from typing import Any

from ingest.errors import SkipFile


def read_json_object(path: pathlib.Path) -> dict[str, Any]:
    """The file's JSON object, or SkipFile for empty / invalid / non-object files."""
    raw = path.read_bytes()
    if not raw.strip():
        raise SkipFile("empty file")
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise SkipFile(f"invalid JSON: {e}") from None
    if not isinstance(data, dict):
        raise SkipFile(f"expected a JSON object, found {type(data).__name__}")
    return data

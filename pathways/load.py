"""Load and validate the remedy guide: `pathways/data/*.json`, one pathway per file.

    from pathways.load import load_pathways
    guide = load_pathways()          # tuple[Pathway, ...], in the guide's order

A file's shape (names in sr-Latn, sr-Cyrl and en everywhere a heading is shown):

    {"id": "criminal_claim", "order": 1, "names": {...},
     "situations": ["exploitation_labour", ...], "requires": [], "asks": ["compensation"],
     "greta": ["compensation_perpetrators"],
     "steps": [{"id": "who", "role": "who", "names": {...}, "facts": [],
                "refs": [{"cite": "ZKP 253", "stav": "1", "quote": "…the law's own words…"}]}],
     "check_next": [{"sr-Latn": "…", "sr-Cyrl": "…", "en": "…"}],
     "gaps": [{"sr-Latn": "…", ...}]}      # what the corpus does not hold for this route

Validation is structural (ids, languages, known facts, roles and GRETA topics, a quote
on every reference) and names the file and the reason. Whether a citation resolves and
its quote is really in the source needs an index: `pathways.resolve`.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from core.errors import ConfigError

from pathways.model import ASKS, FACTS, GRETA_TOPICS, LANGS, ROLES, Pathway, Ref, Step

DATA_DIR = Path(__file__).resolve().parent / "data"


def _names(where: str, value: Any) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, dict) or set(value) != set(LANGS):
        raise ConfigError(f"{where}: names must have exactly the languages {LANGS}, got {value!r}")
    for lang, text in value.items():
        if not isinstance(text, str) or not text.strip():
            raise ConfigError(f"{where}: the {lang} name is empty")
    return tuple((lang, value[lang].strip()) for lang in LANGS)


def _ids(where: str, value: Any, allowed: tuple[str, ...], what: str) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise ConfigError(f"{where}: {what} must be a list, got {value!r}")
    bad = [v for v in value if v not in allowed]
    if bad:
        raise ConfigError(f"{where}: unknown {what} {bad}; allowed: {', '.join(allowed)}")
    return tuple(value)


def _ref(where: str, d: Any) -> Ref:
    if not isinstance(d, dict):
        raise ConfigError(f"{where}: a reference must be an object, got {d!r}")
    unknown = set(d) - {"cite", "source", "page", "stav", "tacka", "quote"}
    if unknown:
        raise ConfigError(f"{where}: unknown reference fields {sorted(unknown)}")
    quote = d.get("quote")
    if not isinstance(quote, str) or len(quote.strip()) < 8:
        raise ConfigError(f"{where}: reference {d.get('cite') or d.get('source')!r} needs a quote of the source's own words")
    cite, source, page = d.get("cite", ""), d.get("source", ""), d.get("page")
    if not cite and not (source and isinstance(page, int) and page >= 1):
        raise ConfigError(f"{where}: a reference needs 'cite' (\"ZKP 254\") or 'source' with a 1-based 'page'")
    for key in ("stav", "tacka"):
        if d.get(key) is not None and not isinstance(d[key], str):
            raise ConfigError(f"{where}: {key} must be a string, got {d[key]!r}")
    return Ref(quote=" ".join(quote.split()), cite=cite, source=source, page=page, stav=d.get("stav"),
               tacka=d.get("tacka"))


def parse_pathway(d: Any, where: str) -> Pathway:
    """One pathway from its JSON object; `where` names the file in errors."""
    if not isinstance(d, dict):
        raise ConfigError(f"{where}: a pathway must be a JSON object")
    for key in ("id", "names", "steps"):
        if key not in d:
            raise ConfigError(f"{where}: missing '{key}'")
    pid = d["id"]
    if not isinstance(pid, str) or not pid.isidentifier():
        raise ConfigError(f"{where}: id {pid!r} must be a lowercase identifier")
    names = _names(where, d["names"])
    steps, seen = [], set()
    for n, s in enumerate(d["steps"], 1):
        at = f"{where} step {n}"
        if not isinstance(s, dict) or not isinstance(s.get("id"), str) or s["id"] in seen:
            raise ConfigError(f"{at}: each step needs a unique string 'id'")
        seen.add(s["id"])
        if s.get("role") not in ROLES:
            raise ConfigError(f"{at}: role {s.get('role')!r} is not one of {ROLES}")
        refs = s.get("refs")
        if not isinstance(refs, list) or not refs:
            raise ConfigError(f"{at}: a step needs at least one reference (the guide states nothing of its own)")
        steps.append(Step(s["id"], s["role"], _names(at, s.get("names")), tuple(_ref(at, r) for r in refs),
                          _ids(at, s.get("facts", []), FACTS, "facts")))
    if not steps:
        raise ConfigError(f"{where}: a pathway needs at least one step")
    order = d.get("order", 100)
    if not isinstance(order, int):
        raise ConfigError(f"{where}: order must be an integer, got {order!r}")
    return Pathway(
        id=pid, names=names,
        situations=_ids(where, d.get("situations", []), FACTS, "situations"),
        requires=_ids(where, d.get("requires", []), FACTS, "requires"),
        asks=_ids(where, d.get("asks", []), ASKS, "asks"),
        steps=tuple(steps),
        check_next=tuple(_names(f"{where} check_next", c) for c in d.get("check_next", [])),
        greta=_ids(where, d.get("greta", []), GRETA_TOPICS, "greta topics"),
        order=order,
        gaps=tuple(_names(f"{where} gaps", g) for g in d.get("gaps", [])))


def load_pathways(data_dir: Path | None = None) -> tuple[Pathway, ...]:
    """Every pathway in `data_dir` (default: the bundled guide), in the guide's order."""
    return _load(str(Path(data_dir) if data_dir else DATA_DIR))


@lru_cache(maxsize=4)
def _load(data_dir: str) -> tuple[Pathway, ...]:
    root = Path(data_dir)
    if not root.is_dir():
        raise ConfigError(f"remedy guide folder {root} does not exist")
    out, ids = [], set()
    for path in sorted(root.glob("*.json")):
        try:
            d = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
            raise ConfigError(f"{path}: not a readable JSON file ({e})") from None
        p = parse_pathway(d, str(path))
        if p.id in ids:
            raise ConfigError(f"{path}: pathway id {p.id!r} is used by another file")
        ids.add(p.id)
        out.append(p)
    return tuple(sorted(out, key=lambda p: (p.order, p.id)))

"""Law and treaty names as lawyers write them: short labels ("KZ", "CETS 197") and
aliases ("krivični zakonik", "Palermski protokol"), read from retrieval/data/aliases.json
and keyed by corpus source path.

`load_aliases` validates the file and compiles each alias to the analyzer's stemmed
tokens (Serbian stemmer forced), so one spelling covers its declined, Cyrillic and
diacritic-free forms. Finding aliases in a question is `retrieval.sources.citations`.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from core.errors import ConfigError
from retrieval.analyzer import token_spans, words
from core.text import normalize

ALIASES_FILE = Path(__file__).resolve().parent.parent / "data" / "aliases.json"
ENTRY_KEYS = ("short", "name", "aliases")


@dataclass(frozen=True)
class Aliases:
    entries: dict[str, dict]  # source -> {"short", "name", "aliases"}
    table: dict[tuple[str, ...], str]  # stemmed alias tokens -> source
    registers: frozenset[str]  # court register marks, compact ("rev2", "rz1u")
    # ECtHR cases as Serbian lawyers spell them ("Rancev", "Silijadin"): normalised
    # words -> source. English case names come from the index's document titles.
    cases: dict[tuple[str, ...], str] = field(default_factory=dict)

    def short(self, source: str) -> str | None:
        """The label for citations ("ZKP", "CETS 197"); None for a source not listed."""
        e = self.entries.get(source)
        return e["short"] if e else None


def alias_key(text: str) -> tuple[str, ...]:
    """The form an alias is matched on: Serbian-stemmed tokens of the normalised text."""
    return tuple(t for t, _, _ in token_spans(text, "serbian"))


def load_aliases(path: str | Path | None = None) -> Aliases:
    """Read and validate aliases.json. An entry without "short", with keys other than
    ENTRY_KEYS, or with an alias another source already uses is a ConfigError naming
    the source. The packaged file is read once."""
    return _load(str(Path(path) if path else ALIASES_FILE))


@lru_cache(maxsize=4)
def _load(path: str) -> Aliases:
    raw = json.loads(Path(path).read_text(encoding="utf-8"))
    entries: dict[str, dict] = raw.get("sources") or {}
    table: dict[tuple[str, ...], str] = {}
    for source, e in entries.items():
        if not isinstance(e, dict) or not str(e.get("short", "")).strip():
            raise ConfigError(f"{path}: source {source!r} has no \"short\" name")
        unknown = sorted(set(e) - set(ENTRY_KEYS))
        if unknown:
            raise ConfigError(f"{path}: source {source!r} has keys {unknown}; allowed: {list(ENTRY_KEYS)}")
        for alias in [e["short"], e.get("name", ""), *e.get("aliases", [])]:
            key = alias_key(alias)
            if key and table.setdefault(key, source) != source:
                raise ConfigError(f"{path}: alias {alias!r} of {source!r} is already an alias of {table[key]!r}")
    registers = frozenset(normalize(r).replace(" ", "") for r in raw.get("decision_registers", []))
    cases: dict[tuple[str, ...], str] = {}
    for source, names in (raw.get("case_names") or {}).items():
        for name in names:
            cases[tuple(words(normalize(name)))] = source
    return Aliases(entries, table, registers, cases)

"""Load a QA file (JSON lines) and check it: format, and that every gold unit exists in the corpus.

`load_qa` reads the records; `check_format` finds problems a file has on its own (ids,
fields, split and language values, answerable/gold agreement, triplet groups);
`validate_qa` adds the corpus check: each gold item's source file exists and the unit it
names is really there (a `Član N` line in a Latin statute, provision `artN` in a PIS
statute, a paragraph starting `N.` in an ECtHR judgment, an `### Article N` heading in a
treaty, a page inside a bulletin PDF).

It does not score anything (see `evaluation.metrics`) and does not parse the corpus into
chunks: the checks read the raw files with the few patterns above, so a label cannot be
"verified" by the same loader code whose output it is meant to test.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

SPLITS = ("dev", "test")
LANGS = ("sr-Latn", "sr-Cyrl", "sr-nodiac", "en")
REQUIRED = ("id", "question", "gold", "answerable", "split", "lang", "topic")
GOLD_LOCATORS = ("article", "paragraph", "page")
# Which locators each part of the corpus may name (decisions: the source alone).
ALLOWED_LOCATORS = {
    "law_txt": {"article"},
    "law_pis": {"article"},
    "echr": {"paragraph"},
    "treaty": {"article"},
    "decision": set(),
    "bulletin": {"page"},
}
# PIS writes lettered articles in Cyrillic ("4а"); gold items use the Latin letter.
_CYR_TO_LAT = str.maketrans("абвгдђежзи", "abvgdđežzi")


def load_qa(path: str | Path) -> list[dict[str, Any]]:
    """Read a QA file: one JSON object per non-empty line."""
    records = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                try:
                    records.append(json.loads(line))
                except json.JSONDecodeError as e:
                    raise ValueError(f"{path}:{n}: not valid JSON ({e.msg})") from e
    return records


def _gold_problems(qid: str, gold: Any) -> list[str]:
    if not isinstance(gold, list):
        return [f"{qid}: gold must be a list, got {type(gold).__name__}"]
    problems = []
    for g in gold:
        if not isinstance(g, dict) or not isinstance(g.get("source"), str) or not g["source"]:
            problems.append(f"{qid}: gold item {g!r} needs a non-empty 'source'")
            continue
        for key in set(g) - {"source"}:
            if key not in GOLD_LOCATORS:
                problems.append(f"{qid}: gold locator {key!r} is not one of {GOLD_LOCATORS}")
        for key in ("article", "paragraph"):
            if key in g and (not isinstance(g[key], str) or not g[key]):
                problems.append(f"{qid}: gold {key} must be a non-empty string, got {g[key]!r}")
        if "page" in g and (not isinstance(g["page"], int) or isinstance(g["page"], bool) or g["page"] < 1):
            problems.append(f"{qid}: gold page must be an integer >= 1, got {g['page']!r}")
    return problems


def check_format(records: list[dict[str, Any]]) -> list[str]:
    """Problems a QA file has without looking at the corpus; an empty list means none."""
    problems: list[str] = []
    seen: set[str] = set()
    groups: dict[str, list[dict[str, Any]]] = {}
    for i, r in enumerate(records):
        qid = str(r.get("id", f"<record {i + 1}>"))
        missing = [k for k in REQUIRED if k not in r]
        if missing:
            problems.append(f"{qid}: missing fields {missing}")
            continue
        if qid in seen:
            problems.append(f"{qid}: duplicate id")
        seen.add(qid)
        if not isinstance(r["question"], str) or not r["question"].strip():
            problems.append(f"{qid}: empty question")
        if r["split"] not in SPLITS:
            problems.append(f"{qid}: split {r['split']!r} is not one of {SPLITS}")
        if r["lang"] not in LANGS:
            problems.append(f"{qid}: lang {r['lang']!r} is not one of {LANGS}")
        problems += _script_problems(qid, r["lang"], r["question"])
        if not isinstance(r["answerable"], bool):
            problems.append(f"{qid}: answerable must be true or false, got {r['answerable']!r}")
        problems += _gold_problems(qid, r["gold"])
        if r["answerable"] is True and not r["gold"]:
            problems.append(f"{qid}: answerable but gold is empty")
        if r["answerable"] is False and r["gold"]:
            problems.append(f"{qid}: not answerable but has gold items")
        if "group" in r:
            groups.setdefault(str(r["group"]), []).append(r)
    for name, members in sorted(groups.items()):
        problems += _group_problems(name, members)
    return problems


_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_DIACRITICS = re.compile(r"[čćžšđČĆŽŠĐ]")


def _script_problems(qid: str, lang: str, question: Any) -> list[str]:
    # The language tag drives per-script evaluation, so it must match the text.
    if not isinstance(question, str):
        return []
    if lang == "sr-Cyrl" and not _CYRILLIC.search(question):
        return [f"{qid}: lang sr-Cyrl but the question has no Cyrillic letters"]
    if lang in ("sr-Latn", "sr-nodiac", "en") and _CYRILLIC.search(question):
        return [f"{qid}: lang {lang} but the question has Cyrillic letters"]
    if lang == "sr-nodiac" and _DIACRITICS.search(question):
        return [f"{qid}: lang sr-nodiac but the question has diacritics"]
    return []


def _group_problems(name: str, members: list[dict[str, Any]]) -> list[str]:
    # A triplet is one question asked in Latin, Cyrillic and Latin without diacritics.
    langs = sorted(m["lang"] for m in members)
    problems = []
    if langs != sorted(("sr-Latn", "sr-Cyrl", "sr-nodiac")):
        problems.append(f"group {name}: languages {langs}, expected one each of sr-Latn, sr-Cyrl, sr-nodiac")
    golds = {json.dumps(m["gold"], sort_keys=True) for m in members}
    if len(golds) > 1:
        problems.append(f"group {name}: members have different gold items")
    if len({m["split"] for m in members}) > 1:
        problems.append(f"group {name}: members are in different splits")
    return problems


def source_kind(source: str) -> str | None:
    """Which part of the corpus a corpus-relative path belongs to (None: unknown)."""
    if source.startswith("zakoni/pis/") and source.endswith(".json"):
        return "law_pis"
    if source.startswith("zakoni/") and source.endswith(".txt"):
        return "law_txt"
    if source.startswith("echr/") and source.endswith(".json"):
        return "echr"
    if source.startswith("medjunarodni/") and source.endswith(".md"):
        return "treaty"
    if source.startswith("sudska_praksa/vrhovni_sud/") and source.endswith(".json"):
        return "decision"
    if source.startswith("sudska_praksa/bilteni/") and source.endswith(".pdf"):
        return "bulletin"
    return None


def _units(kind: str, path: Path) -> set[str]:
    """The locators that exist in one corpus file, as strings."""
    if kind == "law_txt":
        text = path.read_text(encoding="utf-8")
        # Amendment footnotes mark some headings with asterisks ("Član 12**").
        return set(re.findall(r"^Član\s+(\d+[a-zčćđšž]?)\s*\**\s*$", text, flags=re.M))
    if kind == "law_pis":
        doc = json.loads(path.read_text(encoding="utf-8"))
        refs = (p.get("provision_ref", "") for p in doc.get("provisions", []))
        return {r[3:].translate(_CYR_TO_LAT) for r in refs if r.startswith("art")}
    if kind == "echr":
        doc = json.loads(path.read_text(encoding="utf-8"))
        return {m.group(1) for p in doc.get("paragraphs", []) if (m := re.match(r"(\d+)\.\s", p))}
    if kind == "treaty":
        text = path.read_text(encoding="utf-8")
        return set(re.findall(r"^#{2,}\s*Article\s+(\d+[a-z]?)\s*$", text, flags=re.M))
    if kind == "bulletin":
        import pypdf  # heavy and only needed for bulletin labels

        return {str(i) for i in range(1, len(pypdf.PdfReader(path).pages) + 1)}
    return set()


def validate_qa(path: str | Path, corpus_root: str | Path) -> list[str]:
    """All problems of a QA file: format, plus every gold item checked against the corpus."""
    records = load_qa(path)
    problems = check_format(records)
    root = Path(corpus_root)
    cache: dict[str, set[str]] = {}
    for r in records:
        gold = r.get("gold") if isinstance(r.get("gold"), list) else []
        for g in gold:
            if not isinstance(g, dict) or not isinstance(g.get("source"), str):
                continue  # already reported by check_format
            qid, source = r.get("id"), g["source"]
            kind = source_kind(source)
            if kind is None:
                problems.append(f"{qid}: source {source!r} is in no known part of the corpus")
                continue
            if not (root / source).is_file():
                problems.append(f"{qid}: source {source!r} does not exist under {root}")
                continue
            named = [k for k in GOLD_LOCATORS if k in g]
            allowed = ALLOWED_LOCATORS[kind]
            if set(named) - allowed:
                problems.append(f"{qid}: {source} ({kind}) takes locators {sorted(allowed)}, got {named}")
                continue
            if allowed and not named:
                problems.append(f"{qid}: {source} needs a locator {sorted(allowed)}")
                continue
            if source not in cache:
                cache[source] = _units(kind, root / source)
            for key in named:
                if str(g[key]) not in cache[source]:
                    problems.append(f"{qid}: {source} has no {key} {g[key]!r}")
    return problems

"""Inputs for fuzzing the loaders (tests/ingest/test_fuzz_loaders.py): one entry per loader of
ingest/loaders with a corpus path that routes to it, a real seed file, and hypothesis
strategies that mutate the seed (bytes, JSON values, lines) or write text in its shape.

A crash the fuzzer finds is kept under tests/fixtures/fuzz/<loader>/ and replayed by the
fast tier; `SOURCES` says which corpus path each kept file is loaded as.
"""
from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

from hypothesis import strategies as st

from tests.corpus_factory import ECHR, STATUTE
from tests.pdf_fixtures import pdf_bytes

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CRASHES = FIXTURES / "fuzz"
# loader -> (corpus source, by the file's extension), as ingest.registry routes it
SOURCES = {
    "statute_pis": {".json": "zakoni/pis/fuzz.json"},
    "statute_text": {".txt": "zakoni/fuzz.txt"},
    "court_decision": {".json": "sudska_praksa/vrhovni_sud/fuzz.json"},
    "bulletin_pdf": {".pdf": "sudska_praksa/bilteni/fuzz.pdf"},
    "echr": {".json": "echr/001-0.json"},
    "treaty": {".md": "medjunarodni/fuzz.md"},
    "user_document": {ext: f"user/fuzz{ext}" for ext in (".txt", ".md", ".html", ".docx", ".pdf")},
}

TOKENS = ["Član 1", "Član 2a", "Члан 3", "(1) ", "(2) ", "1) ", "a) ", "### Article 1", "## Chapter I",
          "IZREKA", "OBRAZLOŽENJE", "§ 12", "12. ", "ZAKON O NAKNADI", '("Sl. glasnik RS", br. 1/2020)',
          "Glava prva", "Rev2 1788/2024", "<p>", "</p>", "<b>", "<br>", "&amp;", "\t", " ", "-", "…",
          "\u00ad", "\ufeff", "\x00", "\r\n", "Tweet", "OVDE", "Article 4 §"]


def json_values():
    return st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
                        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
                        max_leaves=12)


def structured_text():
    """Lines made of the formats' own markers and random text."""
    line = st.lists(st.sampled_from(TOKENS) | st.text(max_size=30), max_size=6).map("".join)
    return st.lists(line, min_size=1, max_size=40).map("\n".join)


@st.composite
def mutated_bytes(draw, seed: bytes):
    """`seed` with a few random edits: cut, insert, overwrite."""
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["cut", "insert", "overwrite"]))
        at = draw(st.integers(0, len(data)))
        if op == "cut":
            del data[at: at + draw(st.integers(1, 64))]
        elif op == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=32))
        else:
            chunk = draw(st.binary(min_size=1, max_size=16))
            data[at: at + len(chunk)] = chunk
    return bytes(data)


def _paths(value, prefix=()):
    """Every place in a JSON value, as a tuple of keys and indexes (the root is ())."""
    out = [prefix]
    if isinstance(value, dict):
        for k, v in value.items():
            out += _paths(v, prefix + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += _paths(v, prefix + (i,))
    return out


def _replace(value, path, new):
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(value, dict):
        return {**value, head: _replace(value[head], rest, new)}
    return value[:head] + [_replace(value[head], rest, new)] + value[head + 1:]


@st.composite
def mutated_json(draw, seed):
    """`seed` (a JSON value) with one to three places, chosen evenly among all of them,
    replaced by random JSON values (often of another type than the loader expects)."""
    value = seed
    for _ in range(draw(st.integers(1, 3))):
        paths = _paths(value)
        path = paths[draw(st.integers(0, len(paths) - 1))]
        value = _replace(value, path, draw(json_values()))
    return json.dumps(value, ensure_ascii=draw(st.booleans())).encode("utf-8")


def docx_bytes(paragraphs: list[str]) -> bytes:
    import docx

    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def _xml_safe(text: str) -> str:
    # python-docx refuses control characters in text; those are not what this fuzzes
    return "".join(c for c in text if c in "\t\n" or (ord(c) >= 32 and not 0xD800 <= ord(c) <= 0xDFFF
                                                      and c not in "\ufffe\uffff"))


@st.composite
def docx_inputs(draw):
    seed = docx_bytes(["Član 1", "Naknada štete."])
    kind = draw(st.sampled_from(["text", "bytes", "zip"]))
    if kind == "text":
        return docx_bytes([_xml_safe(p) for p in draw(st.lists(structured_text(), min_size=1, max_size=5))])
    if kind == "bytes":
        return draw(mutated_bytes(seed))
    out = io.BytesIO()  # a package with a broken or foreign part
    with zipfile.ZipFile(io.BytesIO(seed)) as src, zipfile.ZipFile(out, "w") as dst:
        victim = draw(st.sampled_from(sorted(src.namelist())))
        for name in src.namelist():
            dst.writestr(name, draw(st.binary(max_size=200)) if name == victim else src.read(name))
    return out.getvalue()


def pdf_inputs():
    seed = pdf_bytes(["Član 1\nNaknada štete žrtvi.", "Strana 2\nIZREKA"])
    ascii_text = st.lists(st.sampled_from([t for t in TOKENS if t.isascii()]) | st.text(
        st.characters(min_codepoint=32, max_codepoint=126), max_size=30), max_size=8).map("\n".join)
    return (st.lists(ascii_text, min_size=1, max_size=4).map(pdf_bytes)) | mutated_bytes(seed)


def _seed_json(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


def strategies() -> dict[str, list[tuple[str, object]]]:
    """loader -> [(extension, strategy of file bytes)]."""
    from tests.ingest.test_statute_pis import FIXTURE as PIS

    decision = _seed_json(next(iter(sorted((FIXTURES / "decisions").rglob("*.json")))))
    treaty = (FIXTURES / "treaties" / "ilo-c29-forced-labour.md").read_bytes()
    text = structured_text().map(lambda t: t.encode("utf-8"))
    return {
        "statute_pis": [(".json", mutated_json(PIS)), (".json", mutated_bytes(json.dumps(PIS).encode()))],
        "statute_text": [(".txt", text), (".txt", mutated_bytes(STATUTE.encode()))],
        "court_decision": [(".json", mutated_json(decision)),
                           (".json", mutated_bytes(json.dumps(decision, ensure_ascii=False).encode()))],
        "bulletin_pdf": [(".pdf", pdf_inputs())],
        "echr": [(".json", mutated_json(ECHR)), (".json", mutated_bytes(json.dumps(ECHR).encode()))],
        "treaty": [(".md", text), (".md", mutated_bytes(treaty))],
        "user_document": [(".txt", text), (".txt", st.binary(max_size=300)), (".md", text),
                          (".html", structured_text().map(lambda t: f"<html><body>{t}</body></html>".encode())),
                          (".docx", docx_inputs()), (".pdf", pdf_inputs())],
    }

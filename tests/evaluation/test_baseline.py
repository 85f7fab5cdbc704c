"""The LangChain baseline: raw text, offset -> gold locator mapping, and a tiny store."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from evaluation.baseline import BaselineIndex, locate, raw_text, split_text
from tests.pdf_fixtures import write_pdf


def _statute(n: int = 6) -> str:
    body = "Odredba o naknadi štete žrtvi trgovine ljudima i roku zastarelosti potraživanja. " * 8
    return "ZAKON O PROBI\n" + "".join(f"Naslov {i}\nČlan {i}\n({i}) {body}\n" for i in range(1, n + 1))


def test_locate_takes_the_unit_holding_the_midpoint():
    units = [(0, {}), (10, {"article": "1"}), (50, {"article": "2"})]
    assert locate(units, 0, 4) == {}  # midpoint 2: before the first article
    assert locate(units, 0, 110) == {"article": "2"}  # midpoint 55
    assert locate([], 0, 10) == {}


def test_locate_midpoint_arithmetic():
    units = [(0, {}), (10, {"article": "1"}), (50, {"article": "2"})]
    assert locate(units, 30, 30)["article"] == "1"  # midpoint 45 lies in article 1's span [10, 50)


def test_statute_chunks_map_to_the_article_holding_their_midpoint(tmp_path: Path):
    text = _statute()
    path = tmp_path / "zakoni" / "zakon_o_probi.txt"
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")
    raw, units = raw_text(path, "zakoni/zakon_o_probi.txt")
    assert raw == text
    chunks = split_text(raw, units, "zakoni/zakon_o_probi.txt")
    assert len(chunks) > 3
    heads = [(m.start(), m.group(1)) for m in re.finditer(r"^Član (\d+)$", text, re.M)]
    for c in chunks:
        assert raw[c["start"] : c["start"] + len(c["text"])] == c["text"]
        mid = c["start"] + len(c["text"]) // 2
        expected = [a for start, a in heads if start <= mid]
        assert c.get("article") == (expected[-1] if expected else None)
    assert {c.get("article") for c in chunks} >= {"1", "3", "6"}


def test_json_and_markdown_units(tmp_path: Path):
    pis = tmp_path / "zakoni" / "pis" / "0001-zakon.json"
    pis.parent.mkdir(parents=True)
    pis.write_text(json.dumps({"title": "ЗАКОН", "provisions": [
        {"provision_ref": "art1", "title": "Члан 1. Предмет", "content": "Текст првог члана."},
        {"provision_ref": "art2а", "title": "Члан 2а", "content": "Текст другог члана."}]}), encoding="utf-8")
    raw, units = raw_text(pis, "zakoni/pis/0001-zakon.json")
    assert "Члан 2а\nТекст другог члана." in raw  # Cyrillic kept: no normalisation
    assert [u[1] for u in units] == [{"article": "1"}, {"article": "2a"}]
    assert locate(units, raw.index("Текст другог"), 5) == {"article": "2a"}

    echr = tmp_path / "echr" / "001-1.json"
    echr.parent.mkdir()
    echr.write_text(json.dumps({"paragraphs": ["THE FACTS", "1. First.", "2. Second."]}), encoding="utf-8")
    raw, units = raw_text(echr, "echr/001-1.json")
    assert locate(units, raw.index("Second"), 3) == {"paragraph": "2"}
    assert locate(units, 0, 3) == {}

    md = tmp_path / "medjunarodni" / "t.md"
    md.parent.mkdir()
    md.write_text("# Treaty\n\nPreamble text.\n\n### Article  3  \n\nVictims get compensation.\n\n## Chapter II\n\nX",
                  encoding="utf-8")
    raw, units = raw_text(md, "medjunarodni/t.md")
    assert locate(units, raw.index("Victims"), 5) == {"article": "3"}
    assert locate(units, raw.index("X"), 1) == {}

    dec = tmp_path / "sudska_praksa" / "vrhovni_sud" / "gradjanska" / "Rev_1.json"
    dec.parent.mkdir(parents=True)
    dec.write_text(json.dumps({"chunks": [{"text": "IZREKA"}, {"text": "OBRAZLOŽENJE"}]}), encoding="utf-8")
    raw, units = raw_text(dec, "sudska_praksa/vrhovni_sud/gradjanska/Rev_1.json")
    assert raw == "IZREKA\n\nOBRAZLOŽENJE" and all(u[1] == {} for u in units)


def test_pdf_pages_are_the_units(tmp_path: Path):
    pdf = write_pdf(tmp_path / "b.pdf", ["Prva strana presude", "Druga strana o naknadi"])
    raw, units = raw_text(pdf, "sudska_praksa/bilteni/as_bg/b.pdf")
    assert [u[1] for u in units] == [{"page": 1}, {"page": 2}]
    assert locate(units, raw.index("Druga"), 5) == {"page": 2}


def test_baseline_store_builds_resumes_and_searches(tmp_path: Path):
    from tests.fakes.embedder import FakeEmbedder

    corpus = tmp_path / "corpus"
    (corpus / "zakoni").mkdir(parents=True)
    (corpus / "zakoni" / "zakon_o_probi.txt").write_text(_statute(), encoding="utf-8")
    (corpus / "README.md").write_text("# not a source\n", encoding="utf-8")
    base = BaselineIndex(tmp_path / "store", embedder=FakeEmbedder())
    first = base.build(corpus)
    assert first["chunks"] == first["embedded"] == base.count() > 3
    again = base.build(corpus)
    assert again["embedded"] == 0  # resumable: nothing new to embed
    assert again["total"]["embedded"] == first["embedded"]  # the store's cost is remembered
    hits = base.search("naknada štete žrtvi trgovine", k=3)
    assert [h.rank for h in hits] == [1, 2, 3]
    d = hits[0].to_dict()
    assert d["source"] == "zakoni/zakon_o_probi.txt" and d["article"] in {str(i) for i in range(1, 7)}


def test_unknown_source_is_rejected(tmp_path: Path):
    from core.errors import ConfigError

    f = tmp_path / "x.csv"
    f.write_text("a,b", encoding="utf-8")
    with pytest.raises(ConfigError, match="no known part"):
        raw_text(f, "other/x.csv")

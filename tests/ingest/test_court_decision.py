import json
from pathlib import Path

import pytest

from core.errors import SkipFile
from ingest.loaders.court_decision import join_overlapping, load
from ingest.textutil import MAX_CHUNK_CHARS, split_prose

FIX = Path(__file__).parents[1] / "fixtures" / "decisions"
PREV = FIX / "gradjanska" / "Prev_102_2025.json"
NO_NUMBER = FIX / "zastitaprava" / "id_a7c570ecc568.json"


def _write(tmp_path: Path, data, name: str = "Rev_1_2025.json") -> Path:
    p = tmp_path / name
    p.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return p


def _decision(**over):
    d = {
        "decision_number": "Rev 1/2025", "court": "Vrhovni sud", "decision_date": "2025-03-20",
        "matter": "Građanska", "registrant": "Rev", "source_url": "https://www.vrh.sud.rs/sr-lat/rev-12025",
        "chunked_at": "2026-05-10T12:00:00+00:00",
        "chunks": [
            {"section": "HEADER", "chunk_index": 0, "text": "Republika Srbija\nVRHOVNI SUD\nRev 1/2025\n20.03.2025. godina\nBeograd",
             "metadata": {"cited_articles_raw": ["200", "155", "200"]}},
            {"section": "IZREKA", "chunk_index": 1, "text": "ODBIJA SE kao neosnovana revizija tužioca."},
            {"section": "OBRAZLOŽENJE", "chunk_index": 2, "text": "Prvi deo obrazloženja o naknadi nematerijalne štete. Drugi deo."},
        ],
    }
    d.update(over)
    return d


def test_real_cut_metadata_title_and_date_fallback():
    loaded = load(PREV, "sudska_praksa/vrhovni_sud/gradjanska/Prev_102_2025.json")
    doc = loaded.document
    assert doc.kind == "court_decision" and doc.title == "Vrhovni sud, Prev 102/2025"
    assert doc.script == "latin" and doc.url == "https://www.vrh.sud.rs/sr-lat/prev-1022025-32131"
    meta = doc.metadata
    # The header says 19.06.2026 (after the file was made); the session date is 19.06.2025.
    assert meta["date"] == "2025-06-19"
    assert any("session date 2025-06-19" in n for n in loaded.notes)
    assert meta["court"] == "Vrhovni sud" and meta["matter"] == "Građanska" and meta["registrant"] == "Prev"
    assert "408" in meta["cited_articles"]


def test_overlapping_source_chunks_are_rejoined_without_duplicates():
    raw = json.loads(PREV.read_text(encoding="utf-8"))["chunks"]
    obr = [c["text"] for c in raw if c["section"] == "OBRAZLOŽENJE"]
    loaded = load(PREV, "x.json")
    text = "".join(c.text for c in loaded.chunks if c.section == "OBRAZLOŽENJE")
    # The ~120-char window overlap between source chunks 2 and 3 appears once, not twice.
    seam = obr[1][:60]
    assert seam in obr[0][-200:]  # the source really repeats it
    assert text.count(seam) == 1
    assert text.endswith(obr[-1][-80:])
    for c in loaded.chunks:
        assert len(c.text) <= MAX_CHUNK_CHARS
        assert not c.text[0].islower(), f"chunk starts mid-word: {c.text[:30]!r}"


def test_sections_never_mix_and_keep_order():
    loaded = load(PREV, "x.json")
    sections = [c.section for c in loaded.chunks]
    assert sections[0] == "HEADER" and sections[1] == "IZREKA"
    assert set(sections[2:]) == {"OBRAZLOŽENJE"}
    assert all(c.kind == "court_decision" and c.title == loaded.document.title for c in loaded.chunks)
    assert [c.char_start for c in loaded.chunks] == sorted(c.char_start for c in loaded.chunks)


def test_missing_number_falls_back_to_header_line():
    loaded = load(NO_NUMBER, "sudska_praksa/vrhovni_sud/zastitaprava/id_a7c570ecc568.json")
    # Header line: "Rž1k, Rž1kp, Rž1g, Rž1r, Rž1gp, Rž1 u, Rž1up 424/2025" -> shared register "Rž1".
    assert loaded.document.metadata["decision_number"] == "Rž1 424/2025"
    assert loaded.document.title == "Vrhovni sud, Rž1 424/2025"
    assert any("decision_number missing" in n for n in loaded.notes)


def test_missing_number_without_header_uses_file_name(tmp_path):
    d = _decision(decision_number="")
    d["chunks"][0]["text"] = "Republika Srbija\nBeograd"
    loaded = load(_write(tmp_path, d, "Kzz_12_2026.json"), "x.json")
    assert loaded.document.metadata["decision_number"] == "Kzz 12/2026"


def test_missing_or_bad_date_uses_header_date(tmp_path):
    loaded = load(_write(tmp_path, _decision(decision_date="")), "x.json")
    assert loaded.document.metadata["date"] == "2025-03-20"
    assert any("decision_date" in n for n in loaded.notes)
    loaded = load(_write(tmp_path, _decision(decision_date="20.03.2025")), "x.json")
    assert loaded.document.metadata["date"] == "2025-03-20"


def test_missing_court_assumed_with_note(tmp_path):
    loaded = load(_write(tmp_path, _decision(court=None)), "x.json")
    assert loaded.document.title == "Vrhovni sud, Rev 1/2025"
    assert loaded.notes


def test_cited_articles_deduplicated_in_order(tmp_path):
    loaded = load(_write(tmp_path, _decision()), "x.json")
    assert loaded.document.metadata["cited_articles"] == ["200", "155"]


@pytest.mark.parametrize("content, reason", [
    ("", "empty"),
    ("{not json", "invalid JSON"),
    ("[1, 2]", "JSON object"),
    (json.dumps({"decision_number": "Rev 1/2025"}), "chunks"),
    (json.dumps({"chunks": [{"section": "HEADER", "text": "  "}]}), "no chunk with text"),
])
def test_unusable_files_raise_skipfile(tmp_path, content, reason):
    with pytest.raises(SkipFile) as e:
        load(_write(tmp_path, content), "x.json")
    assert reason in e.value.reason


def test_trailer_is_dropped(tmp_path):
    d = _decision()
    d["chunks"][2]["text"] += " Preuzmite dokument u PDF formatu"
    loaded = load(_write(tmp_path, d), "x.json")
    assert "Preuzmite" not in loaded.chunks[-1].text


def test_idempotent_ids():
    a = load(PREV, "sudska_praksa/vrhovni_sud/gradjanska/Prev_102_2025.json")
    b = load(PREV, "sudska_praksa/vrhovni_sud/gradjanska/Prev_102_2025.json")
    assert [c.id for c in a.chunks] == [c.id for c in b.chunks]
    assert len({c.id for c in a.chunks}) == len(a.chunks)


def test_join_overlapping_ignores_half_character():
    a = "Prvi deo teksta. Činjenica je da odredba člana 141. stav 6. ZUP-a propisuje"
    b = "\ufffdinjenica je da odredba člana 141. stav 6. ZUP-a propisuje mogućnosti stranke."
    assert join_overlapping(a, b) == a + " mogućnosti stranke."
    assert join_overlapping("sasvim drugi tekst bez veze", "nešto potpuno različito ovde") is None


def test_split_prose_cuts_at_sentences_not_after_article_numbers():
    sentence = "Sud je primenio odredbu člana 200. Zakona o obligacionim odnosima na ovaj slučaj. "
    text = (sentence * 40).strip()
    pieces = split_prose(text, 500)
    assert len(pieces) > 1
    for off, piece in pieces:
        assert text[off:off + len(piece)] == piece
        assert len(piece) <= 500
        assert piece.endswith("slučaj.")  # never cut after "200." before "Zakona"


@pytest.mark.slow
def test_all_real_decisions_load(shared_corpus):
    files = sorted((shared_corpus / "sudska_praksa" / "vrhovni_sud").glob("*/*.json"))
    assert len(files) == 200
    for f in files:
        loaded = load(f, f.relative_to(shared_corpus).as_posix())
        meta = loaded.document.metadata
        assert meta["decision_number"] and meta["date"] and meta["date"] <= "2026-05-10", f.name
        assert {c.section for c in loaded.chunks} >= {"HEADER", "IZREKA", "OBRAZLOŽENJE"}, f.name
        assert max(len(c.text) for c in loaded.chunks) <= MAX_CHUNK_CHARS, f.name
        assert not any("no overlap" in n for n in loaded.notes), (f.name, loaded.notes)

import json

import pytest

from core.errors import ConfigError
from core.records import Chunk, Document
from retrieval.sources.aliases import load_aliases
from retrieval.sources.citation_parse import decision_key, parse_citations
from retrieval.sources.citations import CitationIndex

KZ = "zakoni/krivicni_zakonik.txt"
ZKP = "zakoni/zakon_o_krivicnom_postupku.txt"
ZOO = "zakoni/zakon_o_obligacionim_odnosima.txt"
ZBPP = "zakoni/pis/0151-rs-law-zakon-o-besplatnoj-pravnoj-pomoci.json"
CETS197 = "medjunarodni/cets197-convention-action-against-trafficking.md"
PALERMO = "medjunarodni/palermo-protocol-trafficking-in-persons.md"
ECHR = "medjunarodni/echr-convention-human-rights.md"
RANTSEV = "echr/001-96549.json"
SM_FACTS, SM = "echr/001-184665.json", "echr/001-203503.json"
J_AUSTRIA = "echr/001-170388.json"
REV2 = "sudska_praksa/vrhovni_sud/gradjanska/Rev2_1788_2024.json"


@pytest.fixture(scope="module")
def aliases():
    return load_aliases()


def one(question, aliases):
    refs = parse_citations(question, aliases)
    assert len(refs) == 1, refs
    r = refs[0]
    return r.source, r.article, r.article_end, r.stav, r.paragraph, r.decision_number


@pytest.mark.parametrize(
    "question, source, article",
    [
        ("čl. 254 ZKP", ZKP, "254"),
        ("član 388 Krivičnog zakonika", KZ, "388"),
        ("clan 388 krivicnog zakonika", KZ, "388"),
        ("KZ 388", KZ, "388"),
        ("чл. 388 КЗ", KZ, "388"),
        ("Члан 388 Кривичног законика", KZ, "388"),
        ("чл. 4 Закона о бесплатној правној помоћи", ZBPP, "4"),
        ("ZBPP čl. 4", ZBPP, "4"),
        ("clan 200 ZOO", ZOO, "200"),
        ("Article 15 of the Council of Europe Convention", CETS197, "15"),
        ("CETS 197 Art. 15", CETS197, "15"),
        ("Art. 4 Palermo Protocol", PALERMO, "4"),
        ("Šta kaže čl. 6 Palermskog protokola?", PALERMO, "6"),
        ("Article 4 of the Convention", ECHR, "4"),
        ("član 390a KZ", KZ, "390a"),
    ],
)
def test_article_citations(question, source, article, aliases):
    assert one(question, aliases)[:2] == (source, article)


def test_range_and_stav(aliases):
    assert one("ZKP 252-260", aliases)[:3] == (ZKP, "252", "260")
    assert one("čl. 252 do 260 ZKP", aliases)[:3] == (ZKP, "252", "260")
    assert one("čl. 200 st. 1 tač. 2 ZOO", aliases)[:4] == (ZOO, "200", None, "1")


def test_several_citations_keep_their_laws(aliases):
    refs = parse_citations("čl. 200 ZOO i čl. 388 KZ; KZ 389, ZKP 252", aliases)
    assert [(r.source, r.article) for r in refs] == [(ZOO, "200"), (KZ, "388"), (KZ, "389"), (ZKP, "252")]
    refs = parse_citations("čl. 388 KZ, čl. 254 ZKP i ZBPP čl. 4, član 200. i 201. ZOO", aliases)
    assert [(r.source, r.article) for r in refs] == [(KZ, "388"), (ZKP, "254"), (ZBPP, "4"), (ZOO, "200"), (ZOO, "201")]
    assert one("KZ: čl. 388", aliases)[:2] == (KZ, "388")
    assert one("na osnovu člana 408. stav 1. tačka 2) Zakona o parničnom postupku", aliases)[:4] == (
        "zakoni/zakon_o_parnicnom_postupku.txt", "408", None, "1")


def test_echr_paragraph_and_decision(aliases):
    assert one("Rantsev § 281", aliases)[4] == "281"
    assert one("Rantsev para 281", aliases)[4] == "281"
    assert one("Rev2 1788/2024", aliases)[5] == "rev2 1788/2024"
    assert one("Kzz 123/2024", aliases)[5] == "kzz 123/2024"


def test_plain_question_and_gazette_numbers_name_nothing(aliases):
    assert parse_citations("naknada štete žrtvi trgovine ljudima", aliases) == []
    assert parse_citations("Sl. glasnik RS br. 85/2005", aliases) == []


def test_law_named_without_article(aliases):
    refs = parse_citations("Šta propisuje Zakon o radu?", aliases)
    assert [(r.source, r.article, r.kind) for r in refs] == [("zakoni/zakon_o_radu.txt", None, "law")]


def test_decision_key():
    assert decision_key("Rž 1 u 397/2025") == decision_key("Rž1 u 397/2025") == "rz1u 397/2025"
    assert decision_key("Rev2 1788/24") == "rev2 1788/2024"


def test_aliases_cover_every_corpus_source(aliases):
    assert aliases.short(KZ) == "KZ" and aliases.short(CETS197) == "CETS 197"
    assert len([s for s in aliases.entries if s.startswith("zakoni/pis/")]) == 17
    assert len([s for s in aliases.entries if s.startswith("medjunarodni/")]) == 14


@pytest.mark.slow
def test_aliases_match_real_corpus_files(shared_corpus, aliases):
    laws = {p.relative_to(shared_corpus).as_posix() for p in (shared_corpus / "zakoni").rglob("*") if p.suffix in (".txt", ".json")}
    treaties = {p.relative_to(shared_corpus).as_posix() for p in (shared_corpus / "medjunarodni").glob("*.md")}
    assert set(aliases.entries) == laws | treaties


def test_missing_short_is_config_error(tmp_path):
    bad = tmp_path / "aliases.json"
    bad.write_text(json.dumps({"sources": {KZ: {"name": "Krivični zakonik", "aliases": ["kz"]}}}), encoding="utf-8")
    with pytest.raises(ConfigError, match="krivicni_zakonik.txt"):
        load_aliases(bad)
    bad.write_text(json.dumps({"sources": {KZ: {"short": "KZ", "aliases": ["zoo"]},
                                           ZOO: {"short": "ZOO"}}}), encoding="utf-8")
    with pytest.raises(ConfigError, match="already an alias"):
        load_aliases(bad)
    bad.write_text(json.dumps({"sources": {KZ: {"short": "KZ", "alias": ["kz"]}}}), encoding="utf-8")
    with pytest.raises(ConfigError, match=r"keys \['alias'\]; allowed: \['short', 'name', 'aliases'\]"):
        load_aliases(bad)


# --- CitationIndex over hand-built records -------------------------------------------

def law_chunk(source, article, text, char_start, stav=None, title="Krivični zakonik"):
    return Chunk(source=source, kind="law", title=title, text=text, article=article, stav=stav, char_start=char_start)


@pytest.fixture(scope="module")
def index():
    chunks = [
        law_chunk(KZ, "387", "Član 387 …", 0),
        law_chunk(KZ, "388", "(1) Ko silom … trgovina ljudima", 100, stav="1-5"),
        law_chunk(KZ, "388", "(6) Ako je delo … (9) Ko koristi usluge žrtve", 1600, stav="6-9"),
        law_chunk(KZ, "389", "Trgovina maloletnim licima radi usvojenja", 3000),
        law_chunk(KZ, None, "Član 5 izmena … (amending law)", 9000),
        law_chunk(ZKP, "252", "Imovinskopravni zahtev …", 0, title="Zakonik o krivičnom postupku"),
        law_chunk(ZKP, "253", "Predlog za ostvarivanje …", 200, title="Zakonik o krivičnom postupku"),
        law_chunk(ZKP, "254", "Sadržina predloga …", 400, title="Zakonik o krivičnom postupku"),
        Chunk(source=CETS197, kind="treaty", title="CoE Convention", text="Article 15 Compensation", article="15"),
        Chunk(source=RANTSEV, kind="echr_judgment", title="Rantsev v. Cyprus and Russia", text="281. The Court…", paragraph="281"),
        Chunk(source=RANTSEV, kind="echr_judgment", title="Rantsev v. Cyprus and Russia", text="282. …", paragraph="282", char_start=50),
        Chunk(source=SM, kind="echr_judgment", title="S.M. v. Croatia", text="281. In S.M. …", paragraph="281"),
        Chunk(source=J_AUSTRIA, kind="echr_judgment", title="J. and Others v. Austria", text="109. …", paragraph="109"),
        Chunk(source=REV2, kind="court_decision", title="Rev2 1788/2024", text="IZREKA …", section="IZREKA"),
        Chunk(source=REV2, kind="court_decision", title="Rev2 1788/2024", text="OBRAZLOŽENJE …", section="OBRAZLOŽENJE", char_start=500),
    ]
    docs = [
        Document(source=RANTSEV, kind="echr_judgment", title="Rantsev v. Cyprus and Russia", language="en", meta={"itemid": "001-96549"}),
        Document(source=SM, kind="echr_judgment", title="S.M. v. Croatia", language="en"),
        Document(source=J_AUSTRIA, kind="echr_judgment", title="CASE OF J. AND OTHERS v. AUSTRIA", language="en"),
        Document(source=SM_FACTS, kind="echr_judgment", title="CASE OF S.M. v. CROATIA", language="en"),
        Document(source=REV2, kind="court_decision", title="Rev2 1788/2024",
                 meta={"court": "Vrhovni sud", "decision_number": "Rev2 1788/2024", "date": "2024-10-02"}),
    ]
    return CitationIndex(chunks, docs), {(c.source, c.article or c.paragraph or c.section, c.stav): c.id for c in chunks}


def test_lookup_split_article_in_order(index):
    idx, ids = index
    assert idx.lookup("član 388 KZ") == [ids[(KZ, "388", "1-5")], ids[(KZ, "388", "6-9")]]
    # A named stav puts the piece that holds it first.
    assert idx.lookup("čl. 388 st. 9 KZ")[0] == ids[(KZ, "388", "6-9")]


def test_lookup_range_and_several(index):
    idx, ids = index
    assert idx.lookup("ZKP 252-254") == [ids[(ZKP, a, None)] for a in ("252", "253", "254")]
    assert idx.lookup("Article 15 CETS 197 i čl. 389 KZ") == [ids[(CETS197, "15", None)], ids[(KZ, "389", None)]]


def test_lookup_echr_by_case_name(index):
    idx, ids = index
    assert idx.lookup("Rantsev § 281") == [ids[(RANTSEV, "281", None)]]
    assert idx.lookup("Rantsev v. Cyprus and Russia, paras 281-282") == [ids[(RANTSEV, "281", None)], ids[(RANTSEV, "282", None)]]
    assert idx.lookup("S.M. v. Croatia § 281") == [ids[(SM, "281", None)]]
    assert idx.lookup("§ 281") == []  # no case named
    assert idx.lookup("J. and Others v. Austria, § 109") == [ids[(J_AUSTRIA, "109", None)]]
    assert idx.lookup("J. v. Austria § 109") == [ids[(J_AUSTRIA, "109", None)]]


def test_a_treaty_article_named_beside_a_case_is_context_not_the_answer(index):
    idx, ids = index
    assert idx.lookup("Article 15 CETS 197") == [ids[(CETS197, "15", None)]]
    # The question asks what the judgment holds about the article.
    assert idx.lookup("Rantsev: what does Article 15 CETS 197 require?") == []
    assert idx.lookup("Rantsev § 281 and Article 15 CETS 197") == [ids[(RANTSEV, "281", None)]]


def test_lookup_decision_number(index):
    idx, ids = index
    assert idx.lookup("Šta je odlučeno u predmetu Rev2 1788/2024?") == [ids[(REV2, "IZREKA", None)], ids[(REV2, "OBRAZLOŽENJE", None)]]
    assert idx.lookup("Rev2 1/2024") == []


def test_lookup_nothing_named(index):
    idx, _ = index
    assert idx.lookup("naknada štete žrtvi trgovine ljudima") == []
    assert idx.lookup("član 999 KZ") == []
    assert idx.lookup("Zakon o radu") == []


@pytest.mark.parametrize("question, sources", [
    ("Palermo protokol – obaveza naknade štete", ["medjunarodni/palermo-protocol-trafficking-in-persons.md"]),
    ("ESLJP Rancev procesna obaveza istrage", [RANTSEV]),   # Serbian spelling, from case_names
    ("Ранцев позитивне обавезе", [RANTSEV]),
    ("Rantsev positive obligations", [RANTSEV]),            # English name, from the index
    ("Konvencija Saveta Evrope o borbi protiv trgovine ljudima – naknada", [CETS197]),
    ("naknada štete žrtvi trgovine ljudima", []),
])
def test_named_sources_without_a_unit(index, question, sources):
    idx, _ = index
    assert idx.named_sources(question) == sources

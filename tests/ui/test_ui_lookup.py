"""Provision lookup: finding the law of "KZ 388" / "ZKP 252-260" / "čl. 4 ZBPP", the
article range and its neighbours; the corpus page's rows. (Parsing the reference is
retrieval's: tests/retrieval/test_reference_parse.py.)"""
from __future__ import annotations

from core.records import Chunk, Document
from ui.corpus_page import document_rows, gazette_or_date, provenance, read_corpus_manifest
from ui.lookup import acronym, articles_of, lookup

KZ = "zakoni/krivicni_zakonik.txt"
ZBPP = "zakoni/pis/0151-rs-law-zakon-o-besplatnoj-pravnoj-pomoci.json"


def test_acronyms_of_law_titles():
    assert acronym("Zakonik o krivičnom postupku") == "ZKP"
    assert acronym("Закон о бесплатној правној помоћи") == "ZBPP"
    assert acronym("Krivični zakonik") == "KZ"


def corpus():
    docs = {
        KZ: Document(KZ, "law", "KRIVIČNI ZAKONIK", meta={"gazette_list": ["85/2005", "35/2019"]}),
        ZBPP: Document(ZBPP, "law", "Закон о бесплатној правној помоћи", script="cyrillic"),
        "echr/1.json": Document("echr/1.json", "echr_judgment", "Rantsev v. Cyprus and Russia", language="en",
                                meta={"year": 2010}),
        "user/b.txt": Document("user/b.txt", "user_document", "Beleška"),
    }
    chunks = [Chunk(KZ, "law", "KZ", f"Tekst člana {n}.", article=n, heading=f"Naslov {n}")
              for n in ("387", "388", "389", "390", "390a")]
    chunks.insert(2, Chunk(KZ, "law", "KZ", "Drugi deo člana 388.", article="388", stav="3-4"))
    chunks += [Chunk(ZBPP, "law", "ZBPP", f"Члан {n}", article=n) for n in ("3", "4", "5")]
    chunks.append(Chunk("echr/1.json", "echr_judgment", "Rantsev", "281. The Court", paragraph="281"))
    return docs, chunks


def test_lookup_one_article_joins_its_pieces_and_gives_neighbours():
    docs, chunks = corpus()
    r = lookup("KZ 388", chunks, docs, {KZ: {"short": "KZ"}})
    assert r.problem is None and r.law == "KZ" and [a.article for a in r.articles] == ["388"]
    assert r.articles[0].text == "Tekst člana 388.\nDrugi deo člana 388."
    assert (r.previous, r.next) == ("387", "389")


def test_lookup_a_range_and_the_ends():
    docs, chunks = corpus()
    r = lookup("KZ 388-390", chunks, docs)
    assert [a.article for a in r.articles] == ["388", "389", "390"] and r.next == "390a"
    first = lookup("KZ 387", chunks, docs)
    assert first.previous is None and first.next == "388"


def test_lookup_a_cyrillic_law_by_its_acronym():
    docs, chunks = corpus()
    r = lookup("čl. 4 ZBPP", chunks, docs)
    assert r.source == ZBPP and (r.previous, r.next) == ("3", "5")


def test_lookup_problems_are_named():
    docs, chunks = corpus()
    assert lookup("trgovina", chunks, docs).problem == "lookup_unparsed"
    assert lookup("ZXY 4", chunks, docs).problem == "lookup_no_law"
    missing = lookup("KZ 999", chunks, docs)
    assert missing.problem == "lookup_no_article" and missing.values == {"law": "KZ", "article": "999"}


def test_lookup_prefers_retrievals_resolver():
    docs, chunks = corpus()

    class Ref:
        source, article, article_end = KZ, "389", None

    r = lookup("Krivičnog zakonika član 389", chunks, docs, resolve=lambda q: [Ref()])
    assert [a.article for a in r.articles] == ["389"]


def test_articles_of_keeps_text_order():
    _, chunks = corpus()
    assert [a.article for a in articles_of(KZ, chunks)] == ["387", "388", "389", "390", "390a"]


def test_corpus_rows_with_provenance_and_counts(tmp_path):
    docs, chunks = corpus()
    (tmp_path / "MANIFEST.json").write_text('[{"path": "%s", "source_repo": "org/repo"}]' % KZ, encoding="utf-8")
    manifest = read_corpus_manifest(tmp_path)
    rows = document_rows(docs.values(), chunks, manifest)
    kz = next(r for r in rows if r["Naslov"] == "KRIVIČNI ZAKONIK")
    assert kz["Odlomaka"] == 6 and kz["Poreklo"] == f"{KZ} — org/repo" and kz["Vrsta"] == "Zakoni"
    assert kz["Glasnik / datum"] == "Sl. glasnik RS, br. 85/2005, 35/2019"
    assert gazette_or_date(docs["echr/1.json"]) == "2010"
    assert "samo na ovom računaru" in provenance(docs["user/b.txt"], manifest)
    assert read_corpus_manifest(tmp_path / "none") == {}


def test_lookup_an_echr_paragraph_through_the_resolver():
    docs, chunks = corpus()
    chunks += [Chunk("echr/1.json", "echr_judgment", "Rantsev", f"{n}. Text", paragraph=n) for n in ("282", "283")]

    class Ref:
        source, article, article_end, paragraph, paragraph_end = "echr/1.json", None, None, "282", None

    r = lookup("Rantsev § 282", chunks, docs, resolve=lambda q: [Ref()])
    assert r.unit == "paragraph" and [a.article for a in r.articles] == ["282"]
    assert (r.previous, r.next) == ("281", "283")
    from ui.lookup import unit_query

    assert unit_query(r, "283") == "Rantsev v. Cyprus and Russia § 283"

import pytest

from core.errors import IndexMissing
from retrieval.bm25_index import BM25Index

DOCS = {
    "kz388": "KZ Krivični zakonik\nTrgovina ljudima\nČlan 388\n(1) Ko silom ili pretnjom, dovođenjem u zabludu "
             "vrbuje, prevozi, prebacuje, predaje, prodaje, kupuje… radi eksploatacije njegovog rada, prinudnog rada.",
    "zoo200": "ZOO Zakon o obligacionim odnosima\nNovčana naknada\nČlan 200\n(1) Za pretrpljene fizičke bolove, "
              "za pretrpljene duševne bolove… sud će dosuditi pravičnu novčanu naknadu nematerijalne štete.",
    "zkp252": "ZKP Zakonik o krivičnom postupku\nImovinskopravni zahtev\nČlan 252\n(1) Imovinskopravni zahtev koji je "
              "nastao usled izvršenja krivičnog dela raspravlja se na predlog ovlašćenog lica.",
    "zbpp4": "ZBPP Закон о бесплатној правној помоћи\nКорисници\nЧлан 4\nПраво на бесплатну правну помоћ има "
             "жртва трговине људима и дете о чијем праву се одлучује.",
    "rantsev": "Rantsev v. Cyprus and Russia\n281. The Court considers that trafficking itself falls within the "
               "scope of Article 4 and the State has positive obligations to protect victims.",
    "empty": "i u na je",
}


@pytest.fixture(scope="module")
def index():
    return BM25Index.build(list(DOCS), list(DOCS.values()))


def ids(results):
    return [cid for cid, _ in results]


def test_finds_across_scripts_and_diacritics(index):
    assert ids(index.query("naknada nematerijalne štete", 2))[0] == "zoo200"
    assert ids(index.query("naknada nematerijalne stete", 2))[0] == "zoo200"
    assert ids(index.query("накнада нематеријалне штете", 2))[0] == "zoo200"
    # Cyrillic source, Latin query without diacritics.
    assert ids(index.query("besplatna pravna pomoc zrtvi trgovine", 1)) == ["zbpp4"]


def test_law_abbreviation_and_article_number(index):
    assert ids(index.query("KZ 388", 1)) == ["kz388"]
    assert ids(index.query("чл. 252 ЗКП", 1)) == ["zkp252"]


def test_english_query(index):
    assert ids(index.query("positive obligations of the state towards trafficking victims", 1)) == ["rantsev"]


def test_scores_sorted_and_k_respected(index):
    res = index.query("trgovina ljudima žrtva", 10)
    scores = [s for _, s in res]
    assert scores == sorted(scores, reverse=True)
    assert all(s > 0 for s in scores)
    assert len(index.query("trgovina ljudima žrtva", 1)) == 1


def test_no_tokens_or_unknown_words_give_empty(index):
    assert index.query("", 5) == []
    assert index.query("i u na", 5) == []
    assert index.query("xyzzyq", 5) == []


def test_allowed_rows_filter(index):
    rows = {index.chunk_ids.index("zoo200"), index.chunk_ids.index("zbpp4")}
    assert rows == {1, 3}
    res = index.query("trgovina ljudima naknada", 10, allowed=rows)
    assert set(ids(res)) <= {"zoo200", "zbpp4"} and res
    assert index.query("trgovina ljudima", 10, allowed=set()) == []


def test_save_load_roundtrip(index, tmp_path):
    index.save(tmp_path / "bm25")
    loaded = BM25Index.load(tmp_path / "bm25")
    assert loaded.chunk_ids == index.chunk_ids
    q = "imovinskopravni zahtev oštećenog"
    assert loaded.query(q, 3) == index.query(q, 3)


def test_load_missing_raises(tmp_path):
    with pytest.raises(IndexMissing, match="no BM25 index"):
        BM25Index.load(tmp_path / "nowhere")


def test_build_rejects_mismatch():
    with pytest.raises(ValueError, match="2 chunk ids but 1 texts"):
        BM25Index.build(["a", "b"], ["x"])
    with pytest.raises(ValueError, match="not unique"):
        BM25Index.build(["a", "a"], ["x", "y"])


def test_doc_freq_counts_rows_holding_a_term(index):
    from retrieval.analyzer import analyze
    from retrieval.term_stats import TermStats

    [trgovin] = analyze("trgovina", "serbian")
    assert index.doc_freq(trgovin) == 2  # kz388 and the Cyrillic zbpp4
    assert index.doc_freq("nepostojecirec") == 0
    stats = TermStats(len(index), index.doc_freq)
    assert stats.idf("nepostojecirec") > stats.idf(trgovin) > 0


def test_query_takes_analysed_tokens(index):
    from retrieval.analyzer import analyze

    q = "imovinskopravni zahtev"
    assert index.query(analyze(q, "serbian"), k=3) == index.query(q, k=3)

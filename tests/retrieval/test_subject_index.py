"""The subject index in everyday words: its files load or fail naming the line, an entry
reaches its article's chunk, in every form a user types, and only articles the index
holds and the filter allows come back."""
import json
from types import SimpleNamespace

import pytest

from core.errors import ConfigError
from retrieval.glossary import keyword_tokens
from retrieval.subject_index import DATA_DIR, LOCATED, Entry, SubjectIndex, load_entries, prefix_terms, read_file
from tests.four_forms import four_forms

LAW = "zakoni/zakon_o_probi.txt"
BULLETIN = "sudska_praksa/bilteni/as_x/bilten_x.pdf"


def chunk(cid, article, source=LAW, paragraph=None, page=None):
    return SimpleNamespace(id=cid, source=source, article=article, paragraph=paragraph, page=page)


CHUNKS = [chunk("c1a", "1"), chunk("c1b", "1"), chunk("c2", "2"), chunk("c3", "3"), chunk("e1", None, "echr/x.json", "7"),
          chunk("e2", None, "echr/x.json", "8"), chunk("d1", None, "sudska_praksa/vs/rev.json"),
          chunk("d2", None, "sudska_praksa/vs/rev.json"), chunk("b1", None, BULLETIN, page=165),
          chunk("b2", None, BULLETIN, page=166), chunk("b3", None, BULLETIN, page=166)]
ENTRIES = [
    Entry(LAW, "1", "gazda mi ne plaća platu, radio sam bez plate", "the boss does not pay my wages"),
    Entry(LAW, "2", "uzeli su mi pasoš i lične papire", "they took my passport and papers"),
    Entry(LAW, "3", "komšija mi je oštetio auto", "the neighbour damaged my car"),
    Entry(LAW, "9", "plata plata plata", "wages wages"),  # an article the index lacks
]


def test_an_entry_stands_for_its_articles_first_chunk_and_a_missing_article_is_skipped():
    index = SubjectIndex(ENTRIES, CHUNKS)
    assert len(index) == 3
    assert index.query(keyword_tokens("Radila je bez plate mesecima."), 10)[0] == "c1a"


@pytest.mark.parametrize("question,expected", four_forms([
    ("Gazda joj je uzeo pasoš.", "Her boss took her passport.", "c2"),
    ("Radila je u kafani, gazda joj nije platio platu.", "She worked in a café and the boss never paid her wages.",
     "c1a"),
]))
def test_every_form_a_user_types_meets_the_same_entry(question, expected):
    assert SubjectIndex(ENTRIES, CHUNKS).query(keyword_tokens(question), 10)[0] == expected


def test_a_paragraph_and_a_whole_document_have_entries_of_their_own():
    entries = [Entry("echr/x.json", "8", "država nije istražila prinudni rad kućne pomoćnice", "", "paragraph"),
               Entry("sudska_praksa/vs/rev.json", "", "radnica tražila naknadu za neisplaćene prekovremene sate",
                     "", "document")]
    index = SubjectIndex(entries, CHUNKS)
    assert index.query(keyword_tokens("Država nije ništa istražila."), 5) == ["e2"]
    assert index.query(keyword_tokens("neisplaćeni prekovremeni sati"), 5) == ["d1"]  # the document's first chunk


def test_a_bulletin_page_has_an_entry_of_its_own_standing_for_its_first_chunk(tmp_path):
    index = SubjectIndex([Entry(BULLETIN, "166", "žalba na privremenu meru za imovinskopravni zahtev, ko odlučuje",
                                "", "page")], CHUNKS)
    assert index.query(keyword_tokens("Ko odlučuje o žalbi na privremenu meru?"), 5) == ["b2"]
    entry = read_file(write(tmp_path, [{"source": BULLETIN, "pass": "pages"}, {"page": "166", "sr": "žalba", "en": ""}]))[0]
    assert (entry.unit, entry.article) == ("page", "166")


def test_an_entrys_everyday_word_also_meets_the_statute_word_the_thesaurus_gives():
    index = SubjectIndex([Entry(LAW, "3", "koliko alimentacije plaća otac", "")], CHUNKS)
    assert index.query(keyword_tokens("Koliki je iznos izdržavanja za dete?"), 5) == ["c3"]  # alimentacija -> izdržavanje
    assert SubjectIndex([Entry(LAW, "3", "koliko plaća otac", "")], CHUNKS).query(
        keyword_tokens("Koliki je iznos izdržavanja za dete?"), 5) == []


def test_a_word_the_stemmer_leaves_apart_meets_its_entry_on_its_first_letters():
    index = SubjectIndex([Entry(LAW, "3", "građansko hapšenje", "citizen's arrest")], CHUNKS)
    question = "Smeju li građani da ga drže?"
    assert index.query(keyword_tokens(question), 5) == []  # "gradjan" is not "gradjansk"
    assert index.query(keyword_tokens(question) + prefix_terms(question), 5) == ["c3"]
    assert prefix_terms("Građani, ne!") == ["~grad"]  # folded, and short words add nothing


def test_the_filter_keeps_only_allowed_rows_and_no_shared_word_gives_nothing():
    index = SubjectIndex(ENTRIES, CHUNKS)
    assert index.query(keyword_tokens("pasoš"), 10, allowed={0, 3}) == []
    assert index.query(keyword_tokens("pasoš"), 10, allowed={2}) == ["c2"]
    assert index.query(keyword_tokens("vremenska prognoza za sutra"), 10) == []
    assert SubjectIndex([], CHUNKS).query(keyword_tokens("pasoš"), 10) == []


def write(tmp_path, lines):
    p = tmp_path / "law.jsonl"
    p.write_text("\n".join(json.dumps(x) if not isinstance(x, str) else x for x in lines), encoding="utf-8")
    return p


@pytest.mark.parametrize("lines,reason", [
    ([], "empty"),
    (["{not json"], ":1: not valid JSON"),
    ([{"title": "x"}], "header"),
    ([{"source": LAW}, {"article": "1", "sr": "x"}], ":2: an entry needs exactly"),
    ([{"documents": True}, {"article": "1", "sr": "x", "en": "y"}], ":2: an entry needs exactly the keys source"),
    ([{"documents": True}, {"source": " ", "sr": "x", "en": "y"}], ":2: source, sr and en"),
    ([{"source": LAW}, {"article": "", "sr": "x", "en": "y"}], ":2: article, sr and en"),
    ([{"source": LAW}, {"article": 1, "sr": "x", "en": "y"}], ":2: article, sr and en"),
])
def test_a_bad_file_is_refused_naming_the_file_line_and_reason(tmp_path, lines, reason):
    with pytest.raises(ConfigError) as e:
        read_file(write(tmp_path, lines))
    assert "law.jsonl" in str(e.value) and reason in str(e.value)


def test_empty_entries_index_nothing_and_a_missing_directory_is_no_entries(tmp_path):
    write(tmp_path, [{"source": LAW}, {"article": "1", "sr": "", "en": ""}, {"article": "2", "sr": "pasoš", "en": ""}])
    assert [e.article for e in load_entries(tmp_path)] == ["2"]
    assert load_entries(tmp_path / "none") == ()


def test_the_bundled_index_parses_and_names_only_corpus_sources():
    entries = load_entries(DATA_DIR)
    assert len(entries) > 1000
    assert {e.source.split("/")[0] for e in entries} <= {"zakoni", "medjunarodni", "echr", "sudska_praksa"}
    for path in sorted(DATA_DIR.glob("*.jsonl")):
        keys = [e.key for e in read_file(path)]
        assert len(keys) == len(set(keys)), f"{path.name}: one entry per unit"


def test_a_second_pass_file_extends_its_laws_own_file_unit_by_unit():
    """`<law>.questions.jsonl` (the questions pass) names the same source as `<law>.jsonl`
    and only units that file has: it adds words to a unit, never a unit of its own."""
    passes = sorted(DATA_DIR.glob("*.questions.jsonl"))
    assert passes
    for path in passes:
        base = DATA_DIR / path.name.replace(".questions.jsonl", ".jsonl")
        header = json.loads(path.read_text(encoding="utf-8").splitlines()[0])
        assert header.get("pass") == "questions", path.name
        own = json.loads(base.read_text(encoding="utf-8").splitlines()[0])
        # a law's source, or the decisions' {"documents": true}
        assert (header.get("source"), header.get("documents")) == (own.get("source"), own.get("documents")), path.name
        assert {e.key for e in read_file(path)} <= {e.key for e in read_file(base)}, path.name


def test_two_passes_over_one_unit_add_up_to_one_row():
    index = SubjectIndex([ENTRIES[1], Entry(LAW, "2", "gazda drži moja dokumenta", "the boss keeps my documents")],
                         CHUNKS)
    assert len(index) == 1
    assert index.query(keyword_tokens("gazda mi je uzeo pasoš"), 5) == ["c2"]
    assert index.query(keyword_tokens("gazda drži dokumenta"), 5) == ["c2"]


@pytest.fixture(scope="module")
def searcher(tmp_path_factory):
    from indexing.pipeline import build_index
    from retrieval.searcher import Searcher
    from tests.corpus_factory import make_corpus

    root = tmp_path_factory.mktemp("subjects")
    build_index(make_corpus(root / "corpus"), root / "index", workers=1)
    s = Searcher(root / "index")
    # The bundled entries name laws this small corpus lacks: give it its own.
    s._subject_index = SubjectIndex([Entry("zakoni/zakon_o_probnoj_naknadi.txt", "2",
                                           "gazda me tukao i nije platio, kako da dobijem pare za to što sam pretrpela",
                                           "the boss beat me and never paid, how do I get money for what I suffered")],
                                    s.chunks)
    return s


STORY = ("Moja klijentkinja je godinu dana radila kod gazde na selu. Tukao ju je i nije joj platio ništa. "
         "Kako da dobije pare za to što je pretrpela?")


def test_a_story_meets_the_article_its_situation_describes_through_both_legs(searcher):
    hits = searcher.search(STORY, k=5)
    top = [h for h in hits if h.chunk.article == "2"]
    assert top and {"subjects", "subjects_ask"} <= set(top[0].via)
    assert hits.index(top[0]) < 5  # the agreed article keeps a place in the first five


def test_a_search_box_question_and_a_zero_weight_get_no_subject_legs(searcher):
    from retrieval.searcher import Searcher

    legs = set().union(*(h.via for h in searcher.search("pare za pretrpljeno", k=10)))
    assert not legs & {"subjects", "subjects_ask"}
    off = Searcher(searcher.index_dir, weights={**searcher.weights, "subjects": 0.0})
    off._subject_index = searcher._subject_index
    assert not set().union(*(h.via for h in off.search(STORY, k=10))) & {"subjects", "subjects_ask"}


@pytest.fixture()
def bundled(bundled_index):
    from retrieval.searcher import get_searcher

    return get_searcher(bundled_index)


@pytest.mark.slow
def test_every_entry_names_an_article_the_bundled_index_holds(bundled):
    s = bundled
    held = {(c.source, "document", "") for c in s.chunks}
    held |= {(c.source, u, str(getattr(c, u))) for c in s.chunks for u in LOCATED
             if getattr(c, u) is not None}
    missing = [e.key for e in load_entries(DATA_DIR) if e.key not in held]
    assert not missing, missing[:20]
    assert len(s.subject_index) == len({e.key for e in load_entries(DATA_DIR)})


# Situations told in a client's words -> the article a lawyer names (none of these words is
# the article's own): the entries, not the statute text, carry the bridge. Within the
# first ten: since the second pass, neighbouring articles on the same situation (the
# payslip owed when wages are not paid, the hit-and-run as a traffic offence) describe it
# too, and the searcher's other legs decide among them.
SITUATIONS = [
    ("Gazda mi je uzeo pasoš i ne da mi ga.",
     {("medjunarodni/cets197-convention-action-against-trafficking.md", "20"),
      ("medjunarodni/ilo-c189-domestic-workers.md", "9")}),
    ("Radila sam mesecima a poslodavac mi nije isplatio platu. Do kada mogu da tražim tu platu?",
     {("zakoni/zakon_o_radu.txt", "196"), ("zakoni/zakon_o_radu.txt", "110")}),
    ("Муж ме туче пред децом, могу ли да га избацим из стана?",
     {("zakoni/porodicni_zakon.txt", "10"), ("zakoni/krivicni_zakonik.txt", "194")}),
    ("Komsija mi je udario auto na parkingu i pobegao, ko placa stetu?",
     {("zakoni/zakon_o_obligacionim_odnosima.txt", "154")}),
    ("I was dismissed last month and my employer still owes me my wages.", {("zakoni/zakon_o_radu.txt", "186")}),
]


@pytest.mark.slow
@pytest.mark.parametrize("question,articles", SITUATIONS)
def test_a_situation_in_everyday_words_reaches_its_article_through_the_entries(question, articles, bundled):
    s = bundled
    top = {(s.by_id[cid].source, str(s.by_id[cid].article)) for cid in s.subject_index.query(keyword_tokens(question), 10)}
    assert top & articles, top


# By meaning alone the dense side is a second opinion, not a ranker of its own (the
# neighbour's car and the unpaid wages' deadline stay with the words): these situations
# reach an article that decides them within its first ten, which the fusion then weighs.
BY_MEANING = [
    SITUATIONS[0],
    ("Муж ме туче пред децом, могу ли да га избацим из стана?",
     {("medjunarodni/cets210-istanbul-convention.md", "52"),  # emergency barring orders
      ("zakoni/pis/0515-rs-law-zakon-o-sprecavanju-nasilja-u-porodici.json", "17")}),  # urgent measures
    SITUATIONS[4],
]


@pytest.mark.slow
@pytest.mark.parametrize("question,articles", BY_MEANING)
def test_situations_reach_their_article_by_meaning(question, articles, bundled):
    """The subject index's dense side (retrieval.subject_vectors), with the real model,
    over the bundled index's stored phrase vectors (`python -m ingest` writes them)."""
    s = bundled
    if s.dense is None or s.subject_vectors is None:
        pytest.skip("the bundled index has no subject vectors (python -m ingest)")
    ids = s.subject_vectors.query(s.dense.vector(question), 10)
    top = {(s.by_id[cid].source, str(s.by_id[cid].article)) for cid in ids}
    assert top & articles, top

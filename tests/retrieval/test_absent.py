"""Names a question gives that the corpus does not hold (retrieval.sources.absent), over a small
hand-built corpus: the real aliases.json and jurisdictions.json, a few law, treaty,
ECtHR and decision records with the titles and metadata the loaders give them."""
import json

import pytest

from core.records import Chunk, Document
from retrieval.sources import absent
from retrieval.sources.absent import (QuestionText, absent_references, case_names, decision_numbers, eu_instruments,
                              foreign_laws, known_sources, law_titles)
from retrieval.sources.aliases import load_aliases
from retrieval.sources.citations import CitationIndex

LAWS = {
    "zakoni/zakon_o_obligacionim_odnosima.txt": "ZAKON O OBLIGACIONIM ODNOSIMA",
    "zakoni/zakon_o_krivicnom_postupku.txt": "ZAKONIK O KRIVIČNOM POSTUPKU",
    "zakoni/zakon_o_strancima.txt": "ZAKON O STRANCIMA",
    "zakoni/krivicni_zakonik.txt": "KRIVIČNI ZAKONIK",
    "zakoni/zakon_o_radu.txt": "ZAKON O RADU",
    "zakoni/pis/0151-rs-law-zakon-o-besplatnoj-pravnoj-pomoci.json": "Закон о бесплатној правној помоћи",
    "zakoni/pis/0160-rs-law-zakon-o-oduzimanju-imovine-proistekle-iz-krivicnog-dela.json":
        "Закон о одузимању имовине проистекле из кривичног дела",
    "zakoni/pis/0156-rs-law-zakon-o-maloletnim-uciniocima-krivicnih-dela-i-krivicnopravnoj-zastiti-m.json":
        "Закон о малолетним учиниоцима кривичних дела и кривичноправној заштити малолетних лица",
    "zakoni/pis/0515-rs-law-zakon-o-sprecavanju-nasilja-u-porodici.json": "Закон о спречавању насиља у породици",
}
TREATIES = {
    "medjunarodni/cets197-convention-action-against-trafficking.md":
        "Council of Europe Convention on Action against Trafficking in Human Beings",
    "medjunarodni/ets116-compensation-victims-violent-crimes.md":
        "European Convention on the compensation of victims of violent crimes",
}
CASES = {
    "echr/001-96549.json": "Rantsev v. Cyprus and Russia",
    "echr/001-203503.json": "CASE OF S.M. v. CROATIA",
    "echr/001-114518.json": "C.N. v. the United Kingdom",
    "echr/001-172701.json": "Chowdury and Others v. Greece",
    "echr/001-69891.json": "Siliadin v. France",
    "echr/001-170388.json": "CASE OF J. AND OTHERS v. AUSTRIA",
    "echr/001-57591.json": "Van der Mussele v. Belgium",
}
REV2 = "sudska_praksa/vrhovni_sud/gradjanska/Rev2_1788_2024.json"
KZZ = "sudska_praksa/vrhovni_sud/krivicna/Kzz_192_2026.json"
# A Supreme Court decision quotes the appellate ruling it reviews.
KZZ_TEXT = "Vrhovni sud odbija zahtev za zaštitu zakonitosti podnet protiv presude Apelacionog suda u Nišu Kž2 614/25."


def documents():
    docs = [Document(s, "law", t, script="cyrillic" if "pis/" in s else "latin") for s, t in LAWS.items()]
    docs += [Document(s, "treaty", t, language="en") for s, t in TREATIES.items()]
    docs += [Document(s, "echr_judgment", t, language="en") for s, t in CASES.items()]
    docs += [Document(REV2, "court_decision", "Vrhovni sud, Rev2 1788/2024", meta={"decision_number": "Rev2 1788/2024"}),
             Document(KZZ, "court_decision", "Vrhovni sud, Kzz 192/2026", meta={"decision_number": "Kzz 192/2026"})]
    return docs


def index(aliases=None):
    chunks = [Chunk(source=KZZ, kind="court_decision", title="Kzz 192/2026", text=KZZ_TEXT, section="OBRAZLOŽENJE")]
    return CitationIndex(chunks, documents(), aliases), [c.text for c in chunks]


@pytest.fixture(scope="module")
def known():
    citations, texts = index()
    return known_sources(citations, documents(), texts)


def found(question, known):
    return absent_references(question, None, known=known)


# --- court decision numbers ----------------------------------------------------------

@pytest.mark.parametrize("question, names", [
    ("Presuda Vrhovnog suda Rev 9999/2024 o naknadi štete žrtvi trgovine ljudima", ["Rev 9999/2024"]),
    ("Rešenje Apelacionog suda u Kragujevcu Kž1 1234/2019 o trgovini ljudima", ["Kž1 1234/2019"]),
    ("Кж1 1234/2019", ["Кж1 1234/2019"]),
    ("kz1 1234/19", ["kz1 1234/19"]),
    ("Rev2 1789/2024 i Rev2 1788/2024", ["Rev2 1789/2024"]),
    ("Rev2 1788/2024", []),                       # the corpus's own decision
    ("Врховни суд Rev2 1788/24", []),
    ("Kzz 192/2026 protiv presude Kž2 614/25", []),  # quoted by a corpus decision
    ("Sl. glasnik RS br. 85/2005 i Bilten 2/2011", []),  # not a court register
    ("odluka Ustavnog suda IUz-313/2032 o članu 390", ["IUz-313/2032"]),  # the Constitutional Court's hyphen
    ("Ustavni sud, IUz 313/2032", ["IUz 313/2032"]),
    ("član 252-258 ZKP i čl. 13/2", []),          # a range is no register
])
def test_decision_numbers(question, names, known):
    assert found(question, known) == names


def test_decision_quoted_only_in_a_text_needs_the_texts():
    citations, _ = index()
    bare = known_sources(citations, documents())
    assert found("Kž2 614/25", bare) == ["Kž2 614/25"]


# --- laws named by title -------------------------------------------------------------

PRESENT_LAWS = [
    "Zakon o obligacionim odnosima", "Zakonu o besplatnoj pravnoj pomoći",
    "Zakona o oduzimanju imovine proistekle iz krivičnog dela", "Zakonik o krivičnom postupku",
    "Zakonika o krivičnom postupku", "Zakon o strancima", "Закона о бесплатној правној помоћи",
    "zakon o besplatnoj pravnoj pomoci", "Law on Obligations", "Law on Free Legal Aid", "Law on Foreigners",
    "Criminal Code", "Criminal Procedure Code", "the Serbian Criminal Code", "Criminal Code of the Republic of Serbia",
    "Zakon o maloletnim učiniocima krivičnih dela i krivičnopravnoj zaštiti maloletnih lica",
    "Zakon o sprečavanju nasilja u porodici",
    "Da li se Zakon o oduzimanju imovine proistekle iz krivičnog dela primenjuje na trgovinu ljudima?",
    "Zakon o radu zabrana uznemiravanja",  # a shorter title that starts the phrase
    "Ко се сматра оштећеним према Законику о кривичном поступку?",
    "general limitation period for claims under the Serbian Law on Obligations",
    "Zakon o izmenama i dopunama Zakona o radu", "zakon o kome je reč", "What does the Act say?",
    "Zakon o potvrđivanju Konvencije Saveta Evrope o borbi protiv trgovine ljudima",  # the treaty is in the corpus
    # A plea agreement is a ZKP institution, not a treaty: it has no states as parties.
    "Sporazum o priznanju krivičnog dela između tužioca i okrivljenog: šta je sa imovinskopravnim zahtevom?",
    "Da li sporazum o priznanju krivičnog dela mora da obuhvati imovinskopravni zahtev?",
]


@pytest.mark.parametrize("question", PRESENT_LAWS)
def test_laws_the_corpus_holds_are_not_flagged(question, known):
    assert found(question, known) == []


@pytest.mark.parametrize("question, names", [
    ("Zakon o zaštiti žrtava trgovine ljudima", ["Zakon o zaštiti žrtava trgovine ljudima"]),
    ("zakon o zastiti zrtava trgovine ljudima srbija clan 12 pravo na smestaj",
     ["zakon o zastiti zrtava trgovine ljudima"]),
    ("Zakon o pravima žrtava i svedoka krivičnih dela – pravo žrtve na informisanje",
     ["Zakon o pravima žrtava i svedoka krivičnih dela"]),
    ("Колико износи накнада према српском Закону о накнади жртвама кривичних дела?",
     ["Закону о накнади жртвама кривичних дела"]),
    ("Шта предвиђа Закон о потврђивању Конвенције МОР бр. 190 о искорењивању насиља?",
     ["Закон о потврђивању Конвенције МОР бр. 190 о искорењивању насиља"]),
    ("US Trafficking Victims Protection Act: eligibility for a T visa", ["US Trafficking Victims Protection Act"]),
    ("Trafficking Victims Protection Act", ["Trafficking Victims Protection Act"]),
    ("Zakona o javnom redu i miru i Zakona o javnom redu i miru", ["Zakona o javnom redu i miru"]),
    # An agreement between states is a treaty, named up to its parties.
    ("Sporazum o readmisiji između Republike Srbije i Evropske unije – rok za odgovor?", ["Sporazum o readmisiji"]),
    ("Споразум о реадмисији између Србије и ЕУ: рок за одговор", ["Споразум о реадмисији"]),
    ("Readmission Agreement between Serbia and the EU: the time limit for a reply", ["Readmission Agreement"]),
    # A second "o" begins what is asked about the law, not more of its name.
    ("Šta kaže Zakon o zaštiti žrtava trgovine ljudima o pravu na smeštaj?",
     ["Zakon o zaštiti žrtava trgovine ljudima"]),
    # Policy documents and by-laws, named as such: the corpus holds statutes.
    ("Šta Strategija prevencije i suzbijanja trgovine ljudima predviđa o naknadi?",
     ["Strategija prevencije i suzbijanja trgovine ljudima"]),
    ("Koja je nacionalna strategija za zaštitu žrtava?", ["nacionalna strategija za zaštitu žrtava"]),
    ("What does the Strategy for Preventing and Combating Trafficking in Human Beings say?",
     ["Strategy for Preventing and Combating Trafficking in Human Beings"]),
    ("Šta propisuje Uredba o upravnim okruzima?", ["Uredba o upravnim okruzima"]),
    # Not names: a defence's plan, an employer's rules.
    ("Kakva je strategija odbrane u krivičnom postupku?", []),
    ("Da li poslodavac može pravilnikom o radu da smanji platu?", []),
])
def test_laws_the_corpus_lacks_are_named_as_written(question, names, known):
    assert found(question, known) == names


def test_a_law_document_title_counts_without_an_alias(tmp_path):
    bare = tmp_path / "aliases.json"
    bare.write_text(json.dumps({"sources": {}}), encoding="utf-8")
    citations, _ = index(load_aliases(bare))
    known = known_sources(citations, documents())
    assert found("Закона о бесплатној правној помоћи", known) == []
    assert found("Law on Free Legal Aid", known) == ["Law on Free Legal Aid"]  # English name: only aliases.json has it


# --- ECtHR case names ----------------------------------------------------------------

@pytest.mark.parametrize("question", [
    "Rantsev v. Cyprus and Russia", "S.M. v. Croatia", "С.М. против Хрватске", "C.N. v. the United Kingdom",
    "Chowdury and Others v. Greece", "Čaudari i drugi protiv Grčke", "Siliadin v. France", "J. and Others v. Austria",
    "J. v. Austria § 109", "Van der Mussele v. Belgium", "Šta je ESLJP rekao u predmetu Rancev protiv Kipra i Rusije?",
    "Konvencija Saveta Evrope o borbi protiv trgovine ljudima", "Koliko je ESLJP dosudio zbog propusta kiparskih vlasti?",
    "Under ECtHR case law, must Serbia investigate the recruitment of a victim exploited abroad?",
    "Presude ESLJP protiv Hrvatske o trgovini ljudima",  # S.M. v. Croatia is held
])
def test_cases_the_corpus_holds_or_no_case_are_not_flagged(question, known):
    assert found(question, known) == []


@pytest.mark.parametrize("question, names", [
    ("V.C.L. and A.N. v. the United Kingdom: prosecution of trafficked children",
     ["V.C.L. and A.N. v. the United Kingdom"]),
    ("Tyrer v. the United Kingdom", ["Tyrer v. the United Kingdom"]),
    ("Presuda S.M. protiv Srbije", ["S.M. protiv Srbije"]),  # known initials, another state
    # A judgment asked for by its respondent state, when the corpus holds none against it.
    ("Which ECtHR judgment found Serbia in violation of Article 4?", ["ECtHR judgment found Serbia"]),
    ("Da li postoji presuda ESLJP protiv Srbije o trgovini ljudima?", ["ESLJP protiv Srbije"]),
    ("Да ли постоји пресуда ЕСЉП против Србије?", ["ЕСЉП против Србије"]),
    ("Van Kück v. Germany", ["Van Kück v. Germany"]),
    ("Тајрер против Уједињеног Краљевства", ["Тајрер против Уједињеног Краљевства"]),
])
def test_cases_the_corpus_lacks(question, names, known):
    assert found(question, known) == names


# --- conventions named by their subject -----------------------------------------------

@pytest.mark.parametrize("question, names", [
    ("Po Haškoj konvenciji o građanskopravnim aspektima međunarodne otmice dece, koji organ je centralni?",
     ["konvenciji o građanskopravnim aspektima međunarodne otmice dece"]),
    ("Under the Convention on the Civil Aspects of International Child Abduction, who decides?",
     ["Convention on the Civil Aspects of International Child Abduction"]),
    ("Шта Конвенција о статусу избеглица каже о забрани враћања?", ["Конвенција о статусу избеглица"]),
])
def test_conventions_the_corpus_lacks(question, names, known):
    assert found(question, known) == names


@pytest.mark.parametrize("question", [
    # held, by any order of its first words, however the question goes on
    "Šta Evropska konvencija o naknadi žrtvama nasilnih krivičnih dela kaže o roku?",
    "Da li se Konvencija o borbi protiv trgovine ljudima primenjuje na prinudni rad?",
    "Convention on Action against Trafficking: the recovery period",
    # not a name: no capital, no capitalised adjective before it
    "da li je konvencija o radu potpisana", "Po konvenciji o pravima radnika migranata",
])
def test_conventions_held_or_unnamed_are_not_flagged(question, known):
    assert found(question, known) == []


# --- EU instruments ------------------------------------------------------------------

@pytest.mark.parametrize("question, names", [
    ("What does Article 17 of Directive 2011/36/EU require?", ["Directive 2011/36/EU"]),
    ("Direktiva 2012/29/EU član 16", ["Direktiva 2012/29/EU"]),
    ("prema članu 17 Direktive 2011/36/EU", ["Direktive 2011/36/EU"]),
    ("Regulation (EU) 2016/679", ["Regulation (EU) 2016/679"]),
    ("Okvirna odluka 2001/220/PUP", ["Okvirna odluka 2001/220/PUP"]),
    ("Uredba 12/2020 Vlade", []),  # a Serbian decree number is no EU instrument
])
def test_eu_instruments(question, names, known):
    assert found(question, known) == names


# --- foreign national law ------------------------------------------------------------

@pytest.mark.parametrize("question, names", [
    ("Albanian law on compensation of trafficking victims from the special fund", ["Albanian law"]),
    ("Hrvatski Zakon o obveznim odnosima – pravična novčana naknada", ["Hrvatski Zakon o obveznim odnosima"]),
    ("hrvatskog zakona o radu", ["hrvatskog zakona o radu"]),  # a name the corpus has, in a foreign law
    ("nemacki opferentschadigungsgesetz visina mesecne rente", ["nemacki opferentschadigungsgesetz"]),
    ("Opferentschädigungsgesetz", ["Opferentschädigungsgesetz"]),
    ("Croatian Criminal Code article 106", ["Croatian Criminal Code"]),
    ("law of Croatia on labour", ["law of Croatia"]),
    ("Zakon Republike Hrvatske o radu", ["Zakon Republike Hrvatske"]),
    ("UK Modern Slavery Act section 45", ["UK Modern Slavery Act"]),
])
def test_foreign_laws(question, names, known):
    assert found(question, known) == names


@pytest.mark.parametrize("question", [
    "Serbian law on damages", "srpski zakon o radu", "srpskom Zakonu o obligacionim odnosima", "zakon Srbije",
    "Can you tell us the law on compensation?", "Rantsev v. Cyprus and Russia: Greece and Cyprus",
])
def test_home_law_and_states_alone_are_not_foreign(question, known):
    assert found(question, known) == []


# --- each detector on its own; the whole -----------------------------------------------

def test_each_detector_finds_only_its_kind(known):
    q = QuestionText("Rev 9999/2024, Zakon o zaštiti žrtava, Tyrer v. the United Kingdom, Directive 2011/36/EU, Albanian law")
    detectors = (decision_numbers, law_titles, case_names, eu_instruments)
    spans = {f.__name__: [q.original(*s) for s in f(q, known)] for f in detectors}
    spans["foreign_laws"] = [q.original(*s) for s in foreign_laws(q)]
    assert spans == {"decision_numbers": ["Rev 9999/2024"], "law_titles": ["Zakon o zaštiti žrtava"],
                     "case_names": ["Tyrer v. the United Kingdom"], "eu_instruments": ["Directive 2011/36/EU"],
                     "foreign_laws": ["Albanian law"]}
    assert found(q.text, known) == sum(spans.values(), [])


def test_known_sources_are_built_once_per_citation_index(monkeypatch):
    citations, texts = index()
    calls = []
    real = absent.known_sources
    monkeypatch.setattr(absent, "known_sources", lambda *a: calls.append(1) or real(*a))
    assert absent_references("Kž2 614/25 i Rev 9999/2024", citations, documents(), texts) == ["Rev 9999/2024"]
    assert absent_references("Tyrer v. the United Kingdom", citations) == ["Tyrer v. the United Kingdom"]
    assert len(calls) == 1


# --- a unit a held document does not have ---------------------------------------------

def _articles_index():
    zkp, rantsev = "zakoni/zakon_o_krivicnom_postupku.txt", "echr/001-96549.json"
    chunks = [Chunk(source=zkp, kind="law", title="ZAKONIK O KRIVIČNOM POSTUPKU", text="Oštećeni ...", article=a)
              for a in ("252", "253", "254")]
    chunks += [Chunk(source=rantsev, kind="echr_judgment", title="Rantsev v. Cyprus and Russia", text="The Court ...",
                     paragraph=p) for p in ("284", "285")]
    # Two judgments of one name ("S.M. v. Croatia", chamber and Grand Chamber): § 296 is in one.
    chunks += [Chunk(source="echr/001-203503.json", kind="echr_judgment", title="S.M. v. Croatia", text="...",
                     paragraph="296")]
    docs = documents() + [Document("echr/001-184665.json", "echr_judgment", "CASE OF S.M. v. CROATIA", language="en")]
    return CitationIndex(chunks, docs)


@pytest.mark.parametrize("question, names", [
    ("Šta propisuje član 999 ZKP?", ["ZKP, čl. 999"]),
    ("Шта прописује члан 999 ЗКП?", ["ZKP, čl. 999"]),
    ("Rantsev § 2840", ["Rantsev v. Cyprus and Russia, § 2840"]),
    ("Šta kaže član 254 ZKP?", []),
    ("čl. 252-254 ZKP", []),
    ("Rantsev § 284", []),
    ("S.M. v. Croatia § 296: does Article 4 cover purely national trafficking?", []),
    ("S.M. v. Croatia § 2960", ["S.M. v. CROATIA, § 2960"]),
    ("Šta kaže član 5?", []),  # no document named: nothing to hold it against
])
def test_a_unit_a_held_document_lacks_is_named(question, names):
    assert absent_references(question, _articles_index()) == names


# --- another region's treaty system ----------------------------------------------------

@pytest.mark.parametrize("question, names", [
    ("Da li ASEAN konvencija (ACTIP) propisuje rok za izdavanje putne isprave?", ["ASEAN konvencija"]),
    ("Да ли АСЕАН конвенција прописује рок за издавање путне исправе?", ["АСЕАН конвенција"]),
    ("Sta propisuje Konvencija ASEAN-a protiv trgovine ljudima?", ["Konvencija ASEAN-a"]),
    ("Does the ASEAN Convention against Trafficking in Persons set a deadline?", ["ASEAN Convention"]),
    ("Da li Arapska povelja o ljudskim pravima zabranjuje ropstvo?", ["Arapska povelja"]),
    ("Does the African Charter on Human and Peoples' Rights ban forced labour?", ["African Charter"]),
])
def test_a_treaty_of_another_regions_system(question, names, known):
    assert found(question, known) == names


@pytest.mark.parametrize("question", [
    "Šta kaže Evropska konvencija o ljudskim pravima o prinudnom radu?",
    "What does the Council of Europe Convention on Action against Trafficking require?",
])
def test_a_european_treaty_is_not_another_regions(question, known):
    assert found(question, known) == []

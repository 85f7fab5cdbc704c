import json
from pathlib import Path

import pytest

from core.errors import SkipFile
from ingest.loaders.echr import case_title, load, split_trailing_heading
from ingest.textutil import MAX_CHUNK_CHARS

FIX = Path(__file__).parents[1] / "fixtures" / "echr" / "001-96549.json"  # Rantsev §§ 77-84


def _write(tmp_path: Path, data, name: str = "001-1.json") -> Path:
    p = tmp_path / name
    p.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return p


def _case(paragraphs, **over):
    d = {"itemid": "001-1", "case_name": "CASE OF X v. FRANCE", "url": "https://hudoc.echr.coe.int/eng?i=001-1",
         "text_scope": "judgment", "paragraphs": paragraphs}
    d.update(over)
    return d


@pytest.mark.parametrize("raw, title", [
    ("CASE OF RANTSEV v. CYPRUS AND RUSSIA", "Rantsev v. Cyprus and Russia"),
    ("CASE OF S.M. v. CROATIA", "S.M. v. Croatia"),
    ("CASE OF C.N. v. THE UNITED KINGDOM", "C.N. v. the United Kingdom"),
    ("CASE OF C.N. AND V. v. FRANCE", "C.N. and V. v. France"),
    ("CASE OF J. AND OTHERS v. AUSTRIA", "J. and Others v. Austria"),
    ("CASE OF SILIADIN v. FRANCE", "Siliadin v. France"),
    ("CASE OF VAN DER MUSSELE v. BELGIUM", "Van der Mussele v. Belgium"),
    ("CASE OF DE WILDE, OOMS AND VERSYP v. BELGIUM", "De Wilde, Ooms and Versyp v. Belgium"),
    ("CASE OF GRAZIANI-WEISS v. AUSTRIA", "Graziani-Weiss v. Austria"),
    ("CASE OF TİBET MENTEŞ AND OTHERS v. TURKEY", "Tibet Menteş and Others v. Turkey"),
    ("CASE OF M. AND OTHERS v. ITALY AND BULGARIA", "M. and Others v. Italy and Bulgaria"),
])
def test_case_title(raw, title):
    assert case_title(raw) == title


def test_fixture_document():
    loaded = load(FIX, "echr/001-96549.json")
    doc = loaded.document
    assert doc.kind == "echr_judgment" and doc.title == "Rantsev v. Cyprus and Russia"
    assert doc.language == "en" and doc.script == "latin"
    assert doc.url == "https://hudoc.echr.coe.int/eng?i=001-96549"
    assert doc.metadata["itemid"] == "001-96549" and doc.metadata["text_scope"] == "judgment"


def test_numbering_headings_and_missing_number():
    loaded = load(FIX, "echr/001-96549.json")
    by_para = {c.paragraph: c for c in loaded.chunks}
    assert list(by_para) == [str(n) for n in range(77, 85)]
    # § 79 ends with the glued heading "II. REPORTS … A. Ex Officio report …": cut off it…
    assert by_para["79"].text.endswith("from the two Russian women.")
    assert by_para["79"].heading == by_para["77"].heading
    # …and set on the paragraphs after it, with its parent.
    assert by_para["80"].heading.startswith("II. REPORTS ON THE SITUATION OF “ ARTISTES ” IN CYPRUS – A. Ex Officio report")
    # § 82 lost its number in the dataset (it is a bare quotation between 81 and 83).
    assert by_para["82"].text.startswith("“The reason for which")
    assert any("paragraph 82" in n for n in loaded.notes)
    assert by_para["81"].text.startswith("81. As to the particular facts")
    assert all(c.chapter is None and c.kind == "echr_judgment" for c in loaded.chunks)


def test_text_is_verbatim_source(tmp_path):
    src = json.loads(FIX.read_text(encoding="utf-8"))["paragraphs"]
    loaded = load(FIX, "echr/001-96549.json")
    for c in loaded.chunks:
        assert any(c.text in p for p in src), c.paragraph


def test_unnumbered_text_joins_previous_and_out_of_sequence_number_is_not_a_paragraph(tmp_path):
    paras = ["5. The applicant was born in 1990.", "One day she met T.M.", "Then she moved.",
             "6. The police were informed.", "1. Each Party shall adopt such measures.", "7. The Court notes."]
    loaded = load(_write(tmp_path, _case(paras, text_scope="facts")), "echr/001-1.json")
    by_para = {c.paragraph: c.text for c in loaded.chunks}
    assert list(by_para) == ["5", "6", "7"]
    assert by_para["5"] == "5. The applicant was born in 1990.\nOne day she met T.M.\nThen she moved."
    assert "1. Each Party" in by_para["6"]


def test_standalone_heading_paragraph_and_leading_text(tmp_path):
    paras = ["PROCEDURE", "1. The case originated in an application (no. 25965/04).", "THE LAW",
             "I. ALLEGED VIOLATION OF ARTICLE 4 OF THE CONVENTION", "2. The applicant complained."]
    loaded = load(_write(tmp_path, _case(paras)), "echr/001-1.json")
    # A lone word before paragraph 1 is kept as text of its own (paragraph None), not lost.
    assert [(c.paragraph, c.text) for c in loaded.chunks][0] == (None, "PROCEDURE")
    assert [c.heading for c in loaded.chunks] == [None, None, "I. ALLEGED VIOLATION OF ARTICLE 4 OF THE CONVENTION"]
    assert loaded.document.metadata["application_no"] == "25965/04"


def test_split_trailing_heading():
    body, heading = split_trailing_heading(
        "12. The Court decided that it was not necessary to hold one. I. THE CIRCUMSTANCES OF THE CASE")
    assert body == "12. The Court decided that it was not necessary to hold one."
    assert heading == "I. THE CIRCUMSTANCES OF THE CASE"
    text = "18. An amnesty was declared until 13 September 2001. B. The criminal proceedings"
    assert split_trailing_heading(text) == ("18. An amnesty was declared until 13 September 2001.", "B. The criminal proceedings")
    # Lists and ordinary endings are not headings.
    list_end = "39. Rates are as follows: (a) for light work EUR 5.00 (b) for heavy work EUR 5.63"
    assert split_trailing_heading(list_end) == (list_end, None)
    assert split_trailing_heading("40. It held so.")[1] is None


def test_long_paragraph_split_keeps_number(tmp_path):
    long = "281. " + " ".join(f"Sentence number {i} is about trafficking." for i in range(120))
    loaded = load(_write(tmp_path, _case([long])), "echr/001-1.json")
    assert len(loaded.chunks) > 1
    assert all(c.paragraph == "281" and len(c.text) <= MAX_CHUNK_CHARS for c in loaded.chunks)


@pytest.mark.parametrize("content, reason", [
    ("", "empty"),
    ("{oops", "invalid JSON"),
    (json.dumps({"itemid": "001-1", "paragraphs": ["1. x"]}), "case_name"),
    (json.dumps({"case_name": "CASE OF X v. FRANCE", "paragraphs": []}), "paragraphs"),
    (json.dumps({"case_name": "CASE OF X v. FRANCE"}), "paragraphs"),
])
def test_unusable_files_raise_skipfile(tmp_path, content, reason):
    with pytest.raises(SkipFile) as e:
        load(_write(tmp_path, content), "echr/001-1.json")
    assert reason in e.value.reason


def test_missing_itemid_and_url_fall_back_to_file_name(tmp_path):
    d = _case(["1. Text."])
    del d["itemid"], d["url"]
    loaded = load(_write(tmp_path, d, "001-57591.json"), "echr/001-57591.json")
    assert loaded.document.metadata["itemid"] == "001-57591"
    assert loaded.document.url == "https://hudoc.echr.coe.int/eng?i=001-57591"


def test_idempotent_ids():
    a, b = load(FIX, "echr/001-96549.json"), load(FIX, "echr/001-96549.json")
    assert [c.id for c in a.chunks] == [c.id for c in b.chunks]


@pytest.mark.slow
def test_rantsev_paragraph_281(shared_corpus):
    loaded = load(shared_corpus / "echr" / "001-96549.json", "echr/001-96549.json")
    assert loaded.document.title == "Rantsev v. Cyprus and Russia"
    paras = {c.paragraph: c for c in loaded.chunks}
    p281 = paras["281"]
    assert p281.text.startswith("281. The Court considers that trafficking in human beings")
    assert "based on the exercise of powers attaching to the right of ownership" in p281.text
    assert p281.heading.endswith("1. Application of Article 4 of the Convention")
    assert p281.heading.startswith("V. ALLEGED VIOLATION OF ARTICLE 4")
    # The positive obligations under Article 4 are set out from § 285 on.
    assert "The extent of the positive obligations arising under Article 4" in paras["285"].text


@pytest.mark.slow
def test_all_cases_numbering_unique_and_increasing(shared_corpus):
    files = sorted((shared_corpus / "echr").glob("*.json"))
    assert len(files) == 20
    for f in files:
        loaded = load(f, f"echr/{f.name}")
        nums = [int(p) for p in dict.fromkeys(c.paragraph for c in loaded.chunks)]
        assert nums == sorted(set(nums)), f.name
        assert nums == list(range(nums[0], nums[-1] + 1)), f.name  # no gaps after gap-filling
        assert loaded.document.title[0].isupper() and " v. " in loaded.document.title

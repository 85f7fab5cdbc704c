"""The bundled QA set and evaluation.qa: format checks (fast), gold units against a tiny
fake corpus (fast) and against the real corpus (slow)."""
import collections
import json
from pathlib import Path

import pytest

from evaluation.qa import check_format, load_qa, validate_qa

QA_FILE = Path(__file__).resolve().parents[2] / "evaluation" / "data" / "qa_dev.jsonl"
# Written blind after the tuning on qa_dev.jsonl, each scored once (evaluation/README.md).
HOLDOUTS = [QA_FILE.with_name(f"qa_holdout{n}.jsonl") for n in ("", "2", "3")]


@pytest.fixture(scope="module")
def qa():
    return load_qa(QA_FILE)


def test_bundled_qa_file_has_no_format_problems(qa):
    assert check_format(qa) == []


@pytest.mark.parametrize("path", HOLDOUTS, ids=lambda p: p.stem)
def test_holdout_files_have_no_format_problems_and_no_shared_ids(path):
    holdout = load_qa(path)
    assert check_format(holdout) == [] and len(holdout) >= 30
    assert {r["split"] for r in holdout} == {"test"} and any(not r["answerable"] for r in holdout)
    others = {r["id"] for p in [QA_FILE, *HOLDOUTS] if p != path for r in load_qa(p)}
    assert not {r["id"] for r in holdout} & others


def test_bundled_qa_file_size_and_mix(qa):
    assert len(qa) >= 80
    assert sum(1 for r in qa if not r["answerable"]) >= 12
    langs = collections.Counter(r["lang"] for r in qa)
    assert set(langs) == {"sr-Latn", "sr-Cyrl", "sr-nodiac", "en"}
    test_share = sum(1 for r in qa if r["split"] == "test") / len(qa)
    assert 0.25 <= test_share <= 0.45
    # both splits hold unanswerable questions and every language
    for split in ("dev", "test"):
        part = [r for r in qa if r["split"] == split]
        assert any(not r["answerable"] for r in part)
        assert {r["lang"] for r in part} == set(langs)
    groups = collections.Counter(r["group"] for r in qa if "group" in r)
    assert len(groups) >= 6 and set(groups.values()) == {3}


def test_bundled_qa_file_is_utf8_one_object_per_line():
    lines = QA_FILE.read_text(encoding="utf-8").splitlines()
    assert all(isinstance(json.loads(line), dict) for line in lines)
    # written with ensure_ascii=False: Serbian letters appear as themselves
    assert any("š" in line for line in lines) and any("ж" in line for line in lines)


def rec(**over):
    base = {"id": "q1", "question": "čl. 388 KZ", "gold": [{"source": "zakoni/kz.txt", "article": "388"}],
            "answerable": True, "split": "dev", "lang": "sr-Latn", "topic": "kz"}
    return {**base, **over}


@pytest.mark.parametrize(
    "records, expected",
    [
        ([rec(), rec()], "duplicate id"),
        ([{"id": "q1", "question": "x"}], "missing fields"),
        ([rec(split="train")], "split 'train'"),
        ([rec(lang="hr")], "lang 'hr'"),
        ([rec(answerable=True, gold=[])], "answerable but gold is empty"),
        ([rec(answerable=False)], "not answerable but has gold"),
        ([rec(answerable="yes")], "answerable must be true or false"),
        ([rec(gold=[{"article": "388"}])], "non-empty 'source'"),
        ([rec(gold=[{"source": "zakoni/kz.txt", "article": 388}])], "article must be a non-empty string"),
        ([rec(gold=[{"source": "x.pdf", "page": 0}])], "page must be an integer"),
        ([rec(gold=[{"source": "zakoni/kz.txt", "clan": "388"}])], "locator 'clan'"),
        ([rec(lang="sr-Cyrl")], "no Cyrillic letters"),
        ([rec(lang="sr-nodiac")], "has diacritics"),
        ([rec(lang="en", question="члан 388")], "has Cyrillic letters"),
    ],
)
def test_check_format_reports_each_problem(records, expected):
    problems = check_format(records)
    assert any(expected in p for p in problems), problems


def test_check_format_triplet_groups():
    g = [{"source": "zakoni/kz.txt", "article": "388"}]
    good = [rec(id="a", group="t1", gold=g, question="trgovina ljudima kazna"),
            rec(id="b", group="t1", gold=g, lang="sr-Cyrl", question="трговина људима казна"),
            rec(id="c", group="t1", gold=g, lang="sr-nodiac", question="trgovina ljudima kazna")]
    assert check_format(good) == []
    assert any("languages" in p for p in check_format(good[:2]))
    other = [{"source": "zakoni/kz.txt", "article": "389"}]
    assert any("different gold" in p for p in check_format(good[:2] + [{**good[2], "gold": other}]))
    assert any("different splits" in p for p in check_format(good[:2] + [{**good[2], "split": "test"}]))


def make_corpus(root: Path) -> None:
    """One tiny file per corpus format, cut to the real layouts."""
    (root / "zakoni/pis").mkdir(parents=True)
    (root / "zakoni/kz.txt").write_text(
        "KRIVIČNI ZAKONIK\nTrgovina ljudima\nČlan 388\n(1) Ko silom...\nČlan 390a\n(Brisano)\nČlan 45**\nIzmena\n",
        encoding="utf-8")
    (root / "zakoni/pis/bpp.json").write_text(json.dumps({"title": "Закон", "provisions": [
        {"provision_ref": "art4", "title": "Члан 4.", "content": "..."},
        {"provision_ref": "art16а", "title": "Члан 16а.", "content": "..."}]}, ensure_ascii=False), encoding="utf-8")
    (root / "echr").mkdir()
    (root / "echr/001-1.json").write_text(json.dumps({"case_name": "X v. Y", "paragraphs": [
        "281. The Court considers...", "“A quoted passage without a number", "282. There can be no doubt..."]}))
    (root / "medjunarodni").mkdir()
    (root / "medjunarodni/cets197.md").write_text("### Article  15  \n\n####Compensation\n\n###Article 26 \nText\n")
    (root / "sudska_praksa/vrhovni_sud/gradjanska").mkdir(parents=True)
    (root / "sudska_praksa/vrhovni_sud/gradjanska/Rev_1_2025.json").write_text("{}")
    (root / "sudska_praksa/bilteni/as_nis").mkdir(parents=True)
    import pypdf

    writer = pypdf.PdfWriter()
    for _ in range(3):
        writer.add_blank_page(width=100, height=100)
    with open(root / "sudska_praksa/bilteni/as_nis/b.pdf", "wb") as f:
        writer.write(f)


def write_qa(path: Path, gold_items) -> Path:
    with open(path, "w", encoding="utf-8") as f:
        for i, gold in enumerate(gold_items, 1):
            f.write(json.dumps(rec(id=f"q{i}", gold=gold), ensure_ascii=False) + "\n")
    return path


def test_validate_qa_accepts_real_units_in_every_format(tmp_path):
    make_corpus(tmp_path / "corpus")
    qa_path = write_qa(tmp_path / "qa.jsonl", [
        [{"source": "zakoni/kz.txt", "article": "388"}],
        [{"source": "zakoni/kz.txt", "article": "390a"}, {"source": "zakoni/kz.txt", "article": "45"}],
        [{"source": "zakoni/pis/bpp.json", "article": "4"}, {"source": "zakoni/pis/bpp.json", "article": "16a"}],
        [{"source": "echr/001-1.json", "paragraph": "282"}],
        [{"source": "medjunarodni/cets197.md", "article": "15"}, {"source": "medjunarodni/cets197.md", "article": "26"}],
        [{"source": "sudska_praksa/vrhovni_sud/gradjanska/Rev_1_2025.json"}],
        [{"source": "sudska_praksa/bilteni/as_nis/b.pdf", "page": 3}],
    ])
    assert validate_qa(qa_path, tmp_path / "corpus") == []


@pytest.mark.parametrize(
    "gold, expected",
    [
        ({"source": "zakoni/kz.txt", "article": "389"}, "has no article '389'"),
        ({"source": "zakoni/kz.txt", "article": "390"}, "has no article '390'"),
        ({"source": "zakoni/pis/bpp.json", "article": "5"}, "has no article '5'"),
        ({"source": "echr/001-1.json", "paragraph": "283"}, "has no paragraph '283'"),
        ({"source": "medjunarodni/cets197.md", "article": "14"}, "has no article '14'"),
        ({"source": "sudska_praksa/bilteni/as_nis/b.pdf", "page": 4}, "has no page 4"),
        ({"source": "zakoni/zoo.txt", "article": "1"}, "does not exist"),
        ({"source": "drugo/x.txt"}, "no known part of the corpus"),
        ({"source": "zakoni/kz.txt"}, "needs a locator"),
        ({"source": "echr/001-1.json", "article": "4"}, "takes locators ['paragraph']"),
        ({"source": "sudska_praksa/vrhovni_sud/gradjanska/Rev_1_2025.json", "page": 1}, "takes locators []"),
    ],
)
def test_validate_qa_reports_missing_units(tmp_path, gold, expected):
    make_corpus(tmp_path / "corpus")
    qa_path = write_qa(tmp_path / "qa.jsonl", [[gold]])
    problems = validate_qa(qa_path, tmp_path / "corpus")
    assert any(expected in p for p in problems), problems


def test_load_qa_names_the_bad_line(tmp_path):
    path = tmp_path / "qa.jsonl"
    path.write_text(json.dumps(rec()) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"qa.jsonl:2"):
        load_qa(path)


@pytest.mark.slow
@pytest.mark.parametrize("path", [QA_FILE, *HOLDOUTS], ids=lambda p: p.stem)
def test_every_gold_unit_exists_in_the_real_corpus(shared_corpus, path):
    assert validate_qa(path, shared_corpus) == []

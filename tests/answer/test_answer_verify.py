"""Verification: made-up citation numbers, quotes and article numbers, and uncited claims are caught."""
import pytest
from rapidfuzz import fuzz

from answer.verify import QUOTE_MIN_SCORE, check, key, match_quote, repair, split_sentences
from tests.fixtures.answer.sample import hits

HS = hits("zkp254", "kz388", "rantsev", "zbpp4")
GOOD = ("Imovinskopravni zahtev se podnosi do kraja glavnog pretresa: „Imovinskopravni zahtev se može podneti najkasnije "
        "do završetka glavnog pretresa pred prvostepenim sudom.“ [1] Član 388 KZ kažnjava onoga ko iskoristi položaj žrtve [2]. "
        "The Court held in § 281 that trafficking “is based on the exercise of powers attaching to the right of ownership” [3].")


def issues(text, hs=HS):
    """The issues as English text (str of each Issue record)."""
    return [str(i) for i in check(text, hs).issues]


def test_a_grounded_answer_passes():
    r = check(GOOD, HS)
    assert r.ok, r.issues
    assert [s.numbers for s in r.sentences] == [[1], [2], [3]]
    assert all(q.ok for s in r.sentences for q in s.quotes)
    assert r.number_ok(1) and r.number_ok(3)


def test_made_up_citation_number():
    r = check("Žrtva ima pravo na naknadu štete [9].", HS)
    assert not r.ok and r.issues[0].code == "bad_number" and "citation [9] names no retrieved source" in str(r.issues[0])
    assert not r.number_ok(9)


def test_made_up_quote():
    text = "Prema zakonu, „žrtva trgovine ljudima ima pravo na naknadu štete iz budžetskog fonda u roku od 30 dana“ [2]."
    r = check(text, HS)
    assert any(i.code == "bad_quote" for i in r.issues)
    assert not r.number_ok(2)


def test_quote_attributed_to_the_wrong_source_is_caught():
    text = "„Imovinskopravni zahtev se može podneti najkasnije do završetka glavnog pretresa“ [2]."
    assert any("quote not found" in i for i in issues(text))


def test_made_up_article_number():
    r = check("Prema članu 999 KZ, „Ko zna ili je mogao znati da je lice žrtva trgovine ljudima“ [2].", HS)
    assert [i.code for i in r.issues] == ["bad_article"] and r.issues[0].params == {"article": "999"}
    assert issues("Vidi čl. 388 [2] i Article 15 [3].")  # Article 15 is not in Rantsev § 281
    assert not issues("Vidi čl. 388 [2] i § 281 [3].")
    assert not issues("Vidi čl. 253 [1].")  # mentioned in the text of ZKP čl. 254 itself


def test_uncited_sentence_is_flagged_and_headings_and_not_found_are_not():
    r = check("Žrtva uvek dobija naknadu od države u punom iznosu.\n\n*Zakonodavstvo*\nMožda relevantno:\n"
              "Nisam pronašao odgovor u izvorima.", HS)
    assert [str(i) for i in r.issues] == ["sentence cites no source: Žrtva uvek dobija naknadu od države u punom iznosu."]


def test_repair_keeps_only_sentences_that_pass():
    text = GOOD + " Žrtva uvek dobija naknadu od države [9]."
    r = check(text, HS)
    fixed = repair(r)
    assert "[9]" not in fixed and "Imovinskopravni zahtev se može podneti" in fixed
    assert check(fixed, HS).ok


def test_cyrillic_quote_of_a_latin_source_and_latin_quote_of_a_cyrillic_source_match():
    assert check("„Ко зна или је могао знати да је лице жртва трговине људима“ [2].", HS).ok
    assert check("„licu koje ostvaruje pravnu zaštitu od torture, nečovečnog ili ponižavajućeg postupanja“ [4].", HS).ok


def test_fuzzy_threshold_tolerates_small_slips_but_not_fabrication():
    src = HS[0].chunk.text
    slipped = "Imovinskopravni zahtev može se podneti najkasnije do završetka glavnog pretresa pred prvostepenim sudom"
    made_up = "Imovinskopravni zahtev se može podneti najkasnije do donošenja presude pred drugostepenim sudom"
    assert match_quote(slipped, src)[1] is not None  # word order slip: ~95
    score, span = match_quote(made_up, src)
    assert span is None and score < QUOTE_MIN_SCORE
    assert fuzz.partial_ratio(key(made_up), key(src)) < QUOTE_MIN_SCORE
    assert match_quote("glavnog pretresa … pred prvostepenim sudom", src)[1] is not None  # ellipsis
    assert match_quote("naknada", src)[1] is None  # short quotes must be exact


def test_split_sentences_keeps_markers_and_quotes_together():
    s = split_sentences("Prvo „A. B. C“ tvrdi nešto [1]. Drugo čl. 5. Zakona važi. [2] Treće.\nNovi red [3].")
    assert [t for _, t in s] == ["Prvo „A. B. C“ tvrdi nešto [1].", "Drugo čl. 5. Zakona važi. [2]", "Treće.", "Novi red [3]."]


@pytest.mark.parametrize("text", ["[0] Nešto tvrdi ovde.", "Nešto tvrdi ovde [5]."])
def test_numbers_out_of_range(text):
    assert any("names no retrieved source" in i for i in issues(text))


def test_article_inside_a_deleted_range_exists():
    from answer.verify import _in_range

    assert _in_range("188", "188-189") and _in_range("189", "188-189")
    assert not _in_range("190", "188-189") and not _in_range("188", "188")


def test_article_with_a_serbian_letter_suffix_exists():
    from answer.verify import _article_exists
    from core.records import Chunk
    from retrieval.hit import Hit

    c = Chunk("zakoni/zakon_o_porezu_na_dohodak_gradjana.txt", "law", "Zakon o porezu na dohodak građana",
              "Neoporezivi prihodi …", article="21ž")
    assert _article_exists("21z", [Hit(1, 1.0, c)])  # "čl. 21ž" as the answer's folded text has it
    assert not _article_exists("21", [Hit(1, 1.0, c)])


def test_abstention_is_known_from_the_record_for_our_own_text_and_read_only_in_a_models():
    said = "Nisam pronašao odgovor u izvorima koje imam."
    claim = "Žrtva ima pravo na naknadu štete od države"
    # A model's free text (abstained=None): its words say it found nothing, so no source is asked for.
    assert check(said, HS).ok
    # Our own abstention: the record says so, whatever the words.
    assert check(claim + ".", HS, abstained=True).ok
    assert check(said + "\n- " + claim + " [9]", HS, abstained=True).issues[0].code == "bad_number"
    # Our own answer that did not abstain: the words alone excuse nothing.
    assert [i.code for i in check(said, HS, abstained=False).issues] == ["no_source"]
    assert [i.code for i in check(claim + ".", HS).issues] == ["no_source"]

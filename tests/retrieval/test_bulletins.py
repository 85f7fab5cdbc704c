"""Bulletins a question names, by court and issue (retrieval.bulletins)."""
from retrieval.bulletins import named_bulletins

BULLETINS = [
    ("bilteni/as_bg/bilten_bg_02_2011.pdf", "Apelacioni sud u Beogradu", "2/2011"),
    ("bilteni/as_bg/bilten_bg_05_2013.pdf", "Apelacioni sud u Beogradu", "5/2013"),
    ("bilteni/as_nis/bilten_nis_2011.pdf", "Apelacioni sud u Nišu", "2/2011"),
    ("bilteni/vks/bilten_vks_2023_3.pdf", "Vrhovni sud", "3/2023"),
]
BG = [BULLETINS[0][0], BULLETINS[1][0]]


def test_court_named_in_any_script_and_language():
    assert named_bulletins("Bilten Apelacionog suda u Beogradu: predlog fonda za obeštećenje", BULLETINS) == BG
    assert named_bulletins("билтен апелационог суда у београду", BULLETINS) == BG
    assert named_bulletins("Belgrade Appellate Court bulletin on compensation", BULLETINS) == BG
    assert named_bulletins("u Biltenu Apelacionog suda u Nisu", BULLETINS) == [BULLETINS[2][0]]
    assert named_bulletins("Bilten Vrhovnog suda", BULLETINS) == [BULLETINS[3][0]]


def test_issue_narrows_to_one_bulletin():
    assert named_bulletins("Bilten Apelacionog suda u Beogradu 2/2011, saslušanje maloletnog", BULLETINS) == [BG[0]]
    # An issue no bulletin of that court has: the court's bulletins.
    assert named_bulletins("Bilten Apelacionog suda u Beogradu 9/1999", BULLETINS) == BG


def test_no_bulletin_named():
    assert named_bulletins("Apelacioni sud u Beogradu, Kž1 123/2019", BULLETINS) == []  # a court, not its bulletin
    assert named_bulletins("naknada štete žrtvi trgovine ljudima", BULLETINS) == []

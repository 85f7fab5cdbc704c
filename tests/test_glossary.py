from retrieval.glossary import expand, serbian_terms


def test_longest_phrase_wins_and_order_is_kept():
    assert serbian_terms("Is free legal aid available to a trafficking victim?") == [
        "besplatna pravna pomoć", "trgovina ljudima", "žrtva oštećeni"]


def test_word_boundaries():
    assert serbian_terms("the claimant was at the courthouse") == []  # not "claim", not "court"


def test_serbian_question_is_unchanged():
    q = "Koji je rok za imovinskopravni zahtev?"
    assert expand(q) == q


def test_expansion_appends_without_changing_the_question():
    q = "Property claim deadline in criminal proceedings"
    out = expand(q)
    assert out.startswith(q + "\n")
    assert "imovinskopravni zahtev" in out and "krivični postupak" in out and "rok" in out

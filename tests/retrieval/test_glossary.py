from retrieval.glossary import serbian_terms


def test_longest_phrase_wins_and_order_is_kept():
    assert serbian_terms("Is free legal aid available to a trafficking victim?") == [
        "besplatna pravna pomoć", "trgovina ljudima", "žrtva oštećeni"]


def test_word_boundaries():
    assert serbian_terms("the claimant was at the courthouse") == []  # not "claim", not "court"


def test_a_serbian_question_gets_no_terms_and_an_english_one_its_statutes_words():
    assert serbian_terms("Koji je rok za imovinskopravni zahtev?") == []
    terms = serbian_terms("Property claim deadline in criminal proceedings")
    assert "imovinskopravni zahtev" in terms and "krivični postupak" in terms and "rok" in terms


def test_keyword_tokens_stem_the_serbian_terms_as_serbian():
    # Regression: the appended terms of an English question were stemmed with the
    # English stemmer ("osteceni", "naknada"), so they never met the statutes' stems.
    from retrieval.analyzer import analyze
    from retrieval.glossary import keyword_tokens

    toks = keyword_tokens("Who may file a property claim in criminal proceedings?")
    statute = set(analyze("Imovinskopravni zahtev u krivičnom postupku može podneti oštećeni"))
    assert {"imovinskopravn", "zahtev", "krivicn", "postupk"} <= set(toks)
    assert {"imovinskopravn", "krivicn", "postupk"} <= statute
    assert "properti" in toks  # the question's own English words stay, English-stemmed


def test_keyword_tokens_of_a_serbian_question_are_its_analysis():
    from retrieval.analyzer import analyze
    from retrieval.glossary import keyword_tokens

    q = "Koji je rok za imovinskopravni zahtev?"
    assert keyword_tokens(q) == analyze(q)


def test_english_tokens_for_a_serbian_question_naming_an_english_text():
    from retrieval.glossary import english_tokens

    toks = english_tokens("dozvola boravka za žrtve trgovine ljudima – Konvencija Saveta Evrope")
    assert {"resid", "permit", "victim", "traffick"} <= set(toks)
    assert len(toks) == len(set(toks))
    assert english_tokens("Which residence permit may a trafficking victim get?") == []
    assert english_tokens("Ко пружа бесплатну правну помоћ?")  # Cyrillic: "free legal aid"

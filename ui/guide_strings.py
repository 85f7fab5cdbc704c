"""UI strings of the remedy guide page, the situation checklist, the memo, the Ask page's
example questions and its confidence line: the same {"lat", "en"[, "cyr"]} entries as
ui.strings.S, which merges them (so `t(key, lang)` serves them like any other string).

Data only. Not here: the guide's own names and headings (pathways/data), the answer's
phrases (answer.messages).
"""
from __future__ import annotations

GUIDE_STRINGS: dict[str, dict[str, str]] = {
    "page_guide": {"lat": "Vodič kroz pravna sredstva", "en": "Remedy guide"},
    # -- Ask page: examples and confidence ------------------------------------------------
    "examples_title": {"lat": "Primeri pitanja (kliknite da pitate):", "en": "Example questions (click to ask):"},
    "confidence_label": {"lat": "Pouzdanost", "en": "Confidence"},
    "confidence_high_word": {"lat": "visoka", "en": "high"},
    "confidence_medium_word": {"lat": "srednja", "en": "medium"},
    "confidence_low_word": {"lat": "niska", "en": "low"},
    "confidence_abstained": {"lat": "izvori ne sadrže odgovor; odredbe ispod su samo za proveru",
                             "en": "the sources hold no answer; the provisions below are only for checking"},
    "pathway_facts": {"lat": "Primenjuje se zbog", "en": "Applies because of"},
    "pathway_asks": {"lat": "Primenjuje se jer se traži", "en": "Applies because the question asks for"},
    # -- the guide page -------------------------------------------------------------------
    "guide_title": {"lat": "Vodič kroz pravna sredstva", "en": "Remedy guide"},
    "guide_intro": {"lat": "Pravni putevi kojima žrtva trgovine ljudima ostvaruje naknadu štete i druga prava. "
                           "Vodič sadrži samo nazive i naslove; svaki korak je citat iz propisa ili sudske prakse "
                           "u indeksu, proveren u izvoru.",
                    "en": "The routes by which a victim of human trafficking obtains compensation and other "
                          "rights. The guide's own words are names and headings only; every step is a quote "
                          "from a provision or decision in the index, verified in the source."},
    "guide_checklist_tab": {"lat": "Činjenice slučaja", "en": "The client's situation"},
    "guide_all_tab": {"lat": "Svi pravni putevi", "en": "All pathways"},
    "guide_applies": {"lat": "Primenjuje se kada", "en": "Applies when"},
    "guide_asked": {"lat": "ili kada se traži", "en": "or when the question asks for"},
    "guide_requires": {"lat": "Uslov", "en": "Requires"},
    "guide_only_when": {"lat": "samo kada", "en": "only when"},
    "guide_unresolved": {"lat": "Odredba „{ref}“ nije pronađena u indeksu ili navod nije potvrđen u njoj.",
                         "en": "“{ref}” was not found in the index, or its quote was not confirmed there."},
    "guide_gaps": {"lat": "Čega nema u korpusu", "en": "What the corpus does not hold"},
    "guide_check_next": {"lat": "Proveriti dalje", "en": "Check next"},
    "guide_empty": {"lat": "Vodič nije učitan (nema pravnih puteva).", "en": "The guide holds no pathways."},
    # -- the situation checklist ----------------------------------------------------------
    "checklist_intro": {"lat": "Označite činjenice slučaja vaše klijentkinje ili klijenta; ispod se pojavljuju "
                               "pravni putevi koji im odgovaraju, sa citiranim odredbama, i mogu se preuzeti kao "
                               "beleška za spis.",
                        "en": "Tick the facts of your client's case; the pathways that fit appear below with "
                              "their quoted provisions and can be downloaded as a memo for the case file."},
    "checklist_victim": {"lat": "Žrtva", "en": "The victim"},
    "checklist_exploitation": {"lat": "Eksploatacija", "en": "The exploitation"},
    "checklist_harm": {"lat": "Šta je izgubljeno ili učinjeno", "en": "What was lost or done"},
    "checklist_stage": {"lat": "Faza postupka", "en": "Stage of the case"},
    "checklist_other": {"lat": "Druge okolnosti", "en": "Other circumstances"},
    "checklist_asks": {"lat": "Šta klijent traži", "en": "What the client seeks"},
    "checklist_empty": {"lat": "Označite bar jednu činjenicu.", "en": "Tick at least one fact."},
    "checklist_none": {"lat": "Nijedan pravni put iz vodiča ne odgovara označenim činjenicama (ili njegove "
                              "odredbe nisu u indeksu).",
                       "en": "No pathway of the guide fits the ticked facts (or its provisions are not in "
                             "the index)."},
    "checklist_result": {"lat": "Pravni putevi za ovaj slučaj", "en": "Pathways for this case"},
    # -- the memo -------------------------------------------------------------------------
    "memo_title": {"lat": "Beleška za spis: pravni putevi žrtve trgovine ljudima",
                   "en": "Case-file memo: remedy pathways for a victim of human trafficking"},
    "memo_facts": {"lat": "Činjenice slučaja", "en": "Facts of the case"},
    "memo_asks": {"lat": "Šta klijent traži", "en": "What the client seeks"},
    "memo_pathways": {"lat": "Pravni putevi", "en": "Remedy pathways"},
    "memo_md": {"lat": "Preuzmi belešku (Markdown)", "en": "Download the memo (Markdown)"},
    "memo_docx": {"lat": "Preuzmi belešku (DOCX, Word)", "en": "Download the memo (DOCX, Word)"},
}

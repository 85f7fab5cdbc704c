"""The answer's words for its decision: why it abstains, how sure it is, and the frame of
a pathway answer, in Serbian (Latin; Cyrillic by transliteration) and English.

    say(style, "reason_other_jurisdiction", place="u Hrvatskoj")

Kept apart from `answer.phrases` (the extractive frame and verification notices) because
these change with the decision rules, not with the citation format. Holds no logic
beyond picking and filling a phrase.
"""
from __future__ import annotations

from answer.phrases import Style, _SLOT
from core.text import to_cyrillic

REASONS = ("small_talk", "absent_source", "other_jurisdiction", "subject_missing", "type_not_stated", "no_match")
CONFIDENCE = ("high", "medium", "low")

_MESSAGES = {
    "sr": {
        "reason_small_talk": "Ja sam Pravni lek: odgovaram na pravna pitanja o naknadi štete i pravnim sredstvima za "
                             "žrtve trgovine ljudima u Srbiji, iz propisa, sudske prakse i međunarodnih izvora. "
                             "Na ovo pitanje ne mogu da odgovorim.",
        "reason_absent_source": "Pitanje navodi izvor koji korpus ne sadrži.",
        "reason_other_jurisdiction": "Pitanje se odnosi na pravo druge države ({place}). Korpus sadrži pravo Srbije i "
                                     "međunarodne izvore (ugovori, presude ESLJP), pa ne odgovaram propisima Srbije "
                                     "kao da su propisi te države.",
        "reason_subject_missing": "Korpus ne sadrži propise o ovoj temi ({subject}).",
        "reason_type_not_stated": "Izvori koji se odnose na temu ne navode traženi {what}.",
        "reason_no_match": "Nijedan pronađeni izvor ne odgovara na pitanje.",
        "what_amount": "iznos", "what_deadline": "rok", "what_body": "nadležni organ", "what_procedure": "postupak",
        "what_permission": "odgovor", "what_count": "broj (statistički podatak)", "what_number": "broj",
        "what_register": "podatak iz registra (ko je upisan)",
        "what_contact": "kontakt (telefon, adresa, radno vreme)",
        "what_person": "podatak o tome ko trenutno obavlja tu funkciju",
        "what_event": "podatak o događaju (kada je nešto osnovano, doneto, isplaćeno ili zakazano)",
        "confidence_high": "izvor odgovara na pitanje",
        "confidence_medium": "izvor se odnosi na pitanje; proverite da li odgovara na vaš slučaj",
        "confidence_low": "izvor se odnosi na temu, ali ne sadrži traženi {what}",
        "confidence_pathways": "pravni putevi izvedeni iz činjenica pitanja; svaki korak je citat iz izvora",
        "confidence_pathways_unstated": "pravni putevi izvedeni iz činjenica pitanja; izvori ne navode traženi "
                                        "{what} za Vaše konkretno pitanje",
        "own_unstated": "Izvori ne navode traženi {what} za Vaše konkretno pitanje. Ispod su pravni putevi koji "
                        "odgovaraju ovom slučaju.",
        "pathways_intro": "Pravni putevi koji odgovaraju ovom slučaju",
        "related": "Odredbe koje se odnose na Vaše pitanje",
        "facts": "Prepoznate činjenice",
        "deadline": "Rok",
        "case_law": "Sudska praksa",
        "check_next": "Proveriti dalje",
        "gap": "Napomena",
        "other_routes": "Takođe mogu da se primene (vidi Vodič kroz pravna sredstva)",
        "applies_to": "odnosi se na: {who}",
    },
    "en": {
        "reason_small_talk": "I am Pravni lek: I answer legal questions about compensation and remedies for victims "
                             "of human trafficking in Serbia, from legislation, case law and international sources. "
                             "I cannot answer this question.",
        "reason_absent_source": "The question names a source the corpus does not hold.",
        "reason_other_jurisdiction": "The question is about another jurisdiction's law ({place}). The corpus holds "
                                     "Serbian law and international sources (treaties, ECtHR judgments), so I do not "
                                     "answer with Serbian law as if it were that jurisdiction's.",
        "reason_subject_missing": "The corpus holds no provisions on this subject ({subject}).",
        "reason_type_not_stated": "The sources on this topic do not state the {what} asked for.",
        "reason_no_match": "None of the sources found answers the question.",
        "what_amount": "amount", "what_deadline": "deadline", "what_body": "competent body",
        "what_procedure": "procedure", "what_permission": "answer", "what_count": "number (a statistic)",
        "what_number": "number", "what_register": "register entry (who is registered)",
        "what_contact": "contact details (phone, address, hours)",
        "what_person": "name of whoever holds the office now",
        "what_event": "fact about an event (when something was founded, decided, paid or scheduled)",
        "confidence_high": "the source answers the question",
        "confidence_medium": "the source bears on the question; check that it fits your case",
        "confidence_low": "the source is on the topic but does not state the {what} asked for",
        "confidence_pathways": "remedy pathways derived from the facts in the question; every step is a quote",
        "confidence_pathways_unstated": "remedy pathways derived from the facts in the question; the sources do not "
                                        "state the {what} your own question asks for",
        "own_unstated": "The sources do not state the {what} your own question asks for. Below are the remedy "
                        "pathways that fit this case.",
        "pathways_intro": "Remedy pathways for this case",
        "related": "Provisions bearing on your question",
        "facts": "Facts recognised",
        "deadline": "Deadline",
        "case_law": "Case law",
        "check_next": "Check next",
        "gap": "Note",
        "other_routes": "Also possibly applicable (see the Remedy guide)",
        "applies_to": "applies to: {who}",
    },
}


def say(style: Style, key: str, **values: object) -> str:
    """A message in the answer's language and script; `values` are filled in as given,
    after transliteration (a place or word from the question stays as the user wrote it)."""
    text = _MESSAGES[style.language][key]
    if style.script == "cyrillic":
        text = "".join(p if _SLOT.fullmatch(p) else to_cyrillic(p) for p in _SLOT.split(text))
    if "{what}" in text and "what" in values:
        values = {**values, "what": say(style, f"what_{values['what']}")}
    return text.format(**values) if values else text


def lang_key(style: Style) -> str:
    """The guide's language key for a style: sr-Latn, sr-Cyrl or en."""
    return "en" if style.language == "en" else ("sr-Cyrl" if style.script == "cyrillic" else "sr-Latn")

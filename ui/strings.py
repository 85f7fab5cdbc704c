"""Every UI string of the app, in Serbian Latin (default), Serbian Cyrillic and English.

`t(key, lang, **values)` returns the string for a language. Serbian Cyrillic is derived
from the Latin text letter by letter (the scripts map one to one), except for tokens
that stay Latin in Cyrillic Serbian texts too (PDF, DOCX, HUDOC, `{placeholders}`), and
an entry may give its own "cyr" text where the derivation would be wrong.

Not here: source texts (shown in the user's script by `ui.display`), answer phrases
(the answer layer writes those).
"""
from __future__ import annotations

import re

from core.text import to_cyrillic
from ui.guide_strings import GUIDE_STRINGS

LANGS = ("sr-Latn", "sr-Cyrl", "en")
DEFAULT_LANG = "sr-Latn"
LANG_NAMES = {"sr-Latn": "Srpski (latinica)", "sr-Cyrl": "Српски (ћирилица)", "en": "English"}

# Tokens written in Latin letters in Cyrillic Serbian text as well.
_KEEP_LATIN = re.compile(
    r"(\{[^}]*\}|\b(?:PDF|TXT|DOCX|HTML|MD|BM25|URL|HUDOC|GGUF|OpenAI|Markdown|MB|ECtHR|API|"
    r"Chroma|LLM|Word|localhost|Rantsev|CETS|Art\.)\b|https?://\S+|[\w./-]+\.(?:gguf|log)\b)"
)

S: dict[str, dict[str, str]] = {
    # -- app frame ------------------------------------------------------------------------
    "app_title": {"lat": "Pravni lek", "en": "Pravni lek"},
    "app_tagline": {"lat": "Istraživački sto: naknada štete žrtvama trgovine ljudima",
                    "en": "Research desk: compensation for victims of human trafficking"},
    "lang_label": {"lat": "Jezik i pismo", "en": "Language and script"},
    "page_label": {"lat": "Stranica", "en": "Page"},
    "page_ask": {"lat": "Pitanja", "en": "Ask"},
    "page_browse": {"lat": "Pregled propisa", "en": "Browse provisions"},
    "page_corpus": {"lat": "Korpus", "en": "Corpus"},
    "page_mine": {"lat": "Moji dokumenti", "en": "My documents"},
    "page_status": {"lat": "Indeks i podešavanja", "en": "Index and settings"},
    # -- filters --------------------------------------------------------------------------
    "filters": {"lat": "Filteri pretrage", "en": "Search filters"},
    "scope": {"lat": "Obuhvat", "en": "Scope"},
    "scope_serbian": {"lat": "Samo srpsko pravo", "en": "Serbian law only"},
    "scope_international": {"lat": "Uključi međunarodne standarde", "en": "Include international standards"},
    "kinds": {"lat": "Vrste dokumenata", "en": "Document kinds"},
    "kinds_help": {"lat": "Prazno znači sve vrste u izabranom obuhvatu.",
                   "en": "Empty means every kind within the chosen scope."},
    "laws": {"lat": "Samo ovi zakoni", "en": "Only these laws"},
    "laws_help": {"lat": "Kada izaberete zakone, pretražuju se samo oni.",
                  "en": "When laws are chosen, only they are searched."},
    "courts": {"lat": "Sudovi", "en": "Courts"},
    "date_range": {"lat": "Datum odluke (od – do)", "en": "Decision date (from – to)"},
    "choose": {"lat": "Izaberite…", "en": "Choose…"},
    "use_dates": {"lat": "Ograniči po datumu odluke", "en": "Limit by decision date"},
    "kind_law": {"lat": "Zakoni", "en": "Laws"},
    "kind_court_decision": {"lat": "Odluke Vrhovnog suda", "en": "Supreme Court decisions"},
    "kind_court_bulletin": {"lat": "Bilteni sudske prakse", "en": "Case-law bulletins"},
    "kind_echr_judgment": {"lat": "Presude Evropskog suda za ljudska prava",
                           "en": "European Court of Human Rights judgments"},
    "kind_treaty": {"lat": "Međunarodni ugovori", "en": "International treaties"},
    "kind_user_document": {"lat": "Moji dokumenti", "en": "My documents"},
    # -- ask ------------------------------------------------------------------------------
    "ask_title": {"lat": "Pitanja o naknadi štete i pravima žrtava",
                  "en": "Questions on compensation and victims' rights"},
    "ask_intro": {"lat": "Odgovor se sastavlja samo iz izvora u indeksu; svaka tvrdnja nosi broj "
                         "izvora [n], a izvori su navedeni ispod odgovora s citiranim rečima.",
                  "en": "Answers are composed only from the indexed sources; every statement carries "
                        "a source number [n], and the sources are listed below with the quoted words."},
    "ask_placeholder": {"lat": "Postavite pitanje, npr. „Kako žrtva trgovine ljudima ostvaruje naknadu štete?“",
                        "en": "Ask a question, e.g. “How does a trafficking victim obtain compensation?”"},
    "searching": {"lat": "Tražim u izvorima…", "en": "Searching the sources…"},
    "search_failed": {"lat": "Pretraga nije uspela: {error}", "en": "The search failed: {error}"},
    "sources": {"lat": "Izvori", "en": "Sources"},
    "sources_to_check": {"lat": "Izvori za proveru", "en": "Sources to check"},
    "verified": {"lat": "navod proveren u izvoru", "en": "quote verified in the source"},
    "unverified": {"lat": "⚠ navod nije potvrđen u izvoru — proverite pre upotrebe",
                   "en": "⚠ quote not confirmed in the source — check before use"},
    "copy_citation": {"lat": "Citat (dugme za kopiranje desno):", "en": "Citation (copy button on the right):"},
    "official_source": {"lat": "Zvanični izvor", "en": "Official source"},
    "gazette": {"lat": "Službeni glasnik", "en": "Official Gazette"},
    "court": {"lat": "Sud", "en": "Court"},
    "date": {"lat": "Datum", "en": "Date"},
    "application_no": {"lat": "Broj predstavke", "en": "Application no."},
    "hudoc": {"lat": "Presuda na HUDOC-u", "en": "Judgment on HUDOC"},
    "file": {"lat": "Fajl", "en": "File"},
    "show_original": {"lat": "Izvorni tekst (originalno pismo)", "en": "Original text (source script)"},
    "abstained": {"lat": "Nisam našao pouzdan odgovor u izvorima.",
                  "en": "I did not find a reliable answer in the sources."},
    "export_md": {"lat": "Preuzmi kao Markdown", "en": "Download as Markdown"},
    "export_docx": {"lat": "Preuzmi kao DOCX (Word)", "en": "Download as DOCX (Word)"},
    "clear_chat": {"lat": "Obriši razgovor", "en": "Clear the conversation"},
    "llm_unavailable": {"lat": "Jezički model nije dostupan ({error}); odgovor je izvod iz izvora.",
                        "en": "The language model is unavailable ({error}); the answer is extracted from the sources."},
    # -- export ---------------------------------------------------------------------------
    "export_question": {"lat": "Pitanje", "en": "Question"},
    "export_answer": {"lat": "Odgovor", "en": "Answer"},
    "export_sources": {"lat": "Izvori", "en": "Sources"},
    "export_generated": {"lat": "Sastavio Pravni lek iz lokalnog korpusa; proverite navode pre upotrebe.",
                         "en": "Composed by Pravni lek from the local corpus; check the quotes before use."},
    "export_unverified": {"lat": "navod nije potvrđen", "en": "quote not confirmed"},
    # -- browse ---------------------------------------------------------------------------
    "browse_title": {"lat": "Pregled propisa", "en": "Browse provisions"},
    "lookup_label": {"lat": "Propis", "en": "Provision"},
    "lookup_placeholder": {"lat": "npr. KZ 388, ZKP 252-260, čl. 4 ZBPP, CETS 197 Art. 15, Rantsev § 281",
                           "en": "e.g. KZ 388, ZKP 252-260, čl. 4 ZBPP, CETS 197 Art. 15, Rantsev § 281"},
    "lookup_unparsed": {"lat": "Nisam prepoznao propis „{query}“. Napišite skraćenicu zakona i član, npr. „KZ 388“.",
                        "en": "“{query}” is not a provision I recognise. Write the law's abbreviation and "
                              "the article, e.g. “KZ 388”."},
    "lookup_no_law": {"lat": "Nema zakona sa skraćenicom „{law}“ u korpusu.",
                      "en": "No law abbreviated “{law}” in the corpus."},
    "lookup_no_article": {"lat": "{law} nema član {article} u korpusu.",
                          "en": "{law} has no article {article} in the corpus."},
    "prev_unit": {"lat": "← Prethodni: {unit}", "en": "← Previous: {unit}"},
    "next_unit": {"lat": "Sledeći: {unit} →", "en": "Next: {unit} →"},
    "article": {"lat": "Član {article}", "en": "Article {article}"},
    "known_laws": {"lat": "Skraćenice zakona u korpusu", "en": "Law abbreviations in the corpus"},
    # -- corpus ---------------------------------------------------------------------------
    "corpus_title": {"lat": "Korpus", "en": "Corpus"},
    "corpus_count": {"lat": "{documents} dokumenata, {chunks} odlomaka.",
                     "en": "{documents} documents, {chunks} passages."},
    "col_title": {"lat": "Naslov", "en": "Title"},
    "col_kind": {"lat": "Vrsta", "en": "Kind"},
    "col_script": {"lat": "Pismo", "en": "Script"},
    "col_gazette_date": {"lat": "Glasnik / datum", "en": "Gazette / date"},
    "col_provenance": {"lat": "Poreklo", "en": "Provenance"},
    "col_chunks": {"lat": "Odlomaka", "en": "Passages"},
    "script_latin": {"lat": "latinica", "en": "Latin"},
    "script_cyrillic": {"lat": "ćirilica", "en": "Cyrillic"},
    "script_mixed": {"lat": "mešovito", "en": "mixed"},
    "provenance_user": {"lat": "vaš dokument (samo na ovom računaru)", "en": "your document (this computer only)"},
    # -- my documents ---------------------------------------------------------------------
    "mine_title": {"lat": "Moji dokumenti", "en": "My documents"},
    "mine_privacy": {"lat": "Otpremljeni fajlovi ostaju na ovom računaru: čuvaju se u fascikli {folder} "
                             "i nikada se ne šalju na internet.",
                     "en": "Uploaded files never leave this computer: they are kept in {folder} and never "
                           "sent over the internet."},
    "uploader": {"lat": "Dodajte PDF, TXT, DOCX ili HTML (najviše {limit} MB)",
                 "en": "Add a PDF, TXT, DOCX or HTML file (at most {limit} MB)"},
    "upload_button": {"lat": "Dodaj u indeks", "en": "Add to the index"},
    "upload_progress": {"lat": "Indeksiram: {source}", "en": "Indexing: {source}"},
    "upload_indexing": {"lat": "Dodajem u indeks; pretraga i dalje radi na dosadašnjem indeksu dok ovo traje.",
                        "en": "Adding to the index; search keeps using the current index meanwhile."},
    "upload_ok": {"lat": "Dodat je „{name}“ ({chunks} odlomaka); pretražuje se zajedno s korpusom.",
                  "en": "Added “{name}” ({chunks} passages); it is searched together with the corpus."},
    "upload_too_big": {"lat": "Fajl „{name}“ ima {size} MB, a najviše je {limit} MB. Nije dodat.",
                       "en": "“{name}” is {size} MB; the limit is {limit} MB. It was not added."},
    "upload_bad_type": {"lat": "Fajl „{name}“ nije PDF, TXT, DOCX ni HTML. Nije dodat.",
                        "en": "“{name}” is not a PDF, TXT, DOCX or HTML file. It was not added."},
    "upload_unreadable": {"lat": "Fajl „{name}“ ne može da se pročita: {reason}. Uklonjen je iz fascikle; "
                                 "indeks je ostao nepromenjen.",
                          "en": "“{name}” cannot be read: {reason}. It was removed from the folder; the "
                                "index is unchanged."},
    "upload_failed": {"lat": "Fajl „{name}“ nije dodat: indeksiranje nije uspelo ({reason}); indeks je ostao "
                             "nepromenjen.",
                      "en": "“{name}” was not added: indexing failed ({reason}); the index is unchanged."},
    "upload_too_much_text": {"lat": "Fajl „{name}“ sadrži više od {limit} znakova teksta kada se raspakuje. "
                                    "Nije dodat; podelite ga na manje delove.",
                             "en": "“{name}” unpacks to more than {limit} characters of text. It was not "
                                   "added; split it into smaller parts."},
    "upload_disk_full": {"lat": "Fajl „{name}“ nije sačuvan: nema mesta na disku ({reason}). Ništa nije "
                                "ostalo u fascikli; indeks je ostao nepromenjen.",
                         "en": "“{name}” was not saved: the disk is full ({reason}). Nothing was left in the "
                               "folder; the index is unchanged."},
    "upload_renamed": {"lat": "Fajl „{original}“ sačuvan je kao „{name}“ (fajl s tim imenom već postoji ili "
                              "ime nije moglo da se zadrži); nijedan fajl nije zamenjen.",
                       "en": "“{original}” was stored as “{name}” (a file of that name exists, or the name "
                             "could not be kept); no file was replaced."},
    "mine_list": {"lat": "Vaši dokumenti u indeksu", "en": "Your documents in the index"},
    "mine_none": {"lat": "Još niste dodali dokumente.", "en": "You have not added any documents yet."},
    # -- index status and settings ------------------------------------------------------------
    "status_title": {"lat": "Stanje indeksa", "en": "Index status"},
    "status_summary": {"lat": "Indeks: {documents} dokumenata, {chunks} odlomaka · izgrađen {built_at}",
                       "en": "Index: {documents} documents, {chunks} passages · built {built_at}"},
    "dense_building": {"lat": "Semantički indeks se gradi: {done} od {total} odlomaka. Do tada pretraga "
                              "radi preko BM25 (po rečima).",
                       "en": "The semantic index is being built: {done} of {total} passages. Meanwhile the "
                             "search runs on BM25 (by words)."},
    "dense_ready": {"lat": "Semantički indeks je spreman ({model}).", "en": "The semantic index is ready ({model})."},
    "dense_none": {"lat": "Pretraga radi preko BM25 (po rečima); semantički indeks nije izgrađen.",
                   "en": "Search runs on BM25 (by words); no semantic index is built."},
    "dense_stalled": {"lat": "Semantički indeks nije dovršen ({done} od {total}); pretraga radi preko BM25 "
                             "(po rečima). Pokrenite ga ponovo na stranici „Indeks i podešavanja“.",
                      "en": "The semantic index is not finished ({done} of {total}); search runs on BM25 (by "
                            "words). Restart it on the “Index and settings” page."},
    "dense_start": {"lat": "Izgradi semantički indeks u pozadini", "en": "Build the semantic index in the background"},
    "dense_started": {"lat": "Semantički indeks se gradi u pozadini (dnevnik: {log}).",
                      "en": "The semantic index is being built in the background (log: {log})."},
    "count_kind": {"lat": "Vrsta", "en": "Kind"},
    "count_documents": {"lat": "Dokumenata", "en": "Documents"},
    "count_chunks": {"lat": "Odlomaka", "en": "Passages"},
    "skipped_files": {"lat": "Preskočeni fajlovi ({n})", "en": "Skipped files ({n})"},
    "settings_title": {"lat": "Podešavanja odgovora", "en": "Answer settings"},
    "mode": {"lat": "Način odgovaranja", "en": "Answer mode"},
    "mode_extractive": {"lat": "Izvod iz izvora (bez jezičkog modela)", "en": "Extract from the sources (no language model)"},
    "mode_openai": {"lat": "OpenAI-kompatibilan server", "en": "OpenAI-compatible endpoint"},
    "mode_gguf": {"lat": "Lokalni GGUF model", "en": "Local GGUF model"},
    "endpoint_url": {"lat": "Adresa servera (URL)", "en": "Endpoint URL"},
    "endpoint_model": {"lat": "Naziv modela", "en": "Model name"},
    "gguf_path": {"lat": "Putanja do GGUF fajla", "en": "Path to the GGUF file"},
    "remote_warning": {"lat": "Pažnja: server {host} nije na ovom računaru. Pitanja i odlomci izvora napuštaju "
                              "računar i šalju se tom serveru.",
                       "en": "Warning: {host} is not on this computer. Questions and source excerpts leave the "
                             "machine and are sent to that server."},
    "local_note": {"lat": "Server je na ovom računaru; ništa ne napušta računar.",
                   "en": "The endpoint is on this computer; nothing leaves the machine."},
    # -- start-up -------------------------------------------------------------------------
    "first_build": {"lat": "Prvo pokretanje: gradim indeks iz korpusa {corpus}. To traje nekoliko minuta; "
                           "posle toga aplikacija se otvara za nekoliko sekundi.",
                    "en": "First start: building the index from the corpus at {corpus}. This takes a few "
                          "minutes; afterwards the app opens within seconds."},
    "first_build_progress": {"lat": "Čitam {done} od {total}: {source}", "en": "Reading {done} of {total}: {source}"},
    "no_corpus": {"lat": "Nema indeksa u {index}, a korpus nije pronađen u {corpus}. Podesite PRAVNI_LEK_CORPUS.",
                  "en": "No index at {index}, and no corpus at {corpus}. Set PRAVNI_LEK_CORPUS."},
    "build_failed": {"lat": "Izgradnja indeksa nije uspela: {error}", "en": "Building the index failed: {error}"},
}

S.update(GUIDE_STRINGS)  # the remedy guide, checklist, memo, examples and confidence line


def _cyrillic(latin: str) -> str:
    parts = _KEEP_LATIN.split(latin)
    # split() with one capturing group alternates: text, kept token, text, …
    return "".join(p if i % 2 else to_cyrillic(p) for i, p in enumerate(parts) if p)


def t(key: str, lang: str = DEFAULT_LANG, **values: object) -> str:
    """The UI string `key` in `lang` ("sr-Latn", "sr-Cyrl", "en"), with `values` filled in."""
    if lang not in LANGS:
        raise ValueError(f"language {lang!r} is not one of {LANGS}")
    entry = S[key]
    if lang == "en":
        text = entry["en"]
    elif lang == "sr-Cyrl":
        text = entry.get("cyr") or _cyrillic(entry["lat"])
    else:
        text = entry["lat"]
    return text.format(**values) if values else text


def kind_name(kind: str, lang: str = DEFAULT_LANG) -> str:
    return t(f"kind_{kind}", lang) if f"kind_{kind}" in S else kind

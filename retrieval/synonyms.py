"""Everyday Serbian words -> the statutes' words for the same thing: `statute_query`.

    statute_query("Da li tužilac mora da joj javi kad saslušava svedoke?")
    -> the question's keyword tokens with "javi" read as "obavestiti obaveštenje …"
       and "saslušava" as "ispitati ispitivanje iskaz"

People say "plata", "gazda", "javiti", "saslušati", "dosuđeno", "preselila se"; the
statutes say "zarada", "poslodavac", "obavestiti", "ispitati", "utvrđeno pravnosnažnom
sudskom odlukom", "promena adrese". Keyword search cannot cross that gap and the small
embedder does not. `retrieval/data/synonyms_sr.json` carries it word by word, the way a
legal thesaurus does: each entry lists everyday forms (words or short phrases) and the
statute words they stand for. Unlike `retrieval.concepts` (a whole situation -> one legal
concept), an entry is one word's equivalence, so it applies to any question that uses
the word, not only to the stories an entry was written from.

The searcher runs the rewritten question as a leg of its own, so the question's own
words keep their leg and a wrong equivalence costs candidates, never a claim.
Matching is by analyzer stems (Cyrillic, Latin and no-diacritics forms meet the same
entry); a phrase must appear with its words in order. Serbian only: English questions
have the glossary (`retrieval.glossary`). Pure; the table is compiled once.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from core.store import read_data_list
from retrieval.analyzer import analyze, language, stem, words

DATA = Path(__file__).parent / "data" / "synonyms_sr.json"


@lru_cache(maxsize=2)
def _table(path: str) -> tuple[tuple[tuple[tuple[str, ...], ...], tuple[str, ...]], ...]:
    """(everyday forms as stem tuples, statute stems) per entry; a malformed entry is
    refused naming the file and the entry."""
    entries = read_data_list(path, "entries", "thesaurus")
    out = []
    for i, e in enumerate(entries):
        if not (isinstance(e, dict) and isinstance(e.get("lay"), list) and isinstance(e.get("law"), str)
                and all(isinstance(f, str) for f in e["lay"])):
            raise ValueError(f"{path}: entry {i} ({e!r}) needs 'lay', a list of words or phrases, and 'law', a string")
        # A form of function words only ("i", "ili") would meet every question: dropped.
        forms = tuple(_keys(f) for f in e["lay"] if analyze(f, "serbian"))
        law = tuple(dict.fromkeys(analyze(e["law"], "serbian")))
        if not forms or not law:
            raise ValueError(f"{path}: entry {i} ({e!r}) has no everyday form or no statute word after analysis")
        out.append((forms, law))
    return tuple(out)


@lru_cache(maxsize=2)
def _by_first(path: str) -> dict[str, list[tuple[int, tuple[str, ...]]]]:
    """First stem of a form -> (entry, form): a question is scanned once, not per form."""
    out: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
    for i, (forms, _) in enumerate(_table(path)):
        for form in forms:
            out.setdefault(form[0], []).append((i, form))
    return out


def _keys(text: str) -> tuple[str, ...]:
    """Every word's Serbian stem, function words included: "na crno" must stay a phrase
    ("crno na belo" is not undeclared work), which analyze's stopword list would undo."""
    return tuple(stem(w, "serbian") for w in words(text))


def matches(question: str, path: Path = DATA) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """(the question's everyday stems, their statute stems) for each entry it meets, in
    the thesaurus's order."""
    if language(words(question)) == "english":
        return []
    stems = _keys(question)
    table, first = _table(str(path)), _by_first(str(path))
    met: dict[int, tuple[str, ...]] = {}
    for pos, s in enumerate(stems):
        for i, form in first.get(s, ()):
            if i not in met and stems[pos:pos + len(form)] == form:
                met[i] = form
    return [(met[i], table[i][1]) for i in sorted(met)]


def statute_query(question: str, keywords: list[str], path: Path = DATA) -> list[str] | None:
    """The keyword query with each everyday word replaced by its statute words; None when
    the question meets no entry (then there is no leg to run)."""
    found = matches(question, path)
    if not found:
        return None
    lay = {s for form, _ in found for s in form}
    law = [s for _, stems in found for s in stems]
    return [t for t in keywords if t not in lay] + list(dict.fromkeys(law))

"""Text analysis for lexical matching: the ONE function used at index time and at query
time, so that a question typed in Cyrillic, in Latin, or in Latin without diacritics
produces the same tokens as the source text.

Pipeline of `analyze(text)`:
  1. Cyrillic -> Latin letter by letter (mixed-script words such as "жртвa" work),
     lowercase, fold diacritics (č ć->c, š->s, ž->z, đ->dj, é->e)  == `normalize(text)`;
  2. tokenise: runs of letters/digits; "1788/2024" also yields the joined token;
  3. expand legal abbreviations (čl. -> clan, st. -> stav, tač. -> tacka, …);
  4. drop a short Serbian + English stopword list;
  5. stem: Snowball Serbian, or Snowball English when the text reads as English
     (more English than Serbian function words). A text with no function words
     (most short queries: "trafficking victims compensation", "naknada štete") gets
     both stems of each word where they differ, so it meets the English-stemmed
     ECtHR and treaty text as well as the Serbian text; a stem absent from the
     index costs nothing (measured: Serbian queries keep the same top 10). Tokens of <= 3 letters and
     tokens with digits are kept as they are, so law abbreviations (kz, zkp, zoo,
     zpp) and article numbers ("390a") stay single exact tokens.

Why fold BEFORE stemming (not after, as first planned): the Serbian stemmer has
suffix rules written with diacritics, so it stems "zaštite" -> "zašti" but
"zastite" -> "zastit", "potrošača" -> "potrošač" but "potrosaca" -> "potrosc"; on the
31 statutes 576 word forms (1.3 % of running words) disagreed. Folding first gives
the stemmer one spelling for all three forms, so they agree by construction; the
number of distinct stems barely moves (11 290 vs 11 335). The stemmer also turns
"dj" into "đ" in some words, hence the second fold of its output.

Does not know which law an abbreviation names: that is `retrieval.sources.citations`.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

import Stemmer

from core.text import fold, normalize

DATA = Path(__file__).parent / "data" / "analyzer.json"

# A decision or gazette number ("1788/2024", "85/2005") or a run of letters/digits.
_TOKEN = re.compile(r"\d+/\d+|[^\W_]+")
_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=1)
def _data() -> tuple[frozenset[str], frozenset[str], frozenset[str], dict[str, str]]:
    raw = json.loads(DATA.read_text(encoding="utf-8"))
    sr, en = frozenset(raw["stopwords_sr"]), frozenset(raw["stopwords_en"])
    return sr | en, sr - en, en - sr, dict(raw["abbreviations"])


@lru_cache(maxsize=2)
def _stemmer(lang: str) -> Stemmer.Stemmer:
    return Stemmer.Stemmer(lang)


@lru_cache(maxsize=300_000)
def stem(word: str, lang: str = "serbian") -> str:
    """Stem one folded token. Short tokens and tokens with digits pass unchanged."""
    if len(word) <= 3 or _DIGIT.search(word):
        return word
    out = fold(_stemmer(lang).stemWord(word))
    # Snowball Serbian keeps "-ost" in the nominative only ("zastarelost" ->
    # "zastarel", "zastarelosti" -> "zastarelost"); strip it so the forms meet.
    if lang == "serbian" and len(out) >= 8:
        for suffix in ("ostj", "ost"):
            if out.endswith(suffix):
                return out[: -len(suffix)]
    return _reunite(out) if lang == "serbian" else out


_VOWELS = frozenset("aeiou")


def _reunite(stem_: str) -> str:
    """Join stems Snowball Serbian gives to different forms of one word (measured on
    the statutes' vocabulary): the fleeting a ("postupak" -> postupak, "postupka" ->
    postupk), -lac / -oca ("učinilac", "učinioca"), a final -j it keeps only outside
    the nominative ("slučaj" -> sluca, "slučaja" -> slucaj), and listed exceptions."""
    stem_ = _data_overrides().get(stem_, stem_)
    if len(stem_) >= 6 and stem_.endswith("ak") and stem_[-3] not in _VOWELS:
        return stem_[:-2] + "k"
    if len(stem_) >= 6 and stem_.endswith("lac"):
        return stem_[:-3] + "oc"
    if len(stem_) >= 5 and stem_.endswith("aj"):
        return stem_[:-1]
    return stem_


@lru_cache(maxsize=1)
def _data_overrides() -> dict[str, str]:
    raw = json.loads(DATA.read_text(encoding="utf-8")).get("stem_overrides", {})
    return {k: v for k, v in raw.items() if not k.startswith("_")}


def _raw(norm: str) -> list[tuple[str, int, int]]:
    """(token, start, end) over normalised text; "1788/2024" also yields its parts."""
    out: list[tuple[str, int, int]] = []
    for m in _TOKEN.finditer(norm):
        tok, start = m.group(), m.start()
        out.append((tok, start, m.end()))
        if "/" in tok:
            for part in tok.split("/"):
                out.append((part, start, start + len(part)))
                start += len(part) + 1
    return out


def words(text: str) -> list[str]:
    """Normalised word tokens before abbreviation expansion, stopwords and stemming."""
    out: list[str] = []
    for tok in _TOKEN.findall(normalize(text)):
        out.append(tok)
        if "/" in tok:
            out.extend(tok.split("/"))
    return out


def language(tokens: list[str]) -> str:
    """'english' or 'serbian' by which function words dominate; 'both' with no
    evidence (a short query such as "trafficking victims compensation"). Decided on
    normalised tokens only, so the three spellings of a text always agree."""
    _, sr_marks, en_marks, _ = _data()
    en = sum(1 for t in tokens if t in en_marks)
    sr = sum(1 for t in tokens if t in sr_marks)
    if en > sr:
        return "english"
    return "serbian" if sr > en else "both"


def _terms(tok: str, lang: str) -> tuple[str, ...]:
    """One raw token -> its index terms (none for a stopword or a lone letter; two
    when the language is undecided and the English and Serbian stems differ)."""
    stop, _, _, abbrev = _data()
    tok = abbrev.get(tok, tok)
    # Single letters ("v" in "Rantsev v. Cyprus", list items "a)") carry no meaning.
    if tok in stop or (len(tok) == 1 and not tok.isdigit()):
        return ()
    if lang != "both":
        return (stem(tok, lang),)
    sr, en = stem(tok, "serbian"), stem(tok, "english")
    return (sr,) if sr == en else (sr, en)


def token_spans(text: str, lang: str | None = None) -> list[tuple[str, int, int]]:
    """Like `analyze`, with each token's (start, end) in `normalize(text)`.

    `lang` ("serbian" / "english") forces the stemmer; None detects it per text.
    `retrieval.sources.citations` forces "serbian" so a law's name matches the same way
    inside an English and a Serbian question."""
    raw = _raw(normalize(text))
    lang = lang or language([t for t, _, _ in raw])
    return [(term, start, end) for t, start, end in raw for term in _terms(t, lang)]


def analyze(text: str, lang: str | None = None) -> list[str]:
    """Tokens for BM25 (see the module docstring for the pipeline)."""
    toks = words(text)
    lang = lang or language(toks)
    return [term for t in toks for term in _terms(t, lang)]

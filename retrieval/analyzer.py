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
     (more English than Serbian function words); tokens of <= 3 letters and tokens
     with digits are kept as they are, so law abbreviations (kz, zkp, zoo, zpp) and
     article numbers ("390a") stay single exact tokens.

Why fold BEFORE stemming (not after, as first planned): the Serbian stemmer has
suffix rules written with diacritics, so it stems "zaštite" -> "zašti" but
"zastite" -> "zastit", "potrošača" -> "potrošač" but "potrosaca" -> "potrosc"; on the
31 statutes 576 word forms (1.3 % of running words) disagreed. Folding first gives
the stemmer one spelling for all three forms, so they agree by construction; the
number of distinct stems barely moves (11 290 vs 11 335). The stemmer also turns
"dj" into "đ" in some words, hence the second fold of its output.

Does not know which law an abbreviation names: that is `retrieval.citations`.
"""
from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import Stemmer

from retrieval.script import to_latin

DATA = Path(__file__).parent / "data" / "analyzer.json"

_FOLD = str.maketrans({"č": "c", "ć": "c", "š": "s", "ž": "z", "đ": "dj"})
# A decision or gazette number ("1788/2024", "85/2005") or a run of letters/digits.
_TOKEN = re.compile(r"\d+/\d+|[^\W_]+")
_DIGIT = re.compile(r"\d")


def fold(text: str) -> str:
    """Lowercase Latin text -> ASCII-ish: Serbian diacritics and accents removed."""
    text = text.translate(_FOLD)
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def normalize(text: str) -> str:
    """to_latin + lowercase + fold: the comparable form of a text, not tokenised."""
    return fold(to_latin(text).lower())


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
    return out


def words(text: str) -> list[str]:
    """Normalised word tokens before abbreviation expansion, stopwords and stemming."""
    out: list[str] = []
    for tok in _TOKEN.findall(normalize(text)):
        if "/" in tok:
            out.append(tok)
            out.extend(tok.split("/"))
        else:
            out.append(tok)
    return out


def language(tokens: list[str]) -> str:
    """'english' when the tokens hold more English than Serbian function words."""
    _, sr_marks, en_marks, _ = _data()
    en = sum(1 for t in tokens if t in en_marks)
    sr = sum(1 for t in tokens if t in sr_marks)
    return "english" if en > sr else "serbian"


def analyze(text: str) -> list[str]:
    """Tokens for BM25 (see the module docstring for the pipeline)."""
    stop, _, _, abbrev = _data()
    toks = words(text)
    lang = language(toks)
    out: list[str] = []
    for t in toks:
        t = abbrev.get(t, t)
        if t in stop:
            continue
        # Single letters ("v" in "Rantsev v. Cyprus", list items "a)") carry no meaning.
        if len(t) == 1 and not t.isdigit():
            continue
        out.append(stem(t, lang))
    return out

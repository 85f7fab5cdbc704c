"""A subject index in everyday words ("registar pojmova"): each article of the bundled
statutes and treaties (and each Supreme Court decision, each ECtHR paragraph that has an
entry), described the way a client's story describes its situation.

    entries = load_entries()                     # from retrieval/data/subject_index/*.jsonl
    index = SubjectIndex(entries, chunks)        # entries whose article the index holds
    index.query(keyword_tokens(story), k=100)    # chunk ids, the best-described first

A story says "gazda mi je uzeo pasoš i ne plaća mi platu"; the article says "poslodavac
… isprave … zarada". A printed law book bridges that with its subject index; this is the
same thing as data a lawyer can review: one line per article, `sr` (everyday Serbian)
and `en` (everyday English) phrases naming the people, events and questions the article
decides. The entries were written article by article from the article's own text by
reviewers who saw no evaluation set (`retrieval/data/subject_index/README.md`).

An entry and a story meet on their words' stems and also on their first four letters
(`prefix_terms`): the Serbian stemmer leaves "građani" and "građansko" apart.

Each file is JSON lines: a header {"source": corpus path, "title": …}, then one
{"article" (or "paragraph", or a bulletin's "page"), "sr", "en"} per unit (empty phrases for a technical
article); or a header {"documents": true}, then one {"source", "sr", "en"} per document.
A second pass over a law (`<law>.questions.jsonl`, header "pass": "questions") adds its
words to the same units: a unit's entries add up to one row. The phrases
are never shown to a user and never quoted: they only bring an article into the
candidates; the answer quotes and verifies the article's own words.

Deliberately not here: fusing the leg (`retrieval.searcher`), the thesaurus of single
words (`retrieval.synonyms`) and the situation → concept lexicon (`retrieval.concepts`).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Collection, Iterable

import bm25s
import numpy as np

from core.errors import ConfigError
from retrieval.analyzer import analyze, words
from retrieval.synonyms import matches

DATA_DIR = Path(__file__).parent / "data" / "subject_index"


UNITS = ("article", "paragraph", "page", "document")
LOCATED = UNITS[:3]  # the units a chunk names by a locator of its own (a bulletin's PDF page)
# BM25's length normalisation (b; bm25s's default 0.75). A row is a bag of independent
# phrases (two passes of them for most articles), not one text whose length dilutes its
# words: a unit described more fully should not lose to a thin entry. Fourteen
# development story sets, lexical, gold in the first five / ten: 298 / 346 at 0.75, 305 /
# 351 at 0.3.
LENGTH_NORMALISATION = 0.3
# Words also meet on their first letters: the Serbian stemmer leaves a client's form and
# the entry's apart ("smeju" / "smem", "građani" / "građansko", "zatekli" / "zatečen").
# Every entry and query word longer than PREFIX letters adds "~" + its first PREFIX
# letters; BM25's idf keeps a common prefix cheap. Development stories (706), the
# subject legs alone, gold in the first five (whole story / closing question): stems
# 384 / 361, with 5-letter prefixes 417 / 382, with 4-letter ones 428 / 390, 6: 414 / 371.
PREFIX = 4


@dataclass(frozen=True)
class Entry:
    source: str   # the corpus path of the law, treaty, judgment or decision, as chunks name it
    # The unit as chunks name it: an article ("254", "4a"), an ECtHR paragraph ("110"),
    # a bulletin's PDF page ("166"),
    # or "" for a whole document (`unit` says which).
    article: str
    sr: str       # everyday Serbian phrases
    en: str       # everyday English phrases
    unit: str = "article"  # one of UNITS

    def tokens(self) -> list[str]:
        """Index terms: the Serbian phrases stemmed as Serbian, with the statute words the
        thesaurus (`retrieval.synonyms`) gives for their everyday ones ("alimentacija" ->
        izdržavanje: a story may use either), and the English stemmed as English."""
        statute = [t for _, law in matches(self.sr) for t in law] if self.sr else []
        return (analyze(self.sr, "serbian") + statute + analyze(self.en, "english")
                + prefix_terms(self.sr) + prefix_terms(self.en))

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.source, self.unit, self.article)


def prefix_terms(text: str) -> list[str]:
    """"~" + the first PREFIX letters of each word of `text` longer than that, folded as
    the analyzer folds it ("Građani" -> "~grad"): what a query adds to its stems."""
    return ["~" + w[:PREFIX] for w in words(text) if len(w) > PREFIX and w.isalpha()]


def _entry(path: Path, n: int, header: dict, raw: object) -> Entry:
    """One line: {"article" | "paragraph" | "page": unit, "sr", "en"} under a one-source header, or
    {"source": path, "sr", "en"} (a whole document) under a {"documents": true} header."""
    unit_key = "source" if header.get("documents") else next(
        (u for u in LOCATED if isinstance(raw, dict) and u in raw), "article")
    if not isinstance(raw, dict) or set(raw) != {unit_key, "sr", "en"}:
        raise ConfigError(f"{path}:{n}: an entry needs exactly the keys {unit_key}, sr, en; got {raw!r}")
    if not all(isinstance(raw[k], str) for k in (unit_key, "sr", "en")) or not raw[unit_key].strip():
        raise ConfigError(f"{path}:{n}: {unit_key}, sr and en must be strings, {unit_key} non-empty; got {raw!r}")
    if unit_key == "source":
        return Entry(raw["source"].strip(), "", raw["sr"].strip(), raw["en"].strip(), "document")
    return Entry(header["source"], raw[unit_key].strip(), raw["sr"].strip(), raw["en"].strip(), unit_key)


def read_file(path: Path) -> list[Entry]:
    """One file's entries; a ConfigError names the file, the line and the reason."""
    lines = [(n, line) for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if line.strip()]
    if not lines:
        raise ConfigError(f"{path}: empty subject-index file")
    records = []
    for n, line in lines:
        try:
            records.append((n, json.loads(line)))
        except json.JSONDecodeError as e:
            raise ConfigError(f"{path}:{n}: not valid JSON ({e.msg})") from e
    n, header = records[0]
    if not isinstance(header, dict) or not (header.get("documents") is True or (
            isinstance(header.get("source"), str) and header["source"])):
        raise ConfigError(f"{path}:{n}: the first line must be a header with the corpus 'source' "
                          "(or \"documents\": true for one entry per document)")
    return [_entry(path, m, header, raw) for m, raw in records[1:]]


@lru_cache(maxsize=4)
def load_entries(directory: Path = DATA_DIR) -> tuple[Entry, ...]:
    """Every entry with phrases, in file and line order (an empty entry indexes nothing)."""
    if not Path(directory).is_dir():
        return ()
    return tuple(e for p in sorted(Path(directory).glob("*.jsonl")) for e in read_file(p) if e.sr or e.en)


def unit_chunks(chunks: Iterable) -> dict[tuple[str, str, str], tuple[int, str]]:
    """{Entry.key: (position, id) of the unit's first chunk} for every unit the chunks
    hold: a document, an article, an ECtHR paragraph, a bulletin page."""
    first: dict[tuple[str, str, str], tuple[int, str]] = {}
    for pos, c in enumerate(chunks):
        first.setdefault((c.source, "document", ""), (pos, c.id))
        for unit in LOCATED:
            value = getattr(c, unit, None)
            if value is not None:
                first.setdefault((c.source, unit, str(value)), (pos, c.id))
    return first


class SubjectIndex:
    """BM25 over the entries whose unit the loaded index holds. A row stands for its
    unit's first chunk (an article's, a paragraph's, a document's); the searcher's collapse
    step joins the unit's pieces."""

    def __init__(self, entries: Iterable[Entry], chunks: Iterable) -> None:
        first = unit_chunks(chunks)
        rows: dict[tuple[int, str], list[str]] = {}
        for e in entries:
            at = first.get(e.key)
            if at is not None:  # a unit this index does not hold is skipped
                rows.setdefault(at, []).extend(e.tokens())
        self.positions = np.array([pos for pos, _ in rows], dtype=np.int64)
        self.chunk_ids = [cid for _, cid in rows]
        self._bm25 = None
        if rows:
            self._bm25 = bm25s.BM25(b=LENGTH_NORMALISATION)
            self._bm25.index(list(rows.values()), show_progress=False)

    def __len__(self) -> int:
        return len(self.chunk_ids)

    def query(self, tokens: list[str], k: int, allowed: Collection[int] | None = None) -> list[str]:
        """Chunk ids of the best-described articles, best first; only articles whose first
        chunk is in `allowed` (row positions of the searcher) when given."""
        if self._bm25 is None or k <= 0:
            return []
        ids = self._bm25.get_tokens_ids(tokens)
        if not ids:
            return []
        scores = self._bm25.get_scores_from_ids(ids)
        if allowed is not None:
            scores = np.where(np.isin(self.positions, np.fromiter(allowed, dtype=np.int64, count=len(allowed))),
                              scores, 0.0)
        hits = np.flatnonzero(scores > 0)
        order = sorted(hits.tolist(), key=lambda r: (-float(scores[r]), r))[:k]
        return [self.chunk_ids[r] for r in order]

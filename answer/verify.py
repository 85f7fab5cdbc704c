"""Check an answer text against the hits it claims to cite, sentence by sentence.

For every sentence: each [n] must name a retrieved chunk (1..len(hits)); each quoted
span „…“ / “…” / "…" must match the chunk it cites; each article number it mentions
("član 388", "čl. 254", "Article 15", "§ 281") must exist in a chunk it cites; a
sentence that states something (4+ words) without any [n] is flagged. `repair` keeps
only the sentences without issues. Both answerers run this; for the extractive one it
is a self-check, for an LLM it is the guard against made-up sources.

Matching uses the retrieval normalisation (Latin, lowercase, no diacritics) with
punctuation reduced to spaces, so a Cyrillic source quoted in Latin still matches.
Does not judge whether the cited words support the claim: only that they exist.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from retrieval.analyzer import normalize
from retrieval.hit import Hit

from answer.phrases import NOT_FOUND_MARKERS

# partial_ratio >= 90 on the normalised text: tolerates about one changed character
# in ten (a dropped comma, an inflection the model "fixed", "..." for an elided word)
# while a sentence made up in the vocabulary of the source scores far lower (the
# fabricated quotes in tests/test_answer_verify.py score 45-75). Quotes shorter than
# MIN_FUZZY_CHARS must match exactly: a short string finds a fuzzy partner anywhere.
QUOTE_MIN_SCORE = 90.0
MIN_FUZZY_CHARS = 20
MIN_CLAIM_WORDS = 4

MARKER = re.compile(r"\[(\d+(?:\s*[,;]\s*\d+)*)\]")
_QUOTES = (re.compile(r"„([^“”]+)[“”]"), re.compile(r"“([^”]+)”"), re.compile(r'"([^"]+)"'))
# A sentence ends at ".", "!" or "?" (perhaps inside a closing quote), or at a closing
# quote followed by a marker, with its markers, before a capital, a quote or a bullet
# (not before "[" or "(": a marker or a label in brackets belongs to the sentence before).
_SENT_END = re.compile(
    r"(?:[.!?][“”\"]?(?:\s*\[\d+(?:\s*[,;]\s*\d+)*\])*|[“”\"](?:\s*\[\d+(?:\s*[,;]\s*\d+)*\])+)"
    r"(?=\s+[„“\"A-ZČĆŠŽĐЂЈЉЊЋЏА-Я*-])"
)
_NO_BREAK = re.compile(r"(?:\d|\b\w|\b(?:čl|st|tač|br|tj|npr|sl|gl|no|art|para|чл|ст|тач|бр))$", re.I)
_ARTICLE_MENTIONS = (
    # Suffixes as folded by normalize: "21ž" -> "21z", "12lj" -> "12lj", "5dž" -> "5dz".
    re.compile(r"\b(?:clan(?:a|u|om|ovi|ova|ovima)?|cl\.)\s*(\d+[a-z]{0,2})\b"),
    re.compile(r"\b(?:article|art\.)\s*(\d+[a-z]{0,2})\b"),
    re.compile(r"(?:§|\bparagraph|\bpara\.)\s*(\d+)\b"),
)


@lru_cache(maxsize=4096)
def _norm_char(c: str) -> str:
    return normalize(c)


def key_with_map(text: str) -> tuple[str, list[int]]:
    """Normalised text with punctuation as single spaces, and for each of its characters
    the index of the source character it came from (to cut the source's own words)."""
    out: list[str] = []
    idx: list[int] = []
    for i, c in enumerate(text):
        for k in _norm_char(c):
            if k.isalnum():
                out.append(k)
                idx.append(i)
            elif out and out[-1] != " ":
                out.append(" ")
                idx.append(i)
    return "".join(out).strip(), idx


def key(text: str) -> str:
    return key_with_map(text)[0]


def match_quote(quote: str, text: str) -> tuple[float, tuple[int, int] | None]:
    """(score 0..100, source span (start, end) in `text` or None) of `quote` in `text`.
    An ellipsis splits the quote into parts that must each match."""
    parts = [p for p in re.split(r"…|\.\.\.", quote) if key(p)]
    if not parts:
        return 0.0, None
    tkey, tmap = key_with_map(text)
    scores, spans = [], []
    for part in parts:
        q = key(part)
        pos = tkey.find(q)
        if pos >= 0:
            scores.append(100.0)
            spans.append((pos, pos + len(q)))
        elif len(q) < MIN_FUZZY_CHARS:
            scores.append(0.0)
        else:
            al = fuzz.partial_ratio_alignment(q, tkey)
            scores.append(al.score)
            spans.append((al.dest_start, al.dest_end))
    score = min(scores)
    if score < QUOTE_MIN_SCORE or not spans:
        return score, None
    a, b = spans[0][0], spans[-1][1]
    return score, (tmap[a], tmap[max(a, b - 1)] + 1)


def source_words(text: str, span: tuple[int, int]) -> str:
    """The source's words around a matched span, widened to whole words."""
    a, b = span
    while a > 0 and text[a - 1].isalnum():
        a -= 1
    while b < len(text) and text[b].isalnum():
        b += 1
    return " ".join(text[a:b].split())


def split_sentences(text: str) -> list[tuple[int, str]]:
    """(line number, sentence) pairs; a marker after the full stop stays with its sentence
    and a full stop inside a quotation does not end one."""
    out = []
    for li, line in enumerate(text.split("\n")):
        inside = [(s, e) for _, s, e in quote_spans(line)]
        a = 0
        for m in _SENT_END.finditer(line):
            period = line[m.start()] in ".!?"
            if any(s < m.end() < e for s, e in inside) or (period and _NO_BREAK.search(line[max(a, m.start() - 5) : m.start()])):
                continue
            out.append((li, line[a : m.end()].strip()))
            a = m.end()
        if line[a:].strip():
            out.append((li, line[a:].strip()))
    return [(li, s) for li, s in out if s]


def quote_spans(text: str) -> list[tuple[str, int, int]]:
    """(quoted text, start, end), in order: „…“ first, then “…”, then "…", each kind
    searched with the quotes already found blanked out, so the closing “ of a Serbian
    quote never opens an English one."""
    found: list[tuple[str, int, int]] = []
    masked = text
    for rx in _QUOTES:
        for m in rx.finditer(masked):
            found.append((text[m.start(1) : m.end(1)], m.start(), m.end()))
            masked = masked[: m.start()] + " " * (m.end() - m.start()) + masked[m.end() :]
    return sorted(found, key=lambda f: f[1])


def _quotes(sentence: str) -> list[tuple[str, int]]:
    return [(q, e) for q, _, e in quote_spans(sentence)]


@dataclass
class QuoteCheck:
    quote: str
    n: int | None  # the source it matched (or was attributed to)
    score: float
    source_text: str | None  # the source's own words it matched

    @property
    def ok(self) -> bool:
        return self.source_text is not None


@dataclass
class SentenceCheck:
    line: int
    text: str
    numbers: list[int]
    quotes: list[QuoteCheck] = field(default_factory=list)
    issues: list[str] = field(default_factory=list)


@dataclass
class Report:
    sentences: list[SentenceCheck]
    n_sources: int

    @property
    def ok(self) -> bool:
        return not any(s.issues for s in self.sentences)

    @property
    def issues(self) -> list[str]:
        return [f"{i}: {s.text[:80]}" for s in self.sentences for i in s.issues]

    def number_ok(self, n: int) -> bool:
        """[n] names a retrieved chunk and no sentence citing it failed a check."""
        return 1 <= n <= self.n_sources and not any(n in s.numbers and s.issues for s in self.sentences)


def _in_range(num: str, article: str) -> bool:
    """A deleted group is one unit with a range locator ("188-189"): it holds 188 and 189."""
    m = re.fullmatch(r"(\d+)[a-z]*-(\d+)[a-z]*", article)
    n = re.match(r"\d+", num)
    return bool(m and n) and int(m[1]) <= int(n.group()) <= int(m[2])


def _article_exists(num: str, hits: list[Hit]) -> bool:
    for h in hits:
        c = h.chunk
        article = normalize(str(c.article or ""))  # compared folded, like the mention
        if num in {article, str(c.paragraph or ""), str(c.metadata.get("amending_article", ""))}:
            return True
        if _in_range(num, article):
            return True
        where = normalize(" ".join(filter(None, (c.heading, c.section, c.text))))
        if re.search(rf"(?:\bclan\w*|\bcl\.|\barticle|\bart\.|§|\bpara\w*\.?)\s*{re.escape(num)}\b", where):
            return True
    return False


def check(text: str, hits: list[Hit]) -> Report:
    sentences = []
    for li, s in split_sentences(text):
        nums = [int(x) for m in MARKER.finditer(s) for x in re.split(r"[,;]", m.group(1))]
        sentences.append(SentenceCheck(li, s, nums))
    cited_all = {n for sc in sentences for n in sc.numbers if 1 <= n <= len(hits)}
    for sc in sentences:
        good = [n for n in sc.numbers if 1 <= n <= len(hits)]
        sc.issues += [f"citation [{n}] names no retrieved source" for n in sc.numbers if n not in good]
        for q, end in _quotes(sc.text):
            after = [int(m.group(1).split(",")[0]) for m in MARKER.finditer(sc.text, end)]
            cands = [after[0]] if after and after[0] in good else good
            best = QuoteCheck(q, cands[0] if cands else None, 0.0, None)
            for n in cands:
                text_n = hits[n - 1].chunk.text
                score, span = match_quote(q, text_n)
                if span and (not best.ok or score > best.score):
                    best = QuoteCheck(q, n, score, source_words(text_n, span))
                elif not best.ok and score > best.score:
                    best = QuoteCheck(q, n, score, None)
            sc.quotes.append(best)
            if not best.ok:
                sc.issues.append(f"quote not found in the cited source: „{q[:60]}“")
        scope = [hits[n - 1] for n in (good or sorted(cited_all))]
        for rx in _ARTICLE_MENTIONS:
            for m in rx.finditer(normalize(sc.text)):
                if not _article_exists(m.group(1), scope):
                    sc.issues.append(f"article {m.group(1)} is in no cited source")
        words = re.findall(r"\w+", MARKER.sub("", sc.text))
        claims = len(words) >= MIN_CLAIM_WORDS and not sc.text.rstrip("*_ ").endswith(":")
        if not sc.numbers and claims and not any(k in normalize(sc.text) for k in NOT_FOUND_MARKERS):
            sc.issues.append("sentence cites no source")
    return Report(sentences, len(hits))


def repair(report: Report) -> str:
    """The answer with every sentence that failed a check dropped (line layout kept)."""
    lines: dict[int, list[str]] = {}
    for s in report.sentences:
        if not s.issues:
            lines.setdefault(s.line, []).append(s.text)
    return "\n".join(" ".join(parts) for _, parts in sorted(lines.items()))

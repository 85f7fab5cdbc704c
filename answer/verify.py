"""Check an answer text against the hits it claims to cite, sentence by sentence.

For every sentence: each [n] must name a retrieved chunk (1..len(hits)); each quoted
span „…“ / “…” / "…" must match the chunk it cites; each article number it mentions
("član 388", "čl. 254", "Article 15", "§ 281") must exist in a corpus chunk it cites
(a user's document numbering its own "article 999" confirms nothing); its numbers,
time limits and negations outside the quotes must agree with the cited chunks
(answer.verify_facts); a user's document it cites must not instruct, link or embed
(answer.untrusted); the sentence itself must carry no link, image or HTML; and a
sentence that states something (4+ words) without any [n] is flagged. Each problem is
an `Issue` record with a code (answer.verify_issues). `repair` keeps only the
sentences without issues. Both answerers run this; for the extractive one it is a
self-check, for an LLM it is the guard against made-up sources and changed facts.

Quotations are matched by answer.quotes (normalised, so a Cyrillic source quoted in
Latin still matches). Does not judge whether the cited words support the claim
beyond those checks.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from core.text import normalize
from retrieval.hit import Hit

from answer.phrases import NOT_FOUND_MARKERS
from answer.quotes import QUOTE_MIN_SCORE, key, key_with_map, match_quote, source_words  # noqa: F401 (re-exported)
from answer.untrusted import embedded, is_user_source, untrusted_reasons
from answer.verify_facts import fact_issues
from answer.verify_issues import Issue

MIN_CLAIM_WORDS = 4

MARKER = re.compile(r"\[(\d+(?:\s*[,;]\s*\d+)*)\]")
# First a Serbian quote that holds quoted words of its own (a decision naming JKP
# „Vodovod“ Leskovac) and ends at its citation marker: the source's inner marks must not
# end it early.
# The same for an English quote whose source says “no” inside it (an ECtHR paragraph).
_QUOTES = (re.compile(r"„((?:[^„“”]|„[^„“”]*[“”])+)[“”](?=\s*\[\d)"), re.compile(r"„([^“”]+)[“”]"),
           re.compile(r"“((?:[^“”]|“[^“”]*”)+)”(?=\s*\[\d)"), re.compile(r"“([^”]+)”"), re.compile(r'"([^"]+)"'))
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
    issues: list[Issue] = field(default_factory=list)

    def add(self, code: str, **values: object) -> None:
        self.issues.append(Issue.of(code, self.text, **values))


@dataclass
class Report:
    sentences: list[SentenceCheck]
    n_sources: int

    @property
    def ok(self) -> bool:
        return not any(s.issues for s in self.sentences)

    @property
    def issues(self) -> list[Issue]:
        return [i for s in self.sentences for i in s.issues]

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


def outside_quotes(sentence: str) -> str:
    """The sentence's own words: its quotations blanked out."""
    for _, a, b in reversed(quote_spans(sentence)):
        sentence = sentence[:a] + " " + sentence[b:]
    return sentence


def check(text: str, hits: list[Hit], abstained: bool | None = None) -> Report:
    """Check `text` against `hits`. A sentence that says nothing was found ("Nisam
    pronašao…", "Izvori ne sadrže: …") needs no citation and negates nothing the sources
    say. `abstained`: whether `text` is an abstention we composed (the answer record's
    field; its sentences without a citation are those statements), or None for a
    model's free text, which only its words can tell (NOT_FOUND_MARKERS)."""
    sentences = []
    for li, s in split_sentences(text):
        nums = [int(x) for m in MARKER.finditer(s) for x in re.split(r"[,;]", m.group(1))]
        sentences.append(SentenceCheck(li, s, nums))
    cited_all = {n for sc in sentences for n in sc.numbers if 1 <= n <= len(hits)}
    distrust = {n: untrusted_reasons(_source_text(hits[n - 1].chunk)) for n in cited_all
                if is_user_source(hits[n - 1].chunk)}
    for sc in sentences:
        good = [n for n in sc.numbers if 1 <= n <= len(hits)]
        for n in sc.numbers:
            if n not in good:
                sc.add("bad_number", n=n)
        _check_quotes(sc, good, hits)
        cited = good or sorted(cited_all)
        own = outside_quotes(sc.text)
        # A user's document may number its own "article 999": only the corpus confirms one.
        scope = [hits[n - 1] for n in cited if not is_user_source(hits[n - 1].chunk)]
        for rx in _ARTICLE_MENTIONS:
            for m in rx.finditer(normalize(sc.text)):
                if not _article_exists(m.group(1), scope):
                    sc.add("bad_article", article=m.group(1))
        if abstained is None:  # an LLM's own words are all there is to go by
            says_not_found = any(k in normalize(sc.text) for k in NOT_FOUND_MARKERS)
        else:
            says_not_found = abstained and not sc.numbers
        if not says_not_found:  # "Izvori ne sadrže: …" negates nothing the sources say
            for code, values in fact_issues(MARKER.sub(" ", own), [hits[n - 1].chunk.text for n in cited]):
                sc.add(code, **values)
        for n in good:
            if distrust.get(n):
                sc.add("untrusted", n=n, reason=", ".join(distrust[n]))
        if embedded(own):
            sc.add("markup", what=", ".join(embedded(own)))
        words = re.findall(r"\w+", MARKER.sub("", sc.text))
        claims = len(words) >= MIN_CLAIM_WORDS and not sc.text.rstrip("*_ ").endswith(":")
        if not sc.numbers and claims and not says_not_found:
            sc.add("no_source")
    return Report(sentences, len(hits))


def _source_text(chunk) -> str:
    return "\n".join(filter(None, (chunk.heading, chunk.title, chunk.text)))


def _check_quotes(sc: SentenceCheck, good: list[int], hits: list[Hit]) -> None:
    """Each quotation of the sentence against the source its marker names (else any it cites)."""
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
            sc.add("bad_quote", quote=q[:60])


def repair(report: Report) -> str:
    """The answer with every sentence that failed a check dropped (line layout kept)."""
    lines: dict[int, list[str]] = {}
    for s in report.sentences:
        if not s.issues:
            lines.setdefault(s.line, []).append(s.text)
    return "\n".join(" ".join(parts) for _, parts in sorted(lines.items()))

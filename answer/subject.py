"""The question's subject terms, and whether the retrieved sources hold them at all.

"Kolika je akciza na cigarete?": the rarest words of a question ("akciza", "cigarete")
name what it is about. When no retrieved unit holds them, the sources are about
something else that shares the common words ("kolika", "je"), and quoting them would
answer a question nobody asked: the subject is missing. When they are held, the quote
that leads an answer must hold one of them itself (`meets`), not merely sit in a chunk
or a hit list that does.

Rarity is the whole index's IDF (`retrieval.term_stats`, carried on each Hit), over the
terms of `answer.sentences.query_terms`, so English words meet Serbian statutes through
the glossary. Pure functions.
"""
from __future__ import annotations

from dataclasses import dataclass

from retrieval.analyzer import analyze, token_spans
from retrieval.hit import Hit

from answer.config import ANSWER
from answer.sentences import Term, idf_table, query_terms

# The rarity levels (rare_idf, missing_share, key_terms, min_key_idf, second_key_idf)
# and where each was tuned: answer.config.AnswerConfig.


# Words that ask rather than name ("u kom roku", "which"): rare in statutes, never a subject.
_ASKING = frozenset(analyze("kom koji koja koje kojim kojoj kome čemu šta sta kada kako koliko kolika koliki zašto gde "
                            "which what when how who whom whose why where "
                            # counting words of a story ("Dvojica trgovaca", "ceo iznos"): never its subject
                            "dvojica trojica dvoje troje ceo cela celu celog jedan jedna jednog drugi druga drugog "
                            "sve svi svu "
                            # "Da li je X legalno?" asks for a permission; X is the subject
                            "legalan legalna legalno legalni", "serbian")) | frozenset(
    analyze("which what when how who whom whose why where because whether one two three whole both", "english"))


def _acronym(word: str) -> bool:
    """"PDV", "ПДВ": two to six capital letters."""
    return 2 <= len(word) <= 6 and word.isalpha() and word.isupper()


@dataclass(frozen=True)
class Subject:
    terms: list[Term]
    idf: dict[Term, float]
    words: dict[Term, str]  # a term -> the question's word for it, as written

    @property
    def key(self) -> list[Term]:
        return self.key_terms(True)

    def key_terms(self, same_language: bool, held_by: set[str] | None = None) -> list[Term]:
        """The ANSWER.key_terms rarest terms a quote can be asked to hold: across languages only
        those the glossary translates; with `held_by` (every retrieved unit's tokens),
        only those some unit holds: a word no source uses ("subjektivni rok", a
        doctrine's name) cannot be asked of the quote, a word the sources use can."""
        ranked = sorted((t for t in self.terms if self.idf[t] >= ANSWER.min_key_idf and (same_language or len(t) > 1)
                         and not set(t) & _ASKING and (held_by is None or held(t, held_by))),
                        key=lambda t: -self.idf[t])
        return ranked[:ANSWER.key_terms]

    @property
    def rare(self) -> list[Term]:
        return sorted((t for t in self.terms if self.idf[t] >= ANSWER.rare_idf and not set(t) & _ASKING),
                      key=lambda t: -self.idf[t])


def subject_of(question: str, hits: list[Hit]) -> Subject:
    terms = query_terms(question)
    stats = next((h.stats for h in hits if h.stats is not None), None)
    docs = [set(analyze(h.chunk.text)) for h in hits] if stats is None else []
    idf = idf_table(docs, terms, stats)
    # token_spans gives offsets into the normalised text (Cyrillic is converted, "њ" is
    # two letters): map them back to the question as written.
    from retrieval.sources.absent_text import QuestionText

    qt = QuestionText(question)
    spans = {tok: qt.original(a, b) for tok, a, b in token_spans(qt.norm)}
    words = {t: next((spans[a] for a in t if a in spans), t[0]) for t in terms}
    return Subject(terms, idf, words)


def held(term: Term, tokens: set[str]) -> bool:
    return any(a in tokens for a in term)


def missing(subject: Subject, hit_tokens: list[set[str]], same_language: bool = True) -> list[str]:
    """The question's words for rare terms that no retrieved unit holds, rarest first,
    when they make the question's subject missing: its rarest term is held nowhere and
    the missing ones weigh at least ANSWER.missing_share of all its terms. [] otherwise.
    same_language: some hit is written in the question's language; when none is, only
    the terms the glossary translates can be judged ("knowingly" against a Serbian
    statute is unknown there, not missing)."""
    rare = [t for t in subject.rare if same_language or len(t) > 1]
    if not rare:
        return []
    everywhere = set().union(*hit_tokens) if hit_tokens else set()
    absent = [t for t in rare if not held(t, everywhere)]
    # An abbreviation names its subject outright ("PDV", "APR"): none of the sources
    # holding it is enough, however many common words the question has besides.
    acronyms = [subject.words[t] for t in absent if _acronym(subject.words[t])]
    if acronyms:
        return acronyms
    if not absent or absent[0] != rare[0]:
        return []
    total = sum(subject.idf[t] for t in subject.terms if (same_language or len(t) > 1) and not set(t) & _ASKING)
    if sum(subject.idf[t] for t in absent) < ANSWER.missing_share * total:
        return []
    return [subject.words[t] for t in absent]


def meets(subject: Subject, tokens: set[str], same_language: bool = True, held_by: set[str] | None = None) -> bool:
    """Whether a quote's tokens hold one of the question's key terms (True when the
    question has none: nothing to meet)."""
    key = subject.key_terms(same_language, held_by)
    # The rarest word the sources use names the subject ("marihuana" in "Da li je
    # marihuana legalna …"); the next one, when common, is met by anything on the topic.
    if not key:
        return True
    return held(key[0], tokens) and (len(key) < 2 or subject.idf[key[1]] < ANSWER.second_key_idf or held(key[1], tokens))

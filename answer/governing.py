"""The law that governs what a question asks about, when the corpus does not hold it:
`governing_law`.

    governing_law("Kako moja klijentkinja može da stekne srpsko državljanstvo?")
    -> Governed("citizenship", "sticanje državljanstva", "Zakon o državljanstvu Republike Srbije", …)

Some subjects a victim's lawyer asks about are governed by one Serbian law that the
bundled corpus does not contain (citizenship, unemployment benefit, a place in a
kindergarten, recognising a foreign school certificate, an identity card, …). Quoting
whatever shares the question's words ("lice bez državljanstva" in the Law on
Foreigners) would answer a question nobody asked; the answer says which law governs it
instead (`answer.decide`: `subject_missing`). The subjects are data
(`answer/data/governing_laws.json`): groups of alternatives, all of which the question's
own closing question must meet (a story's background may mention citizenship without
asking about it), and words that undo the match ("bez državljanstva"), in that question
or, for a few, anywhere in the story ("stečaj" before "a state fund": the wage guarantee
fund, which the corpus holds).

`held` says whether a retrieved document is that law (an index built from the full
snapshot of Serbian legislation holds it, and then nothing is missing). Pure functions;
words compare as `retrieval.analyzer.words` gives them (Cyrillic, Latin and
no-diacritics forms alike). Does not decide anything.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from core.store import read_data_list
from core.text import normalize
from retrieval.analyzer import words
from retrieval.hit import Hit
from retrieval.config import RANKING
from retrieval.intents import asked_sentence, own_question, premise
from retrieval.word_groups import alternative, find

DATA = Path(__file__).parent / "data" / "governing_laws.json"


@dataclass(frozen=True)
class Governed:
    id: str
    subject: str   # as shown: "sticanje državljanstva"
    law: str       # the law's name, or "" when the subject spans several
    title: str     # words of the law's title, folded, that a document holding it carries

    @property
    def detail(self) -> str:
        return f"{self.subject} — {self.law}" if self.law else self.subject


_Alt = tuple[str, ...]  # a word, a prefix ("drzavljanstv*") or a phrase: retrieval.word_groups


_Groups = tuple[tuple[_Alt, ...], ...]


@lru_cache(maxsize=2)
def _entries(path: str) -> tuple[tuple[Governed, _Groups, _Groups, _Groups], ...]:
    raw = read_data_list(path, "subjects", "governing-laws")
    out = []
    for i, e in enumerate(raw):
        try:
            g = Governed(e["id"], e["subject"], e["law"], normalize(e["title"]))
            groups = tuple(tuple(alternative(a) for a in group) for group in e["when"])
            unless = tuple(tuple(alternative(a) for a in group) for group in e.get("unless", []))
            # Words anywhere in a story that undo it: "a state fund" after "the firm went
            # bankrupt" is the wage guarantee fund, not a fund for crime victims.
            told = tuple(tuple(alternative(a) for a in group) for group in e.get("unless_told", []))
        except (KeyError, TypeError, AttributeError) as err:
            raise ValueError(f"{path}: subject {i} needs id, subject, law, title and 'when' groups ({err!r})") from err
        if not groups or not all(groups) or not all(all(alt) for group in groups for alt in group) or not g.title:
            raise ValueError(f"{path}: subject {i} ({e.get('id')!r}) has an empty group, alternative or title")
        out.append((g, groups, unless, told))
    return tuple(out)


def governing_law(question: str, path: Path = DATA) -> Governed | None:
    """The first subject of the table whose every group the question's own question
    (`retrieval.intents.own_question`: a story's asked sentence, with what its "ta molba"
    points back to) meets (and none of its 'unless' groups), or None. After a short
    background the sentence right before the asked one is read with it too
    (`retrieval.intents.premise`): "Društvo nije prijavilo stvarnog vlasnika
    Centralnoj evidenciji. Do kada je to moralo?" asks about that register, while "… je
    dobila državljanstvo. Gazda joj nije platio. Kako da ga tuži?" does not ask about
    citizenship. The premise must meet the subject on its own; the 'unless' words count
    in the premise and the asked sentence together."""
    entries = _entries(str(path))

    whole = words(normalize(question))

    def met(toks: list[str], unless_toks: list[str]) -> Governed | None:
        for i in sorted(_openers(toks, str(path))):
            g, groups, unless, told = entries[i]
            if all(any(find(toks, a) for a in group) for group in groups) and \
                    not any(any(find(unless_toks, a) for a in group) for group in unless) and \
                    not any(any(find(whole, a) for a in group) for group in told):
                return g
        return None

    own = words(own_question(question))
    found = met(own, own)
    before = premise(question, RANKING.ask_dense_background)
    if found is None and before:
        # The premise alone must name the subject: words of the story's facts do not
        # complete a subject its question only touches ("uzeo pasoš" + "prelazak granice").
        found = met(words(normalize(before)), words(normalize(before + " " + asked_sentence(question))))
    return found


@lru_cache(maxsize=2)
def _first_words(path: str) -> tuple[dict[str, set[int]], dict[int, dict[str, set[int]]], set[int]]:
    """The first group's opening words, indexed: (exact word -> subjects, prefix length ->
    prefix -> subjects, subjects whose first group opens with "#child")."""
    exact: dict[str, set[int]] = {}
    prefixes: dict[int, dict[str, set[int]]] = {}
    child: set[int] = set()
    for i, (_, groups, _, _) in enumerate(_entries(path)):
        for alt in groups[0]:
            w = alt[0]
            if w == "#child":
                child.add(i)
            elif w.endswith("*"):
                prefixes.setdefault(len(w) - 1, {}).setdefault(w[:-1], set()).add(i)
            else:
                exact.setdefault(w, set()).add(i)
    return exact, prefixes, child


def _openers(toks: list[str], path: str) -> set[int]:
    """The subjects whose first group the question may meet: one of its words opens an
    alternative of that group. With 200 subjects, testing every group of every subject
    took 13 ms a question; this index leaves a handful to test."""
    exact, prefixes, child = _first_words(path)
    out = set(child) if any(t.isdigit() for t in toks) else set()
    for t in toks:
        out |= exact.get(t, set())
        for n, table in prefixes.items():
            if len(t) >= n:
                out |= table.get(t[:n], set())
    return out


def held(g: Governed, hits: list[Hit]) -> bool:
    """Whether a retrieved document is the law that governs the subject."""
    return any(g.title in normalize(h.document.title if h.document else h.chunk.title) for h in hits)

"""From a client's story to the facts that matter: `find_facts`, `asks`, `is_story`.

    find_facts("Moja klijentkinja je državljanka Nigerije, radila je u kafani bez plate.")
    -> (Fact("victim_foreign", ("državljanka Nigerije",)),
        Fact("exploitation_labour", ("radila je u kafani bez plate",)), Fact("unpaid_wages", ("bez plate",)))

It matches the trigger phrases of `pathways/triggers.json` (syntax in its "_doc";
compiled by `pathways.triggers`) against the question's words, each taken through the
project's analyzer (`normalize`: Cyrillic -> Latin, lowercase, diacritics folded;
Snowball `stem` where a trigger asks for it), so Serbian Latin with or without diacritics, Cyrillic (Latin letters mixed in) and English
meet the same triggers. `Fact.words` are the phrases that triggered a fact, cut from the
question as the user wrote it, so the UI can show why. Negation is handled where it flips
the meaning: a negator up to four words before a trigger, inside it or just after it in
its clause drops it ("nije maloletna", "was not convicted", "optužnica nije podignuta");
triggers that carry their own negation ("nije prijavila", "never paid") are exempt.

It deliberately does not parse sentences, work out who did what to whom, infer a fact
from the topic, or learn. Precision before recall: a missing fact can still be ticked on
the checklist, a wrong one offers a route the story does not support; so triggers are
specific phrases ("radila u kafani", not "kafana"), a law's title ("Zakon o strancima")
never counts, and the ambiguous is left out. Pure and deterministic; compiled once, a
question then costs well under a millisecond.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cached_property, lru_cache

from pathways.model import ASKS, FACTS
from pathways.triggers import trigger_table, word_keys
from core.text import normalize

_WORD = re.compile(r"[^\W_]+")
_SENTENCE_END = re.compile(r"[!?;]")  # and "." before a capital: "čl. 254 ZKP" is one sentence
_CLAUSE_END = re.compile(r"[,:()\[\]\"“”„–—]|\s-\s")  # negation never crosses a clause
NEG_BEFORE, NEG_AFTER = 4, 2  # "nije još bila maloletna"; "optužnica nije podignuta"
_AND = frozenset({"i", "a", "pa", "te", "ili", "and", "or"})  # ends the look after a match


@dataclass(frozen=True)
class Fact:
    id: str                  # one of pathways.model.FACTS
    words: tuple[str, ...]   # the phrases of the question that triggered it, as written


@dataclass(frozen=True)
class _Token:
    text: str        # as written
    start: int
    end: int
    norm: str        # analyzer.normalize(text)
    keys: frozenset  # the trigger terms it can meet
    sentence: int
    clause: int


@lru_cache(maxsize=65536)
def _word(written: str) -> tuple[str, frozenset]:
    """A written word -> its normalised form and every key it can meet: itself, both
    stems, the wildcard prefixes it starts with, a child's age or a year, past tense."""
    c, norm = trigger_table(), normalize(written)
    keys = word_keys(norm) | {"_"} | {"p:" + norm[:n] for n in range(1, len(norm) + 1) if norm[:n] in c.prefixes}
    if norm.isdigit():
        keys |= {"#num"} | ({"#child"} if 1 <= int(norm) <= 17 else set()) | ({"#year"} if 1950 <= int(norm) <= 2035 else set())
    elif norm not in c.not_participle:
        keys |= {"#past_" + lang for lang, rx in c.participle.items() if rx.fullmatch(norm)}
    return norm, frozenset(keys)


def _tokens(text: str) -> tuple[_Token, ...]:
    out: list[_Token] = []
    sentence = clause = prev_end = 0
    for m in _WORD.finditer(text):
        norm, keys = _word(m.group())
        between = text[prev_end:m.start()]
        if out and (_SENTENCE_END.search(between) or "." in between and m.group()[0].isupper()):
            sentence, clause = sentence + 1, clause + 1
        elif out and (_CLAUSE_END.search(between) or norm in trigger_table().breaks):
            clause += 1
        out.append(_Token(m.group(), m.start(), m.end(), norm, keys, sentence, clause))
        prev_end = m.end()
    return tuple(out)


def _match(tokens: tuple[_Token, ...], terms, pos: list[int]) -> list[int] | None:
    """Positions of all the trigger's terms, the first ones already at `pos`."""
    if len(pos) == len(terms):
        return pos
    i = pos[-1]
    keys, gap = terms[len(pos)]
    for j in range(i + 1, min(len(tokens), i + 2 + gap)):
        if tokens[j].sentence != tokens[i].sentence:
            break
        if keys & tokens[j].keys and (found := _match(tokens, terms, pos + [j])):
            return found
    return None


def _negated(tokens: tuple[_Token, ...], pos: tuple[int, ...], negators: frozenset) -> bool:
    """A negator a few words before, inside or just after the match, in its clause(s)."""
    clauses = {tokens[pos[0]].clause, tokens[pos[-1]].clause}
    near = list(range(max(0, pos[0] - NEG_BEFORE), pos[-1] + 1))
    for k in range(pos[-1] + 1, min(len(tokens), pos[-1] + 1 + NEG_AFTER)):
        if tokens[k].norm in _AND:  # "državljanka Nigerije i ne razume srpski": not her nationality
            break
        near.append(k)
    return any(tokens[k].norm in negators and tokens[k].clause in clauses for k in near if k not in pos)


@dataclass(frozen=True)
class _Analysis:
    text: str
    tokens: tuple[_Token, ...]
    matches: dict  # group -> [(positions, trigger)], before negation and exceptions

    @cached_property
    def asking(self) -> frozenset[int]:
        """The sentences that end in "?" (asks and is_story of one question share it)."""
        t = self.tokens
        return frozenset(tok.sentence for k, tok in enumerate(t)
                         if "?" in self.text[tok.end:t[k + 1].start if k + 1 < len(t) else None])

    def spans(self, name: str, kind: str) -> list[tuple[int, int]]:
        """(first, last) token of the matches that stand: not negated, and using no word
        an exception claims (a law's title, the victim's own child, "injured party")."""
        blocked = {k for group in ("except", "except:" + name) for pos, _ in self.matches.get(group, ())
                   for k in range(pos[0], pos[-1] + 1)}
        negators = trigger_table().negators
        return [(pos[0], pos[-1]) for pos, trig in self.matches.get(f"{kind}:{name}", ())
                if not blocked.intersection(pos) and not (trig.negatable and _negated(self.tokens, pos, negators))]


@lru_cache(maxsize=256)
def _analyse(question: str) -> _Analysis:
    """Every trigger match of a question, in one pass; find_facts, asks and is_story of
    one question share it."""
    text = unicodedata.normalize("NFC", question)
    tokens = _tokens(text)
    index = trigger_table().index
    matches: dict[str, list] = {}
    for i, tok in enumerate(tokens):
        # A trigger indexed under several keys of this word is tried once.
        for trig in {id(t): t for key in tok.keys for t in index.get(key, ())}.values():
            if pos := _match(tokens, trig.terms, [i]):
                matches.setdefault(trig.group, []).append((tuple(pos), trig))
    return _Analysis(text, tokens, matches)


def _phrases(a: _Analysis, spans: list[tuple[int, int]]) -> tuple[str, ...]:
    """The question's own words of each match, overlapping matches joined into one."""
    kept: list[list[int]] = []
    for first, last in sorted(set(spans)):
        if kept and first <= kept[-1][1]:
            kept[-1][1] = max(kept[-1][1], last)
        else:
            kept.append([first, last])
    return tuple(dict.fromkeys(a.text[a.tokens[f].start:a.tokens[l].end] for f, l in kept))


def find_facts(question: str) -> tuple[Fact, ...]:
    """The facts the question states, in pathways.model.FACTS order, each once."""
    a = _analyse(question)
    return tuple(Fact(fid, _phrases(a, spans)) for fid in FACTS if (spans := a.spans(fid, "fact")))


def asks(question: str) -> tuple[str, ...]:
    """What the question asks for (a subset of pathways.model.ASKS, in that order), read
    from the sentences that end in "?" when there are any: the story before them says
    what happened ("nije imala novca za advokata"), not what is wanted."""
    a = _analyse(question)
    t = a.tokens
    asking = a.asking
    return tuple(aid for aid in ASKS
                 if any(not asking or t[first].sentence in asking for first, _ in a.spans(aid, "ask")))


def is_story(question: str, facts: tuple[Fact, ...] | None = None) -> bool:
    """Whether the question tells the facts of a case (someone, what happened to them),
    not only a term or a provision to look up. Evidence is weighed (weights in
    triggers.json "story"): a client or a person, past-tense narration, more than one
    sentence, the facts found. A few words, or no narration at all, is never a story."""
    a = _analyse(question)
    if len(a.tokens) < 6:
        return False
    facts = find_facts(question) if facts is None else facts
    w = trigger_table().weights
    client = bool(a.matches.get("story:client"))
    past = len({pos[0] for pos, _ in a.matches.get("story:past", ())})
    words_in = Counter(t.sentence for t in a.tokens)
    sentences = sum(n >= 4 for n in words_in.values()) >= 2
    if not (client or past or sentences):  # "maloletni stranac bez pratnje": terms, not a case
        return False
    # Two past-tense forms: a search question's relative clause has one at most. A
    # sentence that tells someone's situation before the question is narration too, in
    # the present ("Muž mi ne da da radim …", "I volunteer as a doctor near Šid."). Nobody
    # in it (no client, no person): a case summary or a search phrase, unless the rest is strong.
    narrated = past >= 2 or _tells_someone(a, words_in)
    score = w["fact"] * min(len(facts), 2) + w["past"] * narrated + w["sentences"] * sentences
    score += w["client"] if client else w["person"] if a.matches.get("story:person") else -w["nobody"]
    return score >= w["threshold"]


def _tells_someone(a: _Analysis, words_in: Counter) -> bool:
    """A sentence of four words or more, not one that asks, naming a person or a client,
    before or beside the question the text asks ("?")."""
    asking = a.asking
    told = {a.tokens[pos[0]].sentence for group in ("story:person", "story:client")
            for pos, _ in a.matches.get(group, ())}
    return bool(asking) and any(s not in asking and words_in[s] >= 4 for s in told)


FACT_NAMES: dict[str, dict[str, str]] = trigger_table().names["facts"]
ASK_NAMES: dict[str, dict[str, str]] = trigger_table().names["asks"]

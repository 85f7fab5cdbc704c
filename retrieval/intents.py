"""What kind of provision a question asks for, when its wording says so.

"Definicija trgovine ljudima", "Ko se smatra oštećenim?", "Palermo Protocol definition of
trafficking": the answer is the article that defines terms ("Značenje izraza", "Use of
terms", "For the purposes of this Convention … shall mean"), whose own words rarely
match the question's ("definicija", "smatra"). `asks_definition` reads the question;
`defines_terms` reads a chunk; the searcher raises defining provisions for such questions.

`asked_sentence` finds the question a story ends with; `own_question` adds the words its
demonstratives point back to ("Kome se ta molba podnosi?" after "podneo je molbu za
pomilovanje"). Pure functions over normalised text (Latin, lowercase, no diacritics).
Nothing else is inferred from a question here.
"""
from __future__ import annotations

import re

from core.records import ARTICLE_KINDS, Chunk
from core.text import normalize

_ASKS = re.compile(
    r"\b(definicij\w*|definis\w*|definic\w*|definition\w*|define[sd]?|pojam|pojma|pojmovi\w*|znacenj\w*"
    r"|(ko|sta|koje?|koja) se smatra\w*|sta (je|znaci)\s+\S+\s+(prema|po|u smislu)|meaning of|what is meant by"
    r"|shall mean|what counts as|who (is|are) considered)\b")
_HEADING = re.compile(r"(use of terms|definitions?\b|znacenj\w* (pojedinih )?izraz|pojmov|osnovni pojmovi"
                      r"|izrazi upotrebljeni)")
_OPENING = re.compile(r"(for the purposes? of this (convention|protocol|agreement)|shall mean"
                      r"|u smislu ovog (zakona|zakonika)|izrazi upotrebljeni u ovom|pojedini izrazi)")
OPENING_CHARS = 400  # a definitions article says so at its start


def asks_definition(question: str) -> bool:
    return bool(_ASKS.search(normalize(question)))


def defines_terms(chunk: Chunk) -> bool:
    """A law or treaty provision that defines terms, by its heading or its opening words."""
    if chunk.kind not in ARTICLE_KINDS:
        return False
    return bool(_HEADING.search(normalize(chunk.heading or "")) or _OPENING.search(normalize(chunk.text[:OPENING_CHARS])))


# A sentence ends at . ! ? before a capital, but not after an abbreviation: "Rantsev v.
# Cyprus", "čl. 5", "Sl. glasnik", "No. 3" ("Rantsev v." read as a sentence made
# "Cyprus and Russia, …?" a story's whole question).
_ABBREVIATIONS = ("v", "vs", "br", "čl", "st", "tač", "Sl", "No", "no", "Art", "art", "para", "npr", "tj", "dr", "Dr",
                  "Mr", "Ms", "Mrs", "sv", "ul", "gosp", "itd")
_SENTENCES = re.compile("".join(rf"(?<!\b{re.escape(a)}\.)" for a in _ABBREVIATIONS)
                        + r"(?<=[.!?])\s+(?=[A-ZČĆŠŽĐЂЈЉЊЋЏА-Я])")


def _sentences(question: str) -> tuple[list[str], list[str]]:
    """(the question's sentences, those that ask "…?")."""
    parts = [p for p in _SENTENCES.split(question.strip()) if p.strip()]
    return parts, [p for p in parts if p.rstrip().endswith("?")]


def asked_sentence(question: str) -> str:
    """The last sentence that asks ("…?") of a question told in several sentences (a
    client's story), else the question itself: what the story wants answered."""
    parts, asking = _sentences(question)
    return asking[-1] if len(parts) > 1 and asking else question


def asking_sentences(question: str) -> str:
    """Every sentence of a story that asks ("…?"), in order, else the question itself:
    what it wants answered, without the facts it tells ("puno radno vreme", "moj broj
    telefona")."""
    parts, asking = _sentences(question)
    return " ".join(p.strip() for p in asking) if len(parts) > 1 and asking else question


def background_words(question: str) -> int:
    """How many words a story tells before its asked sentence (0 for a question asked in
    one go): a sentence or two of background names the question's subject, a longer one
    tells facts."""
    ask = asked_sentence(question)
    return 0 if ask == question else len(question.split()) - len(ask.split())


def premise(question: str, most: int) -> str | None:
    """The sentence right before the asked one, when all the background is shorter than
    `most` words ("Društvo nije prijavilo stvarnog vlasnika Centralnoj evidenciji." before
    "Do kada je to moralo?": it names what is asked about), else None."""
    if not 0 < background_words(question) < most:
        return None
    return sentence_before(question)


def sentence_before(question: str) -> str | None:
    """The sentence right before a story's asked one, or None (a question asked in one
    go, or one whose asked sentence comes first)."""
    ask = asked_sentence(question)
    if ask == question:
        return None
    parts, _ = _sentences(question)
    i = max(k for k, p in enumerate(parts) if p == ask)
    return parts[i - 1] if i > 0 else None


# A demonstrative and the noun it points back with ("ta molba", "taj državni fond", "that
# certificate"). Not "to", "te", "tu" (also "to", "and", "there") nor "the".
_POINTS_BACK = re.compile(r"\b(ta|taj|tog|toga|toj|tom|tim|tih|tome|takav|takva|takvo|takvu|takvog|takve"
                          r"|ovaj|ova|ovu|ovog|ovom|ove|ovih|ovi|this|that|these|those|such)\s+(?:an?\s+)?(\w{4,})")
_AROUND = 4  # words either side of the antecedent's noun: "neplaćeni porez iz 2018. godine"


def own_question(question: str) -> str:
    """A story's asked sentence, normalised, after the words around the last earlier
    mention of each noun its demonstratives point back to: "Kome se ta molba podnosi?"
    asks about "… podneo je molbu za pomilovanje …", which a check of the asked sentence
    alone misses. A question asked in one go is returned normalised."""
    ask = asked_sentence(question)
    own = normalize(ask)
    if ask == question:
        return own
    before = [normalize(p).split() for p in _SENTENCES.split(question.strip()) if p.strip()][:-1]
    found = []
    for m in _POINTS_BACK.finditer(own):
        noun = m.group(2)
        stem = noun[:max(4, len(noun) - 2)]  # "molba" and "molbu" meet
        for ws in reversed(before):
            at = [k for k, w in enumerate(ws) if w.startswith(stem)]
            if at:
                found.append(" ".join(ws[max(0, at[-1] - _AROUND):at[-1] + _AROUND + 1]))
                break
    return " ".join(dict.fromkeys(found + [own]))

"""Court bulletins a question names: "Bilten Apelacionog suda u Beogradu",
"u Biltenu Apelacionog suda u Nišu 2/2011", "Belgrade Appellate Court bulletin".

A bulletin is named by its court and, optionally, its issue; `named_bulletins` matches
the court's distinctive words (stemmed, so "Beogradu" meets "Beograd", Cyrillic too)
and narrows to the issue when the question gives one. Pure: the caller passes the
bulletins the index holds (source, court, issue) from the documents' metadata.

Does not rank anything: retrieval searches the named bulletins as a named source.
"""
from __future__ import annotations

import re
from typing import Iterable

from retrieval.analyzer import analyze

from core.text import normalize

# Words every court name shares, and English names of the words that tell courts apart.
_GENERIC = frozenset({"sud", "u"})
_ENGLISH = {"belgrade": "beograd", "appellate": "apelacion", "appeal": "apelacion", "supreme": "vrhovn",
            "court": "sud", "bulletin": "bilten"}
_ISSUE = re.compile(r"\b\d{1,4}\s*/\s*\d{2,4}\b|\b(?:19|20)\d{2}\b")


def _stems(text: str) -> set[str]:
    norm = normalize(text)
    return set(analyze(norm, "serbian")) | {_ENGLISH[w] for w in re.findall(r"[a-z]+", norm) if w in _ENGLISH}


def named_bulletins(question: str, bulletins: Iterable[tuple[str, str, str]]) -> list[str]:
    """Sources of the bulletins `question` names, in the given order; [] when it names none."""
    words = _stems(question)
    if "bilten" not in words:
        return []
    issues = {re.sub(r"\s+", "", m.group()) for m in _ISSUE.finditer(normalize(question))}
    out = []
    for source, court, issue in bulletins:
        distinctive = _stems(court) - _GENERIC
        if distinctive and distinctive <= words:
            out.append((source, str(issue).replace(" ", "")))
    exact = [s for s, issue in out if issue in issues]
    return exact or [s for s, _ in out]

"""`Issue`: one problem answer.verify found in one sentence, as a record with a code.

Callers decide by `code`, never by matching English text; answer.phrases words each
code in the answer's language (`Style.issue`); `str(issue)` is the English form, for
logs and tests. Plain data; the checks are in answer.verify and answer.verify_facts.
"""
from __future__ import annotations

from dataclasses import dataclass

# code -> English wording ({…}: the issue's values).
ENGLISH = {
    "bad_number": "citation [{n}] names no retrieved source",
    "bad_quote": "quote not found in the cited source: „{quote}“",
    "bad_article": "article {article} is in no cited source",
    "no_source": "sentence cites no source",
    "quantity": "the number “{claimed}” is in no cited source",
    "deadline": "the time limit “{words}” does not match the cited source",
    "negation": "the claim negates what the cited source affirms, or the reverse ({word})",
    "untrusted": "source [{n}] is the user's document and contains {reason}: it cannot confirm a claim",
    "markup": "the sentence contains {what}",
}
CODES = tuple(ENGLISH)


@dataclass(frozen=True)
class Issue:
    """`code` (one of CODES), its values as sorted (name, text) pairs, and the sentence."""

    code: str
    values: tuple[tuple[str, str], ...] = ()
    sentence: str = ""

    @classmethod
    def of(cls, code: str, sentence: str = "", **values: object) -> "Issue":
        if code not in ENGLISH:
            raise ValueError(f"verification issue code {code!r} is not one of {CODES}")
        return cls(code, tuple(sorted((k, str(v)) for k, v in values.items())), sentence)

    @property
    def params(self) -> dict[str, str]:
        return dict(self.values)

    def __str__(self) -> str:
        text = ENGLISH[self.code].format(**self.params)
        return f"{text}: {self.sentence[:80]}" if self.sentence else text

"""The remedy guide's records: `Pathway` (a route a victim can take), `Step`, `Ref`.

A pathway is legal knowledge kept as data: which general remedies (the property claim in
criminal proceedings, a civil action, a labour claim, ...) apply to which situation, in
what order, until when and before whom. The guide's own words are names and short
headings only (`names`, in sr-Latn, sr-Cyrl and en); every substantive statement the user
sees is a `Ref.quote`: the cited provision's own words, verified against the index
(`pathways.resolve`).

Plain frozen data; loading and validation are `pathways.load`, resolution against an
index is `pathways.resolve`, the facts of a story are `pathways.facts`.
"""
from __future__ import annotations

from dataclasses import dataclass

LANGS = ("sr-Latn", "sr-Cyrl", "en")
# What a step contributes to the route. "deadline" and "body" are shown on their own
# line of a pathway answer; the rest are steps in order.
ROLES = ("who", "what", "deadline", "body", "decides", "referral", "condition", "right", "step", "case_law")
# The facts of a client's story the guide reacts to (pathways.facts finds them).
FACTS = (
    "victim_foreign", "victim_child",
    "exploitation_labour", "exploitation_sexual", "exploitation_begging", "exploitation_criminal",
    "unpaid_wages", "harm_physical", "harm_psychological", "documents_taken",
    "stage_not_reported", "stage_proceedings", "stage_convicted",
    "offender_assets", "victim_died", "years_passed", "cannot_pay_lawyer", "fears_offender", "victim_charged",
    # practitioners' sub-questions: each opens the steps of one particular remedy
    "offender_died", "offender_disposing", "items_seized", "award_unpaid", "offender_deal", "identity_published",
    "fears_return", "parent_involved", "victim_incapacitated",
)
# What a question asks for, when it asks for a remedy rather than a provision.
ASKS = ("compensation", "remedy", "protection", "status", "deadline")
# GRETA's third evaluation round (access to justice and effective remedies): its topics.
GRETA_TOPICS = (
    "right_to_information", "legal_assistance", "compensation_perpetrators", "state_compensation", "sanctions",
    "ex_officio", "non_punishment", "protection", "specialised_authorities", "international_cooperation",
)


@dataclass(frozen=True)
class Ref:
    """One cited unit and the words quoted from it.

    cite    a reference the project parses ("ZKP 254", "ZOO 200", "CETS 197 Art. 15",
            "Rantsev § 284", "Rev2 1788/2024"); or empty when `source` and `page` pin a
            bulletin page;
    quote   the source's own words (whitespace may differ), verified on resolution;
    stav, tacka   shown in the label ("ZKP, čl. 254 st. 1"), as strings.
    """

    quote: str
    cite: str = ""
    source: str = ""
    page: int | None = None
    stav: str | None = None
    tacka: str | None = None

    @property
    def key(self) -> str:
        return self.cite or f"{self.source}#page={self.page}"


@dataclass(frozen=True)
class Step:
    id: str
    role: str
    names: tuple[tuple[str, str], ...]  # (lang, heading)
    refs: tuple[Ref, ...]
    facts: tuple[str, ...] = ()  # shown only when one of these facts is present (empty: always)

    def name(self, lang: str) -> str:
        return dict(self.names)[lang]


@dataclass(frozen=True)
class Pathway:
    """A route. `situations`: any of these facts makes it apply; `requires`: all of
    these must be present too (a foreign victim's residence needs `victim_foreign`);
    `asks`: question intents that make it apply even without facts."""

    id: str
    names: tuple[tuple[str, str], ...]
    situations: tuple[str, ...]
    requires: tuple[str, ...]
    asks: tuple[str, ...]
    steps: tuple[Step, ...]
    check_next: tuple[tuple[tuple[str, str], ...], ...] = ()  # short headings, per language
    greta: tuple[str, ...] = ()
    order: int = 100
    # What the corpus does not hold for this route ("no Serbian state compensation
    # scheme in the corpus"): said plainly, so the guide never suggests one exists.
    gaps: tuple[tuple[tuple[str, str], ...], ...] = ()  # the guide's default order (most commonly used first)

    def name(self, lang: str) -> str:
        return dict(self.names)[lang]

    @property
    def refs(self) -> tuple[Ref, ...]:
        return tuple(r for s in self.steps for r in s.refs)

    def steps_of(self, role: str) -> tuple[Step, ...]:
        return tuple(s for s in self.steps if s.role == role)

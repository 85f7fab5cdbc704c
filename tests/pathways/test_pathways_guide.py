"""The remedy guide as data: its structure, its coverage of GRETA's topics, selection
of pathways from facts, quote resolution, and (with the corpus) every citation of the
bundled guide resolving to a unit whose words hold the quote."""
from pathlib import Path

import pytest

from core.errors import ConfigError
from core.records import Chunk
from pathways.load import load_pathways, parse_pathway
from pathways.model import ASKS, FACTS, GRETA_TOPICS, LANGS, ROLES
from pathways.resolve import Ref, quote_in, resolve_ref
from pathways.select import select_pathways

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
GUIDE = load_pathways()
BY_ID = {p.id: p for p in GUIDE}
NAMES = {lang: "x" for lang in LANGS}


def test_the_guide_holds_every_route_the_issue_names():
    assert set(BY_ID) >= {"criminal_claim", "civil_damages", "labour_claims", "confiscation", "state_compensation",
                          "free_legal_aid", "protection", "foreign_victims", "child_victims", "non_punishment",
                          "reasonable_time_echr"}
    assert [p.id for p in GUIDE][:2] == ["criminal_claim", "civil_damages"]


def test_every_greta_topic_is_covered_at_least_once():
    covered = {t for p in GUIDE for t in p.greta}
    assert covered == set(GRETA_TOPICS)


def test_every_step_is_grounded_and_every_heading_is_short():
    for p in GUIDE:
        assert p.steps and all(dict(p.names)[lang] for lang in LANGS)
        for s in p.steps:
            assert s.role in ROLES and s.refs, (p.id, s.id)
            # The guide's own words are headings: a substantive statement is a quote.
            assert all(len(dict(s.names)[lang]) <= 120 for lang in LANGS), (p.id, s.id)
            assert all(len(r.quote) >= 8 for r in s.refs)
        assert p.steps_of("deadline") or p.id in ("protection", "non_punishment", "child_victims", "state_compensation",
                                                  "foreign_victims", "free_legal_aid"), p.id


def test_state_compensation_says_the_corpus_has_no_serbian_scheme():
    gaps = " ".join(dict(g)["en"] for g in BY_ID["state_compensation"].gaps).lower()
    assert "no serbian" in gaps or "does not" in gaps or "no " in gaps


@pytest.mark.parametrize("bad, message", [
    ({"id": "x", "names": NAMES, "steps": []}, "at least one step"),
    ({"id": "x", "names": {"sr-Latn": "x"}, "steps": []}, "names must have exactly"),
    ({"id": "x", "names": NAMES, "situations": ["rich"], "steps": [
        {"id": "a", "role": "who", "names": NAMES, "refs": [{"cite": "ZKP 253", "quote": "Imovinskopravni zahtev"}]}]},
     "unknown situations ['rich']"),
    ({"id": "x", "names": NAMES, "steps": [{"id": "a", "role": "boss", "names": NAMES, "refs": []}]}, "role 'boss'"),
    ({"id": "x", "names": NAMES, "steps": [{"id": "a", "role": "who", "names": NAMES, "refs": []}]}, "at least one reference"),
    ({"id": "x", "names": NAMES, "steps": [{"id": "a", "role": "who", "names": NAMES, "refs": [{"cite": "ZKP 253"}]}]},
     "needs a quote"),
])
def test_a_malformed_pathway_is_refused_with_the_file_and_the_reason(bad, message):
    with pytest.raises(ConfigError, match="guide.json") as e:
        parse_pathway(bad, "guide.json")
    assert message in str(e.value)


def test_a_broken_data_file_names_itself(tmp_path):
    (tmp_path / "a.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(ConfigError, match="a.json: not a readable JSON file"):
        load_pathways(tmp_path)


def test_selection_needs_a_triggering_fact_or_ask_and_every_required_fact():
    ids = lambda facts, asks=(): [a.pathway.id for a in select_pathways(facts, asks, GUIDE)]  # noqa: E731
    assert ids([]) == []
    assert "foreign_victims" not in ids(["exploitation_labour"], ["compensation"])
    assert "foreign_victims" in ids(["victim_foreign", "exploitation_labour"])
    assert "child_victims" not in ids(["exploitation_sexual"]) and "child_victims" in ids(["victim_child"])
    assert ids(["victim_charged"])[0] == "non_punishment"
    labour = ids(["exploitation_labour", "unpaid_wages"], ["compensation"])
    assert labour[:3] == ["criminal_claim", "labour_claims", "civil_damages"] or "labour_claims" in labour[:2]
    assert len(ids(list(FACTS), list(ASKS))) == 6  # at most MAX_PATHWAYS


def test_quotes_match_the_source_words_across_wraps_and_ellipses():
    text = "Imovinskopravni zahtev se može podneti najkasnije do završetka\nglavnog pretresa pred prvostepenim sudom."
    assert quote_in("najkasnije do završetka glavnog pretresa", text)
    assert quote_in("Imovinskopravni zahtev … pred prvostepenim sudom", text)
    assert not quote_in("najkasnije osam dana posle pravnosnažnosti", text)
    assert not quote_in("pred prvostepenim sudom … Imovinskopravni zahtev", text)  # parts in order


def test_resolution_names_a_missing_unit_and_a_quote_that_is_not_there():
    c = Chunk("zakoni/zkp.txt", "law", "ZKP", "Imovinskopravni zahtev se podnosi organu postupka.", article="254")
    lookup = lambda cite: [c.id] if cite == "ZKP 254" else []  # noqa: E731
    ok = resolve_ref(Ref(quote="se podnosi organu postupka", cite="ZKP 254"), lookup, {c.id: c})
    assert ok.ok and ok.chunk_id == c.id
    assert "no such unit" in resolve_ref(Ref(quote="x" * 10, cite="ZKP 999"), lookup, {c.id: c}).problem
    bad = resolve_ref(Ref(quote="se podnosi sudu u roku od osam dana", cite="ZKP 254"), lookup, {c.id: c})
    assert not bad.ok and "not the source's words" in bad.problem


@pytest.mark.slow
def test_every_citation_of_the_guide_resolves_and_its_quote_verifies_on_the_bundled_index(bundled_index):
    from pathways.__main__ import main

    assert main(["--index", str(bundled_index)]) == 0


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the bundled corpus is not beside the repository")
def test_every_statute_and_treaty_citation_of_the_guide_holds_its_quote_in_the_corpus_files():
    """The guide against the corpus files themselves, without an index: each statute,
    treaty and ECtHR judgment the guide cites is loaded with the project's loaders, and
    each quote must be in the unit its citation names (bulletin PDFs and decisions are
    checked by the slow test above)."""
    from ingest.registry import load_file
    from retrieval.sources.aliases import load_aliases
    from retrieval.sources.citations import CitationIndex

    aliases = load_aliases()
    refs = [r for p in GUIDE for r in p.refs if r.cite]
    wanted = {src for src, e in aliases.entries.items()
              if any(r.cite.lower().startswith(e["short"].lower() + " ") for r in refs)}
    wanted |= {f"echr/{p.name}" for p in (CORPUS / "echr").glob("*.json")}
    chunks, docs = [], []
    for src in sorted(wanted):
        loaded = load_file(CORPUS / src, src)
        chunks += loaded.chunks
        docs.append(loaded.document)
    index = CitationIndex(chunks, docs, aliases)
    by_id = {c.id: c for c in chunks}
    checked, bad = 0, []
    for r in refs:
        res = resolve_ref(r, index.lookup, by_id)
        if res.problem and "no such unit" in res.problem and not index.lookup(r.cite):
            source_kind = r.cite.split()[0]
            if source_kind[:1].isupper() and "/" in r.cite:  # a decision number: slow test
                continue
        checked += 1
        if not res.ok:
            bad.append(res.problem)
    assert checked > 200 and bad == []


def test_every_fact_opens_a_route_or_a_step():
    used = {f for p in GUIDE for f in p.situations + p.requires} | {f for p in GUIDE for s in p.steps for f in s.facts}
    assert used == set(FACTS)


# Practitioners' sub-questions: the fact of the story -> (pathway, step) -> the provisions
# that answer it, so the provision is in the plan (a step a story's facts open ranks first).
SUB_QUESTIONS = [
    ("offender_died", "civil_damages", "heirs_of_offender", {"ZON 222", "ZON 224"}),
    ("offender_died", "criminal_claim", "offender_death", {"ZKP 20", "ZKP 258"}),
    ("award_unpaid", "civil_damages", "enforcement", {"ZIO 151b", "ZIO 151d", "ZOO 379"}),
    ("identity_published", "civil_damages", "personal_rights_media", {"ZOO 199", "ZOO 200"}),
    ("identity_published", "protection", "privacy_media", {"ZKP 363", "CETS 197 Art. 11"}),
    ("victim_incapacitated", "civil_damages", "limitation_incapacity", {"ZOO 385"}),
    ("victim_incapacitated", "free_legal_aid", "who_disability", {"ZBPP 4"}),
    ("items_seized", "criminal_claim", "return_before_end", {"ZKP 260"}),
    ("documents_taken", "criminal_claim", "return_before_end", {"ZKP 260"}),
    ("offender_disposing", "criminal_claim", "interim_measures_disposal", {"ZKP 257", "ZIO 449", "ZIO 459"}),
    ("offender_disposing", "confiscation", "temporary_seizure", {"ZOIPKD 23"}),
    ("offender_deal", "criminal_claim", "deal_compensation", {"KZ 65", "ZKP 283"}),
    ("offender_deal", "criminal_claim", "plea_agreement", {"ZKP 313", "ZKP 314"}),
    ("victim_died", "criminal_claim", "victim_death_successors", {"ZKP 57", "ZOO 204"}),
    ("cannot_pay_lawyer", "free_legal_aid", "court_fees_exemption", {"ZST 10", "ZST 19"}),
    ("fears_return", "foreign_victims", "asylum_persecution", {"ZAPZ 25", "ZAPZ 28", "ZAPZ 29"}),
    ("parent_involved", "child_victims", "conflict_of_interest", {"PZ 265", "ZMUKD 154", "ZMUKD 157"}),
]


@pytest.mark.parametrize("fact, pathway, step, cites", SUB_QUESTIONS, ids=[f"{f}-{s}" for f, _, s, _ in SUB_QUESTIONS])
def test_a_sub_question_fact_opens_the_step_that_cites_its_provisions(fact, pathway, step, cites):
    p = BY_ID[pathway]
    s = next(s for s in p.steps if s.id == step)
    assert fact in s.facts and {r.cite for r in s.refs} >= cites
    assert 1 <= len(s.refs) <= 3
    present = [fact] + list(p.requires)
    applied = {a.pathway.id: a for a in select_pathways(present, [], GUIDE)}
    if pathway in applied:  # the route applies to the fact alone, or with the asks of such a question
        assert s in applied[pathway].steps(present)
    else:
        asked = [a for a in p.asks][:1]
        applied = {a.pathway.id: a for a in select_pathways(present, asked, GUIDE)}
        assert s in applied[pathway].steps(present)

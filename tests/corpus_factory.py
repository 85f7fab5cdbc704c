"""A tiny corpus in the real formats, written into a temp dir for pipeline tests."""
from __future__ import annotations

import json
from pathlib import Path

STATUTE = """Sve informacije o propisu nađite
OVDE
.
Tweet
ZAKON O PROBNOJ NAKNADI
("Sl. glasnik RS", br. 1/2020 i 2/2021)
Glava prva
OSNOVNE ODREDBE
Predmet zakona
Član 1
Ovim zakonom uređuje se naknada štete žrtvi trgovine ljudima.
Pravo na naknadu
Član 2
(1) Žrtva ima pravo na naknadu materijalne i nematerijalne štete
koju je pretrpela izvršenjem krivičnog dela.
(2) Zahtev se podnosi sudu.
"""

ECHR = {
    "itemid": "001-999999", "case_name": "CASE OF TESTOVA v. SERBIA",
    "url": "https://hudoc.echr.coe.int/eng?i=001-999999", "text_scope": "judgment",
    "paragraphs": ["1. The case originated in an application against Serbia.",
                   "2. The applicant alleged a breach of Article 4 of the Convention by trafficking."],
}


def make_corpus(root: Path) -> Path:
    (root / "zakoni").mkdir(parents=True)
    (root / "zakoni" / "zakon_o_probnoj_naknadi.txt").write_text(STATUTE, encoding="utf-8")
    (root / "echr").mkdir()
    (root / "echr" / "001-999999.json").write_text(json.dumps(ECHR), encoding="utf-8")
    (root / "user").mkdir()
    (root / "user" / "beleska.txt").write_text(
        "Beleška advokata o roku za imovinskopravni zahtev.\n\nZahtev se podnosi do kraja pretresa.",
        encoding="utf-8")
    (root / "README.md").write_text("# test corpus\n", encoding="utf-8")
    return root


def make_dense_index(root: Path) -> tuple[Path, Path]:
    """(corpus, index) under `root`: the small corpus built, with its dense leg filled by
    the fake embedder (tests.fakes.embedder), as a module fixture's one call."""
    from indexing.build import sync_dense
    from indexing.pipeline import build_index

    corpus = make_corpus(root / "corpus")
    build_index(corpus, root / "index", workers=1)
    sync_dense(root / "index", embedder="fake", show_progress=False)
    return corpus, root / "index"


def add_bad_inputs(root: Path) -> dict[str, str]:
    """Bad files and a word their skip reason must contain."""
    (root / "user" / "prazno.txt").write_bytes(b"")
    (root / "user" / "binarno.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    (root / "user" / "polomljen.pdf").write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog")
    (root / "zakoni" / "bez_clanova.txt").write_text("ZAKON BEZ ČLANOVA\nSamo tekst.\n", encoding="utf-8")
    return {"user/prazno.txt": "empty", "user/binarno.txt": "binary",
            "user/polomljen.pdf": "pdf", "zakoni/bez_clanova.txt": "article"}

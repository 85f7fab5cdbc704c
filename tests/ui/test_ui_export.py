"""Markdown and DOCX export of an answer: label, quote, source, unverified flag."""
from __future__ import annotations

import io

import docx
import pytest

from answer.types import Answer, Citation
from ui.export import as_dict, to_docx, to_markdown


def sample() -> Answer:
    return Answer(
        question="Ko ima pravo na naknadu?",
        answer="**Odgovor:** „Žrtva ima pravo na naknadu štete.“ [1]\n\nVidi i [2].",
        abstained=False,
        citations=[
            Citation(1, "a" * 64, "zakoni/krivicni_zakonik.txt", "KZ, čl. 388 st. 1",
                     "Žrtva ima pravo na naknadu štete.", verified=True, gazette=["85/2005", "35/2019"],
                     url="https://example.rs/kz"),
            Citation(2, "b" * 64, "echr/001-96549.json", "Rantsev v. Cyprus and Russia, § 281",
                     "positive obligations", verified=False),
        ],
    )


def test_markdown_has_question_answer_labels_quotes_and_flags():
    md = to_markdown(sample())
    assert md.startswith("## Pitanje\n\nKo ima pravo na naknadu?")
    assert "[1] **KZ, čl. 388 st. 1**" in md and "> „Žrtva ima pravo na naknadu štete.“" in md
    assert "Sl. glasnik RS, br. 85/2005, 35/2019" in md and "https://example.rs/kz" in md
    assert "[2] **Rantsev v. Cyprus and Russia, § 281** ⚠" in md


def test_markdown_from_the_json_dict_and_in_english():
    md = to_markdown(sample().to_dict(), lang="en")
    assert "## Sources" in md and "quote not confirmed" in md


def test_docx_opens_and_holds_the_citations():
    doc = docx.Document(io.BytesIO(to_docx(sample(), lang="sr-Cyrl")))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Питање" in text and "[1] KZ, čl. 388 st. 1" in text
    assert "„Žrtva ima pravo na naknadu štete.“" in text and "Rantsev" in text


def test_export_refuses_what_is_not_an_answer():
    with pytest.raises(TypeError, match="Answer"):
        as_dict(42)


def test_markdown_export_makes_source_text_inert():
    """A source's "![x](http://…)", link or HTML tag cannot load or link anything in the
    exported case file; our own bold stays."""
    from ui.export import to_markdown

    hostile = {"question": "q", "answer": "**Odgovor:** „![x](http://evil/a.png) <iframe src=x>“ [1]", "abstained": False,
               "citations": [{"n": 1, "label": "[l](https://evil)", "quote": "![x](http://evil/a.png)", "verified": True}]}
    md = to_markdown(hostile)
    assert "![x](" not in md and "](http" not in md and "<iframe" not in md and "http://" not in md
    assert "**Odgovor:**" in md

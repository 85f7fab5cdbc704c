"""An answer with its citations and quotes as Markdown text or a DOCX file, ready to
paste into a case file.

Pure functions over an answer: an `answer.Answer` (anything with `to_dict()`) or its
dict form (the `python -m answer --json` contract). Headings follow the UI language.
Not here: rendering in the app, choosing what to cite.
"""
from __future__ import annotations

import re

import io
from typing import Any, Mapping

from ui.strings import DEFAULT_LANG, t


def as_dict(answer: Any) -> dict[str, Any]:
    """The answer's contract dict, from an Answer object or a dict."""
    if isinstance(answer, Mapping):
        return dict(answer)
    if hasattr(answer, "to_dict"):
        return answer.to_dict()
    raise TypeError(f"cannot export {type(answer).__name__}: expected an Answer or its dict")


def _source_line(c: Mapping[str, Any]) -> str:
    parts = [c.get("source") or ""]
    if c.get("gazette_text"):
        parts.append(c["gazette_text"])  # the lawyer's form, in the answer's script
    elif c.get("gazette"):
        parts.append("Sl. glasnik RS, br. " + ", ".join(c["gazette"]))
    if c.get("url"):
        parts.append(c["url"])
    return " · ".join(p for p in parts if p)


_LINKISH = re.compile(r"(!?\[)|(\]\()|(<)|(https?)(://)", re.I)


def inert(text: object) -> str:
    """Source-derived text made inert for a Markdown viewer: no image, link, autolink or
    HTML tag can form from it (a document's "![x](http://…)" would load a remote image in
    the case file's viewer); our own **bold** and *italics* stay."""
    return _LINKISH.sub(lambda m: (("\\" + m.group(1)) if m.group(1) else "") + (("]\\(") if m.group(2) else "")
                        + ("&lt;" if m.group(3) else "") + ((m.group(4) + "\u2060" + m.group(5)) if m.group(4) else ""),
                        str(text or ""))


def sources_markdown(citations: list, lang: str = DEFAULT_LANG) -> list[str]:
    """The "Sources" part of an exported answer or memo: each [n] with its label, the
    quoted words (inert) and where the source is, as Markdown lines."""
    if not citations:
        return []
    lines = [f"## {t('export_sources', lang)}", ""]
    for c in citations:
        flag = "" if c.get("verified") else f" ⚠ _{t('export_unverified', lang)}_"
        lines.append(f"[{c.get('n')}] **{inert(c.get('label', ''))}**{flag}")
        if c.get("quote"):
            lines.append(f"> „{inert(' '.join(str(c['quote']).split()))}“")
        src = _source_line(c)
        if src:
            lines.append(f"> {src}")
        lines.append("")
    return lines


def to_markdown(answer: Any, lang: str = DEFAULT_LANG) -> str:
    """Markdown: the question, the answer with its [n] markers, then each source [n]
    with its label, the quoted words, the file and the official URL."""
    a = as_dict(answer)
    lines = [f"## {t('export_question', lang)}", "", inert(a.get("question", "")), "",
             f"## {t('export_answer', lang)}", "", inert(a.get("answer", "")), ""]
    lines += sources_markdown(a.get("citations") or [], lang)
    lines.append(f"_{t('export_generated', lang)}_")
    return "\n".join(lines).rstrip() + "\n"


def to_docx(answer: Any, lang: str = DEFAULT_LANG) -> bytes:
    """The same content as `to_markdown`, as the bytes of a .docx document."""
    from docx import Document
    from docx.shared import Pt

    a = as_dict(answer)
    doc = Document()
    doc.styles["Normal"].font.name = "Calibri"
    doc.styles["Normal"].font.size = Pt(11)
    doc.add_heading(t("export_question", lang), level=2)
    doc.add_paragraph(a.get("question", ""))
    doc.add_heading(t("export_answer", lang), level=2)
    for para in (a.get("answer") or "").split("\n\n"):
        doc.add_paragraph(para.strip())
    return docx_sources_and_save(doc, a, lang)


def docx_sources_and_save(doc, a: Mapping[str, Any], lang: str) -> bytes:
    """The sources section (label, ⚠ when unverified, quote, source line) and the
    closing note of a .docx export, saved to bytes: shared by the answer and the memo."""
    from docx.shared import Pt

    citations = a.get("citations") or []
    if citations:
        doc.add_heading(t("export_sources", lang), level=2)
    for c in citations:
        p = doc.add_paragraph()
        p.add_run(f"[{c.get('n')}] ")
        p.add_run(str(c.get("label", ""))).bold = True
        if not c.get("verified"):
            p.add_run(f"  ⚠ {t('export_unverified', lang)}").italic = True
        if c.get("quote"):
            doc.add_paragraph(style="Quote").add_run(f"„{' '.join(str(c['quote']).split())}“")
        src = _source_line(c)
        if src:
            doc.add_paragraph().add_run(src).font.size = Pt(9)
    doc.add_paragraph().add_run(t("export_generated", lang)).italic = True
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()

"""The situation checklist's result as a memo for the case file: Markdown or DOCX.

    memo_markdown(answer, fact_ids, asks, lang) -> str
    memo_docx(answer, fact_ids, asks, lang) -> bytes

The memo holds the facts ticked (and what the client asks for), the pathway answer
as composed by `answer.answer_plan` (every pathway with its quoted provisions [n],
deadline, case law, notes and what to check next), then every source [n] with its
label, the quoted words, the file, gazette and official URL, like ui.export's
export of an Answer (whose source line it reuses). Headings follow the UI language.

Pure functions over an Answer (or its dict); no Streamlit. Not here: choosing the
pathways (retrieval.remedies) or rendering them in the app (ui.pathway_cards).
"""
from __future__ import annotations

import re
from typing import Any, Iterable

from ui.export import as_dict, docx_sources_and_save, inert, sources_markdown
from ui.pathway_cards import ask_label, fact_label, sections, split_blocks
from ui.strings import DEFAULT_LANG, t

# The answer text's own marks: **bold**, *italic*.
_MARK = re.compile(r"\*\*(?P<b>[^*\n]+)\*\*|(?<![*\w])\*(?P<i>[^*\n]+)\*(?![*\w])")


def _facts_lines(fact_ids: Iterable[str], asks: Iterable[str], lang: str) -> list[tuple[str, list[str]]]:
    out = [(t("memo_facts", lang), [fact_label(f, lang) for f in fact_ids])]
    asked = [ask_label(a, lang) for a in asks]
    if asked:
        out.append((t("memo_asks", lang), asked))
    return out


def _pathways_text(a: dict) -> str:
    """The answer's pathway blocks; its intro (heading, recognised facts) is left out
    when the pathways' blocks are found, since the memo lists the facts itself."""
    text = a.get("answer", "") or ""
    names = [p.get("name", "") for p in (a.get("remedies") or {}).get("pathways") or []]
    head, bodies, _ = split_blocks(text, names)
    if not bodies:
        return text
    return "\n\n".join(b for b in sections(text) if b not in head)


def memo_markdown(answer: Any, fact_ids: Iterable[str], asks: Iterable[str] = (), lang: str = DEFAULT_LANG) -> str:
    """The memo as Markdown."""
    a = as_dict(answer)
    lines = [f"# {t('memo_title', lang)}", ""]
    for heading, items in _facts_lines(fact_ids, asks, lang):
        lines += [f"## {heading}", ""] + [f"- {i}" for i in items] + [""]
    lines += [f"## {t('memo_pathways', lang)}", "", inert(_pathways_text(a)), ""]
    lines += sources_markdown(a.get("citations") or [], lang)
    lines.append(f"_{t('export_generated', lang)}_")
    return "\n".join(lines).rstrip() + "\n"


def _runs(paragraph, text: str) -> None:
    """`text` into `paragraph` as runs, its **bold** and *italic* marks as formatting."""
    at = 0
    for m in _MARK.finditer(text):
        if m.start() > at:
            paragraph.add_run(text[at:m.start()])
        if m["b"] is not None:
            paragraph.add_run(m["b"]).bold = True
        else:
            paragraph.add_run(m["i"]).italic = True
        at = m.end()
    if at < len(text):
        paragraph.add_run(text[at:])


def memo_docx(answer: Any, fact_ids: Iterable[str], asks: Iterable[str] = (), lang: str = DEFAULT_LANG) -> bytes:
    """The same content as `memo_markdown`, as the bytes of a .docx document."""
    from docx import Document
    from docx.shared import Pt

    a = as_dict(answer)
    doc = Document()
    doc.styles["Normal"].font.name = "Calibri"
    doc.styles["Normal"].font.size = Pt(11)
    doc.add_heading(t("memo_title", lang), level=1)
    for heading, items in _facts_lines(fact_ids, asks, lang):
        doc.add_heading(heading, level=2)
        for i in items:
            doc.add_paragraph(i, style="List Bullet")
    doc.add_heading(t("memo_pathways", lang), level=2)
    for line in _pathways_text(a).split("\n"):
        stripped = line.strip()
        if not stripped:
            continue
        bold_only = re.fullmatch(r"\*\*([^*\n]+)\*\*", stripped)
        if bold_only:
            doc.add_heading(bold_only.group(1), level=3)
        elif stripped.startswith("- "):
            _runs(doc.add_paragraph(style="List Bullet"), stripped[2:])
        else:
            _runs(doc.add_paragraph(), stripped)
    return docx_sources_and_save(doc, a, lang)

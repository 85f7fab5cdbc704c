"""Source text as the reader sees it: in the chosen script, HTML-escaped, with the
quoted words marked.

Serbian sources are shown in the UI's script (to_latin / to_cyrillic letter by letter);
English sources (ECtHR, treaties) are never transliterated. The quote is converted the
same way as the text before it is looked for, so the mark lands on the shown words.
Pure functions; no Streamlit.
"""
from __future__ import annotations

import html
import re

from retrieval.script import to_cyrillic, to_latin


def in_script(text: str, lang: str, source_language: str | None = "sr") -> str:
    """`text` in the script of UI language `lang`; unchanged for English UI or sources."""
    if not text or lang == "en" or (source_language or "sr") != "sr":
        return text
    return to_cyrillic(text) if lang == "sr-Cyrl" else to_latin(text)


def find_quote(text: str, quote: str) -> tuple[int, int] | None:
    """(start, end) of `quote` in `text`, ignoring whitespace and case; None if absent."""
    words = quote.replace("…", " ").split()
    if not words:
        return None
    pattern = r"\s+".join(re.escape(w) for w in words)
    m = re.search(pattern, text, re.IGNORECASE)
    if m is None and len(words) > 6:
        # A quote with an ellipsis or a trimmed end: mark its first words at least.
        m = re.search(r"\s+".join(re.escape(w) for w in words[:6]), text, re.IGNORECASE)
    return (m.start(), m.end()) if m else None


def highlight_html(text: str, quote: str | None, css_class: str = "pl-source") -> str:
    """HTML of `text` (escaped, line breaks kept) with `quote` wrapped in <mark>."""
    span = find_quote(text, quote) if quote else None
    if span is None:
        body = html.escape(text)
    else:
        a, b = span
        body = (html.escape(text[:a]) + "<mark>" + html.escape(text[a:b]) + "</mark>"
                + html.escape(text[b:]))
    return f'<div class="{css_class}">{body}</div>'


def render_source(text: str, quote: str | None, lang: str, source_language: str | None = "sr",
                  css_class: str = "pl-source") -> str:
    """The source text in the reader's script with the quote marked, as HTML."""
    shown = in_script(text, lang, source_language)
    shown_quote = in_script(quote, lang, source_language) if quote else None
    return highlight_html(shown, shown_quote, css_class)


def mark_citation_numbers(answer_text: str) -> str:
    """Answer text with [n] markers made visible as superscript-like badges (Markdown-safe)."""
    escaped = html.escape(answer_text, quote=False)
    return re.sub(r"\[(\d{1,3})\]", r'<span class="pl-ref">[\1]</span>', escaped)

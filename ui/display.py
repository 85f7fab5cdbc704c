"""Source text as the reader sees it: in the chosen script, escaped, with the quoted
words marked; and the escaping every page uses for text it did not write.

Serbian sources are shown in the UI's script (to_latin / to_cyrillic letter by letter);
English sources (ECtHR, treaties) are never transliterated. The quote is converted the
same way as the text before it is looked for, so the mark lands on the shown words.

Text from documents, answers, questions and file names is data, never markup. Two
contexts:
- `md_text` for Streamlit's Markdown-only places (labels, headings, captions, alerts):
  every Markdown sign is backslash-escaped and bare URLs are broken, so no link,
  image, autolink, HTML, heading or colour directive can come from the text;
- `html_text` for the places drawn with unsafe_allow_html (source cards, the answer):
  HTML-escaped, the Markdown signs as character references and line breaks as <br>,
  so the whole block stays one raw-HTML line that Markdown never parses.
The only links drawn are `official_url`s: a corpus document's own http(s) URL, never
one from a user's document. Pure functions; no Streamlit.
"""
from __future__ import annotations

import html
import re
from urllib.parse import quote as url_quote, urlsplit

from core.text import find_words, to_cyrillic, to_latin

# ASCII signs CommonMark, GFM, Streamlit's colour directive (:red[…]) or remark-math
# ($…$) give a meaning; a backslash makes each a plain character. (":" alone makes at
# most an emoji or a material icon: harmless, and common in legal text.)
_MD_SIGNS = re.compile(r"([\\`*_{}\[\]()<>#+!|~$=])")
# A bare "http://", "www." or "mailto:" is linked by GFM: break it with a zero-width joiner.
_AUTOLINK = re.compile(r"(?i)\b(https?|ftp|mailto|www)([.:])")
_HTML_SIGNS = {c: f"&#{ord(c)};" for c in "`*_[]()!~$|\\{}:#+"}


def in_script(text: str, lang: str, source_language: str | None = "sr") -> str:
    """`text` in the script of UI language `lang`; unchanged for English UI or sources."""
    if not text or lang == "en" or (source_language or "sr") != "sr":
        return text
    return to_cyrillic(text) if lang == "sr-Cyrl" else to_latin(text)


def md_text(text: object) -> str:
    """`text` as literal characters for a Markdown-only Streamlit element (one line;
    line breaks become spaces: labels and captions are one line anyway)."""
    plain = " ".join(str(text or "").split())
    return _MD_SIGNS.sub(r"\\\1", _AUTOLINK.sub("\\1\u2060\\2", plain))


def md_lines(text: object) -> str:
    """Like md_text, line by line: "- " items stay list items, other lines stay lines."""
    out = []
    for line in str(text or "").split("\n"):
        item = line.lstrip().startswith("- ")
        body = md_text(line.lstrip()[2:] if item else line)
        out.append(("- " + body) if item else body)
    return "  \n".join(out)


def html_text(text: object) -> str:
    """`text` as inert HTML: escaped, Markdown signs as character references, line
    breaks as <br> (no blank line may end the raw-HTML block and start Markdown)."""
    escaped = html.escape(str(text or ""), quote=True)
    inert = "".join(_HTML_SIGNS.get(c, c) for c in escaped)
    return inert.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br>")


def official_url(url: object, source: str | None, kind: str | None) -> str | None:
    """`url` when it may be linked: an http(s) address of a corpus document; None for a
    user's document (its text is not ours to vouch for) or anything else."""
    if not isinstance(url, str) or not source or source.startswith("user/") or kind == "user_document":
        return None
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc or re.search(r"[\s<>\"'`\\]", url.strip()):
        return None
    # Parentheses and brackets would end a Markdown link early: percent-encode them.
    return url_quote(url.strip(), safe=":/?#@!$&*+,;=%-._~")


def md_link(label: str, url: str | None) -> str:
    """A Markdown link with an escaped label, or the bare label when `url` is None."""
    return f"[{md_text(label)}]({url})" if url else md_text(label)


def find_quote(text: str, quote: str) -> tuple[int, int] | None:
    """(start, end) of `quote` in `text`, ignoring whitespace and case; None if absent."""
    words = quote.replace("…", " ").split()
    span = find_words(text, " ".join(words), ignore_case=True)
    if span is None and len(words) > 6:
        # A quote with an ellipsis or a trimmed end: mark its first words at least.
        span = find_words(text, " ".join(words[:6]), ignore_case=True)
    return span


def highlight_html(text: str, quote: str | None, css_class: str = "pl-source") -> str:
    """HTML of `text` (inert, line breaks kept) with `quote` wrapped in <mark>."""
    span = find_quote(text, quote) if quote else None
    if span is None:
        body = html_text(text)
    else:
        a, b = span
        body = html_text(text[:a]) + "<mark>" + html_text(text[a:b]) + "</mark>" + html_text(text[b:])
    return f'<div class="{css_class}">{body}</div>'


def render_source(text: str, quote: str | None, lang: str, source_language: str | None = "sr",
                  css_class: str = "pl-source") -> str:
    """The source text in the reader's script with the quote marked, as HTML."""
    shown = in_script(text, lang, source_language)
    shown_quote = in_script(quote, lang, source_language) if quote else None
    return highlight_html(shown, shown_quote, css_class)


def heading_html(heading: str | None) -> str:
    """A source's heading as an inert bold line ("" for none)."""
    return f'<div class="pl-heading"><strong>{html_text(heading)}</strong></div>' if heading else ""


_ANSWER_MARKS = re.compile(r"\*\*(?P<b>[^*\n]+)\*\*|(?<![*\w])\*(?P<i>[^*\n]+)\*(?![*\w])"
                           r"|\[(?P<n>\d{1,3}(?:\s*[,;]\s*\d{1,3})*)\]")


def _answer_line(line: str) -> str:
    out, at = [], 0
    for m in _ANSWER_MARKS.finditer(line):
        out.append(html_text(line[at:m.start()]))
        if m["b"] is not None:
            out.append(f"<strong>{html_text(m['b'])}</strong>")
        elif m["i"] is not None:
            out.append(f"<em>{html_text(m['i'])}</em>")
        else:
            out.append(f'<span class="pl-ref">[{html_text(m["n"])}]</span>')  # digits only: inert
        at = m.end()
    return "".join(out) + html_text(line[at:])


def answer_html(answer_text: str) -> str:
    """The answer as one inert HTML block: its own bold/italic lines, "- " items and [n]
    markers drawn; everything else (a model's link, image or tag included) as text."""
    lines = []
    for line in (answer_text or "").split("\n"):
        if line.lstrip().startswith("- "):
            lines.append(f'<span class="pl-item">• {_answer_line(line.lstrip()[2:])}</span>')
        else:
            lines.append(_answer_line(line))
    return '<div class="pl-answer">' + "<br>".join(lines) + "</div>"


def mark_citation_numbers(answer_text: str) -> str:
    """Answer text with [n] markers made visible as badges: the whole answer as inert
    HTML (see answer_html)."""
    return answer_html(answer_text)

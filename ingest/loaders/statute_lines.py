"""How a line of a paragraf.rs statute is classified (article line, heading, chapter,
stav/tačka, hard-wrap continuation) and how the lines between two `Član N` lines are
divided between the previous article, the next article's heading and chapter lines,
and text the source printed above its `Član` line.

Used by `statute_text`, which assembles articles; this module builds no records.
"""
from __future__ import annotations

import html
import re

_L = "a-zčćžšđ"


BOILERPLATE = {"Sve informacije o propisu nađite", "OVDE", ".", "Tweet", "Prijavite se na", "mailing listu", "!", "*"}


FOOTER_RE = re.compile(r"^(Početna|Paragraf Lex d\.o\.o\.|Politika privatnosti|online@paragraf\.rs)$")


GAZETTE_RE = re.compile(r"^\(?[\"'“]?S[lL]\.\s*(glasnik|list|GLASNIK|LIST)\b")


ARTICLE_RE = re.compile(rf"^Član\s+(\d+)\s?([{_L}]{{0,3}})\s*\**\s*(\[s\d+\])?$")


GROUP_RE = re.compile(rf"^Čl(?:an|\.)\s+(\d+[{_L}]{{0,3}})\s*(?:-|do|i)\s*(\d+[{_L}]{{0,3}})\s*\**$")


AMEND_RE = re.compile(r"^Samostalni\s+član(ovi)?\b")


AMEND_NAME_RE = re.compile(r"^Zakona\s+(o\s+(?:izmen|dopun)\w*(?:\s+i\s+(?:izmen|dopun)\w*)?)")


PART_LABEL_RE = re.compile(r"^(Deo|DEO)\s+\S+$|^\S+\s+deo$")


GLAVA_LABEL_RE = re.compile(r"^(Glava|GLAVA)\s+\S+( \S+)?$")


GLAVA_RE = re.compile(r"^[IVXLC]+[a-z]?\.?\s+[A-ZČĆŽŠĐ][^a-zčćžšđ]*$")


SECTION_LABEL_RE = re.compile(r"^(Odsek|Odeljak|Pododeljak|ODSEK|ODELJAK)\s+\S+$")


SUB_RE = re.compile(rf"^(\d+(\.\d+)*[{_L}]?\.?|\d+\)|[{_L}]\d?[.)]|[IVXLC]+[a-z]?\.?|(Odsek|Odeljak|Pododeljak|ODSEK|ODELJAK)\s+\S+)\s+[A-ZČĆŽŠĐ]")


# A new line of article text starts at a stav "(1)", a tačka "1)" / "1." / "a)", an alineja "-".
ITEM_RE = re.compile(rf"^(\(\d+[{_L}]?\)|\d+[{_L}]?\)|\d+\.\s|[{_L}]\)\s|[-–—•*]\s?)")


# "(Brisano)" and the last line of a wrapped "(Prestalo da važi odlukom / US)" end a body too.
TERMINATED_RE = re.compile(r"[.,;:!?…][\"'”“»]?$|^\(.*\)$|^[^(]*\)$|\((prestal|brisan)[^()]*\)$", re.I)


SENTENCE_END_RE = re.compile(r"[.:;!?][\"'”“»)]?$")


# "… odredaba čl. / 8. i 9. ovog zakona": a wrap after an abbreviation is not a sentence end.
ABBREV_END_RE = re.compile(r"\b(čl|st|br|tač|tzv|odn|npr)\.$")


# Headings that end with a period, e.g. "Oslobođenje od kazne za dela iz čl. 400. do 404."
DOT_HEADING_RE = re.compile(r"^[A-ZČĆŽŠĐ][^.]{0,60}\bčl\.\s*\d.{0,30}\d+[a-z]?\.$")


def norm_space(s: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(s)).strip()


def is_upper(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def terminated(s: str) -> bool:
    # An all-caps line is a title even when wrapped after a comma ("…INSTRUMENTIMA,").
    return bool(TERMINATED_RE.search(s)) and not DOT_HEADING_RE.match(s) \
        and not (is_upper(s) and len(s) > 12)


def split_region(region: list[str], width: float) -> tuple[list[str], list[str], list[str]]:
    """Split the lines between two `Član` lines into (body of the previous article, gap lines
    holding chapter/heading lines, body lines of the next article that the source put
    above its `Član` line, a PDF-extraction quirk of a few files)."""
    lines = list(region)
    while lines and not lines[-1]:
        lines.pop()
    moved: list[str] = []
    for m in (1, 2):  # "Heading / first stav / Član N": the stav belongs after Član N.
        if len(lines) < m + 1:
            break
        h, cand = lines[-m - 1], lines[-m:]
        before = lines[-m - 2] if len(lines) > m + 1 else ""
        if (h and not terminated(h) and h[0].isupper() and len(h) <= min(50, 0.6 * width)
                and all(c and terminated(c) and (c[0].isupper() or ITEM_RE.match(c)) for c in cand)
                and (not before or terminated(before))):
            moved, lines = cand, lines[:-m]
            break
    k = len(lines)
    while k > 0 and (not lines[k - 1] or (not terminated(lines[k - 1]) and len(lines[k - 1]) <= 200
                                          and not re.match(r"^\(\d", lines[k - 1]))):
        k -= 1
    # "Pravo prioriteta razlučnog, / odnosno založnog poverioca": a heading wrapped after a comma.
    if 0 < k < len(lines) and lines[k][:1].islower() and lines[k - 1].endswith(",") \
            and len(lines[k - 1]) <= 80 and lines[k - 1][:1].isupper():
        k -= 1
    body, gap = lines[:k], lines[k:]
    # "7. Sudovi / <first stav> / Načela sudstva / Član 142": same quirk under a section title.
    if len(body) >= 2 and not moved and structural(body[-2]) and body[-1][:1].isupper() \
            and terminated(body[-1]) and (len(body) == 2 or terminated(body[-3])):
        body, gap, moved = body[:-2], [body[-2]] + gap, [body[-1]]
    return body, gap, moved


def structural(s: str) -> bool:
    return bool(not terminated(s) and (SUB_RE.match(s) or GLAVA_RE.match(s) or PART_LABEL_RE.match(s)
                                        or GLAVA_LABEL_RE.match(s) or is_upper(s)))


class Outline:
    """The current part / glava / section and the running article heading.

    A heading printed once over a group of articles applies to each of them until the next
    heading or structural line (the Serbian drafting convention)."""

    def __init__(self) -> None:
        self.part = self.glava = self.sub = self.heading = None
        self._label: str | None = None  # a bare label ("Glava I", "Odsek 6") awaits its title line
        self._open: str | None = None  # a long uppercase title may continue on the next line

    def _set(self, level: str, value: str) -> None:
        if level == "part":
            self.glava = self.sub = None
        elif level == "glava":
            self.sub = None
        setattr(self, level, value)

    def feed(self, gap: list[str]) -> None:
        heading: list[str] = []
        last = None  # the element that a wrapped line (starting in lower case) continues
        for s in (norm_space(x) for x in gap):
            if not s:
                continue
            if s[0].islower() and last and not SUB_RE.match(s):
                if last == "heading":
                    heading[-1] += " " + s
                else:
                    setattr(self, last, f"{getattr(self, last)} {s}")
                continue
            if is_upper(s) and len(s) < 4:  # a cut-off fragment ("DBE" opening the digital-assets law)
                continue
            label = ("part" if PART_LABEL_RE.match(s) else "glava" if GLAVA_LABEL_RE.match(s)
                     else "sub" if SECTION_LABEL_RE.match(s) else None)
            if self._label and not label:  # the title line of a bare label
                level, self._label = self._label, None
                setattr(self, level, f"{getattr(self, level)} – {s}")
                self._open = level if is_upper(s) and len(s) >= 60 else None
            elif label:
                level, self._label, self._open = label, label, None
                self._set(level, s)
            elif is_upper(s) and self._open:
                level = self._open
                setattr(self, level, f"{getattr(self, level)} {s}")
                self._open = level if len(s) >= 60 else None
            elif is_upper(s) or SUB_RE.match(s):
                level = ("part" if is_upper(s) and s.endswith("DEO") else
                         "glava" if GLAVA_RE.match(s) or (self.glava is None and is_upper(s)) else "sub")
                self._set(level, s)
                self._open = level if is_upper(s) and len(s) >= 60 else None
            else:
                self._label = self._open = None
                heading.append(s)
                last = "heading"
                continue
            last = level
            self.heading = None
        if heading:
            self.heading = " ".join(heading)

    @property
    def chapter(self) -> str | None:
        top = self.glava or self.part
        return " › ".join(x for x in (top, self.sub) if x) or None


def rejoin(lines: list[str]) -> str:
    """Re-join hard-wrapped lines; stav/tačka/alineja markers and sentence ends keep breaks."""
    out: list[str] = []
    for s in (norm_space(x) for x in lines):
        if not s:
            continue
        if out and (ABBREV_END_RE.search(out[-1]) or (not ITEM_RE.match(s) and not SENTENCE_END_RE.search(out[-1]))):
            out[-1] += " " + s
        else:
            out.append(s)
    return "\n".join(out)

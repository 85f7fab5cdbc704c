"""Prompt files (prompts/*.txt) and a strict renderer, and the chat messages for one
question.

Templates use `$name` placeholders (string.Template syntax, `$$` for a dollar sign).
`render` refuses a template whose placeholders and values differ, naming the missing
and the unused ones, and inserts values verbatim in one pass: a value that contains
"$question" or "ignore previous instructions" stays literal text.

Each source goes into the prompt inside a fence whose code is random per request, so a
document cannot close its own fence and pose as the user (prompt injection); the
system prompt says source text is data. A user's document (answer.untrusted) gets a
fence of its own kind, "UNTRUSTED USER DOCUMENT", and the prompts say such a file is
not law and is never obeyed. Does not call a model.
"""
from __future__ import annotations

import secrets
from functools import lru_cache
from pathlib import Path
from string import Template
from typing import Mapping

from langchain_core.messages import BaseMessage, HumanMessage, SystemMessage

from core.errors import ConfigError
from retrieval.hit import Hit

from answer.labels import citation_label
from answer.phrases import Style
from answer.untrusted import is_user_source

PROMPTS = Path(__file__).resolve().parent.parent / "prompts"


class PromptError(ConfigError):
    """A template and its values do not fit together."""


def render(template: str, values: Mapping[str, str], name: str = "template") -> str:
    tpl = Template(template)
    if not tpl.is_valid():
        raise PromptError(f"{name}: malformed placeholder (use $name, and $$ for a literal dollar sign)")
    wanted = set(tpl.get_identifiers())
    missing, unused = sorted(wanted - set(values)), sorted(set(values) - wanted)
    if missing or unused:
        raise PromptError(f"{name}: missing values for {missing}; unused values {unused}; placeholders are {sorted(wanted)}")
    return tpl.substitute({k: str(v) for k, v in values.items()})


@lru_cache(maxsize=16)
def load(name: str, directory: Path = PROMPTS) -> str:
    path = Path(directory) / f"{name}.txt"
    if not path.is_file():
        raise PromptError(f"prompt file {path} does not exist")
    return path.read_text(encoding="utf-8")


def new_fence() -> str:
    return secrets.token_hex(6)


def source_block(n: int, hit: Hit, fence: str) -> str:
    c = hit.chunk
    if is_user_source(c):
        # No kind line of its own: the template says what a user's document is.
        values = {"n": n, "fence": fence, "label": citation_label(c, hit.document), "text": c.text.strip()}
        return render(load("context_block_user"), values, "context_block_user")
    return render(
        load("context_block"),
        {"n": n, "fence": fence, "label": citation_label(c, hit.document), "kind": c.kind, "text": c.text.strip()},
        "context_block",
    )


def build_messages(question: str, hits: list[Hit], style: Style, fence: str | None = None,
                   guide: str | None = None) -> list[BaseMessage]:
    """System + user messages: the rules, then the numbered, fenced sources and the question.
    guide: the remedy plan as text (answer.prompt_pathways.guide_block), placed before the
    sources: our own structure, not source text, so it stays outside every fence."""
    fence = fence or new_fence()
    while any(fence in h.chunk.text or fence in citation_label(h.chunk, h.document) for h in hits) or fence in question:
        fence = new_fence()  # a code the data already holds would let it forge a fence
    if style.language == "en":
        system = render(load("system_en"), {}, "system_en")
    else:
        script = "ćirilicom" if style.script == "cyrillic" else "latinicom"
        system = render(load("system_sr"), {"script": script}, "system_sr")
    sources = "\n\n".join(source_block(i, h, fence) for i, h in enumerate(hits, 1))
    if guide:
        sources = guide.strip() + "\n\n" + sources
    user = render(load("user"), {"sources": sources, "question": question, "fence": fence}, "user")
    return [SystemMessage(content=system), HumanMessage(content=user)]

"""The app's typed configuration: where things live (from the entry point's flags and
environment) and how answers are made (extractive, an OpenAI-compatible endpoint, a
local GGUF file), with the privacy check for endpoints off the machine.

Validated at construction; errors name the bad value and the allowed ones. Reads no
environment: locations are `core.settings.app_config`.
"""
from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from core.errors import ConfigError
from core.settings import DEFAULT_LLM_ENDPOINT

MODES = ("extractive", "openai", "gguf")


@dataclass(frozen=True)
class AnswerSettings:
    mode: str = "extractive"
    endpoint_url: str = DEFAULT_LLM_ENDPOINT
    model: str = ""
    gguf_path: str = ""
    api_key: str | None = None  # for a hosted endpoint; local servers need none

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ConfigError(f"answer mode {self.mode!r} is not one of {MODES}")
        if self.mode == "openai" and urlparse(self.endpoint_url).scheme not in ("http", "https"):
            raise ConfigError(f"endpoint URL {self.endpoint_url!r} must start with http:// or https://")


def endpoint_host(url: str) -> str:
    return urlparse(url).hostname or ""


def is_remote(url: str) -> bool:
    """True when the endpoint is not on this machine (questions and excerpts would leave it)."""
    host = endpoint_host(url)
    if not host:
        return False
    if host == "localhost" or host.endswith(".localhost"):
        return False
    try:
        return not ipaddress.ip_address(host).is_loopback
    except ValueError:
        return True  # any other host name resolves somewhere else


def make_llm(settings: AnswerSettings):
    """The LangChain chat model for the chosen mode, or None for extractive answers.

    Raises answer.llm's ConfigError (no model name, no such GGUF file); the app then
    answers extractively and says why."""
    if settings.mode == "extractive":
        return None
    from answer.llm import LLMConfig, build_chat_model

    if settings.mode == "openai":
        config = LLMConfig(mode="openai", endpoint=settings.endpoint_url, model=settings.model or None,
                           api_key=settings.api_key)
    else:
        config = LLMConfig(mode="gguf", model_path=Path(settings.gguf_path).expanduser())
    return build_chat_model(config)

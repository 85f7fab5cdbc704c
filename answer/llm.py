"""LangChain chat models for the optional LLM mode, from a validated `LLMConfig`:

  openai  any OpenAI-compatible chat-completions endpoint through langchain-openai's
          ChatOpenAI (Ollama, vLLM, llama.cpp server, LM Studio, a hosted API);
  gguf    a local GGUF file through llama-cpp-python, wrapped in a tiny BaseChatModel
          (langchain_community is not a dependency). llama-cpp-python is optional and
          imported only when this mode is used.

Nothing here reads the environment (the entry points do) and nothing downloads a model.
Does not build prompts or check answers (answer.prompting, answer.verify).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from pydantic import PrivateAttr

from core.errors import ConfigError

LLM_MODES = ("openai", "gguf")


@dataclass(frozen=True)
class LLMConfig:
    mode: str = "openai"
    model: str | None = None  # openai: the model name the endpoint serves
    endpoint: str | None = None  # openai: base URL, e.g. http://127.0.0.1:11434/v1
    api_key: str | None = None  # openai: None for local servers that need none
    model_path: Path | None = None  # gguf: the .gguf file
    temperature: float = 0.0  # deterministic: the same sources give the same answer
    max_tokens: int = 700
    timeout_s: float = 120.0
    n_ctx: int = 8192  # gguf: context window; the prompt holds ~6 chunks of <=1500 chars

    def __post_init__(self) -> None:
        if self.mode not in LLM_MODES:
            raise ConfigError(f"LLM mode {self.mode!r} is not one of {LLM_MODES}")
        if self.mode == "openai":
            if not self.endpoint or not str(self.endpoint).startswith(("http://", "https://")):
                raise ConfigError(f"LLM endpoint {self.endpoint!r} must be an http(s) base URL, e.g. http://127.0.0.1:11434/v1")
            if not self.model:
                raise ConfigError("LLM mode 'openai' needs a model name (--model), e.g. 'qwen2.5:7b-instruct'")
        if self.mode == "gguf":
            if self.model_path is None or not Path(self.model_path).is_file():
                raise ConfigError(f"GGUF model file {self.model_path!r} does not exist (pass --model /path/to/model.gguf)")
        if not 0.0 <= self.temperature <= 2.0:
            raise ConfigError(f"temperature={self.temperature!r} must be in [0, 2]")
        if not isinstance(self.max_tokens, int) or self.max_tokens < 16:
            raise ConfigError(f"max_tokens={self.max_tokens!r} must be an integer >= 16")
        if self.timeout_s <= 0:
            raise ConfigError(f"timeout_s={self.timeout_s!r} must be > 0")


def _role(message: BaseMessage) -> str:
    return {"system": "system", "human": "user", "ai": "assistant"}.get(message.type, "user")


class GGUFChatModel(BaseChatModel):
    """A chat model over llama_cpp.Llama; the model file is loaded on first use, once."""

    model_path: str
    n_ctx: int = 8192
    temperature: float = 0.0
    max_tokens: int = 700
    _llama: Any = PrivateAttr(default=None)

    @property
    def _llm_type(self) -> str:
        return "gguf-llama-cpp"

    def _load(self) -> Any:
        if self._llama is None:
            try:
                from llama_cpp import Llama
            except ImportError:
                raise ConfigError(
                    "LLM mode 'gguf' needs llama-cpp-python, which is not installed: "
                    "pip install llama-cpp-python (or use --mode openai with a local server)"
                ) from None
            self._llama = Llama(model_path=self.model_path, n_ctx=self.n_ctx, verbose=False)
        return self._llama

    def _generate(self, messages: list[BaseMessage], stop: list[str] | None = None, run_manager: Any = None, **kwargs: Any) -> ChatResult:
        out = self._load().create_chat_completion(
            messages=[{"role": _role(m), "content": str(m.content)} for m in messages],
            temperature=self.temperature,
            max_tokens=self.max_tokens,
            stop=stop,
        )
        text = out["choices"][0]["message"]["content"] or ""
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=text))])


def build_chat_model(config: LLMConfig) -> BaseChatModel:
    """The LangChain chat model the config names (no network call happens here)."""
    if config.mode == "gguf":
        return GGUFChatModel(model_path=str(config.model_path), n_ctx=config.n_ctx,
                             temperature=config.temperature, max_tokens=config.max_tokens)
    from langchain_openai import ChatOpenAI

    return ChatOpenAI(
        base_url=config.endpoint,
        api_key=config.api_key or "not-needed",  # local servers ignore it; the client requires one
        model=config.model,
        temperature=config.temperature,
        max_tokens=config.max_tokens,
        timeout=config.timeout_s,
        max_retries=1,
    )

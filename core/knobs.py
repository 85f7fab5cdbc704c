"""Validation shared by the typed configurations (retrieval.config, answer.config): each
field of a frozen dataclass is checked against its annotation, and a bad value is a
ConfigError naming the field and what it must be."""
from __future__ import annotations

import math
from dataclasses import fields

from core.errors import ConfigError


def check_fields(config: object, what: str) -> None:
    """bool fields must be bools, int fields integers >= 1, the others finite numbers >= 0."""
    for f in fields(config):  # type: ignore[arg-type]
        v = getattr(config, f.name)
        if f.type == "bool":
            if not isinstance(v, bool):
                raise ConfigError(f"{what} {f.name}={v!r} must be True or False")
        elif f.type == "int":
            if isinstance(v, bool) or not isinstance(v, int) or v < 1:
                raise ConfigError(f"{what} {f.name}={v!r} must be an integer >= 1")
        elif isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v) or v < 0:
            raise ConfigError(f"{what} {f.name}={v!r} must be a finite number >= 0")

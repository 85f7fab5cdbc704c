"""Privacy defaults every entry point applies before importing model or store code.

Victims' data stays on the machine: no model-hub downloads (HF_HUB_OFFLINE=1) unless
the user opts in with PRAVNI_LEK_ALLOW_DOWNLOADS=1, and no telemetry from Chroma
(which also gets `anonymized_telemetry=False` in code) or Hugging Face. Entry points
(CLIs, app.py) call this with `os.environ`; library code never reads the environment.
"""
from __future__ import annotations

from typing import MutableMapping


def apply_privacy_defaults(env: MutableMapping[str, str]) -> None:
    if env.get("PRAVNI_LEK_ALLOW_DOWNLOADS") != "1":
        env.setdefault("HF_HUB_OFFLINE", "1")
        env.setdefault("TRANSFORMERS_OFFLINE", "1")
    env.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
    env.setdefault("ANONYMIZED_TELEMETRY", "False")
    env.setdefault("TOKENIZERS_PARALLELISM", "false")

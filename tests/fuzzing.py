"""How long the fuzz tests run: about 15–25 s each by default (and in CI), longer on request.

Measured on the 2-core CI-like machine: importer fuzz 300 .txt + 300 .docx examples ≈ 12 + 11 s,
pack fuzz 600 examples ≈ 14 s.

``REPLYDESK_FUZZ_SCALE=10 pytest tests/unit/test_fuzz_import.py`` runs ten times the examples.
In CI (``CI=true``) the examples are derandomized, so a CI failure reproduces exactly; locally
each run explores new ones.
"""

from __future__ import annotations

import os
import re
from typing import Any

from hypothesis import HealthCheck, settings

_CHINESE = re.compile("[\u4e00-\u9fff]")


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def fuzz_settings(examples: int) -> Any:
    """Hypothesis settings for ``examples`` examples (tuned to ~20–30 s in CI), scaled by
    ``REPLYDESK_FUZZ_SCALE``; no deadline (a slow CI machine is not a failure)."""
    try:
        scale = max(float(os.environ.get("REPLYDESK_FUZZ_SCALE", "1")), 0.01)
    except ValueError:
        scale = 1.0
    return settings(
        max_examples=max(1, int(examples * scale)),
        deadline=None,
        derandomize=in_ci(),
        database=None if in_ci() else settings.default.database,
        suppress_health_check=list(HealthCheck),
    )


def assert_one_chinese_line(message: str) -> None:
    assert message, "an empty message"
    assert "\n" not in message and "\r" not in message, message
    assert _CHINESE.search(message), message
    assert "Traceback" not in message, message
    message.encode("utf-8")  # printable and loggable: no lone surrogates

"""Strike escalation: how long a timeout a user gets for their strikes within a window."""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class StrikePolicy:
    """``threshold`` strikes within ``window_seconds`` earn a timeout of ``timeout_seconds``;
    each further strike in the window multiplies it by ``multiplier``, up to
    ``max_timeout_seconds``.
    """

    window_seconds: float = 24 * 3600.0
    threshold: int = 3
    timeout_seconds: float = 600.0
    multiplier: float = 2.0
    max_timeout_seconds: float = 24 * 3600.0

    def timeout_for(self, strikes: int) -> float | None:
        """The timeout (seconds) for a user with ``strikes`` active strikes, or None for none."""
        if self.threshold <= 0 or strikes < self.threshold:
            return None
        escalations = min(strikes - self.threshold, 64)
        try:
            timeout = self.timeout_seconds * self.multiplier**escalations
        except OverflowError:  # a huge multiplier ("1e200"): past any longest timeout
            timeout = math.inf
        return float(min(timeout, self.max_timeout_seconds))

    def describe(self) -> str:
        """One line for /rules."""
        if self.threshold <= 0:
            return "Strikes do not lead to timeouts."
        return (
            f"{self.threshold} strikes within {_duration(self.window_seconds)} give a timeout of "
            f"{_duration(self.timeout_seconds)}, x{self.multiplier:g} for each further strike "
            f"(at most {_duration(self.max_timeout_seconds)})."
        )


def _duration(seconds: float) -> str:
    """Human-readable duration: "10 min", "24 h", "45 s"."""
    if seconds >= 3600 and seconds % 3600 == 0:
        return f"{seconds / 3600:g} h"
    if seconds >= 60 and seconds % 60 == 0:
        return f"{seconds / 60:g} min"
    return f"{seconds:g} s"

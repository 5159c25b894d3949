from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Mapping, Optional


@dataclass(frozen=True)
class RateLimit:
    """The ``X-RateLimit-*`` headers of a response: the key's budget per minute,
    what is left of it, and when (epoch seconds) it is whole again."""

    limit: int
    remaining: int
    reset: int

    @property
    def reset_at(self) -> datetime:
        return datetime.fromtimestamp(self.reset, tz=timezone.utc)

    @classmethod
    def from_headers(cls, headers: Mapping[str, str]) -> Optional["RateLimit"]:
        lowered = {k.lower(): v for k, v in headers.items()}
        try:
            return cls(
                limit=int(lowered["x-ratelimit-limit"]),
                remaining=int(lowered["x-ratelimit-remaining"]),
                reset=int(lowered["x-ratelimit-reset"]),
            )
        except (KeyError, ValueError):
            return None

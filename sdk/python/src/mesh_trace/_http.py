"""One HTTP exchange with the gateway, and the retry policy around it."""

from __future__ import annotations

import email.utils
import http.client
import json
import logging
import random
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Callable, Mapping, Optional

from ._errors import APIConnectionError, APIError, APITimeoutError, envelope_fields, error_class
from ._rate_limit import RateLimit
from ._version import __version__

logger = logging.getLogger("mesh_trace")

#: Methods whose repetition has the effect of one request (RFC 9110 §9.2.2).
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
#: Statuses the gateway documents as "retry later": rate limited, store unavailable.
RETRY_STATUSES = frozenset({429, 503})
#: Exponential backoff for network errors (and 429/503 without Retry-After): 0.5 s, 1 s, 2 s … capped at 8 s.
BACKOFF_INITIAL_S = 0.5
BACKOFF_MAX_S = 8.0


@dataclass(frozen=True)
class Response:
    status: int
    headers: Mapping[str, str]
    body: Any
    rate_limit: Optional[RateLimit]
    request_id: Optional[str]


def backoff_delay(attempt: int, rand: Callable[[], float] = random.random) -> float:
    """Delay before retry number ``attempt`` (0-based) after a network error: the
    exponential step, of which the upper half is random ("equal jitter"), so that
    clients failing together do not retry together."""
    step = min(BACKOFF_MAX_S, BACKOFF_INITIAL_S * (2 ** attempt))
    return step / 2 + rand() * step / 2


def parse_retry_after(value: Optional[str], now: Optional[float] = None) -> Optional[float]:
    """``Retry-After`` as seconds to wait: delay-seconds or an HTTP-date (RFC 9110 §10.2.3)."""
    if value is None or value.strip() == "":
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    current = time.time() if now is None else now
    return max(0.0, when.timestamp() - current)


class Transport:
    def __init__(
        self,
        base_url: str,
        api_key: str,
        timeout: float,
        max_retries: int,
        max_retry_wait: float,
        retry_non_idempotent: bool,
        headers: Optional[Mapping[str, str]] = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.api_key = api_key
        self.timeout = timeout
        self.max_retries = max_retries
        self.max_retry_wait = max_retry_wait
        self.retry_non_idempotent = retry_non_idempotent
        self.extra_headers = dict(headers or {})
        self.last_rate_limit: Optional[RateLimit] = None
        self.sleep: Callable[[float], None] = time.sleep

    def request(
        self,
        method: str,
        path: str,
        *,
        query: Optional[Mapping[str, Any]] = None,
        body: Any = None,
        idempotent: Optional[bool] = None,
    ) -> Response:
        """Sends the request, retrying as the policy allows; raises the typed error of a final failure."""
        safe = method in IDEMPOTENT_METHODS if idempotent is None else idempotent
        retryable = safe or self.retry_non_idempotent
        attempt = 0
        while True:
            try:
                response = self._send(method, path, query, body)
            except APIConnectionError as error:
                if not retryable or attempt >= self.max_retries:
                    raise
                delay = backoff_delay(attempt)
                logger.info("mesh_trace: %s %s failed (%s); retry %d in %.2f s", method, path, error, attempt + 1, delay)
            else:
                if response.status < 400:
                    return response
                error = _api_error(response)
                if not (retryable and response.status in RETRY_STATUSES and attempt < self.max_retries):
                    raise error
                delay = error.retry_after if error.retry_after is not None else backoff_delay(attempt)
                if delay > self.max_retry_wait:
                    raise error
                logger.info("mesh_trace: %s %s answered %d; retry %d in %.2f s", method, path, response.status, attempt + 1, delay)
            self.sleep(delay)
            attempt += 1

    def _send(self, method: str, path: str, query: Optional[Mapping[str, Any]], body: Any) -> Response:
        url = self.base_url + path
        if query:
            pairs = [(k, v) for k, v in query.items() if v is not None]
            if pairs:
                url += "?" + urllib.parse.urlencode(pairs)
        headers = {
            "Authorization": f"Bearer {self.api_key}",
            "Accept": "application/json",
            "User-Agent": f"mesh-trace-python/{__version__}",
            **self.extra_headers,
        }
        data = None
        if body is not None:
            data = json.dumps(body).encode("utf-8")
            headers["Content-Type"] = "application/json"
        request = urllib.request.Request(url, data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as answer:
                return self._response(answer.status, answer.headers, answer.read())
        except urllib.error.HTTPError as answer:
            with answer:
                return self._response(answer.code, answer.headers, answer.read())
        except (socket.timeout, TimeoutError) as error:
            raise APITimeoutError(f"{method} {url}: no response within {self.timeout} s") from error
        except (urllib.error.URLError, http.client.HTTPException, OSError) as error:
            reason = getattr(error, "reason", error)
            if isinstance(reason, (socket.timeout, TimeoutError)):
                raise APITimeoutError(f"{method} {url}: no response within {self.timeout} s") from error
            raise APIConnectionError(f"{method} {url}: {reason}") from error

    def _response(self, status: int, raw_headers: Any, raw_body: bytes) -> Response:
        headers = {k.lower(): v for k, v in raw_headers.items()}
        rate_limit = RateLimit.from_headers(headers)
        if rate_limit is not None:
            self.last_rate_limit = rate_limit
        body: Any = None
        if raw_body:
            try:
                body = json.loads(raw_body.decode("utf-8"))
            except ValueError:
                body = raw_body.decode("utf-8", errors="replace")
        return Response(status, headers, body, rate_limit, headers.get("x-request-id"))


def _api_error(response: Response) -> APIError:
    fields = envelope_fields(response.body) or {}
    code = fields.get("code") if isinstance(fields.get("code"), str) else f"http_{response.status}"
    message = fields.get("message") if isinstance(fields.get("message"), str) else f"HTTP {response.status}"
    param = fields.get("param") if isinstance(fields.get("param"), str) else None
    request_id = fields.get("request_id") if isinstance(fields.get("request_id"), str) else response.request_id
    retry_after = parse_retry_after(response.headers.get("retry-after"))
    cls = error_class(response.status)
    return cls(response.status, code, message, param, request_id, response.headers, response.rate_limit, retry_after)


def iso(value: Any) -> Optional[str]:
    """A timestamp parameter as the gateway reads it: text as given; a datetime in UTC
    with milliseconds (a naive datetime is taken as UTC, as the gateway does)."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(timezone.utc).replace(tzinfo=None)
        return value.strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.microsecond // 1000:03d}Z"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    raise TypeError(f"expected a datetime, date or ISO 8601 string, got {type(value).__name__}")

"""Typed errors: one class per documented HTTP status, each carrying the error envelope."""

from __future__ import annotations

from typing import Any, Mapping, Optional

from ._rate_limit import RateLimit


class MeshTraceError(Exception):
    """Base class of every error this library raises."""


class APIConnectionError(MeshTraceError):
    """The gateway could not be reached, or the connection failed before a response arrived."""


class APITimeoutError(APIConnectionError):
    """No response within the client's timeout."""


class APIError(MeshTraceError):
    """The gateway answered with an error status and the documented envelope
    ``{"error": {"code", "message", "param", "request_id"}}``."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        param: Optional[str],
        request_id: Optional[str],
        headers: Mapping[str, str],
        rate_limit: Optional[RateLimit],
        retry_after: Optional[float] = None,
    ) -> None:
        super().__init__(f"{status} {code}: {message}" + (f" (param {param})" if param else ""))
        self.status = status
        self.code = code
        self.message = message
        self.param = param
        self.request_id = request_id
        self.headers = dict(headers)
        self.rate_limit = rate_limit
        #: Seconds the gateway asked to wait (``Retry-After``), on 429 and 503 answers.
        self.retry_after = retry_after


class BadRequestError(APIError):
    """400: an invalid parameter (``param`` names it) or a malformed body."""


class AuthenticationError(APIError):
    """401: missing, unknown or revoked API key."""


class PermissionDeniedError(APIError):
    """403: the key lacks the permission the request needs."""


class NotFoundError(APIError):
    """404: the addressed resource (trace, node, alert rule) does not exist."""


class ConflictError(APIError):
    """409: the request conflicts with the resource's current state."""


class RateLimitError(APIError):
    """429: the key's per-minute budget is spent; ``retry_after`` says for how long."""


class InternalServerError(APIError):
    """5xx: the gateway failed."""


class ServiceUnavailableError(InternalServerError):
    """503: the gateway's store is unreachable for now; ``retry_after`` says when to retry."""


_BY_STATUS = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    429: RateLimitError,
    503: ServiceUnavailableError,
}


def error_class(status: int) -> type:
    if status in _BY_STATUS:
        return _BY_STATUS[status]
    return InternalServerError if status >= 500 else APIError


def envelope_fields(body: Any) -> Optional[Mapping[str, Any]]:
    """The ``error`` object of a documented envelope, or None when the body is something else."""
    if isinstance(body, dict) and isinstance(body.get("error"), dict):
        return body["error"]
    return None

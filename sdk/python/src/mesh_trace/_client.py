from __future__ import annotations

import os
from typing import Mapping, Optional

from ._errors import MeshTraceError
from ._http import Transport
from ._rate_limit import RateLimit
from ._resources import AlertRules, Nodes, Services, TopologyResource, Traces

DEFAULT_BASE_URL = "http://127.0.0.1:4000/v1"


class Client:
    """A client of the Mesh-Trace REST API v1.

    ``api_key`` defaults to ``MESH_TRACE_API_KEY`` and ``base_url`` to
    ``MESH_TRACE_BASE_URL``, else ``http://127.0.0.1:4000/v1``.

    Retries: a request answered 429 or 503 is repeated after the ``Retry-After``
    the gateway sent (exponential backoff when it sent none), and a request that
    failed on the network after an exponential backoff with jitter, at most
    ``max_retries`` times. Only requests that change nothing when repeated are
    retried — GET, DELETE and trace search — unless ``retry_non_idempotent`` is
    set. A ``Retry-After`` longer than ``max_retry_wait`` seconds is not waited
    for: the ``RateLimitError`` is raised at once.
    """

    def __init__(
        self,
        api_key: Optional[str] = None,
        *,
        base_url: Optional[str] = None,
        timeout: float = 30.0,
        max_retries: int = 2,
        max_retry_wait: float = 120.0,
        retry_non_idempotent: bool = False,
        headers: Optional[Mapping[str, str]] = None,
    ) -> None:
        key = api_key if api_key is not None else os.environ.get("MESH_TRACE_API_KEY")
        if not key:
            raise MeshTraceError("No API key: pass Client(api_key=...) or set MESH_TRACE_API_KEY")
        url = base_url if base_url is not None else os.environ.get("MESH_TRACE_BASE_URL") or DEFAULT_BASE_URL
        if max_retries < 0:
            raise ValueError("max_retries must be 0 or more")
        self._transport = Transport(url, key, timeout, max_retries, max_retry_wait, retry_non_idempotent, headers)
        self.traces = Traces(self._transport)
        self.nodes = Nodes(self._transport)
        self.services = Services(self._transport)
        self.topology = TopologyResource(self._transport)
        self.alert_rules = AlertRules(self._transport)

    @property
    def base_url(self) -> str:
        return self._transport.base_url

    @property
    def rate_limit(self) -> Optional[RateLimit]:
        """The ``X-RateLimit-*`` headers of the latest response, None before the first."""
        return self._transport.last_rate_limit

    def __repr__(self) -> str:
        return f"Client(base_url={self.base_url!r})"

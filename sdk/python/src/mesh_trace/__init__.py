"""Client library for the Mesh-Trace REST API v1.

    from mesh_trace import Client
    client = Client(api_key="mtk_live_…")
    for trace in client.traces.list(service="api-gateway", min_duration_ms=100, limit=20):
        print(f"{trace.trace_id} — {trace.duration_ms}ms")
"""

from ._client import DEFAULT_BASE_URL, Client
from ._errors import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InternalServerError,
    MeshTraceError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ServiceUnavailableError,
)
from ._models import (
    AlertCondition,
    AlertConditionInput,
    AlertEdge,
    AlertEdgeInput,
    AlertRule,
    AttributeValue,
    CreatedAlertRule,
    HeartbeatAck,
    Node,
    NodeHealth,
    Service,
    ServiceList,
    Span,
    SpanEvent,
    Topology,
    TopologyEdge,
    TopologyNode,
    Trace,
    TraceSummary,
)
from ._pagination import Page
from ._rate_limit import RateLimit
from ._version import __version__

__all__ = [
    "DEFAULT_BASE_URL",
    "Client",
    "Page",
    "RateLimit",
    "__version__",
    "MeshTraceError",
    "APIError",
    "APIConnectionError",
    "APITimeoutError",
    "BadRequestError",
    "AuthenticationError",
    "PermissionDeniedError",
    "NotFoundError",
    "ConflictError",
    "RateLimitError",
    "InternalServerError",
    "ServiceUnavailableError",
    "AttributeValue",
    "TraceSummary",
    "Trace",
    "Span",
    "SpanEvent",
    "Node",
    "NodeHealth",
    "HeartbeatAck",
    "Service",
    "ServiceList",
    "Topology",
    "TopologyNode",
    "TopologyEdge",
    "AlertRule",
    "AlertCondition",
    "AlertEdge",
    "CreatedAlertRule",
    "AlertConditionInput",
    "AlertEdgeInput",
]

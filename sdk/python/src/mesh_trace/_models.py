"""Typed models of the documented JSON. Field names are the document's; unknown
fields a newer gateway may add are ignored, so older clients keep working."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Dict, List, Mapping, Optional, TypedDict, Union

#: An attribute value as the gateway renders it (docs/rest-v1.md): str, bool, int, float,
#: None, a list of values or a dict of values. An int64 beyond ±(2^53 − 1) arrives as the
#: string of its exact digits, and NaN/±Infinity as "NaN"/"Infinity"/"-Infinity".
AttributeValue = Union[str, bool, int, float, None, List[Any], Dict[str, Any]]


def parse_time(text: Optional[str]) -> Optional[datetime]:
    """An ISO 8601 timestamp of a response (``2026-03-15T08:22:41.003Z``) as an aware datetime."""
    if text is None:
        return None
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def _time(text: str) -> datetime:
    parsed = parse_time(text)
    assert parsed is not None
    return parsed


@dataclass(frozen=True)
class TraceSummary:
    trace_id: str
    root_service: Optional[str]
    root_operation: Optional[str]
    duration_ms: int
    span_count: int
    status: str
    started_at: datetime
    services: List[str]

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "TraceSummary":
        return cls(
            trace_id=data["trace_id"],
            root_service=data.get("root_service"),
            root_operation=data.get("root_operation"),
            duration_ms=data["duration_ms"],
            span_count=data["span_count"],
            status=data["status"],
            started_at=_time(data["started_at"]),
            services=list(data.get("services", [])),
        )


@dataclass(frozen=True)
class SpanEvent:
    name: str
    timestamp: datetime
    attributes: Dict[str, AttributeValue]

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "SpanEvent":
        return cls(name=data["name"], timestamp=_time(data["timestamp"]), attributes=dict(data.get("attributes", {})))


@dataclass(frozen=True)
class Span:
    span_id: str
    parent_span_id: Optional[str]
    operation_name: str
    service_name: str
    duration_ms: int
    status_code: str
    attributes: Dict[str, AttributeValue]
    started_at: datetime
    events: List[SpanEvent]

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "Span":
        return cls(
            span_id=data["span_id"],
            parent_span_id=data.get("parent_span_id"),
            operation_name=data["operation_name"],
            service_name=data["service_name"],
            duration_ms=data["duration_ms"],
            status_code=data["status_code"],
            attributes=dict(data.get("attributes", {})),
            started_at=_time(data["started_at"]),
            events=[SpanEvent.from_json(e) for e in data.get("events", [])],
        )


@dataclass(frozen=True)
class Trace:
    trace_id: str
    duration_ms: int
    span_count: int
    spans: List[Span]

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "Trace":
        return cls(
            trace_id=data["trace_id"],
            duration_ms=data["duration_ms"],
            span_count=data["span_count"],
            spans=[Span.from_json(s) for s in data.get("spans", [])],
        )


@dataclass(frozen=True)
class Node:
    node_id: str
    cluster: str
    version: str
    status: str
    spans_ingested_1h: int
    cpu_percent: float
    memory_mb: float
    last_heartbeat: datetime

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "Node":
        return cls(
            node_id=data["node_id"],
            cluster=data["cluster"],
            version=data["version"],
            status=data["status"],
            spans_ingested_1h=data["spans_ingested_1h"],
            cpu_percent=data["cpu_percent"],
            memory_mb=data["memory_mb"],
            last_heartbeat=_time(data["last_heartbeat"]),
        )


@dataclass(frozen=True)
class NodeHealth:
    node_id: str
    status: str
    uptime_seconds: int
    ingestion_rate_sps: float
    dropped_spans_1h: int
    otlp_grpc_active: bool
    otlp_http_active: bool
    sampling_rate: float
    buffer_utilization_pct: float

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "NodeHealth":
        return cls(**{name: data[name] for name in cls.__dataclass_fields__})


@dataclass(frozen=True)
class HeartbeatAck:
    node_id: str
    status: str
    last_heartbeat: datetime

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "HeartbeatAck":
        return cls(node_id=data["node_id"], status=data["status"], last_heartbeat=_time(data["last_heartbeat"]))


@dataclass(frozen=True)
class Service:
    name: str
    namespace: Optional[str]
    cluster: Optional[str]
    first_seen: datetime
    span_count_24h: int
    error_rate_24h: float
    p99_latency_ms: Optional[int]

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "Service":
        return cls(
            name=data["name"],
            namespace=data.get("namespace"),
            cluster=data.get("cluster"),
            first_seen=_time(data["first_seen"]),
            span_count_24h=data["span_count_24h"],
            error_rate_24h=data["error_rate_24h"],
            p99_latency_ms=data.get("p99_latency_ms"),
        )


@dataclass(frozen=True)
class ServiceList:
    services: List[Service]
    total: int

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "ServiceList":
        return cls(services=[Service.from_json(s) for s in data.get("services", [])], total=data["total"])


@dataclass(frozen=True)
class TopologyNode:
    id: str
    type: str


@dataclass(frozen=True)
class TopologyEdge:
    source: str
    target: str
    request_count: int
    error_rate: float
    p50_latency_ms: int
    p99_latency_ms: int


@dataclass(frozen=True)
class Topology:
    nodes: List[TopologyNode]
    edges: List[TopologyEdge]

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "Topology":
        return cls(
            nodes=[TopologyNode(id=n["id"], type=n["type"]) for n in data.get("nodes", [])],
            edges=[
                TopologyEdge(**{name: e[name] for name in TopologyEdge.__dataclass_fields__}) for e in data.get("edges", [])
            ],
        )


@dataclass(frozen=True)
class AlertEdge:
    source: str
    target: str


@dataclass(frozen=True)
class AlertCondition:
    metric: str
    operator: str
    threshold: float
    window: str
    service: Optional[str] = None
    edge: Optional[AlertEdge] = None
    #: How long the condition must hold before the rule fires; None when it fires at once.
    for_: Optional[str] = None

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "AlertCondition":
        edge = data.get("edge")
        return cls(
            metric=data["metric"],
            operator=data["operator"],
            threshold=data["threshold"],
            window=data["window"],
            service=data.get("service"),
            edge=AlertEdge(source=edge["source"], target=edge["target"]) if edge else None,
            for_=data.get("for"),
        )


@dataclass(frozen=True)
class AlertRule:
    id: str
    name: str
    condition: AlertCondition
    channels: List[str]
    severity: str
    status: str
    state: str
    created_at: datetime
    updated_at: datetime
    last_evaluated_at: Optional[datetime]

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "AlertRule":
        return cls(
            id=data["id"],
            name=data["name"],
            condition=AlertCondition.from_json(data["condition"]),
            channels=list(data.get("channels", [])),
            severity=data["severity"],
            status=data["status"],
            state=data["state"],
            created_at=_time(data["created_at"]),
            updated_at=_time(data["updated_at"]),
            last_evaluated_at=parse_time(data.get("last_evaluated_at")),
        )


@dataclass(frozen=True)
class CreatedAlertRule:
    id: str
    name: str
    status: str
    created_at: datetime

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "CreatedAlertRule":
        return cls(id=data["id"], name=data["name"], status=data["status"], created_at=_time(data["created_at"]))


class AlertEdgeInput(TypedDict):
    source: str
    target: str


_AlertConditionOptional = TypedDict(
    "_AlertConditionOptional",
    {"service": str, "edge": AlertEdgeInput, "for": Optional[str]},
    total=False,
)


class AlertConditionInput(_AlertConditionOptional):
    """The ``condition`` of a new rule, as the document's example writes it:
    ``{"metric": "error_rate", "service": "payment-svc", "operator": ">", "threshold": 0.05, "window": "5m"}``
    (exactly one of ``service`` and ``edge``; ``for`` is optional)."""

    metric: str
    operator: str
    threshold: float
    window: str

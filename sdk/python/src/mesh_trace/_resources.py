"""One class per section of the REST v1 document; each method is one route."""

from __future__ import annotations

import urllib.parse
from datetime import date, datetime
from typing import Any, Dict, List, Optional, Sequence, Union

from ._http import Transport, iso
from ._models import (
    AlertConditionInput,
    AlertRule,
    CreatedAlertRule,
    HeartbeatAck,
    Node,
    NodeHealth,
    ServiceList,
    Topology,
    Trace,
    TraceSummary,
)
from ._pagination import Page, cursor_of_link

Timestamp = Union[datetime, date, str]


def _segment(value: str) -> str:
    return urllib.parse.quote(value, safe="")


class Traces:
    def __init__(self, transport: Transport) -> None:
        self._t = transport

    def list(
        self,
        *,
        service: Optional[str] = None,
        start_time: Optional[Timestamp] = None,
        end_time: Optional[Timestamp] = None,
        min_duration_ms: Optional[int] = None,
        status: Optional[str] = None,
        limit: Optional[int] = None,
        cursor: Optional[str] = None,
    ) -> Page[TraceSummary]:
        """``GET /v1/traces``: the first page (``limit`` traces, newest first); iterate the
        result to walk every page. The window of the first page is kept while paging."""
        query = {
            "service": service,
            "start_time": iso(start_time),
            "end_time": iso(end_time),
            "min_duration_ms": min_duration_ms,
            "status": status,
            "limit": limit,
        }

        def fetch(page_cursor: Optional[str]) -> Page[TraceSummary]:
            response = self._t.request("GET", "/traces", query={**query, "cursor": page_cursor})
            body = response.body
            return Page(
                [TraceSummary.from_json(t) for t in body["traces"]],
                body.get("next_cursor"),
                body["total_matched"],
                response,
                fetch,
            )

        return fetch(cursor)

    def get(self, trace_id: str) -> Trace:
        """``GET /v1/traces/{trace_id}``: the trace with all its spans."""
        return Trace.from_json(self._t.request("GET", f"/traces/{_segment(trace_id)}").body)

    def search(
        self,
        query: str,
        *,
        start_time: Timestamp,
        end_time: Timestamp,
        limit: Optional[int] = None,
        cursor: Optional[str] = None,
    ) -> Page[TraceSummary]:
        """``POST /v1/traces/search``: traces matching a search expression, in pages like ``list``.
        A search changes nothing, so it is retried like a GET."""
        body: Dict[str, Any] = {"query": query, "start_time": iso(start_time), "end_time": iso(end_time)}
        if limit is not None:
            body["limit"] = limit

        def fetch(page_cursor: Optional[str]) -> Page[TraceSummary]:
            payload = body if page_cursor is None else {**body, "cursor": page_cursor}
            response = self._t.request("POST", "/traces/search", body=payload, idempotent=True)
            answer = response.body
            return Page(
                [TraceSummary.from_json(t) for t in answer["traces"]],
                answer.get("next_cursor"),
                answer["total_matched"],
                response,
                fetch,
            )

        return fetch(cursor)


class Nodes:
    def __init__(self, transport: Transport) -> None:
        self._t = transport

    def list(
        self,
        *,
        cluster: Optional[str] = None,
        status: Optional[str] = None,
        limit: Optional[int] = None,
        cursor: Optional[str] = None,
    ) -> Page[Node]:
        """``GET /v1/nodes``: collector nodes in node id order, paged by the ``Link: rel="next"`` header."""
        query = {"cluster": cluster, "status": status, "limit": limit}

        def fetch(page_cursor: Optional[str]) -> Page[Node]:
            response = self._t.request("GET", "/nodes", query={**query, "cursor": page_cursor})
            body = response.body
            return Page(
                [Node.from_json(n) for n in body["nodes"]],
                cursor_of_link(response.headers.get("link")),
                body["total"],
                response,
                fetch,
            )

        return fetch(cursor)

    def health(self, node_id: str) -> NodeHealth:
        """``GET /v1/nodes/{node_id}/health``."""
        return NodeHealth.from_json(self._t.request("GET", f"/nodes/{_segment(node_id)}/health").body)

    def heartbeat(
        self,
        node_id: str,
        *,
        cluster: str,
        version: str,
        cpu_percent: float,
        memory_mb: float,
        uptime_seconds: int,
        ingestion_rate_sps: float,
        spans_ingested_total: int,
        dropped_spans_total: int,
        otlp_grpc_active: bool,
        otlp_http_active: bool,
        sampling_rate: float,
        buffer_utilization_pct: float,
    ) -> HeartbeatAck:
        """``POST /v1/nodes/{node_id}/heartbeat`` (write permission). Not retried unless the
        client was created with ``retry_non_idempotent=True``."""
        body = {
            "cluster": cluster,
            "version": version,
            "cpu_percent": cpu_percent,
            "memory_mb": memory_mb,
            "uptime_seconds": uptime_seconds,
            "ingestion_rate_sps": ingestion_rate_sps,
            "spans_ingested_total": spans_ingested_total,
            "dropped_spans_total": dropped_spans_total,
            "otlp_grpc_active": otlp_grpc_active,
            "otlp_http_active": otlp_http_active,
            "sampling_rate": sampling_rate,
            "buffer_utilization_pct": buffer_utilization_pct,
        }
        return HeartbeatAck.from_json(self._t.request("POST", f"/nodes/{_segment(node_id)}/heartbeat", body=body).body)


class Services:
    def __init__(self, transport: Transport) -> None:
        self._t = transport

    def list(self, *, cluster: Optional[str] = None) -> ServiceList:
        """``GET /v1/services``: discovered services with their last-24-hour figures (one page, at most 1000)."""
        return ServiceList.from_json(self._t.request("GET", "/services", query={"cluster": cluster}).body)


class TopologyResource:
    def __init__(self, transport: Transport) -> None:
        self._t = transport

    def get(self, *, cluster: Optional[str] = None, time_window: Optional[str] = None) -> Topology:
        """``GET /v1/topology``: the service dependency graph over ``time_window`` (1h, 6h or 24h)."""
        query = {"cluster": cluster, "time_window": time_window}
        return Topology.from_json(self._t.request("GET", "/topology", query=query).body)


class AlertRules:
    def __init__(self, transport: Transport) -> None:
        self._t = transport

    def create(
        self,
        *,
        name: str,
        condition: AlertConditionInput,
        channels: Sequence[str],
        severity: Optional[str] = None,
    ) -> CreatedAlertRule:
        """``POST /v1/alerts/rules`` (admin permission). Not retried unless the client was
        created with ``retry_non_idempotent=True``: a repeated create makes a second rule."""
        body: Dict[str, Any] = {"name": name, "condition": dict(condition), "channels": list(channels)}
        if severity is not None:
            body["severity"] = severity
        return CreatedAlertRule.from_json(self._t.request("POST", "/alerts/rules", body=body).body)

    def get(self, rule_id: str) -> AlertRule:
        """``GET /v1/alerts/rules/{id}``."""
        return AlertRule.from_json(self._t.request("GET", f"/alerts/rules/{_segment(rule_id)}").body)

    def list(self, *, limit: Optional[int] = None, cursor: Optional[str] = None) -> Page[AlertRule]:
        """``GET /v1/alerts/rules``: rules in creation order, paged by the ``Link: rel="next"`` header."""

        def fetch(page_cursor: Optional[str]) -> Page[AlertRule]:
            response = self._t.request("GET", "/alerts/rules", query={"limit": limit, "cursor": page_cursor})
            body = response.body
            return Page(
                [AlertRule.from_json(r) for r in body["rules"]],
                cursor_of_link(response.headers.get("link")),
                body["total"],
                response,
                fetch,
            )

        return fetch(cursor)

    def update(
        self,
        rule_id: str,
        *,
        name: Optional[str] = None,
        condition: Optional[Dict[str, Any]] = None,
        channels: Optional[List[str]] = None,
        severity: Optional[str] = None,
        status: Optional[str] = None,
    ) -> AlertRule:
        """``PATCH /v1/alerts/rules/{id}``: changes the given fields only; ``condition`` fields
        merge into the current condition (``{"for": None}`` removes ``for``)."""
        fields = {"name": name, "condition": condition, "channels": channels, "severity": severity, "status": status}
        body = {k: v for k, v in fields.items() if v is not None}
        return AlertRule.from_json(self._t.request("PATCH", f"/alerts/rules/{_segment(rule_id)}", body=body).body)

    def delete(self, rule_id: str) -> None:
        """``DELETE /v1/alerts/rules/{id}``."""
        self._t.request("DELETE", f"/alerts/rules/{_segment(rule_id)}")

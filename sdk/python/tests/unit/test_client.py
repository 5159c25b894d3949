from datetime import datetime, timedelta, timezone

import pytest

from mesh_trace import DEFAULT_BASE_URL, Client, MeshTraceError, TraceSummary

from scripted import TRACE_SUMMARY, Answer


def test_takes_key_and_base_url_from_the_environment(monkeypatch):
    monkeypatch.setenv("MESH_TRACE_API_KEY", "mtk_live_from_env_0000000000")
    monkeypatch.setenv("MESH_TRACE_BASE_URL", "https://gateway.example/v1/")
    client = Client()
    assert client.base_url == "https://gateway.example/v1"
    assert client._transport.api_key == "mtk_live_from_env_0000000000"


def test_defaults_to_the_local_gateway(monkeypatch):
    monkeypatch.delenv("MESH_TRACE_BASE_URL", raising=False)
    assert Client(api_key="k").base_url == DEFAULT_BASE_URL == "http://127.0.0.1:4000/v1"


def test_arguments_win_over_the_environment(monkeypatch):
    monkeypatch.setenv("MESH_TRACE_API_KEY", "env-key")
    monkeypatch.setenv("MESH_TRACE_BASE_URL", "http://env.example/v1")
    client = Client(api_key="arg-key", base_url="http://arg.example/v1")
    assert (client.base_url, client._transport.api_key) == ("http://arg.example/v1", "arg-key")


def test_refuses_to_start_without_a_key(monkeypatch):
    monkeypatch.delenv("MESH_TRACE_API_KEY", raising=False)
    with pytest.raises(MeshTraceError, match="MESH_TRACE_API_KEY"):
        Client()


def test_sends_the_key_as_bearer_and_parameters_in_the_query(server, client):
    server.queue(Answer(body={"traces": [TRACE_SUMMARY], "next_cursor": None, "total_matched": 1}))
    start = datetime(2026, 3, 15, 9, 30, 0, 123456, tzinfo=timezone(timedelta(hours=1)))
    page = client.traces.list(service="api-gateway", start_time=start, end_time="2026-03-15T09:00:00Z", min_duration_ms=100, status="error", limit=20)
    seen = server.requests[0]
    assert (seen.method, seen.path) == ("GET", "/v1/traces")
    assert seen.headers["authorization"] == "Bearer mtk_live_unit_test_key_000000"
    assert seen.headers["user-agent"].startswith("mesh-trace-python/")
    assert seen.query == {
        "service": ["api-gateway"],
        "start_time": ["2026-03-15T08:30:00.123Z"],
        "end_time": ["2026-03-15T09:00:00Z"],
        "min_duration_ms": ["100"],
        "status": ["error"],
        "limit": ["20"],
    }
    assert page.items == [
        TraceSummary(
            trace_id="4bf92f3577b34da6a3ce929d0e0e4736",
            root_service="api-gateway",
            root_operation="POST /api/orders",
            duration_ms=142,
            span_count=23,
            status="ok",
            started_at=datetime(2026, 3, 15, 8, 22, 41, 3000, tzinfo=timezone.utc),
            services=["api-gateway", "order-svc"],
        )
    ]
    assert page.total == 1 and not page.has_next_page()


def test_naive_datetimes_are_sent_as_utc(server, client):
    server.queue(Answer(body={"traces": [], "next_cursor": None, "total_matched": 0}))
    client.traces.list(start_time=datetime(2026, 3, 15, 8, 0))
    assert server.requests[0].query["start_time"] == ["2026-03-15T08:00:00.000Z"]


def test_escapes_path_parameters(server, client):
    server.queue(Answer(status=404, body={"error": {"code": "not_found", "message": "x", "param": "node_id", "request_id": "r"}}))
    with pytest.raises(MeshTraceError):
        client.nodes.health("a/b c")
    assert server.requests[0].path == "/v1/nodes/a%2Fb%20c/health"


def test_keeps_int64_attribute_values_exact(server, client):
    span = {
        "span_id": "00f067aa0ba902b7",
        "parent_span_id": None,
        "operation_name": "op",
        "service_name": "svc",
        "duration_ms": 1,
        "status_code": "OK",
        "attributes": {"beyond": "9007199254740993", "raw": 9223372036854775807, "small": 201},
        "started_at": "2026-03-15T08:22:41.003Z",
        "events": [],
    }
    server.queue(Answer(body=b'{"trace_id":"t","duration_ms":1,"span_count":1,"spans":[' + __import__("json").dumps(span).encode() + b"]}"))
    attributes = client.traces.get("t").spans[0].attributes
    assert attributes == {"beyond": "9007199254740993", "raw": 9223372036854775807, "small": 201}
    assert isinstance(attributes["raw"], int)

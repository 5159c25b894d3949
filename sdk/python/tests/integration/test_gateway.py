import json
import os
import time
from datetime import datetime, timezone

import pytest

from mesh_trace import (
    AuthenticationError,
    BadRequestError,
    Client,
    NotFoundError,
    Page,
    TraceSummary,
)


def test_walks_every_page_while_another_writer_ingests(fx, client):
    walk = fx["walk"]
    traces = client.traces.list(service=walk["service"], limit=walk["page_size"])
    assert isinstance(traces, Page) and len(traces.items) == walk["page_size"]
    started = time.time()
    seen = []
    for trace in traces:
        assert isinstance(trace, TraceSummary)
        seen.append(trace.trace_id)
        time.sleep(0.06)
    finished = time.time()
    with open(os.path.join(fx["report_dir"], "walk.json"), "w", encoding="utf-8") as f:
        json.dump({"started_ms": started * 1000, "finished_ms": finished * 1000, "trace_ids": seen}, f)
    seeded = walk["trace_ids"]
    assert len(seen) == len(set(seen)), "a trace came twice"
    assert seen[len(seen) - len(seeded):] == seeded, "a seeded trace was skipped or misplaced"


def test_reads_one_page_at_a_time_and_stops_early(fx, client):
    walk = fx["walk"]
    first = client.traces.list(service=walk["service"], limit=walk["page_size"])
    assert first.has_next_page() and first.total >= len(walk["trace_ids"])
    second = first.next_page()
    assert second is not None and len(second.items) == walk["page_size"]
    assert not {t.trace_id for t in first.items} & {t.trace_id for t in second.items}
    resumed = client.traces.list(service=walk["service"], limit=walk["page_size"], cursor=first.next_cursor)
    assert [t.trace_id for t in resumed.items] == [t.trace_id for t in second.items]
    taken = []
    for trace in first:
        taken.append(trace)
        if len(taken) == 2:
            break
    assert len(taken) == 2


def test_gets_a_trace_with_every_any_value_type_exact(fx, client):
    expected = fx["any_value"]
    trace = client.traces.get(expected["trace_id"])
    assert trace.trace_id == expected["trace_id"] and trace.span_count == 1
    span = trace.spans[0]
    assert span.span_id == expected["span_id"] and span.parent_span_id is None
    assert span.attributes == expected["attributes"]
    assert span.attributes["int64.max"] == "9223372036854775807"
    assert span.attributes["int.max_safe"] == 9007199254740991 and isinstance(span.attributes["int.max_safe"], int)
    assert isinstance(span.attributes["double"], float)
    assert [(e.name, e.attributes) for e in span.events] == [(expected["event"]["name"], expected["event"]["attributes"])]
    assert span.started_at.tzinfo is not None and span.started_at <= datetime.now(timezone.utc)


def test_searches_with_the_search_language_across_pages(fx, client):
    search = fx["search"]
    found = client.traces.search(search["query"], start_time=search["start_time"], end_time=search["end_time"], limit=1)
    assert found.total == len(search["trace_ids"])
    assert [t.trace_id for t in found] == search["trace_ids"]
    assert all(t.status == "error" for t in found)


def test_nodes_heartbeat_list_and_health(fx, client):
    figures = dict(
        cluster="prod-eu-1", version="3.2.1", cpu_percent=12.4, memory_mb=256, uptime_seconds=604821,
        ingestion_rate_sps=4782, spans_ingested_total=284910, dropped_spans_total=0, otlp_grpc_active=True,
        otlp_http_active=True, sampling_rate=0.15, buffer_utilization_pct=8.2,
    )
    for node_id in ("py-node-a", "py-node-b"):
        ack = client.nodes.heartbeat(node_id, **figures)
        assert ack.node_id == node_id and ack.status == "healthy"
    listed = [n.node_id for n in client.nodes.list(limit=1)]
    assert listed == ["py-node-a", "py-node-b"]
    health = client.nodes.health("py-node-a")
    assert (health.uptime_seconds, health.sampling_rate, health.otlp_grpc_active) == (604821, 0.15, True)
    with pytest.raises(NotFoundError) as raised:
        client.nodes.health("py-node-missing")
    assert raised.value.param == "node_id"


def test_services_and_topology(fx, client):
    services = client.services.list()
    assert set(fx["services"]) <= {s.name for s in services.services}
    assert services.total == len(services.services)
    topology = client.topology.get(time_window="1h")
    edge = fx["topology"]
    assert any(e.source == edge["source"] and e.target == edge["target"] and e.request_count == 1 for e in topology.edges)
    assert {edge["source"], edge["target"]} <= {n.id for n in topology.nodes}


def test_alert_rules_create_get_list_update_delete(fx, client):
    condition = {"metric": "error_rate", "service": fx["walk"]["service"], "operator": ">", "threshold": 0.05, "window": "5m"}
    created = [
        client.alert_rules.create(name=f"py rule {n}", condition=condition, channels=["slack", "pagerduty"], severity="critical")
        for n in range(2)
    ]
    assert all(r.status == "active" for r in created)
    listed = [r.id for r in client.alert_rules.list(limit=1)]
    assert [r.id for r in created] == [i for i in listed if i in {r.id for r in created}]
    rule = client.alert_rules.get(created[0].id)
    assert (rule.name, rule.severity, rule.condition.threshold, rule.condition.for_) == ("py rule 0", "critical", 0.05, None)
    updated = client.alert_rules.update(created[0].id, status="paused", condition={"threshold": 0.1, "for": "2m"})
    assert (updated.status, updated.condition.threshold, updated.condition.for_, updated.condition.window) == ("paused", 0.1, "2m", "5m")
    for r in created:
        client.alert_rules.delete(r.id)
    with pytest.raises(NotFoundError) as raised:
        client.alert_rules.get(created[0].id)
    assert (raised.value.status, raised.value.code, raised.value.param) == (404, "not_found", "id")


def test_typed_errors_on_400_404_and_401(fx, client):
    with pytest.raises(BadRequestError) as bad:
        client.traces.list(limit=500)
    error = bad.value
    assert (error.status, error.code, error.param) == (400, "invalid_parameter", "limit")
    assert error.message == "Parameter 'limit' must be an integer from 1 to 200"
    assert error.request_id.startswith("req_")
    with pytest.raises(NotFoundError) as missing:
        client.traces.get("ab" * 16)
    assert (missing.value.status, missing.value.code, missing.value.param) == (404, "not_found", "trace_id")
    with pytest.raises(AuthenticationError) as refused:
        Client(api_key="mtk_live_" + "0" * 32).services.list()
    assert (refused.value.status, refused.value.code) == (401, "unauthorized")


def test_exposes_the_rate_limit_headers(fx, client):
    client.services.list()
    limit = client.rate_limit
    assert limit is not None and limit.limit == 1000 and 0 <= limit.remaining < 1000
    assert limit.reset_at > datetime.now(timezone.utc)

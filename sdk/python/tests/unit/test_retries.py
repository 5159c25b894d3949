import logging

import pytest

from mesh_trace import (
    APIConnectionError,
    Client,
    InternalServerError,
    RateLimitError,
    ServiceUnavailableError,
)
from mesh_trace._http import BACKOFF_INITIAL_S, BACKOFF_MAX_S, backoff_delay, parse_retry_after

from scripted import Answer, error_body

EMPTY = {"traces": [], "next_cursor": None, "total_matched": 0}
LIMITED = {"X-RateLimit-Limit": "2", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "1710504000"}


def waits(client: Client):
    slept = []
    client._transport.sleep = slept.append
    return slept


def test_waits_the_retry_after_of_a_429_then_succeeds(server, client, caplog):
    slept = waits(client)
    server.queue(Answer(429, error_body("rate_limited", "slow down"), {"Retry-After": "7", **LIMITED}), Answer(body=EMPTY))
    with caplog.at_level(logging.INFO, logger="mesh_trace"):
        assert client.traces.list().items == []
    assert slept == [7.0]
    assert "answered 429" in caplog.text


def test_waits_the_retry_after_of_a_503(server, client):
    slept = waits(client)
    server.queue(Answer(503, error_body("unavailable", "store down"), {"Retry-After": "2"}), Answer(body=EMPTY))
    client.traces.list()
    assert slept == [2.0]


def test_backs_off_exponentially_without_retry_after(server, client):
    slept = waits(client)
    server.queue(Answer(503, error_body("unavailable", "x")), Answer(503, error_body("unavailable", "x")), Answer(body=EMPTY))
    client.traces.list()
    assert len(slept) == 2
    assert BACKOFF_INITIAL_S / 2 <= slept[0] <= BACKOFF_INITIAL_S
    assert BACKOFF_INITIAL_S <= slept[1] <= 2 * BACKOFF_INITIAL_S


def test_gives_up_after_max_retries_with_the_last_error(server):
    client = Client(api_key="k", base_url=server.url, max_retries=1)
    client._transport.sleep = lambda s: None
    server.queue(*[Answer(503, error_body("unavailable", "down", request_id=f"req_{n}"), {"Retry-After": "1"}) for n in range(3)])
    with pytest.raises(ServiceUnavailableError) as raised:
        client.traces.list()
    assert raised.value.request_id == "req_1" and raised.value.retry_after == 1.0
    assert len(server.requests) == 2


def test_does_not_retry_a_create_unless_asked(server, client):
    server.queue(Answer(429, error_body("rate_limited", "slow down"), {"Retry-After": "1"}))
    condition = {"metric": "error_rate", "service": "s", "operator": ">", "threshold": 0.05, "window": "5m"}
    with pytest.raises(RateLimitError):
        client.alert_rules.create(name="r", condition=condition, channels=["slack"])
    assert len(server.requests) == 1

    opted = Client(api_key="k", base_url=server.url, retry_non_idempotent=True)
    opted._transport.sleep = lambda s: None
    created = {"id": "alert_rule_7f3a8b2e", "name": "r", "status": "active", "created_at": "2026-03-15T09:45:00.000Z"}
    server.queue(Answer(429, error_body("rate_limited", "slow down"), {"Retry-After": "1"}), Answer(201, created))
    assert opted.alert_rules.create(name="r", condition=condition, channels=["slack"]).id == "alert_rule_7f3a8b2e"


def test_retries_a_search_though_it_is_a_post(server, client):
    waits(client)
    server.queue(Answer(503, error_body("unavailable", "x"), {"Retry-After": "0"}), Answer(body=EMPTY))
    client.traces.search("status = error", start_time="2026-03-15", end_time="2026-03-16")
    assert len(server.requests) == 2


def test_does_not_wait_a_retry_after_beyond_max_retry_wait(server):
    client = Client(api_key="k", base_url=server.url, max_retry_wait=30)
    client._transport.sleep = lambda s: pytest.fail("must not sleep")
    server.queue(Answer(429, error_body("rate_limited", "x"), {"Retry-After": "61"}))
    with pytest.raises(RateLimitError) as raised:
        client.traces.list()
    assert raised.value.retry_after == 61.0


def test_does_not_retry_other_errors(server, client):
    server.queue(Answer(500, error_body("internal_error", "boom")))
    with pytest.raises(InternalServerError):
        client.traces.list()
    assert len(server.requests) == 1


def test_retries_network_failures_of_idempotent_requests(server, client):
    slept = waits(client)
    server.queue(Answer(drop=True), Answer(body=EMPTY))
    assert client.traces.list().items == []
    assert len(slept) == 1 and BACKOFF_INITIAL_S / 2 <= slept[0] <= BACKOFF_INITIAL_S


def test_does_not_retry_network_failures_of_a_heartbeat(server, client):
    slept = waits(client)
    server.queue(Answer(drop=True))
    with pytest.raises(APIConnectionError):
        client.nodes.heartbeat(
            "n", cluster="c", version="1", cpu_percent=1, memory_mb=1, uptime_seconds=1, ingestion_rate_sps=1,
            spans_ingested_total=1, dropped_spans_total=0, otlp_grpc_active=True, otlp_http_active=True,
            sampling_rate=1, buffer_utilization_pct=1,
        )
    assert slept == [] and len(server.requests) == 1


def test_connection_refused_is_a_connection_error():
    client = Client(api_key="k", base_url="http://127.0.0.1:9/v1", max_retries=0)
    with pytest.raises(APIConnectionError):
        client.services.list()


def test_backoff_doubles_up_to_the_cap_with_jitter_in_the_upper_half():
    assert backoff_delay(0, lambda: 0.0) == BACKOFF_INITIAL_S / 2
    assert backoff_delay(0, lambda: 1.0) == BACKOFF_INITIAL_S
    assert backoff_delay(3, lambda: 1.0) == BACKOFF_INITIAL_S * 8
    assert backoff_delay(20, lambda: 1.0) == BACKOFF_MAX_S


def test_parses_retry_after_seconds_and_dates():
    assert parse_retry_after("61") == 61.0
    assert parse_retry_after(None) is None
    assert parse_retry_after("Sun, 15 Mar 2026 08:00:30 GMT", now=1773561600.0) == 30.0
    assert parse_retry_after("Sun, 15 Mar 2026 07:00:00 GMT", now=1773561600.0) == 0.0
    assert parse_retry_after("soon") is None

import pytest

from mesh_trace import (
    APIError,
    AuthenticationError,
    BadRequestError,
    NotFoundError,
    PermissionDeniedError,
    RateLimit,
)

from scripted import Answer, error_body

HEADERS = {"X-RateLimit-Limit": "1000", "X-RateLimit-Remaining": "997", "X-RateLimit-Reset": "1710504000", "X-Request-Id": "req_7f3a8b2e4d"}


def test_a_400_carries_code_message_param_request_id_and_status(server, client):
    server.queue(Answer(400, error_body("invalid_parameter", "Parameter 'limit' must be an integer from 1 to 200", "limit", "req_7f3a8b2e4d"), HEADERS))
    with pytest.raises(BadRequestError) as raised:
        client.traces.list(limit=500)
    error = raised.value
    assert (error.status, error.code, error.param, error.request_id) == (400, "invalid_parameter", "limit", "req_7f3a8b2e4d")
    assert error.message == "Parameter 'limit' must be an integer from 1 to 200"
    assert error.rate_limit == RateLimit(limit=1000, remaining=997, reset=1710504000)
    assert "invalid_parameter" in str(error)


@pytest.mark.parametrize("status,cls", [(401, AuthenticationError), (403, PermissionDeniedError), (404, NotFoundError)])
def test_statuses_map_to_classes(server, client, status, cls):
    server.queue(Answer(status, error_body("x", "y")))
    with pytest.raises(cls):
        client.services.list()


def test_a_body_that_is_not_the_envelope_still_gives_a_typed_error(server, client):
    server.queue(Answer(502, b"<html>bad gateway</html>", {"X-Request-Id": "req_proxy"}))
    with pytest.raises(APIError) as raised:
        client.services.list()
    assert (raised.value.status, raised.value.code, raised.value.request_id) == (502, "http_502", "req_proxy")


def test_rate_limit_headers_of_the_latest_response(server, client):
    assert client.rate_limit is None
    server.queue(Answer(body={"services": [], "total": 0}, headers=HEADERS))
    client.services.list()
    assert client.rate_limit == RateLimit(limit=1000, remaining=997, reset=1710504000)
    assert client.rate_limit.reset_at.isoformat() == "2024-03-15T12:00:00+00:00"

import time

import pytest

from mesh_trace import Client, RateLimitError


def test_a_429_is_answered_by_waiting_retry_after_then_succeeding(fx):
    impatient = Client(api_key=fx["rate_limited_key"], max_retries=0)
    impatient.services.list()
    impatient.services.list()
    assert impatient.rate_limit.remaining == 0
    with pytest.raises(RateLimitError) as raised:
        impatient.services.list()
    error = raised.value
    assert (error.status, error.code) == (429, "rate_limited")
    assert error.retry_after is not None and error.retry_after >= 1
    assert error.rate_limit is not None and error.rate_limit.remaining == 0

    patient = Client(api_key=fx["rate_limited_key"])
    started = time.monotonic()
    services = patient.services.list()
    waited = time.monotonic() - started
    assert services.total >= 1
    assert waited >= error.retry_after - 2
    print(f"429 retry-after {error.retry_after:.0f} s, succeeded after {waited:.1f} s")

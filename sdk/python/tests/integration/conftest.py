"""Integration tests against a running gateway seeded by the repository's
test/helpers/sdk-scenario.ts: MESH_TRACE_BASE_URL and MESH_TRACE_API_KEY point
the client at it, MESH_TRACE_IT_FIXTURE names the file describing the seeded
data. Without them the tests are skipped."""

import json
import os

import pytest

from mesh_trace import Client


@pytest.fixture(scope="session")
def fx():
    path = os.environ.get("MESH_TRACE_IT_FIXTURE")
    if not path:
        pytest.skip("MESH_TRACE_IT_FIXTURE is not set: no gateway to test against")
    with open(path, encoding="utf-8") as f:
        return json.load(f)


@pytest.fixture
def client(fx) -> Client:
    return Client()

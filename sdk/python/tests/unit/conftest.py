"""Fixtures of the unit tests: a scripted server and a client of it that never sleeps."""

import pytest

from mesh_trace import Client
from scripted import ScriptedServer


@pytest.fixture
def server():
    s = ScriptedServer()
    yield s
    s.close()


@pytest.fixture
def client(server: ScriptedServer) -> Client:
    c = Client(api_key="mtk_live_unit_test_key_000000", base_url=server.url)
    c._transport.sleep = lambda seconds: None
    return c

import itertools

from mesh_trace import Client

from scripted import Answer, summary


def pages_of(ids, size):
    chunks = [ids[i : i + size] for i in range(0, len(ids), size)]
    return [
        Answer(body={"traces": [summary(t) for t in chunk], "next_cursor": f"c{n + 1}" if n + 1 < len(chunks) else None, "total_matched": len(ids)})
        for n, chunk in enumerate(chunks)
    ]


IDS = [f"{n:032x}" for n in range(7)]


def test_iterating_walks_every_page_sending_the_cursor_with_the_same_parameters(server, client: Client):
    server.queue(*pages_of(IDS, 3))
    assert [t.trace_id for t in client.traces.list(service="s", limit=3)] == IDS
    assert [r.query.get("cursor") for r in server.requests] == [None, ["c1"], ["c2"]]
    assert all(r.query["service"] == ["s"] and r.query["limit"] == ["3"] for r in server.requests)


def test_a_page_is_fetched_only_when_the_loop_reaches_it(server, client: Client):
    server.queue(*pages_of(IDS, 3))
    first_four = list(itertools.islice(client.traces.list(limit=3), 4))
    assert [t.trace_id for t in first_four] == IDS[:4]
    assert len(server.requests) == 2


def test_one_page_at_a_time(server, client: Client):
    server.queue(*pages_of(IDS, 3))
    page = client.traces.list(limit=3)
    assert [t.trace_id for t in page.items] == IDS[:3]
    assert page.next_cursor == "c1" and page.total == 7
    second = page.next_page()
    assert second is not None and [t.trace_id for t in second.items] == IDS[3:6]
    assert [len(p.items) for p in second.iter_pages()] == [3, 1]


def test_search_pages_with_the_cursor_in_the_body(server, client: Client):
    server.queue(*pages_of(IDS, 4))
    found = list(client.traces.search('service.name = "s"', start_time="2026-03-15", end_time="2026-03-16", limit=4))
    assert [t.trace_id for t in found] == IDS
    assert [r.body for r in server.requests] == [
        {"query": 'service.name = "s"', "start_time": "2026-03-15", "end_time": "2026-03-16", "limit": 4},
        {"query": 'service.name = "s"', "start_time": "2026-03-15", "end_time": "2026-03-16", "limit": 4, "cursor": "c1"},
    ]


NODE = {
    "node_id": "n",
    "cluster": "c",
    "version": "1",
    "status": "healthy",
    "spans_ingested_1h": 1,
    "cpu_percent": 1.5,
    "memory_mb": 2,
    "last_heartbeat": "2026-03-15T09:41:58.000Z",
}


def test_node_lists_follow_the_link_header_cursor(server, client: Client):
    server.queue(
        Answer(body={"nodes": [{**NODE, "node_id": "a"}], "total": 2}, headers={"Link": '</v1/nodes?limit=1&cursor=abc%3D>; rel="next"'}),
        Answer(body={"nodes": [{**NODE, "node_id": "b"}], "total": 2}),
    )
    assert [n.node_id for n in client.nodes.list(limit=1)] == ["a", "b"]
    assert server.requests[1].query == {"limit": ["1"], "cursor": ["abc="]}

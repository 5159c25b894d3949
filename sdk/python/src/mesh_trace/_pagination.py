"""Pages of a list, and iteration across them.

A page is fetched when it is needed: iterating a page yields its items, then
fetches the next page and yields those, and so on until the last page. Leaving
the loop (``break``, ``itertools.islice``) stops the fetching.
"""

from __future__ import annotations

import re
import urllib.parse
from typing import Callable, Generic, Iterator, List, Optional, TypeVar

from ._http import Response
from ._rate_limit import RateLimit

T = TypeVar("T")


class Page(Generic[T]):
    def __init__(
        self,
        items: List[T],
        next_cursor: Optional[str],
        total: int,
        response: Response,
        fetch: Callable[[str], "Page[T]"],
    ) -> None:
        #: The items of this page only.
        self.items = items
        #: The cursor of the next page; None on the last page.
        self.next_cursor = next_cursor
        #: Matches over all pages (``total_matched`` of trace lists, ``total`` of the others).
        self.total = total
        #: The rate-limit headers of the response that carried this page.
        self.rate_limit: Optional[RateLimit] = response.rate_limit
        self.request_id = response.request_id
        self._fetch = fetch

    def has_next_page(self) -> bool:
        return self.next_cursor is not None

    def next_page(self) -> Optional["Page[T]"]:
        """The following page (one request), or None on the last page."""
        return None if self.next_cursor is None else self._fetch(self.next_cursor)

    def iter_pages(self) -> Iterator["Page[T]"]:
        """This page and every following one, each fetched when the loop reaches it."""
        page: Optional[Page[T]] = self
        while page is not None:
            yield page
            page = page.next_page()

    def __iter__(self) -> Iterator[T]:
        """Every item of this page and the following pages."""
        for page in self.iter_pages():
            yield from page.items

    def __repr__(self) -> str:
        return f"Page(items={len(self.items)}, total={self.total}, next_cursor={self.next_cursor!r})"


_NEXT_LINK = re.compile(r'<([^>]*)>\s*;\s*rel="?next"?')


def cursor_of_link(link: Optional[str]) -> Optional[str]:
    """The ``cursor`` of the ``rel="next"`` target of a ``Link`` header (RFC 8288), if any.

    Only the cursor is taken, and sent with this client's own base URL and
    parameters, so a gateway behind a path-rewriting proxy still pages right.
    """
    if not link:
        return None
    match = _NEXT_LINK.search(link)
    if match is None:
        return None
    query = urllib.parse.urlsplit(match.group(1)).query
    values = urllib.parse.parse_qs(query).get("cursor")
    return values[0] if values else None

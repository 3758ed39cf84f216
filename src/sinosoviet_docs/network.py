"""The network of who wrote to whom, read from the titles of a set of documents.

>>> import sinosoviet_docs as ssd
>>> net = network(ssd.load())
>>> (net.edges[0].sender, net.edges[0].recipient)
('Mao Zedong', 'Joseph Stalin')
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

import attrs

from .correspondence import correspondence_of
from .exceptions import MissingExtraError

if TYPE_CHECKING:
    from .models import Document

__all__ = ["Edge", "Network", "network"]


@attrs.frozen(kw_only=True)
class Edge:
    """Messages from one sender to one recipient: how many, and which documents."""

    sender: str
    recipient: str
    count: int
    ids: tuple[str, ...]


@attrs.frozen(kw_only=True)
class Network:
    """Directed edges sender -> recipient over a set of documents, heaviest first.

    An intermediary is not an edge of its own: "Stalin to Mao via Roshchin"
    counts once, Stalin -> Mao.
    """

    edges: tuple[Edge, ...] = ()

    def __len__(self) -> int:
        return len(self.edges)

    def __iter__(self) -> Iterator[Edge]:
        return iter(self.edges)

    def to_networkx(self) -> Any:
        """The network as a ``networkx.DiGraph`` (edge attributes ``count`` and ``ids``).

        Needs the optional ``networkx`` package (``pip install 'sinosoviet-docs[network]'``).
        """
        try:
            import networkx as nx  # type: ignore[import-untyped, unused-ignore]
        except ImportError:
            raise MissingExtraError("networkx", "network") from None
        graph = nx.DiGraph()
        for edge in self.edges:
            graph.add_edge(edge.sender, edge.recipient, count=edge.count, ids=list(edge.ids))
        return graph


def network(documents: Iterable[Document]) -> Network:
    """Who wrote to whom in these documents, read from their titles.

    >>> import sinosoviet_docs as ssd
    >>> top = ssd.load().network().edges[0]
    >>> (top.sender, top.recipient) == ("Mao Zedong", "Joseph Stalin") and top.count >= 3
    True
    """
    ids: dict[tuple[str, str], list[str]] = {}
    for doc in documents:
        found = correspondence_of(doc.title, doc.date)
        if found is None or found.kind != "message":
            continue
        for sender in found.senders:
            for recipient in found.recipients:
                ids.setdefault((sender, recipient), []).append(doc.id)
    edges = [
        Edge(sender=s, recipient=r, count=len(found_ids), ids=tuple(found_ids))
        for (s, r), found_ids in ids.items()
    ]
    edges.sort(key=lambda e: (-e.count, e.sender, e.recipient))
    return Network(edges=tuple(edges))

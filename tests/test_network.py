"""The network of who wrote to whom: edges, counts, networkx."""

from __future__ import annotations

import builtins
import sys
from typing import Any

import pytest

import sinosoviet_docs as ssd

from .rows import CAT


def test_network_counts_messages_per_pair() -> None:
    """Edges count messages sender -> recipient with their ids, heaviest first."""
    edges = [(e.sender, e.recipient, e.count, e.ids) for e in CAT.network()]
    assert [
        ("Joseph Stalin", "Mao Zedong", 2, ("d0", "d1")),
        ("Anastas Mikoyan", "CPSU Central Committee", 1, ("d3",)),
        ("Mao Zedong", "Joseph Stalin", 1, ("d2",)),
    ] == edges


def test_network_to_networkx() -> None:
    """to_networkx() gives a DiGraph whose edges carry count and ids."""
    pytest.importorskip("networkx")
    graph = CAT.network().to_networkx()
    assert {"count": 2, "ids": ["d0", "d1"]} == graph.edges["Joseph Stalin", "Mao Zedong"]


def test_network_without_networkx_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without networkx, to_networkx() raises MissingExtraError naming the 'network' extra."""
    real_import = builtins.__import__

    def refuse(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "networkx":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.delitem(sys.modules, "networkx", raising=False)
    monkeypatch.setattr(builtins, "__import__", refuse)
    with pytest.raises(ssd.MissingExtraError, match="network"):
        CAT.network().to_networkx()


def test_the_network_is_still_importable_from_correspondence() -> None:
    """Edge, Network and network() keep their old import path."""
    from sinosoviet_docs import correspondence, network

    assert (correspondence.Edge, correspondence.Network) == (network.Edge, network.Network)
    assert ssd.Network is network.Network
    assert correspondence.network(CAT) == network.network(CAT)

"""``cat.names``: the names tools opened on one catalogue (pystac's ``.ext`` accessor idea)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from ._people import PeopleAuthority
from ._places import PlaceAuthority

if TYPE_CHECKING:
    from ..checks import CheckReport
    from ..models import Catalogue
    from ..network import Network

__all__ = ["CatalogueNames"]


@attrs.frozen(kw_only=True)
class CatalogueNames:
    """The names tools over a catalogue: the authorities, the network, the check report.

    ``people`` and ``places`` are the process-global authorities
    (:data:`sinosoviet_docs.names.people`, :data:`~sinosoviet_docs.names.places`),
    the same for every catalogue; :meth:`network` and :meth:`check` read this
    catalogue's titles (and citations) with them.

    >>> import sinosoviet_docs as ssd
    >>> edge = ssd.load().names.network().edges[0]
    >>> edge.sender, edge.recipient
    ('Mao Zedong', 'Joseph Stalin')
    """

    catalogue: Catalogue

    @property
    def people(self) -> PeopleAuthority:
        """The people authority (names, spellings, code names), read on first use."""
        from . import people

        return people

    @property
    def places(self) -> PlaceAuthority:
        """The places authority (historical and foreign place names), read on first use."""
        from . import places

        return places

    def network(self) -> Network:
        """Who wrote to whom, from the titles: edges sender -> recipient with counts and ids."""
        from ..network import network

        return network(self.catalogue.documents)

    def check(self) -> CheckReport:
        """Titles, names and citations the names tools could not read, counted (never raises).

        >>> import sinosoviet_docs as ssd
        >>> ssd.load().names.check().documents
        299
        """
        from ..checks import check

        return check(self.catalogue.documents)

    def report(self) -> CheckReport:
        """:meth:`check` under its earlier name."""
        return self.check()

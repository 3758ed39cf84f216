"""cat.names: the names tools opened on a catalogue, and the Catalogue aliases of them."""

from __future__ import annotations

import sinosoviet_docs as ssd


def test_catalogue_gives_the_authorities() -> None:
    """cat.people and cat.places are the package's authorities."""
    cat = ssd.Catalogue()
    assert (ssd.people, ssd.places) == (cat.people, cat.places)


def test_cat_names_opens_the_names_tools() -> None:
    """cat.names gives the authorities, the network and the check report of the catalogue."""
    cat = ssd.load()
    assert (ssd.people, ssd.places) == (cat.names.people, cat.names.places)
    assert cat.network() == cat.names.network()
    assert cat.report() == cat.names.check() == cat.names.report()


def test_cat_names_reads_this_catalogues_titles() -> None:
    """The network of cat.names is that of the catalogue's own documents."""
    cat = ssd.Catalogue(
        documents=[ssd.Document(id="a", title="Cable, Mao Zedong to Filippov [Stalin]")]
    )
    assert [("Mao Zedong", "Joseph Stalin", ("a",))] == [
        (e.sender, e.recipient, e.ids) for e in cat.names.network()
    ]

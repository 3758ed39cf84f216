"""The places authority: today's names of places with their historical and foreign ones."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ._authority import TITLE_WORDS, Authority, Key, read_file

if TYPE_CHECKING:  # imported when the file is read
    from ._headings import Heading
    from ._records import CodeName, Place

__all__ = ["PlaceAuthority"]

#: Words after which a place's name may follow ("in Beijing", "to Port Arthur").
_PREPOSITIONS = frozenset(["in", "at", "to", "of"])


class _PlaceRules:
    """Places have no family names or code names; a name may follow a preposition."""

    kind = "place"
    bundled = "places.json"

    def read(self, path: Path | None) -> tuple[tuple[Place, ...], str | None]:
        from ._records import PlacesFile

        data = read_file(path, self.bundled, PlacesFile)
        return data.places, data.sources

    def add(self, record: Place) -> dict[Key, CodeName]:
        return {}

    def prefix_fits(self, record_id: str, prefix: Sequence[str], suffix: Sequence[str]) -> bool:
        return not prefix or prefix[-1] in TITLE_WORDS or prefix[-1] in _PREPOSITIONS

    def family_candidates(self, toks: Sequence[str]) -> set[str]:
        return set()

    def alone(self, word: str) -> set[str]:
        return set()

    def qualifiers(self, record_id: str) -> frozenset[str]:
        return frozenset()

    def addressed(self, words: Sequence[str], start: int) -> tuple[int, str, CodeName] | None:
        return None

    def heading(self, name: str) -> Heading | None:
        """A place's heading ("Beijing (China)") is one of its forms: no reading is needed."""
        return None

    def heading_fits(self, record: Place, heading: Heading, family_first: bool | None) -> bool:
        return False


class PlaceAuthority(Authority["Place"]):
    """Places of this material with their historical and foreign names.

    >>> from sinosoviet_docs import places
    >>> places.resolve("Port Arthur").name, places.resolve("Mukden").name
    ('Lüshunkou', 'Shenyang')
    >>> "Peking" in places.variants("Beijing")
    True

    ``shared_family_names`` is accepted as by :class:`PeopleAuthority` and
    has no effect: places have no family names.
    """

    def __init__(
        self,
        records: Iterable[Place] | None = None,
        *,
        path: str | Path | None = None,
        shared_family_names: Iterable[str] = (),
    ) -> None:
        super().__init__(_PlaceRules(), records, path=path)

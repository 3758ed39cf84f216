"""People and places: an authority of canonical names, spellings and code names.

The archive spells one person many ways: pinyin and Wade-Giles ("Zhou Enlai",
"Chou En-lai"), several romanizations of Russian ("Vyshinsky", "Vyshinskii"),
initials and honorifics ("N.S. Khrushchev", "Cde. Filippov"), code names used
in cables ("Filippov [Stalin]") and plain misprints ("Flippov", "Roschin").
:data:`people` and :data:`places` map all of these to one record each.

The facts live in ``data/people.json`` and ``data/places.json`` (each says
where its facts come from) and are read on first use, so importing the
package stays cheap. Names are compared by their tokens
(:func:`name_tokens`), the library's one folding rule.

>>> from sinosoviet_docs.names import people
>>> people.resolve("Chou En-lai").name
'Zhou Enlai'
>>> people.resolve("Cde. Filippov [Stalin]").heading
'Stalin, Joseph, 1878-1953'
>>> people.resolve("Nobody In Particular") is None
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import lazy_names
from .._text import name_tokens
from ._authority import TITLE_WORDS
from ._people import PeopleAuthority
from ._places import PlaceAuthority

if TYPE_CHECKING:  # imported on first use (see __getattr__): a search needs none of them
    from ._catalogue import CatalogueNames
    from ._records import CodeName, DateContext, Person, Place

__all__ = [
    "TITLE_WORDS",
    "CatalogueNames",
    "CodeName",
    "DateContext",
    "PeopleAuthority",
    "Person",
    "Place",
    "PlaceAuthority",
    "name_tokens",
    "people",
    "places",
]

#: The bundled people authority (read on first use).
people = PeopleAuthority()
#: The bundled places authority (read on first use).
places = PlaceAuthority()

#: Names whose modules are imported on first use: the records are read with the files.
_LAZY = {
    "CatalogueNames": "_catalogue",
    "CodeName": "_records",
    "DateContext": "_records",
    "Person": "_records",
    "Place": "_records",
}


__getattr__ = lazy_names(__name__, _LAZY, globals())


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})

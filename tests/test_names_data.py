"""The bundled names data: the fact-checked corrections and the persons and places the titles name."""

from __future__ import annotations

import pytest

import sinosoviet_docs as ssd
from sinosoviet_docs.correspondence import parse_correspondence
from sinosoviet_docs.names import PeopleAuthority, PlaceAuthority


def _on(year: int, month: int | None = None, day: int | None = None) -> ssd.PartialDate:
    return ssd.PartialDate(year=year, month=month, day=day)


def test_feng_xi_is_stalin_in_1951() -> None:
    """Feng Xi signs a telegram of 3 February 1951: the code name's years reach 1951."""
    found = parse_correspondence("Telegram, Feng Xi to Razuvaev", date=_on(1951, 2, 3))
    assert found is not None
    assert ("Joseph Stalin",) == found.senders


def test_feng_xi_is_printed_fyn_si_too() -> None:
    """'Fyn Si' (the Russian romanisation printed beside FENG XI) is the same code name."""
    stalin = ssd.people.resolve("Fyn Si", date=_on(1951))
    assert stalin is not None
    assert "Feng Xi" == stalin.code_name("Fyn Si").name  # type: ignore[union-attr]
    assert ssd.people.resolve("Fyn Si", date=_on(1953)) is None


def test_kuznetsov_code_name_reaches_1949() -> None:
    """Stalin's Kuznetsov code name covers the 1948 cables and runs to January 1949."""
    stalin = ssd.people["stalin"]
    code = stalin.code_name("Kuznetsov")
    assert code is not None
    assert ((1947, 1949), True, False) == (
        code.span,
        code.in_use(_on(1948, 4, 20)),
        code.in_use(_on(1950)),
    )


def test_kuznetsov_alone_stays_ambiguous_in_1948() -> None:
    """Within the code name's years 'Kuznetsov' alone is still refused: two persons bear it."""
    with pytest.raises(ssd.AmbiguousNameError):
        ssd.people.resolve("Kuznetsov", date=_on(1948))


def test_terebin_to_f_kuznetsov_is_to_stalin() -> None:
    """Terebin's cables 'To Com. F. Kuznetsov' of 1947-1949 are addressed to Stalin."""
    found = parse_correspondence("Cable, Terebin to Com. F. Kuznetsov", date=_on(1948, 7, 17))
    assert found is not None
    assert ("Andrei Orlov", "Joseph Stalin") == (*found.senders, *found.recipients)


def test_f_kuznetsov_from_someone_else_stays_fyodor() -> None:
    """Outside Terebin's cables 'F. Kuznetsov' is the GRU chief, also in 1948."""
    found = parse_correspondence("Letter from F. Kuznetsov to Kosygin", date=_on(1948))
    assert found is not None
    assert ("Fyodor Kuznetsov",) == found.senders


@pytest.mark.parametrize("name", ["Nehru", "Неру", "Soong", "Ambassador Nehru"])
def test_shared_family_names_alone_name_nobody(name: str) -> None:
    """Two Nehrus and two Soongs are in the titles: the family name alone is nobody."""
    assert ssd.people.resolve(name) is None


@pytest.mark.parametrize(
    ("printed", "canonical"),
    [
        ("Jawaharlal Nehru", "Jawaharlal Nehru"),
        ("R.K. Nehru", "R. K. Nehru"),
        ("T.V. Soong", "T. V. Soong"),
        ("Soong Ching-ling", "Song Qingling"),
    ],
)
def test_a_shared_family_name_with_its_forenames_is_one_person(
    printed: str, canonical: str
) -> None:
    """With initials or forenames, a shared family name names its person."""
    person = ssd.people.resolve(printed)
    assert person is not None
    assert canonical == person.name


def test_corrected_roles() -> None:
    """Huang Zhen was in France to 1973 and Vice Foreign Minister before; Kovalev ran railways."""
    huang, kovalev = ssd.people["huang-zhen"], ssd.people["kovalev"]
    assert "PRC Ambassador to France (1964-1973)" in huang.roles
    assert "PRC Vice Minister of Foreign Affairs (1961-1964)" in huang.roles
    assert any("Railways" in role for role in kovalev.roles)
    assert not any("Transport" in role for role in kovalev.roles)


@pytest.mark.parametrize(
    ("authority", "printed", "canonical"),
    [
        (ssd.places, "Chongqing", "Chongqing"),
        (ssd.places, "Chungking", "Chongqing"),
        (ssd.places, "Paris", "Paris"),
        (ssd.places, "Crimea", "Crimea"),
        (ssd.places, "Khabarovskiy Kray", "Khabarovsk Krai"),
        (ssd.places, "Hall of Huaizhentan", "Huairentang"),
        (ssd.people, "T. V. Soong", "T. V. Soong"),
        (ssd.people, "G.S. DOBASHIN", "G. S. Dobashin"),
        (ssd.people, "G S. Dobashin", "G. S. Dobashin"),
        (ssd.people, "East German leader Erich Honecker", "Erich Honecker"),
        (ssd.people, "Polish leader Wladyslaw Gomułka", "Władysław Gomułka"),
        (ssd.people, "Gomulka", "Władysław Gomułka"),
        (ssd.people, "Mesyatsev", "N. Mesyatsev"),
        (ssd.people, "Managarov", "Managarov"),
        (ssd.people, "K.E. Voroshilov", "Kliment Voroshilov"),
        (ssd.people, "President Sukarno", "Sukarno"),
        (ssd.people, "Luo Ruiqing", "Luo Ruiqing"),
        (ssd.people, "[Li] Fuchun", "Li Fuchun"),
        (ssd.people, "Su Yu", "Su Yu"),
        (ssd.people, "Pham Van Dong", "Pham Van Dong"),
        (ssd.people, "Dag Hammarskjold", "Dag Hammarskjöld"),
        (ssd.people, "GONG PUSHENG", "Gong Pusheng"),
        (ssd.people, "Meretskov", "Kirill Meretskov"),
        (ssd.people, "Grushevoy", "Grushevoy"),
        (ssd.people, "Lieutenant General Filyashev", "Filyashev"),
        (ssd.people, "Comrades N.T. Fedorenko", "Nikolai Fedorenko"),
        (ssd.people, "Comrade Wang Enmao", "Wang Enmao"),
        (ssd.people, "Comrade XIN LANTING", "Xin Lanting"),
        (ssd.people, "Comrade LÜ JIANREN", "Lü Jianren"),
        (ssd.people, "Comrade S. Äzizov", "Saifuddin Azizi"),
        (ssd.people, "Chinese Vice Foreign Minister Zeng Yongquan", "Zeng Yongquan"),
        (ssd.people, "Burhan", "Burhan Shahidi"),
        (ssd.people, "V. Zorin", "Valerian Zorin"),
        (ssd.people, "Albanian Ambassador to the PRC Mihal Prifti", "Mihal Prifti"),
        (ssd.people, "Comrade Abdyl Kellezi", "Abdyl Kellezi"),
        (ssd.people, "A. Borunkov", "A. Borunkov"),
        (ssd.people, "Benediktov", "Ivan Benediktov"),
        (ssd.people, "H. Humphrey", "Hubert Humphrey"),
        (ssd.people, "Averell Harriman", "Averell Harriman"),
        (ssd.people, "Jing Tai", "Jing Tai"),
        (ssd.people, "Petrov", "Apollon Petrov"),
    ],
)
def test_names_in_bundled_titles_resolve(
    authority: PeopleAuthority | PlaceAuthority, printed: str, canonical: str
) -> None:
    """The persons and places the fact-check found in titles but not in the data resolve."""
    found = authority.resolve(printed)
    assert found is not None
    assert canonical == found.name


def test_professor_is_a_title_before_a_name() -> None:
    """'Prof. Pushkov' is Pushkov, as 'Comrade Pushkov' is."""
    person = ssd.people.resolve("Prof. Pushkov")
    assert person is not None
    assert "Pushkov" == person.name


def test_sender_in_a_place_is_the_person() -> None:
    """'Cable No. 832 from Petrov in Chongqing on ...' is sent by Apollon Petrov."""
    found = parse_correspondence(
        "Cable No. 832 from Petrov in Chongqing on Anti-Soviet Campaign in Manchuria",
        date=_on(1946),
    )
    assert found is not None
    assert ("Apollon Petrov",) == found.senders


def test_g_zhukov_is_left_unresolved() -> None:
    """'G. Zhukov' (1959) may be the marshal or the cultural-relations chairman: not guessed."""
    assert ssd.people.resolve("G. Zhukov") is None


def test_new_places_sit_within_known_places() -> None:
    """A new place's ``within`` is a place of the authority."""
    for place_id in ("chongqing", "crimea", "khabarovsk-krai", "huairentang"):
        within = ssd.places[place_id].within
        assert within is not None
        assert ssd.places[within].id == within

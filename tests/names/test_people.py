"""The people authority: resolution, variants, mentions, code names by year, its data."""

from __future__ import annotations

import json
from collections import defaultdict

import pytest
from hypothesis import given
from hypothesis import strategies as st

import sinosoviet_docs as ssd
from sinosoviet_docs.names import PeopleAuthority, name_tokens

from ..conftest import DATA
from ..strategies import titles


@pytest.mark.parametrize(
    ("spelling", "canonical"),
    [
        ("Chou En-lai", "Zhou Enlai"),
        ("Mao Tse-tung", "Mao Zedong"),
        ("Liu Shao-ch'i", "Liu Shaoqi"),
        ("P'eng Te-huai", "Peng Dehuai"),
        ("Kao Kang", "Gao Gang"),
        ("Kim Il-sŏng", "Kim Il Sung"),
        ("Vyshinskii", "Andrei Vyshinsky"),
        ("Khrushchëv", "Nikita Khrushchev"),
        ("Хрущёв", "Nikita Khrushchev"),
        ("毛泽东", "Mao Zedong"),
        ("Iosif Vissarionovich Stalin", "Joseph Stalin"),
        ("Stalin, Joseph, 1878-1953", "Joseph Stalin"),
    ],
)
def test_romanizations_scripts_and_headings_resolve(spelling: str, canonical: str) -> None:
    """Pinyin, Wade-Giles, Russian romanizations, Cyrillic, characters and LC headings resolve."""
    person = ssd.people.resolve(spelling)
    assert person is not None
    assert canonical == person.name


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("N.S. Khrushchev", "Nikita Khrushchev"),
        ("N. S. Khrushchev", "Nikita Khrushchev"),
        ("I.V. Stalin", "Joseph Stalin"),
        ("A. Ya. Vyshinsky", "Andrei Vyshinsky"),
        ("Cde. Filippov", "Joseph Stalin"),
        ("Comrade MAO ZEDONG", "Mao Zedong"),
        ("Cde. B.N. Ponomarev", "Boris Ponomarev"),
        ("Premier Zhou", "Zhou Enlai"),
        ("Soviet Ambassador to China Nikolai Roshchin", "Nikolai Roshchin"),
        ("the Chairman [Mao Zedong]", "Mao Zedong"),
    ],
)
def test_initials_and_honorifics_resolve(written: str, canonical: str) -> None:
    """Initials, honorifics, titles and editorial brackets do not hide a name."""
    person = ssd.people.resolve(written)
    assert person is not None
    assert canonical == person.name


@pytest.mark.parametrize(
    ("misprint", "canonical"),
    [
        ("Filipov", "Joseph Stalin"),
        ("Flippov", "Joseph Stalin"),
        ("Shtytkov", "Terentii Shtykov"),
        ("Roschin", "Nikolai Roshchin"),
        ("Mikihail Zimyanin", "Mikhail Zimyanin"),
    ],
)
def test_misspellings_seen_in_titles_resolve(misprint: str, canonical: str) -> None:
    """The misprints printed in titles of this material resolve to the right person."""
    person = ssd.people.resolve(misprint)
    assert person is not None
    assert canonical == person.name


@pytest.mark.parametrize(
    ("code", "canonical", "years"),
    [
        ("Filippov", "Joseph Stalin", "1948/1952"),
        ("Feng Xi", "Joseph Stalin", "1950/1951"),
        ("Semenov", "Joseph Stalin", "1952/1953"),
        ("Terebin", "Andrei Orlov", "1947/1949"),
    ],
)
def test_code_names_resolve_with_their_years(code: str, canonical: str, years: str) -> None:
    """A code name resolves to its bearer and records the years it was used."""
    person = ssd.people.resolve(code)
    assert person is not None
    found = person.code_name(code)
    assert found is not None
    assert (canonical, years) == (person.name, found.years)


def test_kuznetsov_is_ambiguous_but_resolved_by_its_gloss() -> None:
    """'Kuznetsov' was Stalin's 1947-1949 code name and a real person; the bracket decides."""
    with pytest.raises(ssd.AmbiguousNameError) as caught:
        ssd.people.resolve("Kuznetsov")
    assert ("Fyodor Kuznetsov", "Joseph Stalin") == caught.value.candidates
    stalin = ssd.people.resolve("Stalin [Kuznetsov]")
    assert stalin is not None
    assert "1947/1949" == stalin.code_name("Kuznetsov").years  # type: ignore[union-attr]


def test_ambiguous_name_error_is_a_lookup_error_listing_candidates() -> None:
    """The error is a LookupError and a library error, and names every candidate."""
    with pytest.raises(LookupError) as caught:
        ssd.people.resolve("Peng")
    assert isinstance(caught.value, ssd.SinosovietDocsError)
    assert "'Peng' may be any of: Peng Dehuai, Peng Zhen" == str(caught.value)


def test_unknown_name_is_none_and_has_no_variants() -> None:
    """An unknown name resolves to None and has no variants."""
    assert (None, ()) == (ssd.people.resolve("Ivan Ivanovich"), ssd.people.variants("Ivanov"))


def test_a_forename_that_is_not_theirs_does_not_resolve() -> None:
    """'Andrei Stalin' is nobody: a wrong forename before a surname is not ignored."""
    assert None is ssd.people.resolve("Andrei Stalin")


def test_variants_of_a_code_name_are_the_bearers_spellings() -> None:
    """variants('Filippov') lists Stalin's names in every script, code names included."""
    variants = ssd.people.variants("Filippov")
    assert {"Joseph Stalin", "Сталин", "斯大林", "Feng Xi", "Semenov", "Flippov"} <= set(variants)
    assert "Joseph Stalin" == variants[0]


def test_variants_of_an_ambiguous_name_are_none() -> None:
    """An ambiguous name ('Peng', 'Kuznetsov') is never expanded; it does not raise."""
    assert ((), ()) == (ssd.people.variants("Peng"), ssd.people.variants("Kuznetsov"))


def test_variants_leave_out_forms_shared_with_another_person() -> None:
    """Stalin's variants leave out 'Kuznetsov', which Fyodor Kuznetsov bears too."""
    variants = ssd.people.variants("Stalin")
    assert "Kuznetsov" not in variants
    assert "Semenov" in variants


def test_variants_at_a_date_give_code_names_only_in_their_years() -> None:
    """At a 1965 date Stalin's variants have no code names; in 1950 Filippov and Feng Xi."""
    d1950, d1965 = ssd.PartialDate(year=1950), ssd.PartialDate(year=1965)
    assert ("Filippov", "Feng Xi", "Semenov") == tuple(
        v for v in ("Filippov", "Feng Xi", "Semenov") if v in ssd.people.variants("Stalin")
    )
    assert {"Filippov", "Feng Xi"} <= set(ssd.people.variants("Stalin", date=d1950))
    assert "Semenov" not in ssd.people.variants("Stalin", date=d1950)
    late = set(ssd.people.variants("Stalin", date=d1965))
    assert set() == late & {"Filippov", "Feng Xi", "Semenov"}
    assert set(ssd.people.variants("Stalin", date=None)) == late


def test_dated_variants_pair_each_form_with_its_code_name() -> None:
    """dated_variants marks real names with None and code-name forms with their CodeName."""
    pairs = dict(ssd.people.dated_variants("Stalin"))
    assert pairs["Сталин"] is None
    code = pairs["Flippov"]
    assert code is not None
    assert ("Filippov", (1948, 1952)) == (code.name, code.span)


@pytest.mark.parametrize(
    ("name", "year", "expected"),
    [
        ("Semenov", 1952, "Joseph Stalin"),
        ("Semenov", 1965, None),
        ("Cde. Filippov", 1949, "Joseph Stalin"),
        ("Cde. Filippov", 1960, None),
        ("Filippov [Stalin]", 1960, "Joseph Stalin"),
        ("Terebin", 1948, "Andrei Orlov"),
        ("Terebin", 1950, None),
        ("Vladimir Semenov", 1952, None),
        ("F. Kuznetsov", 1968, "Fyodor Kuznetsov"),
    ],
)
def test_resolve_at_a_date_takes_code_names_only_in_their_years(
    name: str, year: int, expected: str | None
) -> None:
    """resolve(date=...) reads a code name as its person only in the years it was used."""
    found = ssd.people.resolve(name, date=ssd.PartialDate(year=year))
    assert expected == (None if found is None else found.name)


def test_resolve_for_an_undated_document_takes_no_code_name() -> None:
    """date=None (an undated document): 'Filippov' is nobody, 'Filippov [Stalin]' is Stalin."""
    glossed = ssd.people.resolve("Filippov [Stalin]", date=None)
    assert (None, "Joseph Stalin") == (
        ssd.people.resolve("Filippov", date=None),
        None if glossed is None else glossed.name,
    )


@pytest.mark.parametrize(
    ("title", "year", "expected"),
    [
        ("Conversation with Vladimir Semenov on Germany", 1965, []),
        ("Conversation with Vladimir Semenov on Germany", 1952, []),
        ("Conversation with Semenov on Germany", 1965, []),
        ("Conversation with Semenov on Germany", 1952, ["Joseph Stalin"]),
        ("Letter from Fyodor Kuznetsov to Kosygin", 1968, ["Fyodor Kuznetsov", "Aleksei Kosygin"]),
        ("Letter from F. Kuznetsov to Kosygin", 1947, ["Fyodor Kuznetsov", "Aleksei Kosygin"]),
        ("Telegram, Filippov [Stalin] to Mao Zedong", 1950, ["Joseph Stalin", "Mao Zedong"]),
        ("Telegram, Filippov [Stalin] to Mao Zedong", None, ["Joseph Stalin", "Mao Zedong"]),
        ("Telegram, Filippov to Mao Zedong", None, ["Mao Zedong"]),
        ("Telegram, Filippov to Mao Zedong", 1965, ["Mao Zedong"]),
        ("Cable, Stalin [Kuznetsov] to Mao Zedong", 1947, ["Joseph Stalin", "Mao Zedong"]),
        ("Cable, Kuznetsov [Stalin] to Mao Zedong", 1968, ["Joseph Stalin", "Mao Zedong"]),
        ("Letter, Kuznetsov to Mao Zedong", 1947, ["Mao Zedong"]),
    ],
)
def test_mentions_at_a_date_follow_the_code_name_rules(
    title: str, year: int | None, expected: list[str]
) -> None:
    """Code names count in their years, not after another's forename; glosses always count."""
    date = None if year is None else ssd.PartialDate(year=year)
    assert expected == [p.name for p in ssd.people.mentions(title, date=date)]


@pytest.mark.parametrize(
    ("text", "year", "among", "expected"),
    [
        ("Cable, Terebin to Com. F. Kuznetsov", 1948, (), ["Andrei Orlov", "Joseph Stalin"]),
        ("F. Kuznetsov to Terebin", 1949, (), ["Joseph Stalin", "Andrei Orlov"]),
        ("Cable, Terebin to Com. F. Kuznetsov", 1950, (), ["Fyodor Kuznetsov"]),
        ("Cable, Terebin to Com. F. Kuznetsov", None, (), ["Fyodor Kuznetsov"]),
        ("Com. F. Kuznetsov", 1948, (), ["Fyodor Kuznetsov"]),
        ("Com. F. Kuznetsov", 1948, ("orlov",), ["Joseph Stalin"]),
        ("Com. F. Kuznetsov", 1948, ("kosygin",), ["Fyodor Kuznetsov"]),
        ("Letter from F. Kuznetsov to Kosygin", 1948, (), ["Fyodor Kuznetsov", "Aleksei Kosygin"]),
    ],
)
def test_a_form_the_correspondents_use_is_the_code_name_among_them(
    text: str, year: int | None, among: tuple[str, ...], expected: list[str]
) -> None:
    """'F. Kuznetsov' is Stalin's code name, in its years, where Terebin is named or in view."""
    date = None if year is None else ssd.PartialDate(year=year)
    assert expected == [p.name for p in ssd.people.mentions(text, date=date, among=among)]


def test_an_addressed_form_needs_correspondents() -> None:
    """A code name's addressed_as form without correspondents never stands for it."""
    code = ssd.CodeName(name="Ivanov", years="1950", addressed_as=("P. Ivanov",))
    own = PeopleAuthority(
        [
            ssd.Person(id="a", name="Ivan Petrov", code_names=(code,)),
            ssd.Person(id="b", name="Pyotr Ivanov", spellings=("P. Ivanov",)),
        ]
    )
    assert ["Pyotr Ivanov", "Ivan Petrov"] == [
        p.name for p in own.mentions("P. Ivanov to Ivan Petrov", date=ssd.PartialDate(year=1950))
    ]


def test_qualifiers_are_initials_and_others_forenames() -> None:
    """Initials and other persons' forenames qualify a code name; the person's own do not."""
    words = ssd.people.qualifiers("stalin")
    assert {"f", "vladimir", "fyodor"} <= words
    assert set() == words & {"a", "iosif", "joseph", "of"}


@pytest.mark.parametrize("name", ["Wang", "Liu", "Kim", "Huang", "Ambassador Huang", "Comrade Kim"])
def test_a_shared_family_name_alone_names_nobody(name: str) -> None:
    """A family name the material gives to several persons resolves to None, not a guess."""
    assert None is ssd.people.resolve(name)


def test_a_shared_family_name_alone_is_no_mention() -> None:
    """'Ambassador Huang' in a title is no mention of Huang Zhen; 'Huang Zhen' is."""
    assert ["Nikita Khrushchev"] == [
        p.name for p in ssd.people.mentions("Ambassador Huang Meets with Comrade Khrushchev")
    ]
    assert ["Huang Zhen"] == [p.name for p in ssd.people.mentions("Talk with Huang Zhen")]


def test_mentions_in_order_skipping_ambiguous() -> None:
    """mentions() lists persons in order of first mention and skips an ambiguous name."""
    title = "Record of the First Contact between Premier Zhou and Vice Premier Chen Yi and Kosygin"
    assert ["Zhou Enlai", "Chen Yi", "Aleksei Kosygin"] == [
        p.name for p in ssd.people.mentions(title)
    ]
    assert ["Joseph Stalin"] == [
        p.name for p in ssd.people.mentions("Stalin met Peng and Kuznetsov")
    ]


def test_mentions_ignores_lowercase_words() -> None:
    """A family name written in lower case ('a song') is an ordinary word, not a person."""
    assert () == ssd.people.mentions("a song about mao")


def test_at_least_sixty_people_with_sources_noted() -> None:
    """The people file holds at least 60 persons and says where its facts come from."""
    assert len(ssd.people) >= 60
    assert "Library of Congress" in (ssd.people.sources or "")
    assert "romanization" in (ssd.places.sources or "")


def test_every_person_labelled_in_the_titles_is_in_the_authority() -> None:
    """Each person named in the labelled titles (documents and sightings) is known."""
    lines = (DATA / "titles_labelled.jsonl").read_text(encoding="utf-8").splitlines()
    labels = [json.loads(line) for line in lines]
    persons = {
        name
        for row in labels
        if row["correspondence"]
        for role in ("senders", "recipients", "intermediaries", "participants")
        for name in row["correspondence"][role]
        if ssd.people.knows(name)
    }
    # Spot check against names that are certainly persons, so the filter above is not vacuous.
    assert {"Joseph Stalin", "Kim Il Sung", "Terentii Shtykov", "Stepan Krasovsky"} <= persons
    assert len(persons) >= 50


def test_only_kuznetsov_is_shared_between_people() -> None:
    """No spelling maps to two persons, except the real ambiguity of 'Kuznetsov'."""
    owners: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for person in ssd.people:
        for alias in person.aliases:
            owners[name_tokens(alias)].add(person.id)
    shared = {key for key, ids in owners.items() if len(ids) > 1}
    assert {("kuznetsov",)} == shared


def test_headings_are_lc_style() -> None:
    """Every heading is 'Surname, Forename(s)' and ends with life dates when they are known."""
    for person in ssd.people:
        if person.heading is None:
            continue
        assert ", " in person.heading, person.name
        if person.born and person.died:
            assert person.heading.endswith(f"{person.born}-{person.died}"), person.name


def test_authority_from_records() -> None:
    """An authority can be built from records, e.g. for a project's own people."""
    own = PeopleAuthority([ssd.Person(id="p", name="Ivan Petrov", spellings=("I. Petrov",))])
    found = own.resolve("Cde. I. Petrov")
    assert found is not None
    assert "Ivan Petrov" == found.name


def test_authority_is_not_read_until_used() -> None:
    """A new authority reads nothing until first asked."""
    fresh = PeopleAuthority()
    assert "<PeopleAuthority not loaded>" == repr(fresh)
    fresh.resolve("Stalin")
    assert repr(fresh).endswith("records>")


@given(titles | st.text(max_size=60))
def test_mentions_and_variants_never_raise(text: str) -> None:
    """mentions() and variants() accept any text without raising."""
    ssd.people.mentions(text)
    ssd.places.mentions(text)
    ssd.people.variants(text)


@given(titles | st.text(max_size=60))
def test_resolve_raises_only_ambiguity(text: str) -> None:
    """resolve() returns a person or None, or raises AmbiguousNameError, for any text."""
    candidates: tuple[str, ...] = ()
    found = None
    try:
        found = ssd.people.resolve(text)
    except ssd.AmbiguousNameError as exc:
        candidates = exc.candidates
    assert found is None or isinstance(found, ssd.Person)
    assert len(candidates) != 1


@pytest.mark.parametrize("text", ["Mao Zedong's", "Mao Zedong’s", "Zhou Enlai's"])
def test_a_possessive_at_the_end_still_names_the_person(text: str) -> None:
    """The possessive is not part of the name: "Mao Zedong's" is Mao Zedong."""
    found = ssd.people.resolve(text)
    assert found is not None
    assert text.split("'")[0].split("’")[0] == found.name
    assert ssd.people.knows(text)

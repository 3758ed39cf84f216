"""Finding a document by any key a reader holds: id, record id, address, telegram number, prefix."""

from __future__ import annotations

import pytest

import sinosoviet_docs as ssd
from sinosoviet_docs._lookup import DocumentKeys, address_key, exact_keys

TELEGRAM = "1950-07-05-ciphered-telegram-no-3172-stalin-to-zhou-enlai-via-roshchin"


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        (TELEGRAM, TELEGRAM),
        ("112088", "112088"),
        ("3172", TELEGRAM),
        (" 3172 ", TELEGRAM),
        ("1950-07-05-ciphered", TELEGRAM),
        ("https://digitalarchive.wilsoncenter.org/document/112088", "112088"),
        ("https://digitalarchive.wilsoncenter.org/document/112088#top", "112088"),
        ("http://digitalarchive.wilsoncenter.org/document/110385.pdf?v=eda1d0de", "110385"),
        ("digitalarchive.wilsoncenter.org/document/121559/", "121559"),
        (
            "https://digitalarchive.wilsoncenter.org/document/telegram-stalin-mao-zedong",
            "1952-12-27-telegram-from-stalin-to-mao-zedong",
        ),
        (
            "https://wilson-center-digital-archive.dvincitest.com/document/"
            "ciphered-telegram-filippov-stalin-zhou-enlai-zakharov",
            "110360",
        ),
    ],
)
def test_find_by_every_kind_of_key(bundled: ssd.Catalogue, key: str, expected: str) -> None:
    """Each kind of key names its one document."""
    assert expected == bundled.find(key).id


def test_an_ambiguous_key_lists_every_document_it_names(bundled: ssd.Catalogue) -> None:
    """A prefix or number shared by several documents is an error naming all of them."""
    with pytest.raises(ssd.DocumentNotFoundError) as info:
        bundled.find("1950-07-05")
    assert info.value.ambiguous
    assert TELEGRAM in info.value.candidates
    assert 2 == len(info.value.candidates)
    assert str(info.value).startswith("'1950-07-05' names 2 documents: ")


def test_an_unknown_key_lists_the_closest(bundled: ssd.Catalogue) -> None:
    """A near miss is an error (a KeyError) whose candidates start with the likeliest."""
    with pytest.raises(KeyError) as info:
        bundled.find("1952-12-27-telegram-from-stalin-to-mao-zedog")
    error = info.value
    assert isinstance(error, ssd.DocumentNotFoundError)
    assert not error.ambiguous
    assert "1952-12-27-telegram-from-stalin-to-mao-zedong" == error.candidates[0]
    assert "; the closest: 1952-12-27-telegram-from-stalin-to-mao-zedong, " in str(error)


def test_a_nonsense_key_names_no_candidates(bundled: ssd.Catalogue) -> None:
    """Nothing near a key is no list at all, and the message is the one cat.document gives."""
    with pytest.raises(ssd.DocumentNotFoundError) as info:
        bundled.find("nope")
    assert () == info.value.candidates
    assert "no document with id 'nope' in this catalogue" == str(info.value)


def test_an_exact_key_wins_over_a_number_and_a_prefix() -> None:
    """The id '3172' is the document with that id, not the telegram numbered 3172."""
    cat = ssd.Catalogue(
        documents=[
            ssd.Document(id="3172", title="A"),
            ssd.Document(id="x", title="Telegram No. 3172"),
            ssd.Document(id="31720", title="B"),
        ]
    )
    assert "3172" == cat.find("3172").id
    assert "x" == ssd.Catalogue(documents=cat.documents[1:]).find("3172").id


def test_the_keys_are_built_once_per_catalogue(bundled: ssd.Catalogue) -> None:
    """The key tables are kept with the catalogue and shared by later look-ups."""
    assert DocumentKeys.of(bundled) is DocumentKeys.of(bundled)


def test_exact_keys_of_a_document(bundled: ssd.Catalogue) -> None:
    """A document's exact keys: id, record id and every document address it was seen at."""
    keys = list(exact_keys(bundled["110385"]))
    assert ["110385"] == sorted(set(keys))
    assert None is address_key("https://digitalarchive.wilsoncenter.org/search?page=2")
    assert None is address_key(None)

"""Archive addresses: one reading of record ids, slugs and page numbers for every loader."""

from __future__ import annotations

import pytest

from sinosoviet_docs._urls import Address, absolute, parse_address, record_id

NEW = "https://digitalarchive.wilsoncenter.org"
STAGING = "https://wilson-center.drivingcreative.com"
TEST = "https://wilson-center-digital-archive.dvincitest.com"

# Addresses as they occur in the shared catalogue, format notes and captures.
ADDRESSES = [
    (f"{NEW}/document/112088", Address("document", record_id=112088)),
    (f"{NEW}/document/112088#top", Address("document", record_id=112088)),
    (f"{NEW}/document/112088/", Address("document", record_id=112088)),
    (f"{NEW}/document/112088?lang=en", Address("document", record_id=112088)),
    (
        f"{NEW}/document/110385.pdf?v=eda1d0de153860bdd9491da9e3598060",
        Address("document", record_id=110385),
    ),
    (
        f"{NEW}/document/ciphered-telegram-no-8600-vyshinsky-mao-zedong",
        Address("document", document="ciphered-telegram-no-8600-vyshinsky-mao-zedong"),
    ),
    (
        f"{TEST}/document/telegram-stalin-mao-zedong",
        Address("document", document="telegram-stalin-mao-zedong"),
    ),
    (f"{NEW}/node/98504", Address("document")),
    (f"{TEST}/node/98504", Address("document")),
    (
        f"{NEW}/collection/184/sino-soviet-alliance-1950-1959",
        Address("collection", collection="sino-soviet-alliance-1950-1959", archive_id=184),
    ),
    (
        f"{NEW}/collection/73/sino-soviet-split-1960-1984/15",
        Address(
            "collection", collection="sino-soviet-split-1960-1984", archive_id=73, page_number=15
        ),
    ),
    (
        f"{NEW}/topics/sino-soviet-relations",
        Address("collection", collection="sino-soviet-relations"),
    ),
    (
        f"{STAGING}/topics/making-sino-soviet-alliance-1945-1950",
        Address("collection", collection="making-sino-soviet-alliance-1945-1950"),
    ),
    (
        f"{STAGING}/search?f%5B0%5D=languages%3A3945&f%5B1%5D=original_repositories%3A4049"
        "&fo%5B0%5D=4049&fo%5B1%5D=3945&page=42",
        Address("search", page_number=42),
    ),
    (
        f"{TEST}/search?f%5B0%5D=topics%3A86502&fo%5B0%5D=86502&page=10",
        Address("search", page_number=10),
    ),
    (
        f"{NEW}/search?search_api_fulltext=Chinese--Soviet%20Union",
        Address("search"),
    ),
    (NEW, Address()),
    ("", Address()),
    (None, Address()),
]


@pytest.mark.parametrize(("url", "expected"), ADDRESSES)
def test_address_of_real_archive_urls(url: str | None, expected: Address) -> None:
    """Each real address gives its kind, record id, slugs and page number."""
    assert expected == parse_address(url)


@pytest.mark.parametrize("url", ["http://[::1", "https://[bad/document/5", "http://]x/"])
def test_malformed_address_says_nothing(url: str) -> None:
    """An address urllib cannot split gives an empty Address, not a ValueError."""
    assert Address() == parse_address(url)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (f"{NEW}/document/112088#top", 112088),
        (f"{NEW}/document/121154.pdf?v=6ee975137bb2349865770a7aa60fc399", 121154),
        (f"{NEW}/document/0", None),
        (f"{NEW}/document/²", None),
        (f"{NEW}/document/١٢", None),
        (f"{TEST}/node/98504", None),
        (f"{NEW}/collection/184/sino-soviet-alliance-1950-1959", None),
        ("http://[::1", None),
    ],
)
def test_record_id(url: str, expected: int | None) -> None:
    """The record id of an address: the number after /document/, never a node number."""
    assert expected == record_id(url)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/document/112088", f"{NEW}/document/112088"),
        ("document/112088", f"{NEW}/document/112088"),
        (f"{STAGING}/topics/x", f"{STAGING}/topics/x"),
        ("http://[::1", "http://[::1"),
    ],
)
def test_absolute(url: str, expected: str) -> None:
    """A path is put on the archive's host; a full (or unreadable) address is kept."""
    assert expected == absolute(url, NEW)

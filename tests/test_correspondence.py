"""Correspondence read from titles: patterns, measured precision/recall, queries, network, report."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

import sinosoviet_docs as ssd
from sinosoviet_docs.correspondence import Correspondence, parse_correspondence

from .conftest import DATA
from .rows import CAT
from .strategies import titles

LABELS = DATA / "titles_labelled.jsonl"


def _labels() -> list[dict[str, Any]]:
    return [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines()]


def _score(split: str, role: str) -> tuple[float, float]:
    """Precision and recall of one role over one split of the hand labels."""
    right = extracted = labelled = 0
    for row in _labels():
        if row["split"] != split:
            continue
        want = set((row["correspondence"] or {}).get(role, ()))
        found = parse_correspondence(row["title"])
        got = set(() if found is None else getattr(found, role))
        right += len(want & got)
        extracted += len(got)
        labelled += len(want)
    return right / extracted, right / labelled


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (
            "Ciphered Telegram No. 8600, Vyshinsky to Mao Zedong",
            Correspondence(
                kind="message",
                senders=("Andrei Vyshinsky",),
                recipients=("Mao Zedong",),
                number="8600",
            ),
        ),
        (
            "Telegram from Stalin to Mao Zedong",
            Correspondence(kind="message", senders=("Joseph Stalin",), recipients=("Mao Zedong",)),
        ),
        (
            "Cable, Zhou Enlai to Filippov [Stalin]",
            Correspondence(kind="message", senders=("Zhou Enlai",), recipients=("Joseph Stalin",)),
        ),
        (
            "Ciphered Telegram No. 3172, Stalin to Zhou Enlai via Roshchin",
            Correspondence(
                kind="message",
                senders=("Joseph Stalin",),
                recipients=("Zhou Enlai",),
                intermediaries=("Nikolai Roshchin",),
                number="3172",
            ),
        ),
        (
            "Ciphered Telegram No. 709, Filippov [Stalin] to Krasovsky, for Mao Zedong",
            Correspondence(
                kind="message",
                senders=("Joseph Stalin",),
                recipients=("Mao Zedong",),
                intermediaries=("Stepan Krasovsky",),
                number="709",
            ),
        ),
        (
            "Memorandum of Conversation between Anastas Mikoyan and Mao Zedong",
            Correspondence(kind="conversation", participants=("Anastas Mikoyan", "Mao Zedong")),
        ),
        (
            "Discussion between N.S. Khrushchev and Mao Zedong",
            Correspondence(kind="conversation", participants=("Nikita Khrushchev", "Mao Zedong")),
        ),
    ],
)
def test_the_issues_examples(title: str, expected: Correspondence) -> None:
    """The title patterns named in the issue give the expected record."""
    assert expected == parse_correspondence(title)


def test_code_name_with_reverse_gloss_and_bracketed_intermediary() -> None:
    """'Stalin [Kuznetsov] to Mao Zedong [via Terebin]': Stalin to Mao via Orlov."""
    found = parse_correspondence("Cable, Stalin [Kuznetsov] to Mao Zedong [via Terebin]")
    assert found is not None
    assert (("Joseph Stalin",), ("Mao Zedong",), ("Andrei Orlov",)) == (
        found.senders,
        found.recipients,
        found.intermediaries,
    )


def test_recipient_before_sender() -> None:
    """'Letter to X from Y' reads Y as the sender."""
    found = parse_correspondence("Letter to Joseph V. Stalin from Andrey Vyshinsky")
    assert found is not None
    assert (("Andrei Vyshinsky",), ("Joseph Stalin",)) == (found.senders, found.recipients)


def test_title_word_to_is_not_an_address() -> None:
    """In 'from Soviet Ambassador to China Nikolai Roshchin' the 'to' belongs to the title."""
    found = parse_correspondence(
        "Memorandum to Vyshinsky from Soviet Ambassador to China Nikolai Roshchin"
    )
    assert found is not None
    assert (("Nikolai Roshchin",), ("Andrei Vyshinsky",)) == (found.senders, found.recipients)


def test_place_of_origin_is_not_a_sender() -> None:
    """'No. 25465 from Beijing, Mao Zedong to ...': Beijing is where, Mao who."""
    found = parse_correspondence(
        "Ciphered Telegram No. 25465 from Beijing, Mao Zedong to Cde. Filippov [Stalin]"
    )
    assert found is not None
    assert (("Mao Zedong",), "25465") == (found.senders, found.number)


@pytest.mark.parametrize(
    ("title", "senders"),
    [
        ("Cable from Petrov in Chongqing to Molotov", ("Apollon Petrov",)),
        ("Cable from Ambassador Petrov at Chongqing to Molotov", ("Apollon Petrov",)),
        ("Cable from Ivanov in Beijing to Stalin", ("Ivanov in Beijing",)),
        ("Cable from Kuznetsov in Beijing to Stalin", ("Kuznetsov in Beijing",)),
        ("Telegram from the Soviet Embassy in Beijing to Stalin", ("Soviet Embassy in Beijing",)),
    ],
)
def test_a_place_after_a_correspondent_is_not_part_of_the_name(
    title: str, senders: tuple[str, ...]
) -> None:
    """'Petrov in Chongqing' is Petrov; a body, an unknown or ambiguous name keeps its place."""
    found = parse_correspondence(title)
    assert found is not None
    assert senders == found.senders


def test_bodies_are_kept_as_printed_without_article() -> None:
    """A body that is no person is kept as printed, without its leading article."""
    found = parse_correspondence("Telegram from A. Mikoyan to the CPSU Central Committee")
    assert found is not None
    assert ("CPSU Central Committee",) == found.recipients


def test_quoted_subtitle_is_not_read_as_correspondence() -> None:
    """A quoted headline after the title ('Memorandum of Conversation: ...') is set aside."""
    found = parse_correspondence(
        "Cable from the Chinese Embassy in Indonesia, 'Memorandum of Conversation: "
        "Ambassador Huang Meets with Comrade Khrushchev'"
    )
    assert Correspondence(kind="message", senders=("Chinese Embassy in Indonesia",)) == found


def test_diary_keeper_takes_part_in_the_conversation() -> None:
    """'From the Diary of X: ... Conversation with Y' has participants X and Y."""
    found = parse_correspondence(
        "From the Diary of N.V. Roshchin: Memorandum of Conversation with Chairman Mao Zedong"
    )
    assert found is not None
    assert ("Nikolai Roshchin", "Mao Zedong") == found.participants


def test_titles_naming_no_correspondence_give_none() -> None:
    """A speech, a gazette or a meeting without participants is no correspondence."""
    for title in (
        "Mao Zedong, Outline for a Speech on the International Situation",
        "Gazette of the State Council of the People's Republic of China, 1957, No. 23",
        "Polish-Soviet Talks in Moscow",
        "Anastas Mikoyan’s Recollections of his Trip to China",
    ):
        assert None is parse_correspondence(title), title


def test_document_property_reads_the_title() -> None:
    """doc.correspondence is the title's correspondence."""
    doc = ssd.Document(id="x", title="Cable, Mao Zedong to Filippov [Stalin]")
    assert parse_correspondence(doc.title) == doc.correspondence


@given(titles)
def test_parsing_never_raises(title: str) -> None:
    """Any title gives a Correspondence or None, never an error."""
    found = parse_correspondence(title)
    assert found is None or found.kind in ("message", "conversation")


# -- measured against hand labels --------------------------------------------------------------


def test_labels_cover_enough_titles_in_two_splits() -> None:
    """At least 120 titles are labelled, a third of them held out."""
    rows = _labels()
    held_out = [r for r in rows if r["split"] == "heldout"]
    assert len(rows) >= 120
    assert len(held_out) >= len(rows) // 3 - 1


def test_labelled_titles_are_the_catalogues_titles(shared: Path) -> None:
    """Every labelled title is printed exactly so at the labelled line of shared/catalogue."""
    for row in _labels():
        name, line = row["source"].split(":")
        lines = (shared / "catalogue" / name).read_text(encoding="utf-8").splitlines()
        assert json.loads(lines[int(line) - 1])["title"] == row["title"]


@pytest.mark.parametrize("split", ["dev", "heldout"])
@pytest.mark.parametrize("role", ["senders", "recipients"])
def test_precision_and_recall_at_least_95_percent(split: str, role: str) -> None:
    """Sender and recipient extraction reach 95% precision and recall on each split."""
    precision, recall = _score(split, role)
    assert precision >= 0.95, precision
    assert recall >= 0.95, recall


# -- queries ---------------------------------------------------------------------------------


def test_sent_by_uses_every_name_of_the_sender() -> None:
    """sent_by('Filippov'), sent_by('Stalin') and sent_by('Сталин') find the same messages."""
    expected = ["d0", "d1"]
    assert expected == CAT.query().sent_by("Filippov").ids()
    assert expected == CAT.query().sent_by("Stalin").ids()
    assert expected == CAT.query().sent_by("Сталин").ids()


def test_sent_to_excludes_intermediaries_and_conversations() -> None:
    """sent_to finds final recipients only; a conversation is no message."""
    assert ["d0", "d1"] == CAT.query().sent_to("Mao Zedong").ids()
    assert [] == CAT.query().sent_to("Kovalev").ids()


def test_sent_to_a_body_compares_as_printed() -> None:
    """A recipient that is no person matches its printed name, case and accents aside."""
    assert ["d3"] == CAT.query().sent_to("cpsu central committee").ids()


def test_sent_by_an_ambiguous_name_raises_at_once() -> None:
    """An ambiguous name raises AmbiguousNameError when the query is built."""
    with pytest.raises(ssd.AmbiguousNameError):
        CAT.query().sent_by("Peng")


def test_pathological_title_gives_one_sender() -> None:
    """A 10,000-character title repeating one name gives that sender once.

    How its reading time grows with its length is measured by benchmarks/bench_names.py.
    """
    result = parse_correspondence("Telegram from " + "Mao Zedong, " * 800 + "to Stalin")
    assert result is not None
    assert ("Mao Zedong",) == result.senders

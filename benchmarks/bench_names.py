"""Name, title and citation reading: time against input length, and how well titles are read.

    python benchmarks/bench_names.py [--repeat 3]
    python benchmarks/bench_names.py --accuracy [--people PATH] [--places PATH]

Reads titles that repeat a name and citations that repeat "a: b, " at
doubling lengths, and prints the best of ``--repeat`` times with the time per
thousand characters: a parser that backtracks shows that figure growing with
the length; a linear one keeps it flat.

``--accuracy`` measures the names data instead (with other ``people.json`` /
``places.json`` files when given, e.g. an older commit's): the share of the
bundled catalogue's titles whose every named person resolves, and the
precision and recall of senders and recipients on the hand-labelled titles
(``tests/data/titles_labelled.jsonl``).

A title's named persons are the correspondents the title reader finds
(senders, recipients, intermediaries, participants). A correspondent the
authority does not know counts as an unresolved person unless it is a body or
an office without a name: it holds a word of ``BODY_WORDS``, or none of its
capitalised words is a name (all are in ``NOT_NAMES``).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from sinosoviet_docs import load, parse_citation, parse_correspondence, people, places
from sinosoviet_docs.names import DateContext, PeopleAuthority, PlaceAuthority

LABELS = Path(__file__).resolve().parents[1] / "tests" / "data" / "titles_labelled.jsonl"
ROLES = ("senders", "recipients", "intermediaries", "participants")
BODY_WORDS = frozenset(
    (
        "committee",
        "cc",
        "presidium",
        "plenum",
        "politburo",
        "embassy",
        "ministry",
        "government",
        "party",
        "delegation",
        "delegations",
        "delegates",
        "leadership",
        "office",
        "department",
        "officials",
        "branch",
        "union",
    )
)
NOT_NAMES = frozenset(
    (
        "soviet",
        "chinese",
        "hungarian",
        "albanian",
        "east",
        "german",
        "indian",
        "vietnam",
        "china",
        "ussr",
        "prc",
        "moscow",
        "warsaw",
        "sent",
        "ambassador",
        "ambassadors",
        "five",
        "six",
        "charge",
        "d'affaires",
        "d’affaires",
        "foreign",
        "minister",
        "officials",
    )
)


def best_of(repeat: int, func: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def names_a_person(name: str) -> bool:
    """Whether a correspondent the authority does not know is a person (not a body or office).

    >>> names_a_person("Comrade Abdyl Kellezi"), names_a_person("CPSU Central Committee")
    (True, False)
    >>> names_a_person("Chinese Ambassador to the USSR")
    False
    """
    words = re.findall(r"[\w'’]+", name)
    if any(w.lower() in BODY_WORDS for w in words):
        return False
    return any(w[0].isupper() and w.lower() not in NOT_NAMES for w in words)


def coverage(
    titles: Iterable[tuple[str, DateContext]], authority: PeopleAuthority, places: PlaceAuthority
) -> tuple[int, int, list[str]]:
    """(titles whose every named person resolves, titles naming a person, unresolved names)."""
    known = {p.name for p in authority}
    full = named = 0
    missing: list[str] = []
    for title, date in titles:
        found = parse_correspondence(title, date=date, people=authority, places=places)
        names = [n for role in ROLES for n in (getattr(found, role) if found else ())]
        persons = [n for n in names if n in known or names_a_person(n)]
        if not persons:
            continue
        named += 1
        lost = [n for n in persons if n not in known]
        full += not lost
        missing.extend(lost)
    return full, named, missing


def scores(authority: PeopleAuthority, places: PlaceAuthority) -> dict[str, tuple[int, int, int]]:
    """Per role: (right, extracted, labelled) over every labelled title, read without a date."""
    out = dict.fromkeys(ROLES, (0, 0, 0))
    for line in LABELS.read_text("utf-8").splitlines():
        row = json.loads(line)
        found = parse_correspondence(row["title"], people=authority, places=places)
        for role in ROLES:
            want = set((row["correspondence"] or {}).get(role, ()))
            got = set(getattr(found, role) if found else ())
            right, extracted, labelled = out[role]
            out[role] = (right + len(want & got), extracted + len(got), labelled + len(want))
    return out


def accuracy(people_path: Path | None, places_path: Path | None) -> None:
    authority = PeopleAuthority(path=people_path) if people_path else people
    chosen = PlaceAuthority(path=places_path) if places_path else places
    cat = load()
    full, named, missing = coverage(((d.title, d.date) for d in cat), authority, chosen)
    print(f"titles: {len(cat)}; naming a person: {named}; every person resolved: {full}")
    print(f"share resolved: {full / named:.3f}")
    print("unresolved:", "; ".join(sorted(set(missing))) or "none")
    for role, (right, extracted, labelled) in scores(authority, chosen).items():
        p = right / extracted if extracted else 1.0
        r = right / labelled if labelled else 1.0
        print(f"{role:<15} P {p:.3f} ({right}/{extracted})  R {r:.3f} ({right}/{labelled})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--accuracy", action="store_true", help="measure the names data")
    parser.add_argument("--people", type=Path, help="people.json to measure (--accuracy)")
    parser.add_argument("--places", type=Path, help="places.json to measure (--accuracy)")
    args = parser.parse_args()
    if args.accuracy:
        accuracy(args.people, args.places)
        return
    people.resolve("Stalin")  # load the authority before timing
    cases: list[tuple[str, Callable[[int], str], Callable[[str], object]]] = [
        (
            "title",
            lambda n: "Telegram from " + "Mao Zedong, " * n + "to Stalin",
            parse_correspondence,
        ),
        ("citation", lambda n: "(" + "a: b, " * n + ")", parse_citation),
        ("name", lambda n: "Cde. " + "Filippov " * n + "[Stalin]", people.mentions),
    ]
    print(f"{'input':<9} {'chars':>8} {'seconds':>9} {'ms per 1k chars':>16}")
    for name, make, read in cases:
        for n in (250, 500, 1000, 2000, 4000, 8000):
            text = make(n)
            seconds = best_of(args.repeat, lambda text=text, read=read: read(text))
            print(f"{name:<9} {len(text):>8} {seconds:>9.4f} {seconds / len(text) * 1e6:>16.3f}")


if __name__ == "__main__":
    main()

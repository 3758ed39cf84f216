"""A synthetic catalogue generator for benchmarks: realistic shapes, invented content.

    python benchmarks/gen.py 100000 /tmp/bench/cat-100000.jsonl [--seed 1]

Writes a JSON Lines catalogue (the library's own layout) of N documents:
titles built from the archive's usual patterns ("Telegram from A to B",
"Memorandum of Conversation between A and B", "Cable No. 123, A to B"),
summaries of 30-80 words drawn with a Zipf-like law from a word list,
2,000 invented people (authors, people, and the names in titles), 200
places, document types, languages, topics, collections, and dates from 1945
to 1991: mostly to the day, about 15% to the month, 5% to the year, 2%
undated. Every person named in a title is also in the document's
``authors`` or ``people``, so name filters and title mentions agree.

Everything is invented and deterministic for a given seed.
"""

from __future__ import annotations

import argparse
import calendar
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from sinosoviet_docs import Catalogue, Collection
from sinosoviet_docs._convert import unstructure_header


def _words(text: str) -> list[str]:
    return text.split()


_SYLLABLES = _words(
    "an bai chen dao fan gao hai jin kai lan mei ning pei qin rui shan tao wei xin yan zhen "
    "ko lo mi ra sa ta va vo ni ke po du ro mo li ga be do ze ka"
)
_SURNAME_ENDINGS = ("ov", "ev", "in", "sky", "enko", "ovich", "")
_WORDS = _words(
    "the of and to in on for with a by from as that this his their at was were which be is "
    "soviet chinese party government question delegation comrade leadership relations treaty "
    "alliance border meeting talks cooperation military economic assistance agreement "
    "proposal position conversation situation international socialist countries central "
    "committee foreign ministry embassy ambassador premier chairman secretary report "
    "telegram cable letter memorandum record minutes notes draft speech statement "
    "nuclear weapons missile navy army air force troops forces war peace security "
    "korea taiwan vietnam india japan mongolia tibet xinjiang manchuria port railway "
    "industry agriculture production plan experts specialists technical aid loan credit "
    "trade exchange visit invitation discussion views opinion attitude criticism "
    "revisionism imperialism capitalism communism marxism leninism ideology propaganda "
    "unity split dispute conflict clashes negotiations settlement withdrawal support "
    "request reply response message instructions information assessment analysis "
    "congress plenum resolution decision policy line struggle campaign movement "
    "students workers peasants cadres intelligence press newspaper broadcast radio "
    "east west wind strait island frontier river province city capital region "
    "united nations states america american british french german polish romanian "
    "albanian cuban hungarian czechoslovak bulgarian yugoslav indonesian "
    "friendship mutual common goals future past history present current recent "
    "important serious difficult necessary possible urgent secret confidential "
    "said told asked agreed proposed stressed noted expressed emphasized "
    "reunification commune leap forward hundred flowers rectification purge"
)
_RARE_WORDS = _words(
    "lushun dalian harbin urumqi zhenbao damansky ussuri amur ili tacheng kuldja lanzhou "
    "shenyang wuhan nanjing canton chongqing yanan xian kunming lhasa hohhot baotou "
    "anshan fushun tangshan qingdao tianjin shanghai hangzhou fuzhou xiamen hainan"
)
_TYPES = (
    "Telegram",
    "Memorandum of Conversation",
    "Letter",
    "Cable",
    "Report",
    "Minutes",
    "Speech",
    "Diary Entry",
)
_LANGUAGES = ("Russian", "Chinese", "English", "German", "Polish", "Romanian")
_TOPICS = tuple(
    f"{a}--{b}"
    for a in ("China", "Soviet Union", "Mongolia", "Korea (North)", "Vietnam")
    for b in ("Foreign relations", "Politics and government", "Military policy", "Economic policy")
)
_COLLECTIONS = (
    "making-sino-soviet-alliance-1945-1950",
    "sino-soviet-alliance-1950-1959",
    "sino-soviet-split-1960-1984",
    "sino-soviet-border-conflict-1969",
    "sino-soviet-rapprochement-1985-1989",
)


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(1, 2))).capitalize()


def make_people(rng: random.Random, count: int = 2000) -> list[str]:
    """``count`` distinct invented full names."""
    surnames = [_name(rng) + rng.choice(_SURNAME_ENDINGS) for _ in range(400)]
    people: set[str] = set()
    while len(people) < count:
        people.add(f"{_name(rng)} {rng.choice(surnames)}")
    return sorted(people)


def _zipf_weights(n: int) -> list[float]:
    return [1.0 / (rank + 1) for rank in range(n)]


class Generator:
    """Deterministic documents for one seed."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.people = make_people(self.rng)
        self.places = [_name(self.rng) for _ in range(200)]
        self.person_weights = _zipf_weights(len(self.people))
        self.words = list(_WORDS)
        self.word_weights = _zipf_weights(len(self.words))
        self.rare = list(_RARE_WORDS) + [_name(self.rng).lower() for _ in range(3000)]

    def date(self) -> str | None:
        rng = self.rng
        roll = rng.random()
        if roll < 0.02:
            return None
        year = rng.randint(1945, 1991)
        if roll < 0.07:
            return f"{year:04d}"
        month = rng.randint(1, 12)
        if roll < 0.22:
            return f"{year:04d}-{month:02d}"
        day = rng.randint(1, calendar.monthrange(year, month)[1])
        return f"{year:04d}-{month:02d}-{day:02d}"

    def document(self, number: int) -> dict[str, object]:
        rng = self.rng
        a, b, c = rng.choices(self.people, weights=self.person_weights, k=3)
        kind = rng.choice(_TYPES)
        pattern = rng.randrange(5)
        if pattern == 0:
            title = f"{kind} from {a} to {b}"
        elif pattern == 1:
            title = f"Memorandum of Conversation between {a} and {b}"
        elif pattern == 2:
            title = f"{kind} No. {rng.randint(1, 99999)}, {a} to {b}"
        elif pattern == 3:
            words = " ".join(rng.choices(self.words[20:], k=rng.randint(2, 5)))
            title = f"{kind}, {a} on {words.capitalize()}"
        else:
            title = f"{kind} on the {rng.choice(self.words[20:]).capitalize()} Question"
        words = rng.choices(self.words, weights=self.word_weights, k=rng.randint(30, 80))
        for _ in range(rng.randint(0, 2)):
            words[rng.randrange(len(words))] = rng.choice(self.rare)
        words.insert(rng.randrange(len(words)), c)
        summary = " ".join(words).capitalize() + "."
        people = [b, c] if pattern != 4 else [c]
        doc: dict[str, object] = {
            "id": str(100000 + number),
            "title": title,
            "record_id": 100000 + number,
            "summary": summary,
            "type": kind,
            "languages": [rng.choice(_LANGUAGES)],
            "authors": [a],
            "people": sorted(set(people) - {a}),
            "places": rng.sample(self.places, rng.randint(0, 2)),
            "topics": rng.sample(_TOPICS, rng.randint(1, 2)),
            "collections": [rng.choice(_COLLECTIONS)],
        }
        date = self.date()
        if date is not None:
            doc["date"] = date
        return {k: v for k, v in doc.items() if v not in ([], None)}


def write(count: int, path: Path, seed: int = 1) -> None:
    """Write a catalogue of ``count`` documents to ``path`` as JSON Lines."""
    gen = Generator(seed)
    header = unstructure_header(
        Catalogue(collections=tuple(Collection(slug=s, title=s) for s in _COLLECTIONS))
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        out.write(json.dumps(header) + "\n")
        for number in range(count):
            out.write(json.dumps(gen.document(number), ensure_ascii=False) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("path", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    write(args.count, args.path, args.seed)


if __name__ == "__main__":
    main()

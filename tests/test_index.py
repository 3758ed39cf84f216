"""Indexes and full text: every answer checked against a brute-force scan of the documents."""

from __future__ import annotations

import math
import threading
from array import array

from hypothesis import given
from hypothesis import strategies as st

import sinosoviet_docs as ssd
from sinosoviet_docs._search.evaluate import matches
from sinosoviet_docs._search.language import parse
from sinosoviet_docs._search.nodes import And, Node, Not, Or, Phrase, Synonyms, Term
from sinosoviet_docs._search.rewrite import parsed as _parsed
from sinosoviet_docs._search.topk import score_groups, top_k
from sinosoviet_docs._text import tokenize
from sinosoviet_docs.index import ALIAS_WEIGHT, K1, B, DatedPhrase, index_for

from .strategies import plain_searches, search_strings, searchable_catalogues, synonym_groups

FIELDS = ("title", "summary", "text", "names")


def _f32(x: float) -> float:
    return array("f", [x])[0]


class Brute:
    """BM25 and boolean matching computed from each document's tokens, with no index."""

    def __init__(self, cat: ssd.Catalogue) -> None:
        self.docs = list(cat)
        self.fields = [
            [
                tokenize(d.title),
                tokenize(d.summary or ""),
                tokenize(d.text or ""),
                tokenize(" ; ".join((*d.authors, *d.people, *d.places))),
            ]
            for d in self.docs
        ]
        self.n = len(self.docs)
        lengths = [sum(len(f) for f in fs) for fs in self.fields]
        avgdl = (sum(lengths) / self.n if self.n else 0.0) or 1.0
        self.knorm = [K1 * (1 - B + B * dl / avgdl) for dl in lengths]
        self.vocab = sorted({t for fs in self.fields for f in fs for t in f})

    def idf(self, df: int) -> float:
        value = math.log((self.n - df + 0.5) / (df + 0.5))
        return value if value > 0 else 1e-6

    def runs(self, i: int, tokens: tuple[str, ...], fields: range | tuple[int, ...]) -> int:
        size = len(tokens)
        return sum(
            1
            for f in fields
            for j in range(len(self.fields[i][f]) - size + 1)
            if tuple(self.fields[i][f][j : j + size]) == tokens
        )

    def term(self, token: str) -> dict[int, float]:
        tfs = {i: sum(f.count(token) for f in fs) for i, fs in enumerate(self.fields)}
        tfs = {i: tf for i, tf in tfs.items() if tf}
        idf = self.idf(len(tfs))
        return {i: _f32(idf * (K1 + 1) * tf / (tf + self.knorm[i])) for i, tf in tfs.items()}

    def sequence(
        self, tokens: tuple[str, ...], fields: range | tuple[int, ...]
    ) -> dict[int, float]:
        tfs = {i: self.runs(i, tokens, fields) for i in range(self.n)}
        tfs = {i: tf for i, tf in tfs.items() if tf}
        idf = self.idf(len(tfs))
        return {i: idf * (K1 + 1) * tf / (tf + self.knorm[i]) for i, tf in tfs.items()}

    def dated(self, node: DatedPhrase) -> dict[int, float]:
        """A code name: runs of its tokens in documents of its years, not after a qualifier."""
        size = len(node.tokens)
        tfs: dict[int, int] = {}
        for i, doc in enumerate(self.docs):
            if doc.date is None or not node.first <= doc.date.year <= node.last:
                continue
            tf = 0
            for field in self.fields[i]:
                for j in range(len(field) - size + 1):
                    if tuple(field[j : j + size]) == node.tokens and (
                        j == 0 or field[j - 1] not in node.qualifiers
                    ):
                        tf += 1
            if tf:
                tfs[i] = tf
        idf = self.idf(len(tfs))
        return {i: idf * (K1 + 1) * tf / (tf + self.knorm[i]) for i, tf in tfs.items()}

    def score(self, node: Node) -> dict[int, float]:
        if isinstance(node, Term):
            tokens = (
                [t for t in self.vocab if t.startswith(node.token)] if node.prefix else [node.token]
            )
            acc: dict[int, float] = {}
            for token in tokens:
                part = (
                    self.term(token)
                    if node.field is None
                    else self.sequence((token,), (FIELDS.index(node.field),))
                )
                for i, s in part.items():
                    acc[i] = acc.get(i, 0.0) + s
            return acc
        if isinstance(node, DatedPhrase):
            return self.dated(node)
        if isinstance(node, Phrase):
            fields = range(4) if node.field is None else (FIELDS.index(node.field),)
            return self.sequence(node.tokens, fields)
        if isinstance(node, Synonyms):
            # The typed form's score where it matches; elsewhere the best alias score,
            # at most the typed form's lowest score, times ALIAS_WEIGHT.
            typed = self.score(node.typed)
            aliases = [self.score(a) for a in node.aliases]
            result = dict(typed)
            for i in range(self.n):
                found = [a[i] for a in aliases if i in a]
                if i not in typed and found:
                    best = max(found)
                    if typed:
                        best = min(best, min(typed.values()))
                    result[i] = ALIAS_WEIGHT * best
            return result
        if isinstance(node, Not):
            excluded = self.score(node.child)
            return {i: 0.0 for i in range(self.n) if i not in excluded}
        if isinstance(node, Or):
            acc = {}
            for child in node.children:
                for i, s in self.score(child).items():
                    acc[i] = acc.get(i, 0.0) + s
            return acc
        assert isinstance(node, And)
        positives = [self.score(c) for c in node.children if not isinstance(c, Not)]
        negatives = [self.score(c.child) for c in node.children if isinstance(c, Not)]
        if positives:
            keep = [i for i in range(self.n) if all(i in p for p in positives)]
            result = {i: sum(p[i] for p in positives) for i in keep}
        else:
            result = dict.fromkeys(range(self.n), 0.0)
        return {i: s for i, s in result.items() if not any(i in m for m in negatives)}

    def ranked(self, text: str, *, aliases: bool = False) -> list[tuple[str, float]]:
        expr = _parsed(text, True)[1] if aliases else parse(text).expr
        assert expr is not None
        return self.rank(self.score(expr))

    def rank(self, scores: dict[int, float]) -> list[tuple[str, float]]:
        return [(self.docs[i].id, scores[i]) for i in sorted(scores, key=lambda i: (-scores[i], i))]


def _synonyms(group: tuple[str, ...]) -> Node:
    """A group of folded words as the node name expansion makes: typed word, then aliases."""
    return Synonyms(Term(group[0]), tuple(Term(t) for t in group[1:]))


@given(searchable_catalogues(), search_strings)
def test_search_matches_brute_force(cat: ssd.Catalogue, text: str) -> None:
    """Every search gives the brute-force documents, scores and order (score, then date)."""
    assert Brute(cat).ranked(text) == cat.search(text, aliases=False).scores()


@given(searchable_catalogues(), search_strings)
def test_search_with_aliases_matches_brute_force(cat: ssd.Catalogue, text: str) -> None:
    """With name expansion, scores and order match brute force over the synonym groups."""
    assert Brute(cat).ranked(text, aliases=True) == cat.search(text).scores()


@given(searchable_catalogues(max_documents=60), plain_searches, st.integers(1, 6))
def test_top_k_with_aliases_matches_brute_force(cat: ssd.Catalogue, text: str, k: int) -> None:
    """A limited search with name expansion gives the first k of the brute-force ranking."""
    assert Brute(cat).ranked(text, aliases=True)[:k] == cat.search(text).limit(k).scores()


@given(searchable_catalogues(max_documents=60), synonym_groups, st.booleans(), st.integers(1, 6))
def test_top_k_of_synonym_groups_matches_brute_force(
    cat: ssd.Catalogue, groups: list[tuple[str, ...]], conjunctive: bool, k: int
) -> None:
    """top_groups (threshold algorithm, group bound = max of its words' bounds) is brute force."""
    nodes = tuple(_synonyms(g) for g in groups)
    node = nodes[0] if len(nodes) == 1 else (And(nodes) if conjunctive else Or(nodes))
    expected = Brute(cat).rank(Brute(cat).score(node))[:k]
    found = top_k(index_for(cat).text, groups, conjunctive=conjunctive or len(groups) == 1, k=k)
    docs = list(cat)
    assert expected == [(docs[d].id, s) for s, d in found]


@given(searchable_catalogues(), synonym_groups, st.booleans())
def test_synonym_groups_by_lookup_match_brute_force(
    cat: ssd.Catalogue, groups: list[tuple[str, ...]], conjunctive: bool
) -> None:
    """score_groups (the filtered path) and matches (full evaluation) score as brute force."""
    nodes = tuple(_synonyms(g) for g in groups)
    node = nodes[0] if len(nodes) == 1 else (And(nodes) if conjunctive else Or(nodes))
    expected = Brute(cat).score(node)
    text = index_for(cat).text
    scored = score_groups(
        text, groups, range(len(cat)), conjunctive=conjunctive or len(groups) == 1
    )
    assert expected == scored
    assert expected == matches(text, node)


def _by_id(cat: ssd.Catalogue, node: Node) -> dict[str, float]:
    docs = cat.documents
    return {docs[d].id: s for d, s in matches(index_for(cat).text, node).items()}


def test_synonyms_score_the_best_alternative_not_the_sum() -> None:
    """A document naming a person twice over scores like one naming them once as typed."""
    cat = ssd.Catalogue(
        documents=[
            ssd.Document(id="both", title="Filippov Stalin"),
            ssd.Document(id="typed", title="Filippov Zhou"),
            ssd.Document(id="other", title="Mao Zhou"),
            ssd.Document(id="more", title="Mao Molotov"),
        ]
    )
    scores = _by_id(cat, _synonyms(("filippov", "stalin")))
    assert scores["typed"] == scores["both"]


def test_alias_only_match_ranks_below_every_typed_match() -> None:
    """A short document naming only an alias ranks below a long one holding the typed word."""
    cat = ssd.Catalogue(
        documents=[
            ssd.Document(id="alias", title="Stalin"),
            ssd.Document(id="typed", title="Filippov " + "telegram " * 30),
            ssd.Document(id="x", title="Mao"),
            ssd.Document(id="y", title="Zhou"),
        ]
    )
    scores = _by_id(cat, _synonyms(("filippov", "stalin")))
    assert ALIAS_WEIGHT * scores["typed"] == scores["alias"]


@given(searchable_catalogues(max_documents=60), plain_searches, st.integers(1, 6))
def test_top_k_matches_brute_force(cat: ssd.Catalogue, text: str, k: int) -> None:
    """The top-k path (threshold algorithm) gives the first k of the brute-force ranking."""
    assert Brute(cat).ranked(text)[:k] == cat.search(text, aliases=False).limit(k).scores()


@given(searchable_catalogues(), plain_searches, st.integers(0, 3), st.integers(1, 4))
def test_top_k_with_offset_and_filter_matches_brute_force(
    cat: ssd.Catalogue, text: str, skip: int, k: int
) -> None:
    """offset and limit over a filtered search slice the brute-force ranking."""
    keep = {d.id for d in cat if d.type is not None and d.type.lower() == "telegram"}
    expected = [p for p in Brute(cat).ranked(text) if p[0] in keep][skip : skip + k]
    q = cat.search(text, aliases=False).of_type("TELEGRAM").offset(skip).limit(k)
    assert expected == q.scores()


@given(
    searchable_catalogues(), search_strings, st.sampled_from(["date", "-date", "title", "-title"])
)
def test_sorted_search_matches_brute_force(cat: ssd.Catalogue, text: str, key: str) -> None:
    """A search sorted by date or title keeps the matches in that order."""
    expr = parse(text).expr
    assert expr is not None
    matched = sorted(Brute(cat).score(expr))
    docs = list(cat)
    if key == "date":
        expected = [docs[i].id for i in matched]
    elif key == "-date":
        dated = [docs[i].id for i in matched if docs[i].date is not None]
        expected = dated[::-1] + [docs[i].id for i in matched if docs[i].date is None]
    else:
        expected = [
            docs[i].id
            for i in sorted(matched, key=lambda i: ssd_fold(docs[i].title), reverse=key == "-title")
        ]
    assert expected == cat.search(text, aliases=False).sort(key).ids()  # type: ignore[arg-type]


def ssd_fold(text: str) -> str:
    from sinosoviet_docs._text import fold

    return fold(text)


def test_diacritics_fold() -> None:
    """Lüshun, LUSHUN and Lushun are one word for search."""
    cat = ssd.Catalogue(
        documents=[
            ssd.Document(id="a", title="Port of Lüshun"),
            ssd.Document(id="b", title="LUSHUN again"),
            ssd.Document(id="c", title="Dalian"),
        ]
    )
    assert ["a", "b"] == sorted(cat.search("lushun").ids())
    assert ["a", "b"] == sorted(cat.search("Lüshun").ids())


def test_curly_quotes_make_a_phrase() -> None:
    """“east wind” in curly quotes is the phrase "east wind"."""
    cat = ssd.Catalogue(
        documents=[
            ssd.Document(id="a", title="the east wind prevails"),
            ssd.Document(id="b", title="wind from the east"),
        ]
    )
    assert ["a"] == cat.search("“east wind”").ids()


def test_phrase_does_not_cross_fields() -> None:
    """A phrase must lie inside one field: title end + summary start is no match."""
    cat = ssd.Catalogue(documents=[ssd.Document(id="a", title="the east", summary="wind blows")])
    assert [] == cat.search('"east wind"').ids()
    assert ["a"] == cat.search("east wind").ids()


def test_field_prefix_restricts() -> None:
    """title: matches only in titles."""
    cat = ssd.Catalogue(
        documents=[
            ssd.Document(id="a", title="Taiwan", summary="x"),
            ssd.Document(id="b", title="x", summary="Taiwan"),
        ]
    )
    assert ["a"] == cat.search("title:taiwan").ids()
    assert ["b"] == cat.search("summary:taiwan").ids()


def test_prefix_search() -> None:
    """stal* finds Stalin and Stalinism but not Mao."""
    cat = ssd.Catalogue(
        documents=[
            ssd.Document(id="a", title="Stalin"),
            ssd.Document(id="b", title="Stalinism"),
            ssd.Document(id="c", title="Mao"),
        ]
    )
    assert ["a", "b"] == sorted(cat.search("stal*").ids())


def test_ties_broken_by_date() -> None:
    """Documents with equal scores come in date order."""
    cat = ssd.Catalogue(
        documents=[
            ssd.Document(id="late", title="Taiwan", date=ssd.PartialDate(year=1958)),
            ssd.Document(id="early", title="Taiwan", date=ssd.PartialDate(year=1950)),
        ]
    )
    assert ["early", "late"] == cat.search("taiwan").ids()
    assert ["early", "late"] == cat.search("taiwan").limit(2).ids()


def test_build_indexes_is_shared_between_threads() -> None:
    """Threads querying a fresh catalogue at once build one index and get the same answers."""
    docs = [ssd.Document(id=f"d{i}", title=f"Taiwan telegram {i % 7}") for i in range(300)]
    cat = ssd.Catalogue(documents=docs)
    results: list[list[str]] = []
    indexes: list[object] = []

    def work() -> None:
        results.append(cat.search("taiwan 3").ids())
        indexes.append(index_for(cat).text)

    threads = [threading.Thread(target=work) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert 6 == len(results)
    assert all(r == results[0] for r in results)
    assert all(i is indexes[0] for i in indexes)


def test_build_indexes_keeps_the_catalogue_equal() -> None:
    """Building indexes changes neither equality nor hash of a catalogue."""
    a = ssd.Catalogue(documents=[ssd.Document(id="x", title="Taiwan")])
    b = ssd.Catalogue(documents=[ssd.Document(id="x", title="Taiwan")])
    assert a.build_indexes() == b
    assert hash(a) == hash(b)


def test_catalogue_with_indexes_pickles() -> None:
    """A catalogue whose indexes are built pickles, and searches the same after."""
    import pickle

    cat = ssd.Catalogue(documents=[ssd.Document(id="a", title="Taiwan strait")]).build_indexes()
    copy = pickle.loads(pickle.dumps(cat))
    assert cat == copy
    assert ["a"] == copy.search("strait").ids()


def test_a_word_repeated_hundreds_of_times_scores_exactly() -> None:
    """A count too large for the packed postings is kept apart and scored exactly."""
    cat = ssd.Catalogue(
        documents=[
            ssd.Document(id="many", title="x", summary="taiwan " * 300),
            ssd.Document(id="one", title="taiwan strait"),
            ssd.Document(id="none", title="mao"),
        ]
    )
    assert Brute(cat).ranked("taiwan") == cat.search("taiwan", aliases=False).scores()

"""The check report: what the names tools could and could not read in a set of documents.

This is what ``sinosoviet-docs check`` prints and ``cat.names.check()`` returns.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import attrs

from .correspondence import correspondence_of
from .names import PeopleAuthority, people

if TYPE_CHECKING:
    from .models import Document

__all__ = ["CheckReport", "NamesReport", "check", "report"]


@attrs.frozen(kw_only=True)
class CheckReport:
    """What the names tools could and could not read in a catalogue (never raises).

    ``unparsed_titles`` are ids of documents whose title named no
    correspondence; ``unknown_names`` are names in correspondence that are
    no person of the authority (bodies such as "CPSU Central Committee", or
    ambiguous names), with how often each occurs; ``raw_citations`` are ids
    whose source citation had a part kept as raw text.
    """

    documents: int
    messages: int
    conversations: int
    unparsed_titles: tuple[str, ...]
    unknown_names: tuple[tuple[str, int], ...]
    citations: int
    references: int
    raw_citations: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        """The report as plain JSON-ready data."""
        return {
            "documents": self.documents,
            "messages": self.messages,
            "conversations": self.conversations,
            "unparsed_titles": list(self.unparsed_titles),
            "unknown_names": dict(self.unknown_names),
            "citations": self.citations,
            "references": self.references,
            "raw_citations": list(self.raw_citations),
        }

    def __str__(self) -> str:
        lines = [
            f"documents: {self.documents}",
            f"titles read as messages: {self.messages}, as conversations: {self.conversations}, "
            f"naming no correspondence: {len(self.unparsed_titles)}",
            f"names that are no known person: {len(self.unknown_names)} distinct",
        ]
        lines += [f"  {count:>3}  {name}" for name, count in self.unknown_names]
        lines.append(
            f"source citations: {self.citations}, references read: {self.references}, "
            f"citations with a part kept raw: {len(self.raw_citations)}"
        )
        lines += [f"  {doc_id}" for doc_id in self.raw_citations]
        return "\n".join(lines)


def check(documents: Iterable[Document], *, authority: PeopleAuthority = people) -> CheckReport:
    """Count what the names tools read and what they left (see :class:`CheckReport`)."""
    from .citations import parse_citation

    docs = list(documents)
    messages = conversations = citations = references = 0
    unparsed: list[str] = []
    unknown: dict[str, int] = {}
    raw: list[str] = []
    for doc in docs:
        found = correspondence_of(doc.title, doc.date)
        if found is None:
            unparsed.append(doc.id)
        else:
            if found.kind == "message":
                messages += 1
            else:
                conversations += 1
            for name in found.everyone:
                if not authority.knows(name):
                    unknown[name] = unknown.get(name, 0) + 1
        if doc.source:
            citations += 1
            refs = parse_citation(doc.source)
            references += sum(1 for r in refs if r.kind != "other")
            if any(r.kind == "other" for r in refs):
                raw.append(doc.id)
    return CheckReport(
        documents=len(docs),
        messages=messages,
        conversations=conversations,
        unparsed_titles=tuple(unparsed),
        unknown_names=tuple(sorted(unknown.items(), key=lambda kv: (-kv[1], kv[0]))),
        citations=citations,
        references=references,
        raw_citations=tuple(raw),
    )


#: The report's earlier name: the same class.
NamesReport = CheckReport
#: :func:`check` under its earlier name: the same function.
report = check

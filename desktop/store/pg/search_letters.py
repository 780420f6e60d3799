"""Letters found by their title, headings and metadata on PostgreSQL
(``store.letter_search`` of a server's library): the same public methods and rows as
:class:`desktop.store.letter_search.LetterSearchRepository`, on the same ``letter_search``
table. Its fields and headings are matched with ``LIKE`` on both joined by a line break (a
term never holds one), which pg_trgm's index serves for terms of three characters and more;
shorter terms are checked on the letters newest first (one short row a letter), and the
planner chooses between the two as it estimates the matches."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from desktop.fold import to_simplified
from desktop.letter_search_fields import number_key
from desktop.library_rows import LetterMatch
from desktop.store.letter_search import LetterSearchRepository
from desktop.store.ranking import folds

if TYPE_CHECKING:
    from desktop.store.search_queries import SearchFilters

_JOINED = "(ls.fields || chr(10) || ls.headings)"


def _like(term: str) -> tuple[str, str]:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return ("ILIKE" if folds(term) else "LIKE"), f"%{escaped}%"


_FOLDED_AGENCIES: dict[str, str] = {}  # an agency's name as stored -> folded (few hundred)


def matching_agencies(db: Any, agency: str) -> list[str]:
    """The agency names stored (agency or main organizer) that hold ``agency``, both folded
    to simplified characters (names are stored as written: 花都區衛生健康局). SQLite folds
    in the query with a function of the program's; the server cannot run it, so the few
    distinct names are folded here."""
    wanted = to_simplified(agency)
    names = [
        str(r[0])
        for r in db.execute(
            "SELECT agency FROM letters WHERE agency IS NOT NULL"
            " UNION SELECT main_organizer FROM letters WHERE main_organizer IS NOT NULL"
        ).fetchall()
    ]
    out = []
    for name in names:
        folded = _FOLDED_AGENCIES.get(name)
        if folded is None:
            folded = _FOLDED_AGENCIES[name] = to_simplified(name)
        if wanted in folded:
            out.append(name)
    return out


def pg_letter_filter_sql(
    filters: SearchFilters, agencies: Sequence[str] = (), letter: str = "l"
) -> tuple[list[str], list[Any]]:
    """:func:`desktop.store.letter_search.letter_filter_sql` in PostgreSQL's words; the
    agency filter takes the names :func:`matching_agencies` found."""
    cond: list[str] = []
    args: list[Any] = []
    if filters.agency:
        cond.append(
            f"({letter}.agency = ANY(?::text[]) OR {letter}.main_organizer = ANY(?::text[]))"
        )
        args.extend([list(agencies), list(agencies)])
    if filters.kind:
        cond.append(f"{letter}.kind = ?")
        args.append(filters.kind)
    if filters.proposer:
        cond.append(
            f"EXISTS (SELECT 1 FROM letter_search fs WHERE fs.letter_id = {letter}.id"
            " AND strpos(fs.proposers, ?) > 0)"
        )
        args.append(to_simplified(filters.proposer.strip()))
    if filters.number:
        cond.append(
            f"EXISTS (SELECT 1 FROM letter_search fs WHERE fs.letter_id = {letter}.id"
            " AND fs.number = ?)"
        )
        args.append(number_key(filters.number))
    if filters.category:
        cond.append(f"upper(trim(coalesce({letter}.category, ''))) = ?")
        args.append(filters.category.strip().upper())
    if filters.role:
        cond.append(f"{letter}.addressee_role = ?")
        args.append(filters.role)
    return cond, args


def _filters(db: Any, filters: SearchFilters) -> tuple[str, str, list[Any]]:
    """The filters on a letter hit (as SQLite's): a join of ``letters`` only when needed."""
    cond: list[str] = []
    args: list[Any] = []
    if filters.proposer:
        cond.append("strpos(ls.proposers, ?) > 0")
        args.append(to_simplified(filters.proposer.strip()))
    if filters.number:
        cond.append("ls.number = ?")
        args.append(number_key(filters.number))
    if filters.year_from is not None:
        cond.append("ls.year >= ?")
        args.append(filters.year_from)
    if filters.year_to is not None:
        cond.append("ls.year <= ?")
        args.append(filters.year_to)
    rest = replace(filters, proposer=None, number=None, year_from=None, year_to=None)
    agencies = matching_agencies(db, rest.agency) if rest.agency else []
    letter_cond, letter_args = pg_letter_filter_sql(rest, agencies)
    join = " JOIN letters l ON l.id = ls.letter_id" if letter_cond else ""
    where = "".join(f" AND {c}" for c in (*cond, *letter_cond))
    return join, where, [*args, *letter_args]


def _contains(terms: Sequence[str]) -> tuple[str, list[Any]]:
    parts, args = [], []
    for term in terms:
        op, pattern = _like(term)
        parts.append(f" AND {_JOINED} {op} ?")
        args.append(pattern)
    return "".join(parts), args


class PgLetterSearchRepository(LetterSearchRepository):
    """``store.letter_search`` of a PostgreSQL library."""

    def find(
        self, terms: Sequence[str], filters: SearchFilters, limit: int, *, indexed: bool = True
    ) -> list[LetterMatch]:
        """The letters whose fields and headings together hold every (folded) term, newest
        first (year, letters without one last, then the latest stored), at most ``limit``."""
        if not terms or limit <= 0:
            return []
        contains, cargs = _contains(terms)
        join, fsql, fargs = _filters(self._db, filters)
        ids = [
            int(r[0])
            for r in self._db.execute(
                f"""SELECT ls.letter_id FROM letter_search ls{join}
                    WHERE true {contains} {fsql}
                    ORDER BY ls.year DESC NULLS LAST, ls.letter_id DESC
                    LIMIT ?""",
                [*cargs, *fargs, limit],
            )
        ]
        return self._pg_matches(ids)

    def _pg_matches(self, ids: list[int]) -> list[LetterMatch]:
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = {
            int(r[0]): r
            for r in self._db.execute(
                f"""SELECT l.id, l.year, l.kind, l.title, l.proposal_title, l.proposal_number,
                           l.session, l.addressee,
                           (SELECT coalesce(json_agg(p.text ORDER BY lp.position), '[]')::text
                            FROM letter_paragraphs lp JOIN paragraphs p ON p.id = lp.paragraph_id
                            WHERE lp.letter_id = l.id AND lp.is_heading = 1)
                    FROM letters l WHERE l.id IN ({marks})""",
                ids,
            )
        }
        return [_match(rows[i]) for i in ids if i in rows]

    def count(
        self, terms: Sequence[str], filters: SearchFilters, cap: int, *, indexed: bool = True
    ) -> int:
        """How many letters :meth:`find` would give without its limit, up to ``cap``."""
        if not terms:
            return 0
        contains, cargs = _contains(terms)
        join, fsql, fargs = _filters(self._db, filters)
        sql = (
            f"SELECT count(*) FROM (SELECT 1 FROM letter_search ls{join}"
            f" WHERE true {contains} {fsql} LIMIT ?) c"
        )
        return int(self._db.execute(sql, [*cargs, *fargs, cap]).fetchone()[0])


def _match(r: Sequence[Any]) -> LetterMatch:
    from desktop.letter_search_fields import proposer_names

    headings = json.loads(r[8] or "[]")
    return LetterMatch(
        letter_id=int(r[0]),
        year=r[1],
        kind=r[2],
        title=r[3],
        proposal_title=r[4],
        proposal_number=r[5],
        session=r[6],
        addressee=proposer_names(r[7]),
        headings=[str(h) for h in headings],
    )

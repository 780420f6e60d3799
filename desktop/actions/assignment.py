"""The assignment list (交办清单): read it for a preview, then store its cases in one go.

:func:`read_list` reads the file and every row (nothing is stored) and says which rows are
already cases in the library; :func:`remap` re-reads it with the clerk's column mapping;
:func:`import_list` stores the readable rows in ONE transaction — a case with the same session
and number is updated from the list (its draft, status and the fields the list does not have
are kept), never duplicated — after reading the proposals' texts from an optional folder.
A refusal (no header, a required column missing, nothing readable, a library error) leaves
the library as it was.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.assignment import listing
from desktop.assignment.listing import ListOptions, ParsedList
from desktop.assignment.texts import Attached, TextMatches, match_texts
from desktop.assignment.workbook import ListError, read_sheet
from desktop.casework import Case
from desktop.soffice import AUTO, AutoDetect
from desktop.store import LibraryStore

Key = tuple[str, str]


@dataclass(frozen=True)
class ListPreview:
    """The list as read, and which of its cases the library already holds (key → case id)."""

    parsed: ParsedList
    existing: dict[Key, int]

    def existing_id(self, case: Case) -> int | None:
        return self.existing.get((case.session, case.number))


@dataclass(frozen=True)
class ImportedList:
    created: tuple[str, ...]  # numbers of the new cases
    updated: tuple[str, ...]  # numbers of the cases the list updated
    problems: tuple[str, ...]  # "第N行：why" for every row not imported
    notes: tuple[str, ...]  # "第N行：…" imported, worth a look
    attached: tuple[Attached, ...] = ()
    unmatched: tuple[str, ...] = ()  # proposal files not attached, with why
    session: str = ""
    updated_ids: tuple[int, ...] = ()  # the window tells an open case it changed

    def to_json(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["attached"] = [dataclasses.asdict(a) for a in self.attached]
        return data


def _options(store: LibraryStore, session: str | None, today: dt.date | None) -> ListOptions:
    profile = store.profile.load()
    # The sample profile's agency is nobody's: every case is then taken as the main organizer.
    agency = "" if store.profile.is_sample() else profile.agency_name
    return ListOptions(
        session=session,
        agency=agency,
        due_months=profile.due_months,
        co_due_months=int(getattr(profile, "co_due_months", 1) or 1),
        today=today,
    )


def _preview(parsed: ParsedList, store: LibraryStore) -> ListPreview:
    existing: dict[Key, int] = {}
    for case in parsed.cases:
        found = store.cases.find(case.session, case.number)
        if found is not None:
            existing[(case.session, case.number)] = found
    return ListPreview(parsed, existing)


def read_list(
    path: Path | str,
    *,
    store: LibraryStore,
    session: str | None = None,
    soffice: str | AutoDetect | None = AUTO,
    today: dt.date | None = None,
) -> ListPreview:
    """Read the list at ``path`` (.xlsx/.xls/.et/.csv) for the preview; nothing is stored.
    ``session`` overrides the session the list's title names."""
    path = Path(path)
    sheet = read_sheet(path, soffice=soffice)
    parsed = listing.parse_list(sheet, path.name, _options(store, session, today))
    return _preview(parsed, store)


def remap(preview: ListPreview, mapping: dict[int, str], *, store: LibraryStore) -> ListPreview:
    """The list read again with the clerk's mapping (column → field; "" for no field)."""
    return _preview(listing.remap(preview.parsed, mapping), store)


def with_session(preview: ListPreview, session: str, *, store: LibraryStore) -> ListPreview:
    return _preview(listing.with_session(preview.parsed, session), store)


def _refuse_unusable(parsed: ParsedList) -> None:
    if parsed.missing:
        raise ListError(
            f"{parsed.name} 中没有“{'”“'.join(parsed.missing)}”列，未导入任何案件："
            "请在预览中为这些列指定表头，或在清单中补上。"
        )
    if not parsed.cases:
        raise ListError(f"{parsed.name} 中没有可导入的行，未导入任何案件。")


def _merged(old: Case, new: Case, given: frozenset[str], content: str | None) -> Case:
    """The stored case with the list's fields: the clerk's status, dates and the fields
    the list has no column for stay as they were."""
    data = old.to_json()
    fresh = new.to_json()
    for name in given:
        if name in fresh:
            data[name] = fresh[name]
    if content is not None:
        data["content"] = content
    return Case(**data)


def import_list(
    preview: ListPreview,
    *,
    store: LibraryStore,
    texts: Path | str | None = None,
    soffice: str | AutoDetect | None = AUTO,
) -> ImportedList:
    """Store the list's readable rows as cases in one transaction (see the module)."""
    parsed = preview.parsed
    _refuse_unusable(parsed)
    matches = TextMatches({})
    if texts is not None:
        folder = Path(texts)
        if not folder.is_dir():
            raise ListError(f"找不到建议/提案文本文件夹：{folder}")
        matches = match_texts(parsed.cases, folder, soffice=soffice)
    created: list[str] = []
    updated: list[str] = []
    updated_ids: list[int] = []
    with store.transaction():
        for row in parsed.rows:
            if row.case is None:
                continue
            case = dataclasses.replace(row.case, id=None)
            content = matches.contents.get((case.session, case.number))
            found = store.cases.find(case.session, case.number)
            if found is None:
                if content is not None:
                    case.content = content
                store.cases.save(case)
                created.append(case.number)
                continue
            old = store.cases.get(found)
            assert old is not None
            store.cases.save(_merged(old, case, row.given, content))
            updated.append(case.number)
            updated_ids.append(found)
    return ImportedList(
        created=tuple(created),
        updated=tuple(updated),
        problems=tuple(r.described for r in parsed.problems),
        notes=tuple(r.described for r in parsed.rows if r.case is not None and r.note),
        attached=matches.attached,
        unmatched=matches.unmatched,
        session=parsed.context.session,
        updated_ids=tuple(updated_ids),
    )

"""The sample library and the sample agency: what a new library starts with.

A new, empty library gets five real sample letters (to try search with; the clerk can remove
them) and the profile's defaults, which are the sample agency's (南通市科学技术局). Until the clerk
stores an agency name (``store.profile.is_sample()``), exports are refused with
``SAMPLE_PROFILE_CLI`` / the window's own message: no letter goes out signed by the sample
agency.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.paths import sample_library_dir

if TYPE_CHECKING:
    from desktop.importer import ImportResult
    from desktop.store import LibraryStore

log = logging.getLogger(__name__)
SEEDED_KEY = "sample_library_loaded"
SAMPLE_IDS_KEY = "sample_letter_ids"  # JSON list of the letter ids the samples got
SAMPLE_AGENCY = "南通市科学技术局"
SAMPLE_PROFILE_CLI = (
    "资料库的机关信息仍是示例（{agency}）：为免答复以示例单位的名义发出，本次未生成任何文件。"
    "请先设置本单位名称：replydesk profile set agency_name 本单位全称"
    "（另可设置 contact_name、contact_phone、cc、seal_image），"
    "或在窗口的“设置 → 单位信息 → 发文机关（落款）”中填写；"
    '也可在案件文件中写明 "agency": {{"name": "本单位全称"}}。'
)


def ensure_sample_library(store: LibraryStore) -> list[ImportResult]:
    """Load the sample documents once into a library that has never held any letter.

    A clerk who later deletes the samples does not get them back on the next start.
    """
    if store.get_meta(SEEDED_KEY) or store.letters.count() > 0:
        return []
    from desktop.importer import import_paths  # the reader and parser: only for a new library

    folder = sample_library_dir()
    results = [p.result for p in import_paths(store, [folder])] if folder.is_dir() else []
    for r in results:
        if r.status == "failed":
            log.warning("sample document %s not loaded: %s", r.path, r.message)
    ids = [r.letter_id for r in results if r.status == "imported" and r.letter_id is not None]
    store.set_meta(SAMPLE_IDS_KEY, json.dumps(ids))
    store.set_meta(SEEDED_KEY, "1")
    return results


def sample_letter_ids(store: LibraryStore) -> list[int]:
    """The sample letters still in the library."""
    raw = store.get_meta(SAMPLE_IDS_KEY)
    if raw:
        return store.letters.present(json.loads(raw))
    # seeded before the ids were kept: the letters imported from the samples folder
    return store.letters.from_folder(str(Path(sample_library_dir()).resolve()))


def remove_sample_library(store: LibraryStore) -> int:
    """Delete the sample letters (paragraphs reused in drafts stay in those drafts)."""
    removed = store.letters.delete_many(sample_letter_ids(store))
    store.set_meta(SAMPLE_IDS_KEY, "[]")
    return removed

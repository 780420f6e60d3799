"""The agency profile: what the replies are signed with (name, contact, copy-to, seal …).

The CLI's ``profile show/set``, the settings dialog and the first-start dialog read and
write it here. A value is checked before anything is stored (``ProfileError``, ``SealError``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.library_rows import StoredFile
from desktop.profile import SEAL_KEY, AgencyProfile, parse_profile_value
from desktop.sample import remove_sample_library
from desktop.store import LibraryStore

SealFile = StoredFile  # a seal image: its name as the clerk chose it, its bytes


@dataclass(frozen=True)
class ProfileView:
    """The profile with the name of its seal file and whether it is still the sample's."""

    profile: AgencyProfile
    seal_name: str | None
    is_sample: bool

    def to_json(self) -> dict[str, Any]:
        data = self.profile.to_json()
        data[SEAL_KEY] = self.seal_name
        return data


def load(*, store: LibraryStore) -> AgencyProfile:
    return store.profile.load()


def show(*, store: LibraryStore) -> ProfileView:
    seal = store.profile.get_file(SEAL_KEY)
    return ProfileView(store.profile.load(), seal.name if seal else None, store.profile.is_sample())


def is_sample(*, store: LibraryStore) -> bool:
    """True until the clerk stores an agency name: no letter may go out signed by the
    sample agency."""
    return store.profile.is_sample()


def seal_file(*, store: LibraryStore) -> SealFile | None:
    return store.profile.get_file(SEAL_KEY)


def read_seal(path: Path, diameter_mm: float | None = None) -> SealFile:
    """A seal image read from disk once and checked (size, format, transparency …); a
    ``SealError`` says what is wrong with it."""
    from desktop.export_docx import check_seal_image

    spec = check_seal_image(path, 42.0 if diameter_mm is None else diameter_mm)
    return SealFile(spec.name, spec.image)


def set_value(key: str, raw: str, *, store: LibraryStore) -> None:
    """``profile set KEY VALUE``: the seal from an image file, any other key from text."""
    if key == SEAL_KEY:
        seal = read_seal(Path(raw))
        store.profile.set_file(SEAL_KEY, seal.name, seal.data)
    else:
        store.profile.set_value(key, parse_profile_value(key, raw))


def save(
    values: Mapping[str, Any],
    *,
    seal: SealFile | None = None,
    only_changed: bool = False,
    remove_samples: bool = False,
    store: LibraryStore,
) -> None:
    """Store checked values (and a new seal) in one transaction. The agency name is written
    last: it is what marks the profile as the clerk's own. ``only_changed`` leaves the values
    equal to the stored ones alone; ``remove_samples`` deletes the sample letters too."""
    current = store.profile.load().to_json() if only_changed else {}
    with store.transaction():
        if seal is not None:
            store.profile.set_file(SEAL_KEY, seal.name, seal.data)
        for key, value in sorted(values.items(), key=lambda kv: kv[0] == "agency_name"):
            if not only_changed or current.get(key) != value:
                store.profile.set_value(key, value)
        if remove_samples:
            remove_sample_library(store)

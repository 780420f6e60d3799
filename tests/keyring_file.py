"""A keyring backend for the tests' subprocesses (``PYTHON_KEYRING_BACKEND``): the system
keyrings (Windows Credential Manager, Secret Service …) are not there on a test machine.
Keeps the entries in the JSON file named by ``$REPLYDESK_TEST_KEYRING``."""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend


class FileKeyring(KeyringBackend):
    # Never chosen on its own (the fail backend's 0 wins): only when named by
    # PYTHON_KEYRING_BACKEND or set by a test.
    priority = -1  # type: ignore[assignment]

    @property
    def _file(self) -> Path:
        return Path(os.environ["REPLYDESK_TEST_KEYRING"])

    def _load(self) -> dict[str, str]:
        try:
            return dict(json.loads(self._file.read_text(encoding="utf-8")))
        except FileNotFoundError:
            return {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}\n{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._load()
        data[f"{service}\n{username}"] = password
        self._file.write_text(json.dumps(data), encoding="utf-8")

    def delete_password(self, service: str, username: str) -> None:
        data = self._load()
        del data[f"{service}\n{username}"]
        self._file.write_text(json.dumps(data), encoding="utf-8")

"""A keyring backend for tests only: secrets in the JSON file `$GOVSHARE_TEST_KEYRING`.

The app never picks it: keyring chooses it only when a test names it explicitly, either
through `PYTHON_KEYRING_BACKEND=tests.support.file_keyring.FileKeyring` (so CLI processes
started by a test share the test's keyring) or `keyring.set_keyring(FileKeyring())`. Its
priority check refuses without the environment variable, so even imported it is never a
candidate of keyring's own search.
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.compat import properties
from keyring.errors import PasswordDeleteError

ENV = "GOVSHARE_TEST_KEYRING"
_LOCK = threading.Lock()


class FileKeyring(KeyringBackend):
    @classmethod
    def _path(cls) -> Path:
        named = os.environ.get(ENV, "")
        if not named:
            raise RuntimeError(f"{ENV} names no file: this keyring is for tests only")
        return Path(named)

    @properties.classproperty
    def priority(cls) -> float:  # noqa: N805 - a class property
        cls._path()  # not viable unless a test named the file
        return 0.5

    def _read(self) -> dict[str, str]:
        path = self._path()
        return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}

    def _write(self, data: dict[str, str]) -> None:
        path = self._path()
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        temporary.replace(path)

    def get_password(self, service: str, username: str) -> str | None:
        with _LOCK:
            return self._read().get(f"{service}\n{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        with _LOCK:
            data = self._read()
            data[f"{service}\n{username}"] = password
            self._write(data)

    def delete_password(self, service: str, username: str) -> None:
        with _LOCK:
            data = self._read()
            if data.pop(f"{service}\n{username}", None) is None:
                raise PasswordDeleteError(username)
            self._write(data)

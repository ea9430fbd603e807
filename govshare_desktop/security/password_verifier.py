"""The offline check of the officer's password for unlocking the window (Art. 18).

At each successful sign-in a verifier is made from the password with scrypt (memory-hard,
from `cryptography`): a random salt, the cost parameters, and the derived bytes — never
the password. Unlocking offline derives again with the stored salt and parameters and
compares in constant time. Someone who copies the data directory gets only what a
memory-hard guess per candidate password costs (n = 2^15, r = 8: 32 MiB and about a
tenth of a second per guess on an office PC).
"""

from __future__ import annotations

import base64
import json
import os
from dataclasses import dataclass

from cryptography.exceptions import InvalidKey
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

N, R, P = 2**15, 8, 1
SALT_BYTES = 16
LENGTH = 32


@dataclass(frozen=True, slots=True)
class Verifier:
    officer: str  # whose password it checks (the sign-in name)
    salt: bytes
    n: int
    r: int
    p: int
    derived: bytes

    def to_json(self) -> str:
        return json.dumps(
            {
                "officer": self.officer,
                "kdf": "scrypt",
                "salt": base64.b64encode(self.salt).decode("ascii"),
                "n": self.n,
                "r": self.r,
                "p": self.p,
                "hash": base64.b64encode(self.derived).decode("ascii"),
            }
        )

    @classmethod
    def from_json(cls, text: str) -> Verifier | None:
        """The stored verifier, or None when it is not one this build can read."""
        try:
            data = json.loads(text)
            if data.get("kdf") != "scrypt":
                return None
            return cls(
                str(data["officer"]),
                base64.b64decode(data["salt"], validate=True),
                int(data["n"]),
                int(data["r"]),
                int(data["p"]),
                base64.b64decode(data["hash"], validate=True),
            )
        except (ValueError, KeyError, TypeError):
            return None


def make_verifier(officer: str, password: str, *, n: int = N) -> Verifier:
    salt = os.urandom(SALT_BYTES)
    derived = Scrypt(salt=salt, length=LENGTH, n=n, r=R, p=P).derive(password.encode("utf-8"))
    return Verifier(officer, salt, n, R, P, derived)


def matches(verifier: Verifier, password: str) -> bool:
    kdf = Scrypt(salt=verifier.salt, length=len(verifier.derived), n=verifier.n, r=verifier.r,
                 p=verifier.p)  # fmt: skip
    try:
        kdf.verify(password.encode("utf-8"), verifier.derived)
    except InvalidKey:
        return False
    return True

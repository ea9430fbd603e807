"""Unified social credit codes (GB 32100-2015) for the demo units, with valid check characters."""

from __future__ import annotations

# GB 32100 alphabet: digits and capital letters without I, O, Z, S, V.
ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_VALUE = {ch: i for i, ch in enumerate(ALPHABET)}
_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
# GB 11714 organization code (characters 9-17 of the credit code): 8 characters and a check.
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def check_character(first17: str) -> str:
    """The 18th character GB 32100 derives from the first 17 (weighted sum mod 31)."""
    if len(first17) != 17 or any(ch not in _VALUE for ch in first17):
        raise ValueError("need 17 characters of the GB 32100 alphabet")
    total = sum(_VALUE[ch] * w for ch, w in zip(first17, _WEIGHTS, strict=True))
    return ALPHABET[(31 - total % 31) % 31]


def org_check_character(body8: str) -> str:
    """The 9th character of a GB 11714 organization code (weighted sum mod 11)."""
    if len(body8) != 8 or any(ch not in _VALUE for ch in body8):
        raise ValueError("need 8 characters of the GB 32100 alphabet")
    value = 11 - sum(_VALUE[ch] * w for ch, w in zip(body8, _ORG_WEIGHTS, strict=True)) % 11
    return {10: "X", 11: "0"}.get(value, str(value))


def make_credit_code(registration: str, division: str, org_body: str) -> str:
    """A full code: 2-char registration type, 6-digit division, 8-char organization body."""
    first17 = registration + division + org_body + org_check_character(org_body)
    return first17 + check_character(first17)


def is_valid(code: str) -> bool:
    """True when `code` has 18 characters of the alphabet and the right check character."""
    code = code.strip().upper()
    if len(code) != 18 or any(ch not in _VALUE for ch in code):
        return False
    return check_character(code[:17]) == code[17]

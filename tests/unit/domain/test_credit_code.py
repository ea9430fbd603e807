from __future__ import annotations

import pytest

from govshare_desktop.domain import credit_code

# Codes as published by registered organisations; their last character is the check character.
VALID = ["91350100M000100Y43", "11100000000013127D", "91110000802100433B", "91440300708461136T"]


@pytest.mark.parametrize("code", VALID)
def test_valid_codes_pass(code: str) -> None:
    assert credit_code.is_valid(code)


@pytest.mark.parametrize("code", VALID)
def test_every_other_check_character_fails(code: str) -> None:
    for ch in credit_code.ALPHABET:
        if ch != code[-1]:
            assert not credit_code.is_valid(code[:-1] + ch)


@pytest.mark.parametrize(
    "code",
    [
        "",
        "9135010",
        "91350100M000100Y4",
        "91350100M000100Y433",
        "91350100I000100Y43",
        "91350100m000100y4 3",
    ],
)
def test_malformed_codes_fail(code: str) -> None:
    assert not credit_code.is_valid(code)


def test_lower_case_and_spaces_are_tolerated() -> None:
    assert credit_code.is_valid(" 91350100m000100y43 ")


def test_check_character_rejects_bad_input() -> None:
    with pytest.raises(ValueError):
        credit_code.check_character("123")
    with pytest.raises(ValueError):
        credit_code.check_character("9135010OM000100Y4")  # O is not in the alphabet

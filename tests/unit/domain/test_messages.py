from __future__ import annotations

from govshare_desktop.assets import i18n_dir
from govshare_desktop.domain import messages
from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.domain.ts_catalog import TsCatalog
from govshare_desktop.domain.validation import Finding, FindingCode


def test_every_code_has_words() -> None:
    assert set(messages.ERROR_TEMPLATES) == set(ErrorCode)
    assert set(messages.FINDING_TEMPLATES) == set(FindingCode)


def test_error_text_in_chinese_from_the_committed_ts() -> None:
    catalog = TsCatalog.load(i18n_dir() / "govshare_zh_CN.ts")
    text = messages.error_text(
        KnownError(ErrorCode.DB_TOO_NEW, path="/x/govshare.db", found="0099", known="0001"),
        catalog.translate,
    )
    assert "更新版本" in text
    assert "0099" in text
    assert "/x/govshare.db" in text


def test_every_template_is_translated_to_chinese() -> None:
    catalog = TsCatalog.load(i18n_dir() / "govshare_zh_CN.ts")
    for template in [*messages.ERROR_TEMPLATES.values(), *messages.FINDING_TEMPLATES.values()]:
        assert catalog.translate(messages.CONTEXT, template) != template, template


def test_finding_text_fills_parameters() -> None:
    finding = Finding("name", FindingCode.DUPLICATE_ITEM_NAME, {"name": "企业名称"})
    assert "企业名称" in messages.finding_text(finding, messages.untranslated)


def test_a_translation_missing_a_placeholder_still_reads() -> None:
    error = KnownError(ErrorCode.FILE_UNREADABLE, path="a.xlsx")  # no "reason"
    assert "a.xlsx" not in messages.error_text(error, messages.untranslated)
    assert messages.error_text(error, messages.untranslated)


def test_missing_catalog_falls_back_to_source(tmp_path) -> None:
    catalog = TsCatalog.load(tmp_path / "none.ts")
    assert len(catalog) == 0
    assert catalog.translate("Messages", "abc") == "abc"


def test_control_character_finding_names_the_character_in_chinese() -> None:
    catalog = TsCatalog.load(i18n_dir() / "govshare_zh_CN.ts")
    finding = Finding("name", FindingCode.CONTROL_CHARACTER, {"char": "U+001B"})
    text = messages.finding_text(finding, catalog.translate)
    assert "控制字符" in text and "U+001B" in text


def test_quoted_values_never_carry_raw_control_characters() -> None:
    """A value quoted back (not in the list, a bad code) shows its control characters as
    U+001B: a sentence goes to terminals, labels and printouts."""
    finding = Finding("update_cycle", FindingCode.NOT_IN_ENUM, {"value": "每\x1b[2J月\x00"})
    text = messages.finding_text(finding, messages.untranslated)
    assert "每U+001B[2J月U+0000" in text
    assert "\x1b" not in text and "\x00" not in text

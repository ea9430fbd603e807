"""A share request printed as the official form: its PDF embeds the Chinese font and draws
real glyphs (rendered independently of Qt, by PDFium), and the preview exports it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PySide6.QtCore import QLocale, QPoint, QRect
from PySide6.QtGui import QFont, QImage, QTextDocument
from PySide6.QtPrintSupport import QPrintPreviewWidget
from PySide6.QtWidgets import QApplication, QToolBar
from pytestqt.qtbot import QtBot

from govshare_desktop.app.translations import Translations
from govshare_desktop.domain.entities import ShareRequest, ShareRequestEvent
from govshare_desktop.domain.enums import ShareRequestState, SyncState
from govshare_desktop.domain.errors import KnownError
from govshare_desktop.domain.share_requests import Direction, QueuedStep, ShareRequestView
from govshare_desktop.domain.share_workflow import RequestAction
from govshare_desktop.ui.share_requests import printing

SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"
TITLE = "政务信息资源共享申请表"
PURPOSE = "办理城乡居民最低生活保障资格复核，需核验申请人的婚姻登记信息"
REQUESTER = "13130000000000001A"
PROVIDER = "11130000000000002B"
AUTHORITY = "11130000000000003C"
UNITS = {REQUESTER: "河北省民政厅", PROVIDER: "河北省公安厅", AUTHORITY: "河北省政务服务管理办公室"}
S = ShareRequestState


def at(day: int, hour: int) -> datetime:
    return datetime(2026, 11, day, hour, 30, tzinfo=UTC)


def sample_view() -> ShareRequestView:
    events = (
        ShareRequestEvent("create", "张伟", at(2, 1), "", None, S.DRAFT, REQUESTER, 1),
        ShareRequestEvent("submit", "张伟", at(2, 2), "请予支持。", S.DRAFT, S.SUBMITTED, REQUESTER, 2),
        ShareRequestEvent(
            "decline", "李娜", at(5, 3), "该信息项涉及个人隐私，需进一步明确使用范围。",
            S.SUBMITTED, S.DECLINED, PROVIDER, 3,
        ),
        ShareRequestEvent("apply", "张伟", at(6, 6), "申请共享主管部门协调。", S.DECLINED, S.APPLIED, REQUESTER, 4),
        ShareRequestEvent(
            "request-explanation", "王强", at(9, 2), "请提供单位于十五日内书面说明理由。",
            S.APPLIED, S.EXPLANATION_REQUESTED, AUTHORITY, 5,
        ),
    )  # fmt: skip
    request = ShareRequest(
        requester_unit_code=REQUESTER,
        provider_unit_code=PROVIDER,
        authority_unit_code=AUTHORITY,
        resource_code="110/000123",
        purpose=PURPOSE,
        data_item_names=("姓名", "公民身份号码", "婚姻状况", "登记日期"),
        legal_basis="《河北省政务信息资源共享管理规定》第十三条；《社会救助暂行办法》",
        state=S.EXPLANATION_REQUESTED,
        explanation_due=date(2026, 11, 24),
        events=events,
        share_method="platform_interface",
        use_from=date(2026, 12, 1),
        use_until=date(2027, 11, 30),
        contact_name="张伟",
        contact_phone="0311-87654321",
    )
    return ShareRequestView(
        request=request,
        sync_state=SyncState.SYNCED,
        server_version=5,
        directions=frozenset({Direction.OUTGOING}),
        queued=(QueuedStep(9, RequestAction.WITHDRAW, "", False, None, ""),),
        actions=(),
    )


@pytest.fixture
def zh_cn(qapp: QApplication, tmp_path: Path) -> Iterator[None]:
    """The UI in Simplified Chinese, as officers use it, and back to the source language."""
    locale = QLocale()
    translations = Translations(qapp, tmp_path / "i18n")
    translations.apply("zh_CN")
    yield
    translations.remove()
    QLocale.setDefault(locale)


def pdf_text(path: Path) -> str:
    """All text PDFium reads from the file, whitespace removed (cells wrap lines)."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        return "".join("".join(page.get_textpage().get_text_range().split()) for page in pdf)
    finally:
        pdf.close()


def render_page(path: Path, index: int = 0, scale: float = 2.0, *, color: bool = False) -> QImage:
    """A page as PDFium (not Qt) draws it from the file: the fonts the PDF embeds or none."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        bitmap = pdf[index].render(scale=scale, grayscale=not color)
        kind = QImage.Format.Format_BGR888 if color else QImage.Format.Format_Grayscale8
        return QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, kind).copy()
    finally:
        pdf.close()


def dark(image: QImage, x: int, y: int) -> bool:
    return image.pixelColor(x, y).lightness() < 128


def first_line(image: QImage) -> QRect:
    """The bounding box of the topmost line of ink (the form's title)."""
    rows = [
        y for y in range(image.height()) if any(dark(image, x, y) for x in range(image.width()))
    ]
    top = rows[0]
    bottom = next((y for y in range(top, image.height()) if y not in set(rows)), image.height())
    columns = [
        x for x in range(image.width()) if any(dark(image, x, y) for y in range(top, bottom))
    ]
    return QRect(QPoint(columns[0], top), QPoint(columns[-1], bottom - 1))


def glyph_shapes(image: QImage, line: QRect, count: int, grid: int = 6) -> list[tuple[bool, ...]]:
    """The line cut into `count` equal cells (Chinese characters are all one em wide), each
    as a coarse grid of inked squares: a missing-glyph box draws the same shape every time,
    real characters each their own."""
    shapes = []
    width = line.width() / count
    for i in range(count):
        left = line.left() + i * width
        cells = []
        for gy in range(grid):
            for gx in range(grid):
                x0, x1 = int(left + gx * width / grid), int(left + (gx + 1) * width / grid)
                y0 = line.top() + gy * line.height() // grid
                y1 = line.top() + (gy + 1) * line.height() // grid
                inked = sum(dark(image, x, y) for x in range(x0, x1) for y in range(y0, y1))
                cells.append(inked > 0.08 * max(1, (x1 - x0) * (y1 - y0)))
        shapes.append(tuple(cells))
    return shapes


def fonts_in(data: bytes) -> set[str]:
    return {m.decode() for m in re.findall(rb"/BaseFont\s*/([^\s/\]>]+)", data)}


def test_the_form_prints_as_pdf_with_its_chinese_font_embedded(
    qapp: QApplication, zh_cn: None, tmp_path: Path
) -> None:
    document = printing.request_document(
        sample_view(), UNITS, "张伟", datetime(2026, 12, 3, 8, 0, tzinfo=UTC),
        share_method_label={"platform_interface": "共享平台/接口"},
    )  # fmt: skip
    pdf = tmp_path / "申请表.pdf"
    printing.print_to_pdf(document, pdf)

    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    assert b"/FontFile2" in data or b"/FontFile3" in data  # a font program inside the file
    assert any("NotoSansCJK" in font for font in fonts_in(data)), fonts_in(data)
    text = pdf_text(pdf)
    for expected in (
        TITLE, PURPOSE, "河北省民政厅（13130000000000001A）", "河北省政务服务管理办公室（11130000000000003C）",
        "姓名、公民身份号码、婚姻状况、登记日期", "共享平台/接口", "2026年12月1日至2027年11月30日",
        "待提供方书面说明", "书面说明期限2026年11月24日", "该信息项涉及个人隐私", "要求书面说明",
        "申请单位（盖章）", "提供单位意见（盖章）", "共享主管部门意见（盖章）", "负责人签字",
        "打印人：张伟", "另有1项", "第1页共2页", "第2页共2页",
    ):  # fmt: skip
        assert expected in text, expected

    page = render_page(pdf)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert page.save(str(SCREENSHOTS / "share-request-print-zh_CN.png"))
    title = first_line(page)
    shapes = glyph_shapes(page, title, len(TITLE))
    assert all(any(shape) for shape in shapes)  # every character draws ink
    assert len(set(shapes)) == len(set(TITLE)), "characters draw alike: missing-glyph boxes"


def test_the_glyph_check_catches_boxes(qapp: QApplication, tmp_path: Path) -> None:
    """A font without Chinese (and no fallback) prints boxes: the checks above notice."""
    font = QFont("DejaVu Sans", 18)
    font.setStyleStrategy(QFont.StyleStrategy.NoFontMerging)
    document = QTextDocument()
    document.setDefaultFont(font)
    document.setPlainText(TITLE)
    pdf = tmp_path / "boxes.pdf"
    printing.print_to_pdf(document, pdf)

    assert TITLE not in pdf_text(pdf)
    page = render_page(pdf)
    shapes = glyph_shapes(page, first_line(page), len(TITLE))
    assert all(any(shape) for shape in shapes)  # boxes have ink too
    assert len(set(shapes)) < len(set(TITLE)) // 2


def test_the_preview_shows_the_pages_and_exports_the_pdf(
    qtbot: QtBot, zh_cn: None, tmp_path: Path
) -> None:
    preview = printing.show_preview(sample_view(), UNITS, "张伟")
    qtbot.addWidget(preview)
    qtbot.waitExposed(preview)
    pages = preview.findChild(QPrintPreviewWidget)
    assert pages is not None
    qtbot.waitUntil(lambda: pages.pageCount() == preview.document.pageCount() == 2)
    assert preview.windowTitle() == "打印预览"
    assert preview.export_action.text() == "导出 PDF…"
    toolbar = preview.findChild(QToolBar)
    assert toolbar is not None and preview.export_action in toolbar.actions()

    target = tmp_path / "导出.pdf"
    assert preview.export_pdf(str(target))
    assert TITLE in pdf_text(target) and "打印人：张伟" in pdf_text(target)


def test_an_unwritable_place_is_told_not_raised(qtbot: QtBot, zh_cn: None, tmp_path: Path) -> None:
    document = printing.request_document(sample_view(), UNITS, "张伟", datetime.now(UTC))
    preview = printing.PrintPreview(document)
    qtbot.addWidget(preview)
    folder = tmp_path / "folder.pdf"
    folder.mkdir()  # a folder where the file should go: cannot be opened as a file

    assert not preview.export_pdf(str(folder))
    box = preview.error_box
    assert box is not None
    qtbot.waitExposed(box)
    assert str(folder) in box.text() and "无法写入" in box.text()
    box.accept()
    with pytest.raises(KnownError):
        printing.print_to_pdf(document, folder)


def test_names_dates_and_an_empty_history(zh_cn: None) -> None:
    assert printing.unit_text(REQUESTER, UNITS) == "河北省民政厅（13130000000000001A）"
    assert printing.unit_text("99999999999999999X", UNITS) == "99999999999999999X"
    assert printing.day_text(date(2027, 1, 5)) == "2027年1月5日"
    view = sample_view()
    draft = ShareRequest(
        requester_unit_code=REQUESTER, provider_unit_code=PROVIDER, resource_code="110/000123",
        purpose="第一行\n第二行\x1b", share_method="",
    )  # fmt: skip
    document = printing.request_document(
        ShareRequestView(draft, view.sync_state, None, view.directions, (), ()),
        {}, "李娜", datetime(2026, 12, 3, 8, 0, tzinfo=UTC),
    )  # fmt: skip
    text = document.toPlainText()
    assert "暂无办理记录" in text and "由提供单位确定" in text and "协调办结期限" not in text
    assert "13130000000000001A" in text and "第二行U+001B" in text  # no raw control character
    assert "\x1b" not in text
    # without the profile's words, the national profile's (never the code)
    text = printing.request_document(view, UNITS, "李娜", datetime.now(UTC)).toPlainText()
    assert "共享平台/接口" in text and "platform_interface" not in text


def boxes_of(path: Path, needle: str, page: int) -> list[tuple[float, float, float, float]]:
    """Where each occurrence of `needle` starts on a page: (left, bottom, right, top) in pt."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        text = pdf[page].get_textpage()
        searcher = text.search(needle)
        found = []
        while (hit := searcher.get_next()) is not None:
            found.append(text.get_charbox(hit[0]))
        return found
    finally:
        pdf.close()


@pytest.mark.parametrize(
    ("language", "heading_text", "sign_text"),
    [("zh_CN", "申请单位（盖章）", "负责人签字"), ("en", "Requesting unit (seal)", "Signature of")],
)
def test_the_seal_boxes_have_room_for_a_seal_and_aligned_signature_lines(
    qapp: QApplication, tmp_path: Path, language: str, heading_text: str, sign_text: str
) -> None:
    """Whatever the headings' length (English ones wrap), the signature lines align."""
    locale = QLocale()
    translations = Translations(qapp, tmp_path / "i18n")
    translations.apply(language)
    try:
        document = printing.request_document(sample_view(), UNITS, "张伟", datetime.now(UTC))
    finally:
        translations.remove()
        QLocale.setDefault(locale)
    pdf = tmp_path / "seals.pdf"
    printing.print_to_pdf(document, pdf)
    last = document.pageCount() - 1

    (heading,) = boxes_of(pdf, heading_text, last)
    signs = boxes_of(pdf, sign_text, last)
    assert len(signs) == 3
    assert max(s[1] for s in signs) - min(s[1] for s in signs) < 1  # one line across
    room_mm = (heading[1] - signs[0][3]) / 72 * 25.4
    assert room_mm >= 42, f"{room_mm:.0f} mm between the heading and the signature"

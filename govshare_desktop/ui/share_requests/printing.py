"""A share request on paper: the official form (共享申请表), its PDF, and a print preview.

Art. 13 runs on paper as much as on the platform: the agreed request is filed with the
authority, an explanation is given in writing, a coordination ends with signed opinions.
So a request prints as one A4 form in the layout officers know: the request's content as a
two-column table, its history, and a box for each party's opinion, seal (about 42 mm
across) and the signature of the person in charge.

The document is laid out in physical sizes (millimetres turned into the document's pixels)
and always in the bundled Chinese font: the font is embedded into the PDF, so the paper
looks the same on a PC with Microsoft YaHei, a bare Linux machine, or a print shop's PC.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from functools import cache
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QMarginsF,
    QRectF,
    QSizeF,
    Qt,
    QTime,
)
from PySide6.QtGui import (
    QAction,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QMessageBox, QToolBar, QWidget

from govshare_desktop.assets import BUNDLED_CJK_FONT, resources_dir
from govshare_desktop.domain.entities import ShareRequest, ShareRequestEvent
from govshare_desktop.domain.enums import ShareMethod
from govshare_desktop.domain.errors import ErrorCode, KnownError
from govshare_desktop.domain.messages import visible
from govshare_desktop.domain.share_requests import ShareRequestView
from govshare_desktop.domain.share_words import history_word, word
from govshare_desktop.domain.translatable import QT_TRANSLATE_NOOP
from govshare_desktop.ui.messages import error_text

translate = QCoreApplication.translate  # lupdate reads translate("RequestPrint", ...)
# Left is wider for binding (装订); the rest as a form printed at the office.
MARGINS_MM = QMarginsF(25, 20, 20, 18)
PAGE = QPageSize(QPageSize.PageSizeId.A4)
BODY_POINTS = 10.5  # 五号, the body size of official documents
# The national profile's words for the share methods, when the caller passes no profile's.
SHARE_METHOD_WORDS = {
    ShareMethod.PLATFORM_DATABASE: QT_TRANSLATE_NOOP("RequestPrint", "Platform: database"),
    ShareMethod.PLATFORM_INTERFACE: QT_TRANSLATE_NOOP("RequestPrint", "Platform: interface"),
    ShareMethod.PLATFORM_FILE: QT_TRANSLATE_NOOP("RequestPrint", "Platform: file"),
    ShareMethod.MAIL_OR_MEDIA: QT_TRANSLATE_NOOP("RequestPrint", "Mail or media"),
}
SEAL_BOX_MM = 66  # height of a seal box: an official seal is 40-42 mm across, plus the lines


def _translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


@cache
def print_font_family() -> str | None:
    """The bundled Chinese font's family, registered once; None when it cannot be loaded
    (then Qt's font fallback chooses, as on screen)."""
    font_id = QFontDatabase.addApplicationFont(str(resources_dir() / BUNDLED_CJK_FONT))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    return families[0] if families else None


def print_font(points: float = BODY_POINTS) -> QFont:
    """The bundled font first, the application's fonts after it for characters outside
    GB 2312 (a rare character in a name)."""
    font = QFont(QGuiApplication.font())
    family = print_font_family()
    if family is not None:
        font.setFamilies([family, *(f for f in font.families() if f != family)])
    font.setPointSizeF(points)
    return font


def _dpi() -> float:
    """The document's pixels per inch: a paginated QTextDocument prints scaled from the
    screen's logical DPI to the printer's, so millimetres are converted at that DPI."""
    screen = QGuiApplication.primaryScreen()
    return screen.logicalDotsPerInchX() if screen is not None else 96.0


def _px(mm: float) -> int:
    return round(mm / 25.4 * _dpi())


def _body_size() -> QSizeF:
    """The A4 page less the margins, in document pixels."""
    paper = PAGE.size(QPageSize.Unit.Millimeter)
    width = paper.width() - MARGINS_MM.left() - MARGINS_MM.right()
    height = paper.height() - MARGINS_MM.top() - MARGINS_MM.bottom()
    return QSizeF(width / 25.4 * _dpi(), height / 25.4 * _dpi())


page_body_size = _body_size  # for other printed documents (the 概览's monthly report)


def page_layout() -> QPageLayout:
    return QPageLayout(
        PAGE, QPageLayout.Orientation.Portrait, MARGINS_MM, QPageLayout.Unit.Millimeter
    )


# ------------------------------------------------------------------ words and values


def _text(value: str) -> str:
    """A stored value as HTML: escaped, control characters shown, line breaks kept."""
    return "<br/>".join(html.escape(visible(line)) for line in value.splitlines())


def day_text(day: date) -> str:
    fmt = translate("RequestPrint", "yyyy-MM-dd")  # zh_CN: yyyy年M月d日
    return QDate(day.year, day.month, day.day).toString(fmt)


def time_text(moment: datetime) -> str:
    """A moment in local time (an aware time is converted; a naive one is taken as local)."""
    local = moment.astimezone() if moment.tzinfo is not None else moment
    qt = QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
    return qt.toString(translate("RequestPrint", "yyyy-MM-dd HH:mm"))


def unit_text(code: str, unit_names: Mapping[str, str]) -> str:
    """名称（代码） when the unit's name is known here, else the code."""
    name = unit_names.get(code, "").strip()
    if not code:
        return ""
    if not name:
        return code
    return translate("RequestPrint", "{name} ({code})").format(name=name, code=code)


def _period(request: ShareRequest) -> str:
    start, end = request.use_from, request.use_until
    if start and end:
        return translate("RequestPrint", "{start} to {end}").format(
            start=day_text(start), end=day_text(end)
        )
    if start:
        return translate("RequestPrint", "from {start}").format(start=day_text(start))
    if end:
        return translate("RequestPrint", "until {end}").format(end=day_text(end))
    return ""


def _method(code: str, methods: Mapping[str, str]) -> str:
    """The profile's word for the share method, the national one, or the code as is."""
    if not code:
        return translate("RequestPrint", "Left to the provider")
    if code in methods:
        return methods[code]
    known = SHARE_METHOD_WORDS.get(ShareMethod(code)) if code in _METHOD_CODES else None
    return translate("RequestPrint", known) if known else code


_METHOD_CODES = frozenset(m.value for m in ShareMethod)


def _contact(request: ShareRequest) -> str:
    return "  ".join(p for p in (request.contact_name, request.contact_phone) if p)


# ------------------------------------------------------------------ the document

_STYLE = """
body { font-size: %(body)spt; }
h1 { font-size: 18pt; font-weight: bold; text-align: center; margin-bottom: 4px; }
h2 { font-size: 12pt; font-weight: bold; margin-top: 14px; margin-bottom: 6px; }
td, th { padding: 5px; vertical-align: top; }
table.history { font-size: 9.5pt; }
th { font-weight: bold; background-color: #f0f0f0; }
td.label { font-weight: bold; background-color: #f7f7f7; }
p.meta { text-align: right; font-size: 9pt; color: #444444; }
p.footer { font-size: 9pt; color: #444444; margin-top: 10px; white-space: pre-wrap; }
p.sign { white-space: pre-wrap; margin-bottom: 0px; }
"""


def request_document(
    view: ShareRequestView,
    unit_names: Mapping[str, str],
    printed_by: str,
    printed_at: datetime,
    *,
    share_method_label: Mapping[str, str] | None = None,
) -> QTextDocument:
    """The request as an A4 form (paginated, the bundled font), ready for
    `print_to_pdf` or a preview.

    `unit_names` maps unit codes to names (units not in it show their code);
    `share_method_label` maps share-method codes to the profile's words (the page passes
    the catalog profile's; a code not in it prints as is). Steps queued on this PC and not
    yet accepted by the platform are not part of the record: only their number is noted.
    """
    request = view.request
    document = QTextDocument()
    document.setDefaultFont(print_font())
    document.setDocumentMargin(0)
    document.setPageSize(_body_size())
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, _title())
    document.setDefaultStyleSheet(_STYLE % {"body": BODY_POINTS})
    number = translate("RequestPrint", "Request no. {id}").format(id=request.id)
    history = translate("RequestPrint", "History")
    parts = [
        f"<h1>{html.escape(_title())}</h1>",
        f"<p class='meta'>{html.escape(number)}</p>",
        _content_table(request, unit_names, share_method_label or {}),
        f"<h2>{html.escape(history)}</h2>",
        _history_table(request.events, unit_names),
    ]
    waiting = sum(1 for step in view.queued if not step.refused)
    if waiting:
        note = translate(
            "RequestPrint",
            "{count} step(s) taken on this PC have not reached the platform yet and "
            "are not listed.",
        ).format(count=waiting)
        parts.append(f"<p class='footer'>{html.escape(note)}</p>")
    parts.append(_seal_boxes())
    footer = translate("RequestPrint", "Printed by {name} at {time}").format(
        name=visible(printed_by), time=time_text(printed_at)
    )
    parts.append(f"<p class='footer'>{html.escape(footer)}</p>")
    document.setHtml("<html><body>" + "".join(parts) + "</body></html>")
    _keep_together(document, translate("RequestPrint", "Opinions and seals"))
    return document


def _keep_together(document: QTextDocument, heading: str) -> None:
    """Start the seals on a new page when they would not fit below the history: a heading
    alone at the foot of a page, or a seal box cut in two, cannot be signed."""
    found = document.find(heading)
    if found.isNull():
        return
    layout = document.documentLayout()
    page = document.pageSize().height()
    top = layout.blockBoundingRect(found.block()).top()
    bottom = layout.blockBoundingRect(document.lastBlock()).bottom()
    if int(top // page) != int((bottom - 1) // page):
        block_format = found.blockFormat()
        block_format.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        found.setBlockFormat(block_format)


def _title() -> str:
    return translate("RequestPrint", "Government Information Resource Sharing Request")


def _rows(request: ShareRequest, unit_names: Mapping[str, str],
          methods: Mapping[str, str]) -> Iterable[tuple[str, str]]:  # fmt: skip
    yield (
        translate("RequestPrint", "Requesting unit"),
        unit_text(request.requester_unit_code, unit_names),
    )
    yield (
        translate("RequestPrint", "Providing unit"),
        unit_text(request.provider_unit_code, unit_names),
    )
    if request.authority_unit_code:
        yield (
            translate("RequestPrint", "Sharing authority"),
            unit_text(request.authority_unit_code, unit_names),
        )
    yield translate("RequestPrint", "Resource code"), request.resource_code
    yield (
        translate("RequestPrint", "Data items required"),
        translate("RequestPrint", ", ").join(request.data_item_names),
    )
    yield translate("RequestPrint", "Purpose (duties it serves)"), request.purpose
    yield translate("RequestPrint", "Basis"), request.legal_basis
    yield translate("RequestPrint", "Share method"), _method(request.share_method, methods)
    yield translate("RequestPrint", "Period of use"), _period(request)
    yield translate("RequestPrint", "Contact and telephone"), _contact(request)
    yield translate("RequestPrint", "Current state"), word(request.state, _translate)
    if request.explanation_due is not None:
        yield (
            translate("RequestPrint", "Written explanation due"),
            day_text(request.explanation_due),
        )
    if request.coordination_due is not None:
        yield translate("RequestPrint", "Coordination due"), day_text(request.coordination_due)


def _content_table(request: ShareRequest, unit_names: Mapping[str, str],
                   methods: Mapping[str, str]) -> str:  # fmt: skip
    rows = "".join(
        f"<tr><td class='label' width='22%'>{html.escape(label)}</td>"
        f"<td width='78%'>{_text(value) or '&nbsp;'}</td></tr>"
        for label, value in _rows(request, unit_names, methods)
    )
    return (
        "<table width='100%' border='1' cellspacing='0' cellpadding='5' "
        f"style='border-collapse: collapse; border-color: #000000;'>{rows}</table>"
    )


def _history_table(events: Iterable[ShareRequestEvent], unit_names: Mapping[str, str]) -> str:
    ordered = sorted(events, key=lambda e: (e.at, e.seq))
    if not ordered:
        none = translate("RequestPrint", "No steps recorded yet.")
        return f"<p>{html.escape(none)}</p>"
    head = "".join(
        f"<th width='{width}'>{html.escape(label)}</th>"
        for label, width in (
            (translate("RequestPrint", "Time"), "18%"),
            (translate("RequestPrint", "Unit / officer"), "34%"),
            (translate("RequestPrint", "Step"), "16%"),
            (translate("RequestPrint", "Remarks"), "32%"),
        )
    )
    rows = "".join(
        "<tr>"
        f"<td>{html.escape(time_text(event.at))}</td>"
        f"<td>{_who(event, unit_names)}</td>"
        f"<td>{html.escape(history_word(event.action, _translate))}</td>"
        f"<td>{_text(event.text) or '&nbsp;'}</td>"
        "</tr>"
        for event in ordered
    )
    return (
        "<table class='history' width='100%' border='1' cellspacing='0' cellpadding='4' "
        f"style='border-collapse: collapse; border-color: #000000;'>"
        f"<thead><tr>{head}</tr></thead>{rows}</table>"
    )


def _who(event: ShareRequestEvent, unit_names: Mapping[str, str]) -> str:
    unit = unit_text(event.actor_unit_code, unit_names)
    return "<br/>".join(_text(part) for part in (unit, event.actor) if part) or "&nbsp;"


def _seal_boxes() -> str:
    """Three boxes side by side, each tall enough for a seal and a signature: headings in
    a row of their own, so the signature lines align whatever the headings' length."""
    sign = html.escape(translate("RequestPrint", "Signature of the person in charge:"))
    when = html.escape(translate("RequestPrint", "Date:      year      month      day"))
    title = html.escape(translate("RequestPrint", "Opinions and seals"))
    headings = "".join(
        f"<th width='33%' align='left'>{html.escape(heading)}</th>"
        for heading in (
            translate("RequestPrint", "Requesting unit (seal)"),
            translate("RequestPrint", "Opinion of the providing unit (seal)"),
            translate("RequestPrint", "Opinion of the sharing authority (seal)"),
        )
    )
    # a cell drops its first block's top margin: the room is an empty block's bottom margin
    box = (
        f"<td width='33%'><p class='sign' style='margin-bottom: {_px(SEAL_BOX_MM - 24)}px;'>"
        f"&nbsp;</p><p class='sign'>{sign}</p>"
        f"<p class='sign' style='margin-top: {_px(5)}px;'>{when}</p></td>"
    )
    cells = f"<tr>{headings}</tr><tr>{box * 3}</tr>"
    return (
        f"<h2>{title}</h2>"
        "<table width='100%' border='1' cellspacing='0' cellpadding='6' "
        f"style='border-collapse: collapse; border-color: #000000;'>{cells}</table>"
    )


# ------------------------------------------------------------------ PDF and preview


def new_printer(mode: QPrinter.PrinterMode = QPrinter.PrinterMode.HighResolution) -> QPrinter:
    printer = QPrinter(mode)
    printer.setPageLayout(page_layout())
    printer.setFontEmbeddingEnabled(True)
    return printer


def paint_pages(document: QTextDocument, printer: QPrinter) -> bool:
    """Print the paginated document page by page, each numbered 第 n 页 共 m 页 in the
    bottom margin: the pages of a form get separated on a desk. False when the printer
    cannot be painted on."""
    if document.pageSize().height() <= 0:  # not paginated yet (a document made elsewhere)
        document.setPageSize(_body_size())
    painter = QPainter()
    if not painter.begin(printer):
        return False
    try:
        body = document.pageSize()
        area = printer.pageLayout().paintRectPixels(printer.resolution())
        scale = area.width() / body.width()
        count = document.pageCount()
        bottom_margin = MARGINS_MM.bottom() / 25.4 * printer.resolution()
        painter.setFont(print_font(9))
        for index in range(count):
            if index:
                printer.newPage()
            painter.save()
            painter.scale(scale, scale)
            painter.translate(0, -index * body.height())
            document.drawContents(
                painter, QRectF(0, index * body.height(), body.width(), body.height())
            )
            painter.restore()
            number = translate("RequestPrint", "Page {page} of {count}")
            painter.drawText(
                QRectF(0, area.height(), area.width(), bottom_margin * 0.6),
                Qt.AlignmentFlag.AlignCenter,
                number.format(page=index + 1, count=count),
            )
    finally:
        painter.end()
    return True


def print_to_pdf(document: QTextDocument, path: str | Path) -> None:
    """Write the document as an A4 PDF with its fonts embedded (Qt embeds a subset of each
    font used). `KnownError(FILE_UNWRITABLE)` when the file cannot be written (a read-only
    folder, a PDF a viewer holds open on Windows): found out before Qt tries, which would
    only log it."""
    target = Path(path)
    try:
        with target.open("ab"):
            pass
    except OSError as exc:
        raise KnownError(
            ErrorCode.FILE_UNWRITABLE, path=str(target), reason=exc.strerror or str(exc)
        ) from exc
    printer = new_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    printer.setDocName(document.metaInformation(QTextDocument.MetaInformation.DocumentTitle))
    if not paint_pages(document, printer) or printer.printerState() == QPrinter.PrinterState.Error:
        raise KnownError(ErrorCode.FILE_UNWRITABLE, path=str(target), reason="PDF")


class PrintPreview(QPrintPreviewDialog):
    """The form as it will print, with the preview's own print button and 导出 PDF."""

    def __init__(self, document: QTextDocument, parent: QWidget | None = None) -> None:
        self._printer = new_printer()
        super().__init__(self._printer, parent)
        self.document = document
        document.setParent(self)
        self.error_box: QMessageBox | None = None
        self.setWindowTitle(translate("RequestPrint", "Print preview"))
        self.paintRequested.connect(self._paint)
        self.export_action = QAction(translate("RequestPrint", "Export PDF…"), self)
        self.export_action.triggered.connect(self._export_chosen)
        toolbar = self.findChild(QToolBar)
        if toolbar is not None:
            toolbar.addSeparator()
            toolbar.addAction(self.export_action)

    def _paint(self, printer: QPrinter) -> None:
        paint_pages(self.document, printer)

    def _export_chosen(self) -> None:
        self.export_pdf()

    def export_pdf(self, path: str | None = None) -> bool:
        """Ask where (unless `path` is given) and write the PDF; a failure is told in a
        message box, never raised. True when written."""
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self,
                translate("RequestPrint", "Export PDF"),
                translate("RequestPrint", "share-request.pdf"),
                translate("RequestPrint", "PDF files (*.pdf)"),
            )
            if not path:
                return False
        try:
            print_to_pdf(self.document, path)
        except KnownError as error:
            self.error_box = QMessageBox(
                QMessageBox.Icon.Warning,
                translate("RequestPrint", "Export PDF"),
                error_text(error),
                QMessageBox.StandardButton.Ok,
                self,
            )
            self.error_box.open()  # window-modal: the preview stays usable behind it
            return False
        return True


def show_preview(
    view: ShareRequestView,
    unit_names: Mapping[str, str],
    printed_by: str,
    parent: QWidget | None = None,
    *,
    share_method_label: Mapping[str, str] | None = None,
) -> PrintPreview:
    """Open the preview of a request's form (non-modal); the 打印 button's slot."""
    document = request_document(
        view, unit_names, printed_by, datetime.now().astimezone(),
        share_method_label=share_method_label,
    )  # fmt: skip
    preview = PrintPreview(document, parent)
    preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    preview.open()
    return preview

"""The 概览 on paper: the unit's monthly report (Art. 17) as an A4 PDF, charts included.

The page's own words and figures (what the officer sees is what prints) in a paginated
QTextDocument in the bundled Chinese font, embedded in the PDF; the charts are drawn by
the same `BarChart` into images. Printed and previewed through the share-request form's
printer (ui/share_requests/printing.py): the same margins, page numbers and fonts.
"""

from __future__ import annotations

import html
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QImage, QTextDocument

from govshare_desktop.ui.overview.chart import BarChart
from govshare_desktop.ui.share_requests.printing import BODY_POINTS, page_body_size, print_font

if TYPE_CHECKING:
    from govshare_desktop.ui.overview.page import OverviewPage

translate = QCoreApplication.translate  # lupdate reads translate("OverviewReport", ...)
CHART_WIDTH = 620  # document pixels: the body's width at 96 dpi, less a little
_STYLE = """
body { font-size: %(body)spt; }
h1 { font-size: 16pt; text-align: center; margin-bottom: 4px; }
h2 { font-size: 12pt; margin-top: 14px; margin-bottom: 4px; }
p.meta { text-align: center; color: #444; }
table { border-collapse: collapse; }
td { padding: 2px 8px; border: 1px solid #999; }
td.number { text-align: right; }
"""


def chart_image(chart: BarChart) -> QImage:
    """The chart drawn afresh at the report's width, whatever its size on screen."""
    copy = BarChart("reportChart")
    copy.setFont(print_font())
    copy.set_bars(chart.bars)
    copy.resize(CHART_WIDTH, copy.sizeHint().height())
    return copy.grab().toImage()


def report_document(page: OverviewPage, printed_at: datetime) -> QTextDocument:
    document = QTextDocument()
    document.setDefaultFont(print_font())
    document.setDocumentMargin(0)
    document.setPageSize(page_body_size())
    title = translate("OverviewReport", "Government information sharing: monthly report")
    document.setDefaultStyleSheet(_STYLE % {"body": BODY_POINTS})
    when = translate("OverviewReport", "As of {time}").format(
        time=printed_at.strftime("%Y-%m-%d %H:%M")
    )
    parts = [f"<h1>{html.escape(title)}</h1>", f"<p class='meta'>{html.escape(when)}</p>"]
    parts.append(f"<h2>{html.escape(page.todo_title.text())}</h2>")
    todos = [page.todos.item(i).text() for i in range(page.todos.count())]
    if todos:
        parts.append("<ol>" + "".join(f"<li>{html.escape(t)}</li>" for t in todos) + "</ol>")
    else:
        nothing = translate("OverviewReport", "Nothing waits for the unit.")
        parts.append(f"<p>{html.escape(nothing)}</p>")
    for card, box in page.cards.items():
        rows = [
            f"<tr><td>{html.escape(page.figure_labels[name].text().rstrip('：:'))}</td>"
            f"<td class='number'>{html.escape(page.figure_buttons[name].text())}</td></tr>"
            for name in page.figures_of(card)
        ]
        parts.append(f"<h2>{html.escape(box.title())}</h2><table>{''.join(rows)}</table>")
    for key, box, chart in (
        ("requests", page.request_chart_box, page.request_chart),
        ("grants", page.grant_chart_box, page.grant_chart),
    ):
        if not chart.bars:
            continue
        url = QUrl(f"chart:{key}")
        image = chart_image(chart)
        document.addResource(QTextDocument.ResourceType.ImageResource, url, image)
        parts.append(f"<h2>{html.escape(box.title())}</h2>")
        if key == "requests":
            parts.append(f"<p>{page.chart_legend.text()}</p>")
        parts.append(f"<img src='{url.toString()}' width='{image.width()}'/>")
    document.setHtml("<html><body>" + "".join(parts) + "</body></html>")
    # after the HTML, which would set the title from its own <title>
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, title)
    return document

"""What a 概览 chart shows: bars of segments, each a count, a colour and the list it opens.

Plain data, free of QtCharts, so the page can state its charts before the chart module
(`chart.py`, which loads QtCharts and its OpenGL libraries) is needed.
"""

from __future__ import annotations

from dataclasses import dataclass

from govshare_desktop.ui.pages.reveal import Reveal


@dataclass(frozen=True, slots=True)
class Segment:
    value: int
    color: str
    target: Reveal
    tip: str  # what the segment counts, for its tooltip


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    segments: tuple[Segment, ...]

    @property
    def total(self) -> int:
        return sum(s.value for s in self.segments)

    def of_color(self, color: str) -> Segment | None:
        return next((s for s in self.segments if s.color == color and s.value), None)

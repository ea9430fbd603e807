"""`govshare directory`: the shared directory (共享目录) this PC holds, headless and offline."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from govshare_desktop.cli.common import EXIT_OK, label, print_json
from govshare_desktop.cli.words import Words

if TYPE_CHECKING:
    from govshare_desktop.app.context import AppContext
    from govshare_desktop.domain.messages import Translate


def cmd_directory(ctx: AppContext, args: argparse.Namespace, speak: Translate) -> int:
    directory = ctx.services.directory
    query = (args.search or "").strip()
    entries = directory.search(query) if query else directory.list_entries()
    if args.json:
        print_json(
            {
                "query": query,
                "entries": [
                    {
                        "id": e.id, "version": e.version, "unit_code": e.unit_code,
                        "unit_name": e.unit_name, "superior": e.superior, "code": e.code,
                        "name": e.name, "share_type": e.share_type,
                    }
                    for e in entries
                ],
            }
        )  # fmt: skip
        return EXIT_OK
    words = Words.of(ctx, speak)
    print("\t".join(label(speak, k) for k in ("unit", "code", "name", "share_type")))
    for e in entries:
        unit = words.value(e.unit_name or e.unit_code)
        if e.superior:
            unit += " " + label(speak, "superior_mark")
        share = words.field("share_type", e.share_type)
        print("\t".join((unit, words.value(e.code), words.value(e.name), share)))
    print(label(speak, "directory_count", n=len(entries)))
    if not entries and not query:
        print(label(speak, "directory_empty"))
    return EXIT_OK

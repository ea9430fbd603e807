"""What `import-catalog` starts before the store loads: reading its workbook
(`excel.read_ahead`). Imports no more than the reader needs (no SQLAlchemy), so the read
is under way while the command's own module, the store and a new DB are made ready."""

from __future__ import annotations

import argparse
from pathlib import Path

from govshare_desktop.excel.read_ahead import ReadAhead


def start(args: argparse.Namespace) -> ReadAhead:
    return ReadAhead(Path(args.file))

"""`python -m reference_platform` runs the `govshare-platform` command."""

from __future__ import annotations

import sys

from reference_platform.cli import main

sys.exit(main())

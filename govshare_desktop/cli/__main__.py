"""`python -m govshare_desktop.cli`, the same as the installed `govshare` command."""

from govshare_desktop.cli import main

raise SystemExit(main())

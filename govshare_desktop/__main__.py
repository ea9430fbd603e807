"""`python -m govshare_desktop` starts the GUI, as the installed shortcut does."""

from govshare_desktop.app.gui import main

raise SystemExit(main())

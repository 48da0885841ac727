"""`python -m frontdesk.cli`: the same command as the installed `frontdesk`."""

from frontdesk.cli.main import main

raise SystemExit(main())

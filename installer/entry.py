"""Entry point of the bundled till: the same `frontdesk` command as the installed package."""

from frontdesk.cli import main

raise SystemExit(main())

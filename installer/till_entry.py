"""Entry point of the bundled till window (`frontdesk-till`): `frontdesk till` without a console."""

import sys

from frontdesk.cli import main

raise SystemExit(main(["till", *sys.argv[1:]]))

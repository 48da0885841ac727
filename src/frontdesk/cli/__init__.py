"""The `frontdesk` command: every till operation, headless and scriptable.

Exit codes: 0 done, 2 refused by a rule (reason printed, Chinese by default), 1 anything else.
Importing this package loads no database stack; a command's module is imported when it runs.
"""

from frontdesk.cli.main import main

__all__ = ["main"]

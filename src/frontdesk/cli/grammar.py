"""How a command is declared: global options, verbs, leaves and their help in the chosen language."""

from __future__ import annotations

import argparse
from typing import Any

from frontdesk.cli.help_text import HELP, LANGUAGES

Sub = Any  # argparse's _SubParsersAction is private
Parser = argparse.ArgumentParser


class Grammar:
    """Declares commands in one language: `runs` makes a parser run a handler."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def t(self, key: str) -> str:
        return HELP[key][LANGUAGES.index(self.lang)]

    def global_options(self, p: Parser, *, after_command: bool) -> None:
        # After the subcommand the defaults are suppressed, so they never undo a value given
        # before it; the top-level parser holds the real defaults. Paths stay text here (no
        # pathlib for --help); `main` makes them paths.
        def default(value: Any) -> Any:
            return argparse.SUPPRESS if after_command else value

        g = p.add_argument_group(self.t("global options"))
        for flag in ("--db", "--program", "--staff", "--pin", "--manager", "--manager-pin"):
            g.add_argument(flag, default=default(None), help=self.t(flag))
        g.add_argument("--json", action="store_true", default=default(False), help=self.t("--json"))
        g.add_argument("--lang", choices=LANGUAGES, default=default("zh_CN"), help=self.t("--lang"))
        g.add_argument(
            "--print",
            dest="print_receipt",
            action="store_true",
            default=default(False),
            help=self.t("--print"),
        )
        g.add_argument(
            "--no-print", action="store_true", default=default(False), help=self.t("--no-print")
        )

    def runs(self, p: Parser, handler: str, receipt: str | None = None) -> Parser:
        """`p` runs `handler`; `receipt` names the receipt the command prints, if any."""
        self.global_options(p, after_command=True)
        p.set_defaults(handler=handler, receipt=receipt)
        return p

    def verbs(self, p: Parser, dest: str = "sub") -> Sub:
        """The verbs under a noun (`frontdesk member show`)."""
        return p.add_subparsers(dest=dest, required=True, metavar=self.t("verb"))

    def leaf(
        self, sub: Sub, name: str, handler: str, *, key: str, receipt: str | None = None
    ) -> Parser:
        text = self.t(key)
        return self.runs(sub.add_parser(name, help=text, description=text), handler, receipt)

    def arg(self, p: Parser, *flags: str, key: str = "", **kw: Any) -> None:
        p.add_argument(*flags, help=self.t(key or flags[0]), **kw)

    def member_ref(self, p: Parser) -> None:
        for flag in ("--card", "--phone", "--member"):
            self.arg(p, flag, key=f"member {flag}")

"""The command line's grammar: global options, every command noun and its arguments.

Command nouns are registered in `NOUNS` below, each with the function that declares its
arguments; a handler is named "module:function" inside `frontdesk.cli` and imported only when
its command runs. Help texts come from `help_text`, in the language chosen with --lang.
Global options are accepted before and after the subcommand (`frontdesk sale … --lang en`).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from frontdesk import __version__
from frontdesk.cli.help_text import ARGPARSE_TEXT, HELP, LANGUAGES

Sub = Any  # argparse's _SubParsersAction is private


class Grammar:
    """Builds the parser in one language; `leaf` adds a command that runs a handler."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.common = argparse.ArgumentParser(add_help=False)
        self._global_options(self.common, after_command=True)

    def t(self, key: str) -> str:
        return HELP[key][LANGUAGES.index(self.lang)]

    def _global_options(self, p: argparse.ArgumentParser, *, after_command: bool) -> None:
        # After the subcommand the defaults are suppressed, so they never undo a value given
        # before it; the top-level parser holds the real defaults.
        def default(value: Any) -> Any:
            return argparse.SUPPRESS if after_command else value

        g = p.add_argument_group(self.t("global options"))
        g.add_argument("--db", type=Path, default=default(None), help=self.t("--db"))
        g.add_argument("--program", type=Path, default=default(None), help=self.t("--program"))
        g.add_argument("--json", action="store_true", default=default(False), help=self.t("--json"))
        g.add_argument("--lang", choices=LANGUAGES, default=default("zh_CN"), help=self.t("--lang"))
        g.add_argument("--staff", default=default(None), help=self.t("--staff"))
        g.add_argument("--pin", default=default(None), help=self.t("--pin"))
        g.add_argument("--manager", default=default(None), help=self.t("--manager"))
        g.add_argument("--manager-pin", default=default(None), help=self.t("--manager-pin"))
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

    def top(self) -> argparse.ArgumentParser:
        p = argparse.ArgumentParser(prog="frontdesk", description=self.t("frontdesk"))
        self._global_options(p, after_command=False)
        p.add_argument(
            "--version",
            action="version",
            version=f"frontdesk {__version__}",
            help=self.t("--version"),
        )
        return p

    def noun(self, sub: Sub, name: str, dest: str = "sub") -> Sub:
        """A command noun with verbs under it (`frontdesk member show`)."""
        parser = sub.add_parser(name, help=self.t(name), description=self.t(name))
        return parser.add_subparsers(dest=dest, required=True, metavar=self.t("verb"))

    def leaf(
        self, sub: Sub, name: str, handler: str, *, key: str = "", receipt: str | None = None
    ) -> argparse.ArgumentParser:
        """A command that runs `handler`; `receipt` names the receipt it prints, if any."""
        text = self.t(key or name)
        p: argparse.ArgumentParser = sub.add_parser(
            name, help=text, description=text, parents=[self.common]
        )
        p.set_defaults(handler=handler, receipt=receipt)
        return p

    def arg(self, p: argparse.ArgumentParser, *flags: str, key: str = "", **kw: Any) -> None:
        p.add_argument(*flags, help=self.t(key or flags[0]), **kw)

    def member_ref(self, p: argparse.ArgumentParser) -> None:
        for flag in ("--card", "--phone", "--member"):
            self.arg(p, flag, key=f"member {flag}")


def _setup(g: Grammar, sub: Sub) -> None:
    s = g.leaf(sub, "init", "init:init")
    g.arg(s, "--store", type=int, required=True)
    g.arg(s, "--till", type=int, required=True)
    g.arg(s, "--store-name")
    g.arg(s, "--admin", required=True)
    g.arg(s, "--admin-name", default="管理员")
    g.arg(s, "--admin-pin", required=True)
    g.leaf(sub, "demo", "init:demo")
    s = g.leaf(sub, "till", "till:till")
    g.arg(s, "--selftest", type=Path, metavar="PNG")
    g.leaf(sub, "verify", "verify:verify")
    s = g.leaf(sub, "audit", "audit:audit")
    g.arg(s, "--limit", type=int, default=50)


def _staff(g: Grammar, sub: Sub) -> None:
    st = g.noun(sub, "staff")
    s = g.leaf(st, "add", "staff:add", key="staff add")
    g.arg(s, "staff_no", key="staff_no")
    g.arg(s, "name", key="staff name")
    g.arg(s, "role", choices=["cashier", "manager", "admin"], key="role")
    g.arg(s, "--new-pin", required=True, key="staff --new-pin")


def _member(g: Grammar, sub: Sub) -> None:
    mp = g.noun(sub, "member")
    s = g.leaf(mp, "add", "member:add", key="member add")
    g.arg(s, "--phone", required=True)
    g.arg(s, "--name", required=True)
    g.arg(s, "--birthday")
    g.arg(s, "--gender", choices=["F", "M"])
    g.arg(s, "--consent-terms", action="store_true")
    g.arg(s, "--consent-marketing", action="store_true")
    g.arg(s, "--member-pin")
    g.member_ref(g.leaf(mp, "show", "member:show", key="member show"))
    s = g.leaf(mp, "find", "member:find", key="member find")
    g.arg(s, "text", key="find text")


def _card(g: Grammar, sub: Sub) -> None:
    cp = g.noun(sub, "card", dest="card_action")
    s = g.leaf(cp, "issue", "card:issue", key="card issue")
    g.arg(s, "--member", required=True, key="member --member")
    for name in ("lost", "unlost", "freeze", "unfreeze"):
        s = g.leaf(cp, name, "card:change_state", key=f"card {name}")
        g.arg(s, "card_no", key="card_no")
        g.arg(s, "--reason")
    s = g.leaf(cp, "return", "card:return_card", key="card return", receipt="return")
    g.arg(s, "card_no", key="card_no")
    g.arg(s, "--reason")
    s = g.leaf(cp, "reissue", "card:reissue", key="card reissue", receipt="reissue")
    g.arg(s, "card_no", key="card_no")
    g.arg(s, "--phone", required=True, key="reissue --phone")
    g.arg(s, "--name", required=True, key="reissue --name")
    g.arg(s, "--tender", default="cash", key="fee --tender")
    g.arg(s, "--ref")
    g.arg(s, "--waive-reason")
    s = g.leaf(cp, "print", "card:print_card", key="card print")
    g.arg(s, "card_no", key="card_no")
    g.arg(s, "out", key="card out")


def _money(g: Grammar, sub: Sub) -> None:
    from frontdesk.domain.receipt import TenderKind

    s = g.leaf(sub, "topup", "topup:topup", receipt="topup")
    g.member_ref(s)
    g.arg(s, "amount", key="topup amount")
    paid = [k.value for k in TenderKind if k is not TenderKind.STORED_VALUE]
    g.arg(s, "--tender", default="cash", choices=paid, key="topup --tender")
    g.arg(s, "--ref")

    s = g.leaf(sub, "sale", "sale:sale", receipt="sale")
    g.arg(s, "--card", key="sale --card")
    g.arg(s, "--item", action="append", required=True)
    g.arg(s, "--pay", action="append")
    g.arg(s, "--redeem", type=int, default=0)
    g.arg(s, "--member-pin", key="sale --member-pin")
    g.arg(s, "--txn")

    s = g.leaf(sub, "refund", "refund:refund", receipt="refund")
    g.arg(s, "receipt_no", key="receipt_no")
    g.arg(s, "--line", action="append")
    g.arg(s, "--txn", key="refund --txn")

    s = g.leaf(g.noun(sub, "points"), "adjust", "points:adjust", key="points adjust")
    g.member_ref(s)
    g.arg(s, "points", type=int, key="points amount")
    g.arg(s, "--reason", required=True, key="adjust --reason")


def _member_rules(g: Grammar, sub: Sub) -> None:
    s = g.leaf(g.noun(sub, "pin"), "set", "pin:set_pin", key="pin set")
    g.member_ref(s)
    g.arg(s, "--new-pin", required=True, key="member --new-pin")
    s = g.leaf(g.noun(sub, "tier"), "lock", "tier:lock", key="tier lock")
    g.member_ref(s)
    g.arg(s, "--tier")
    g.arg(s, "--reason", required=True, key="tier --reason")


def _head_office(g: Grammar, sub: Sub) -> None:
    hq = g.noun(sub, "hq")
    s = g.leaf(hq, "init", "hq:init", key="hq init")
    g.arg(s, "--hq-url", required=True)
    g.arg(s, "--store-name")
    s = g.leaf(hq, "report", "hq:report", key="hq report")
    g.arg(s, "--hq-url", required=True)
    s = g.leaf(hq, "kpi", "hq:kpi", key="hq kpi")
    g.arg(s, "--hq-url", required=True)
    g.arg(s, "--as-of")
    s = g.leaf(sub, "sync", "sync:sync")
    g.arg(s, "--batch", type=int, default=5000)
    g.arg(s, "--push-only", action="store_true")


def _shift(g: Grammar, sub: Sub) -> None:
    sh = g.noun(sub, "shift")
    g.arg(g.leaf(sh, "open", "shift:open_shift", key="shift open"), "--float", required=True)
    s = g.leaf(sh, "close", "shift:close_shift", key="shift close", receipt="shift")
    g.arg(s, "--counted", required=True)


def _printing(g: Grammar, sub: Sub) -> None:
    rp = g.noun(sub, "receipt")
    g.arg(g.leaf(rp, "reprint", "receipt:reprint", key="receipt reprint"), "receipt_no")
    s = g.leaf(rp, "pdf", "receipt:pdf", key="receipt pdf")
    g.arg(s, "receipt_no")
    g.arg(s, "out", key="pdf out")
    g.leaf(g.noun(sub, "print"), "pending", "receipt:pending", key="print pending")
    dv = g.noun(sub, "devices")
    s = g.leaf(dv, "test-scan", "devices:check_scanner", key="devices test-scan")
    g.arg(s, "--timeout", type=float, default=10.0)
    g.leaf(dv, "test-print", "devices:check_printer", key="devices test-print")


# Every command noun, in the order `frontdesk --help` lists them. A new noun: a function here
# declaring its arguments, a module `frontdesk/cli/<noun>.py` with its handlers, help in help_text.
NOUNS: list[Callable[[Grammar, Sub], None]] = [
    _setup,
    _staff,
    _member,
    _card,
    _money,
    _member_rules,
    _head_office,
    _shift,
    _printing,
]


def build_parser(lang: str = "zh_CN") -> argparse.ArgumentParser:
    g = Grammar(lang)
    p = g.top()
    sub = p.add_subparsers(dest="command", required=True, metavar=g.t("command"))
    for declare in NOUNS:
        declare(g, sub)
    return p


def language(argv: Sequence[str]) -> str:
    """The --lang given anywhere on the line (help must be built in it before parsing)."""
    chosen = "zh_CN"
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            chosen = argv[i + 1]
        elif arg.startswith("--lang="):
            chosen = arg.split("=", 1)[1]
    return chosen if chosen in LANGUAGES else "zh_CN"


@contextmanager
def argparse_language(lang: str) -> Iterator[None]:
    """The words of argparse itself (usage:, options, its error messages) in the chosen language."""
    table = ARGPARSE_TEXT.get(lang)
    if not table:
        yield
        return
    original = argparse._  # type: ignore[attr-defined]
    argparse._ = lambda text: table.get(text, original(text))  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._ = original  # type: ignore[attr-defined]


def parse(argv: Sequence[str]) -> argparse.Namespace:
    lang = language(argv)
    with argparse_language(lang):
        return build_parser(lang).parse_args(argv)

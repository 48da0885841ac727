"""The command line's grammar: global options, every command noun and its arguments.

Command nouns are registered in `NOUNS` at the end, each with the function that declares its
arguments; a handler is named "module:function" inside `frontdesk.cli` and imported only when
its command runs. Only the nouns named on the line are declared in full, so `--help` stays
cheap. Help texts come from `help_text`, in the language chosen with --lang. Global options are
accepted before and after the subcommand (`frontdesk sale … --lang en`).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence

from frontdesk import __version__
from frontdesk.cli.grammar import Grammar, Parser
from frontdesk.cli.help_text import ARGPARSE_TEXT, LANGUAGES
from frontdesk.domain.counts import parse_count, parse_signed_count


def _init(g: Grammar, p: Parser) -> None:
    g.runs(p, "init:init")
    g.arg(p, "--store", type=parse_count)  # required unless --enrol (the code names them)
    g.arg(p, "--till", type=parse_count)
    g.arg(p, "--store-name")
    g.arg(p, "--enrol", key="init --enrol")
    g.arg(p, "--hq", key="init --hq")
    g.arg(p, "--sslmode", choices=["disable", "require", "verify-ca", "verify-full"])
    g.arg(p, "--sslrootcert")
    g.arg(p, "--admin", required=True)
    g.arg(p, "--admin-name")  # default: the word for an administrator, in --lang
    g.arg(p, "--admin-pin", required=True)


def _demo(g: Grammar, p: Parser) -> None:
    g.runs(p, "init:demo")


def _verify(g: Grammar, p: Parser) -> None:
    g.runs(p, "verify:verify")


def _till(g: Grammar, p: Parser) -> None:
    g.arg(g.runs(p, "till:till"), "--selftest", metavar="PNG")


def _audit(g: Grammar, p: Parser) -> None:
    g.arg(g.runs(p, "audit:audit"), "--limit", type=parse_count, default=50)


def _staff(g: Grammar, p: Parser) -> None:
    st = g.verbs(p)
    s = g.leaf(st, "add", "staff:add", key="staff add")
    g.arg(s, "staff_no", key="staff_no")
    g.arg(s, "name", key="staff name")
    g.arg(s, "role", choices=["cashier", "manager", "admin"], key="role")
    g.arg(s, "--new-pin", required=True, key="staff --new-pin")
    g.leaf(st, "list", "staff:list_staff", key="staff list")
    for verb in ("disable", "enable", "unlock"):
        g.arg(g.leaf(st, verb, f"staff:{verb}", key=f"staff {verb}"), "staff_no", key="staff_no")
    s = g.leaf(st, "reset-pin", "staff:reset_pin", key="staff reset-pin")
    g.arg(s, "staff_no", key="staff_no")
    g.arg(s, "--new-pin", required=True, key="staff reset --new-pin")
    s = g.leaf(st, "set-role", "staff:set_role", key="staff set-role")
    g.arg(s, "staff_no", key="staff_no")
    g.arg(s, "role", choices=["cashier", "manager", "admin"], key="role")


def _hq_staff(g: Grammar, p: Parser) -> None:
    st = g.verbs(p, dest="hq_sub")
    s = g.leaf(st, "add", "hq_staff:add", key="hq staff add")
    g.arg(s, "staff_no", key="staff_no")
    g.arg(s, "name", key="staff name")
    g.arg(s, "role", choices=["cashier", "manager", "admin"], key="role")
    g.arg(s, "--new-pin", required=True, key="staff --new-pin")
    g.arg(s, "--hq-url", required=True)
    g.arg(g.leaf(st, "list", "hq_staff:list_staff", key="hq staff list"), "--hq-url", required=True)
    for verb in ("disable", "enable"):
        s = g.leaf(st, verb, f"hq_staff:{verb}", key=f"staff {verb}")
        g.arg(s, "staff_no", key="staff_no")
        g.arg(s, "--hq-url", required=True)
    s = g.leaf(st, "reset-pin", "hq_staff:reset_pin", key="staff reset-pin")
    g.arg(s, "staff_no", key="staff_no")
    g.arg(s, "--new-pin", required=True, key="staff reset --new-pin")
    g.arg(s, "--hq-url", required=True)
    s = g.leaf(st, "set-role", "hq_staff:set_role", key="hq staff set-role")
    g.arg(s, "staff_no", key="staff_no")
    g.arg(s, "role", choices=["cashier", "manager", "admin"], key="role")
    g.arg(s, "--hq-url", required=True)


def _member(g: Grammar, p: Parser) -> None:
    verbs = g.verbs(p)
    s = g.leaf(verbs, "add", "member:add", key="member add")
    g.arg(s, "--phone", required=True)
    g.arg(s, "--name", required=True)
    g.arg(s, "--birthday")
    g.arg(s, "--gender", choices=["F", "M"])
    g.arg(s, "--consent-terms", action="store_true")
    g.arg(s, "--consent-marketing", action="store_true")
    g.arg(s, "--member-pin")
    g.member_ref(g.leaf(verbs, "show", "member:show", key="member show"))
    g.arg(g.leaf(verbs, "find", "member:find", key="member find"), "text", key="find text")
    g.arg(g.leaf(verbs, "import", "member_import:import_file", key="member import"), "file")
    s = g.leaf(verbs, "statement", "statement:member_statement", key="member statement")
    g.member_ref(s)
    g.arg(s, "--from", dest="since", key="statement --from")
    g.arg(s, "--to", dest="until", key="statement --to")
    g.arg(s, "--pdf", key="statement --pdf")
    s = g.leaf(verbs, "export", "member_rights:export_data", key="member export")
    g.member_ref(s)
    g.arg(s, "--out", required=True, key="member export --out")
    g.member_ref(g.leaf(verbs, "erase", "member_rights:erase", key="member erase"))
    s = g.leaf(verbs, "consent", "member_rights:consent", key="member consent")
    g.member_ref(s)
    g.arg(s, "--withdraw-marketing", action="store_true")
    g.arg(s, "--give-marketing", action="store_true")


def _card(g: Grammar, p: Parser) -> None:
    verbs = g.verbs(p, dest="card_action")
    s = g.leaf(verbs, "issue", "card:issue", key="card issue")
    g.arg(s, "--member", key="member --member")
    g.arg(s, "--bearer", action="store_true", key="card issue --bearer")
    g.arg(s, "--member-pin")
    for name in ("lost", "unlost", "freeze", "unfreeze"):
        s = g.leaf(verbs, name, "card:change_state", key=f"card {name}")
        g.arg(s, "card_no", key="card_no")
        g.arg(s, "--reason")
    s = g.leaf(verbs, "return", "card:return_card", key="card return", receipt="return")
    g.arg(s, "card_no", key="card_no")
    g.arg(s, "--reason")
    g.arg(s, "--bank-account", key="return --bank-account")
    g.arg(s, "--holder", key="return --holder")
    g.arg(s, "--bank", key="return --bank")
    g.arg(s, "--id-number", key="return --id-number")
    s = g.leaf(verbs, "reissue", "card:reissue", key="card reissue", receipt="reissue")
    g.arg(s, "card_no", key="card_no")
    g.arg(s, "--phone", required=True, key="reissue --phone")
    g.arg(s, "--name", required=True, key="reissue --name")
    g.arg(s, "--tender", default="cash", key="fee --tender")
    g.arg(s, "--ref")
    g.arg(s, "--waive-reason")
    s = g.leaf(verbs, "print", "card:print_card", key="card print")
    g.arg(s, "card_no", key="card_no")
    g.arg(s, "out", key="card out")


def _topup(g: Grammar, p: Parser) -> None:
    g.runs(p, "topup:topup", receipt="topup")
    g.member_ref(p)
    g.arg(p, "amount", key="topup amount")
    g.arg(p, "--tender", default="cash", key="topup --tender")
    g.arg(p, "--ref")


def _topup_return(g: Grammar, p: Parser) -> None:
    g.runs(p, "cooling_off:refund_top_up", receipt="cooling_off")
    g.arg(p, "receipt_no", key="topup-return receipt_no")


def _sale(g: Grammar, p: Parser) -> None:
    g.runs(p, "sale:sale", receipt="sale")
    g.arg(p, "--card", key="sale --card")
    g.arg(p, "--item", action="append", required=True)
    g.arg(p, "--pay", action="append")
    g.arg(p, "--redeem", type=parse_count, default=0)
    g.arg(p, "--ticket-discount", key="sale --ticket-discount")
    g.arg(p, "--member-pin", key="sale --member-pin")
    g.arg(p, "--txn")


def _refund(g: Grammar, p: Parser) -> None:
    g.runs(p, "refund:refund", receipt="refund")
    g.arg(p, "receipt_no", key="receipt_no")
    g.arg(p, "--line", action="append")
    g.arg(p, "--txn", key="refund --txn")


def _points(g: Grammar, p: Parser) -> None:
    s = g.leaf(g.verbs(p), "adjust", "points:adjust", key="points adjust")
    g.member_ref(s)
    g.arg(s, "points", type=parse_signed_count, key="points amount")
    g.arg(s, "--reason", required=True, key="adjust --reason")


def _pin(g: Grammar, p: Parser) -> None:
    s = g.leaf(g.verbs(p), "set", "pin:set_pin", key="pin set")
    g.member_ref(s)
    g.arg(s, "--new-pin", required=True, key="member --new-pin")


def _tier(g: Grammar, p: Parser) -> None:
    s = g.leaf(g.verbs(p), "lock", "tier:lock", key="tier lock")
    g.member_ref(s)
    g.arg(s, "--tier")
    g.arg(s, "--reason", required=True, key="tier --reason")


def _hq(g: Grammar, p: Parser) -> None:
    verbs = g.verbs(p)
    s = g.leaf(verbs, "init", "hq:init", key="hq init")
    g.arg(s, "--hq-url", required=True)
    g.arg(s, "--store-name")
    g.arg(g.leaf(verbs, "migrate", "hq:migrate", key="hq migrate"), "--hq-url", required=True)
    g.arg(g.leaf(verbs, "report", "hq:report", key="hq report"), "--hq-url", required=True)
    s = g.leaf(verbs, "kpi", "hq:kpi", key="hq kpi")
    g.arg(s, "--hq-url", required=True)
    g.arg(s, "--as-of")
    g.arg(s, "--pdf", key="kpi --pdf")
    text = g.t("hq products")
    products = g.verbs(verbs.add_parser("products", help=text, description=text), dest="hq_sub")
    s = g.leaf(products, "import", "hq_data:import_products", key="hq products import")
    g.arg(s, "file")
    g.arg(s, "--hq-url", required=True)
    g.arg(s, "--store", type=parse_count, key="hq products --store")
    text = g.t("hq program")
    program = g.verbs(verbs.add_parser("program", help=text, description=text), dest="hq_sub")
    s = g.leaf(program, "publish", "hq_data:publish_program", key="hq program publish")
    g.arg(s, "file", key="program file")
    g.arg(s, "--hq-url", required=True)
    s = g.leaf(verbs, "enrol", "provision:enrol", key="hq enrol")
    g.arg(s, "--store", type=parse_count, required=True)
    g.arg(s, "--till", type=parse_count, required=True)
    g.arg(s, "--store-name", default="")
    g.arg(s, "--hq-url", required=True)
    s = g.leaf(verbs, "min-version", "provision:min_version", key="hq min-version")
    g.arg(s, "version", key="hq min-version version")
    g.arg(s, "--hq-url", required=True)
    _hq_staff(g, verbs.add_parser("staff", help=g.t("hq staff"), description=g.t("hq staff")))
    s = g.leaf(verbs, "settlement", "hq_settlement:settlement", key="hq settlement")
    g.arg(s, "--hq-url", required=True)
    g.arg(s, "--from", dest="since", key="export --since")
    g.arg(s, "--to", dest="until", key="export --until")


def _sync(g: Grammar, p: Parser) -> None:
    g.runs(p, "sync:sync")
    g.arg(p, "--batch", type=parse_count, default=5000)
    g.arg(p, "--push-only", action="store_true")
    g.arg(p, "--recover", action="store_true")


def _shift(g: Grammar, p: Parser) -> None:
    verbs = g.verbs(p)
    g.arg(g.leaf(verbs, "open", "shift:open_shift", key="shift open"), "--float", required=True)
    s = g.leaf(verbs, "close", "shift:close_shift", key="shift close", receipt="shift")
    g.arg(s, "--counted", required=True)


def _receipt(g: Grammar, p: Parser) -> None:
    verbs = g.verbs(p)
    g.arg(g.leaf(verbs, "reprint", "receipt:reprint", key="receipt reprint"), "receipt_no")
    s = g.leaf(verbs, "pdf", "receipt:pdf", key="receipt pdf")
    g.arg(s, "receipt_no")
    g.arg(s, "out", key="pdf out")


def _print(g: Grammar, p: Parser) -> None:
    g.leaf(g.verbs(p), "pending", "receipt:pending", key="print pending")


def _devices(g: Grammar, p: Parser) -> None:
    verbs = g.verbs(p)
    s = g.leaf(verbs, "test-scan", "devices:check_scanner", key="devices test-scan")
    g.arg(s, "--timeout", type=float, default=10.0)
    g.leaf(verbs, "test-print", "devices:check_printer", key="devices test-print")


def _product(g: Grammar, p: Parser) -> None:
    verbs = g.verbs(p)
    g.arg(g.leaf(verbs, "import", "product:import_file", key="product import"), "file")
    g.arg(g.leaf(verbs, "template", "product:template", key="product template"), "out")


def _backup(g: Grammar, p: Parser) -> None:
    g.runs(p, "backup:take")
    g.arg(p, "--to", key="backup --to")
    g.arg(p, "--keep", "--keep-days", dest="keep_days", type=parse_count, default=14)
    g.arg(p, "--nightly", action="store_true", key="backup --nightly")


def _restore(g: Grammar, p: Parser) -> None:
    g.runs(p, "backup:restore")
    g.arg(p, "file", key="restore file")
    g.arg(p, "--without-hq", action="store_true")


def _export(g: Grammar, p: Parser) -> None:
    g.runs(p, "export:export")
    kinds = ["members", "tickets", "shifts", "liability", "kpis"]  # services/exports.KINDS
    g.arg(p, "kind", choices=kinds, key="export kind")
    g.arg(p, "--xlsx", required=True)
    g.arg(p, "--since", key="export --since")
    g.arg(p, "--until", key="export --until")
    g.arg(p, "--marketing-only", action="store_true")


def _kpi(g: Grammar, p: Parser) -> None:
    g.runs(p, "export:kpi")
    g.arg(p, "--as-of")
    g.arg(p, "--pdf", key="kpi --pdf")


# Every command noun, in the order `frontdesk --help` lists them, with the function declaring
# its verbs and arguments. A new noun: an entry here, its handlers in `frontdesk/cli/<noun>.py`,
# its help texts in help_text.py.
NOUNS: dict[str, Callable[[Grammar, Parser], None]] = {
    "init": _init,
    "demo": _demo,
    "till": _till,
    "verify": _verify,
    "audit": _audit,
    "staff": _staff,
    "member": _member,
    "card": _card,
    "topup": _topup,
    "topup-return": _topup_return,
    "sale": _sale,
    "refund": _refund,
    "points": _points,
    "pin": _pin,
    "tier": _tier,
    "hq": _hq,
    "sync": _sync,
    "shift": _shift,
    "receipt": _receipt,
    "print": _print,
    "devices": _devices,
    "product": _product,
    "export": _export,
    "kpi": _kpi,
    "backup": _backup,
    "restore": _restore,
}


def build_parser(lang: str = "zh_CN", nouns: Sequence[str] | None = None) -> Parser:
    """The parser; only `nouns` (all when None) get their verbs and arguments declared."""
    g = Grammar(lang)
    p = argparse.ArgumentParser(prog="frontdesk", description=g.t("frontdesk"))
    g.global_options(p, after_command=False)
    version = f"frontdesk {__version__}"
    p.add_argument("--version", action="version", version=version, help=g.t("--version"))
    sub = p.add_subparsers(dest="command", required=True, metavar=g.t("command"))
    for name, declare in NOUNS.items():
        noun = sub.add_parser(name, help=g.t(name), description=g.t(name))
        if nouns is None or name in nouns:
            declare(g, noun)
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


def parse(argv: Sequence[str]) -> argparse.Namespace:
    lang = language(argv)
    # The words of argparse itself (usage:, options, its error messages) in the chosen language;
    # argparse looks each one up through its module's `_` while it builds, prints and fails.
    table = ARGPARSE_TEXT.get(lang) or {}
    original = argparse._  # type: ignore[attr-defined]
    argparse._ = lambda text: table.get(text) or original(text)  # type: ignore[attr-defined]
    try:
        # Any word on the line that names a noun gets declared (a value that happens to be a
        # noun's name costs only that noun's declarations).
        return build_parser(lang, nouns=[a for a in argv if a in NOUNS]).parse_args(argv)
    finally:
        argparse._ = original  # type: ignore[attr-defined]

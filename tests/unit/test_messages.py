"""Every refusal and every label, in both languages: no Chinese in English, no raw code, no gap."""

from __future__ import annotations

import importlib
import inspect
import io
import pkgutil
import re
import string
import tokenize
from enum import Enum
from pathlib import Path
from types import ModuleType

import pytest

import frontdesk
import frontdesk.domain
from frontdesk.domain import errors, messages
from frontdesk.domain.cards import CardAction, CardState
from frontdesk.domain.messages import EN, LANGUAGES, ZH
from frontdesk.domain.money import Fen
from frontdesk.domain.program import ProgramInvalid

# Ideographs, CJK punctuation and full-width forms (，：（）…) have no place in English text;
# ￥ is how the till writes every amount, in either language.
CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffe4\uffe6-\uffef]")
# Codes that read as words in no language: a person must never see them.
BRANDS = {"wechat", "alipay"}


def _modules(package: ModuleType, skip: tuple[str, ...] = ()) -> list[ModuleType]:
    return [
        importlib.import_module(info.name)
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + ".")
        if not info.name.startswith(skip)
        and not info.name.endswith(".__main__")
        and "migrations" not in info.name  # Alembic scripts run only under Alembic
    ]


DOMAIN_MODULES = _modules(frontdesk.domain)
# Refusals defined anywhere are found; the window (Qt) only shows them.
_modules(frontdesk, skip=("frontdesk.ui", "frontdesk.app"))


def _subclasses(cls: type[errors.DomainError]) -> list[type[errors.DomainError]]:
    found = []
    for sub in cls.__subclasses__():
        found += [sub, *_subclasses(sub)]
    return found


# A refusal that says its own message (permissions' operation refusals name the operation and
# role from their own tables) is left to its own tests; every other one renders here.
REFUSALS = sorted(
    {c for c in _subclasses(errors.DomainError) if c.message is errors.DomainError.message},
    key=lambda c: c.__name__,
)

# Data a sentence is filled with. ASCII on purpose: a member's own Chinese name is data, not a
# label, and would hide a Chinese word left in an English sentence.
DATA: dict[str, object] = {
    "host": "hq.example.cn:5432/frontdesk",
    "version": "0.1.0",
    "minimum": "0.2.0",
    "report": "crash-20261201-093000.txt",
    "till_id": "001-01",
    "phone": "138****1234",
    "name": "Li Na",
    "card_no": "800101000000107",
    "ref": "138****1234",
    "balance": Fen(1234),
    "amount": Fen(5000),
    "discount": Fen(6000),
    "points": 120,
    "needed": 500,
    "left": 2,
    "length": 6,
    "limit": 50,
    "barcode": "6901234567892",
    "paid": str(Fen(10000)),
    "due": str(Fen(17640)),
    "receipt_no": "R001010000002",
    "line": 2,
    "cap": Fen(30000),
    "used": str(Fen(1000)),
    "tier": "platinum",
    "birthday": "2030-01-01",
    "fee": str(Fen(3800)),
    "shown": "ABC123",
    "kind": "receipts",
    "count": 3,
    "rows": 21,
    "cause": "总部的证书未通过验证",
    "cause_en": "head office's certificate did not verify",
    "held_no": 7,
    "path": "products.csv",
    "reason": "Permission denied",
    "reason_en": "no such file",
    "backup_seq": 120,
    "hq_seq": 140,
    "allowed": str(Fen(120000)),
    "minutes": 5,
    "staff_no": "1001",
    "source": "store.toml",  # a path: not a word that is also a code (program)
    "field": "offline.after_minutes",
    "role": "boss",
    "reason_zh": "须为整数",
    "on": "2026-12-31",
    "since": "2026-12-01",
    "until": "2026-11-01",
    "revision": "0009",
    "head": "0004",
    "seconds": 10,
    "account": "6222 **** 0123",
    "threshold": str(Fen(10000)),
    "days": 7,
    "last_day": "2026-03-16",
    "principal": Fen(100000).yuan(),
    "bonus": Fen(15000).yuan(),
}

ALL_CODES = {code for vocab in messages.vocabularies().values() for code in vocab}
ENUM_VALUES = {
    str(member.value)
    for module in DOMAIN_MODULES
    for _, enum in inspect.getmembers(module, inspect.isclass)
    if issubclass(enum, Enum) and enum.__module__ == module.__name__
    for member in enum
}
RAW_IN_ENGLISH = {c for c in ALL_CODES | ENUM_VALUES if "_" in c} | BRANDS


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _sentence(refusal: type[errors.DomainError]) -> messages.Sentence:
    if refusal.key in messages.known_keys():
        return messages.sentence(refusal.key)
    # Not moved into the catalogue yet: then the class says both sentences itself.
    assert refusal.template, f"{refusal.__name__}: {refusal.key} has no Chinese sentence"
    assert refusal.english, f"{refusal.__name__}: {refusal.key} has no English sentence"
    return messages.Sentence(refusal.template, refusal.english)


def _fillings(sentence: messages.Sentence, key: str) -> list[dict[str, object]]:
    """One filling per code of each coded parameter (all of them), the data beside it."""
    fields = _fields(sentence.zh) | _fields(sentence.en)
    missing = fields - set(DATA) - set(sentence.codes)
    assert not missing, f"{key}: give the test a representative value for {missing}"
    base = {f: DATA[f] for f in fields if f in DATA}
    fillings = [dict(base)]
    for field, vocabulary in sentence.codes.items():
        fillings = [
            {**f, field: code} for f in fillings for code in messages.vocabularies()[vocabulary]
        ]
    return fillings


def _check(text: str, lang: str, key: str, template: str) -> None:
    assert text.strip(), f"{key}: empty in {lang}"
    assert key not in text, f"{key}: the key itself is shown in {lang}: {text}"
    # A word the sentence itself spells (a command, an option to type) is no leaked code.
    words = set(re.findall(r"[A-Za-z_]+", text)) - set(re.findall(r"[A-Za-z_]+", template))
    if lang == EN:
        assert not CJK.search(text), f"{key}: Chinese in English: {text}"
        raw = words & RAW_IN_ENGLISH
    else:
        assert CJK.search(text), f"{key}: not translated to Chinese: {text}"
        raw = words & (ALL_CODES | ENUM_VALUES)
    assert not raw, f"{key}: raw code {raw} in {lang}: {text}"


@pytest.mark.parametrize("refusal", REFUSALS, ids=lambda c: c.__name__)
def test_every_refusal_reads_cleanly_in_both_languages(refusal: type[errors.DomainError]) -> None:
    sentence = _sentence(refusal)
    for filling in _fillings(sentence, refusal.key):
        error = refusal.__new__(refusal)  # some refusals build their details from richer input
        error.details = filling
        for lang in LANGUAGES:
            _check(messages.render(error, lang), lang, refusal.key, sentence.template(lang))
        assert error.message == messages.render(error, ZH)
        assert error.message_en == messages.render(error, EN)


NOTICES = sorted(k for k in messages.known_keys() if k.startswith("notice_"))


@pytest.mark.parametrize("key", NOTICES)
def test_every_notice_reads_cleanly_in_both_languages(key: str) -> None:
    sentence = messages.sentence(key)
    for filling in _fillings(sentence, key):
        for lang in LANGUAGES:
            text = messages.render(messages.Notice(key, filling), lang)
            _check(text, lang, key, sentence.template(lang))


def test_enum_parameters_are_rendered_in_the_language_of_the_sentence() -> None:
    refused = errors.CardStateChangeRefused(state=CardState.LOST, action=CardAction.FREEZE)

    assert refused.message == "卡状态为「已挂失」，不能冻结"
    assert refused.message_en == "The card is reported lost: freeze is not possible"


def test_a_tender_code_is_named_not_shown() -> None:
    refused = errors.ReferenceRequired(tender="wechat")

    assert refused.message == "微信支付付款须填写交易参考号"
    assert refused.message_en == "A WeChat Pay payment needs a reference"


def test_amounts_are_written_as_the_till_writes_them_in_both_languages() -> None:
    refused = errors.OfflineCapExceeded(cap=Fen(30000), used=Fen(1000))

    assert refused.message == "离线状态下每卡每日储值消费上限 ￥300.00，今日已用 ￥10.00"
    assert refused.message_en == (
        "Offline: stored-value spending is capped at ￥300.00 per card per day (￥10.00 used today)"
    )


def _labelled_enums() -> list[type[Enum]]:
    return sorted(
        {
            enum
            for module in DOMAIN_MODULES
            for _, enum in inspect.getmembers(module, inspect.isclass)
            if issubclass(enum, Enum) and any(hasattr(enum, p) for p in ("label", "title"))
        },
        key=lambda e: f"{e.__module__}.{e.__name__}",
    )


@pytest.mark.parametrize("enum", _labelled_enums(), ids=lambda e: f"{e.__module__}.{e.__name__}")
def test_every_member_of_a_labelled_enum_has_both_labels(enum: type[Enum]) -> None:
    for member in enum:
        zh, en = messages.label(member, ZH), messages.label(member, EN)

        assert CJK.search(zh), f"{member}: no Chinese label"
        assert not CJK.search(en), f"{member}: Chinese in the English label {en}"
        assert en != member.value or (" " not in en and "_" not in en), f"{member}: raw code"
        assert getattr(member, "label", None) in (None, zh)
        assert getattr(member, "title", None) in (None, zh)


def test_no_domain_enum_holds_a_chinese_string() -> None:
    offenders = []
    for module in DOMAIN_MODULES:
        for _, enum in inspect.getmembers(module, inspect.isclass):
            if not issubclass(enum, Enum) or enum.__module__ != module.__name__:
                continue
            source = inspect.getsource(enum)
            for tok in tokenize.generate_tokens(io.StringIO(source).readline):
                docstring = tok.string.lstrip("rbuRBU").startswith(('"""', "'''"))
                if tok.type == tokenize.STRING and CJK.search(tok.string) and not docstring:
                    offenders.append(f"{enum.__name__}: {tok.string}")

    assert offenders == []


def test_unknown_codes_are_returned_as_they_are_so_a_label_never_fails() -> None:
    assert messages.label("no_such_code", EN, "TenderKind") == "no_such_code"


# What the CLI's result lines are filled with, beside the refusals' data.
RESULT_DATA: dict[str, object] = {
    "old": "800101000000107",
    "new": "800101000000719",
    "cash": Fen(50000),
    "bonus": Fen(6000),
    "bonus_now": Fen(6000),
    "principal": Fen(50000),
    "till": "001-01",
    "admin": "9001",
    "savings": Fen(880),
    "gross": Fen(17640),
    "change": Fen(2360),
    "float": Fen(50000),
    "sales": 12,
    "expected": Fen(81000),
    "counted": Fen(80900),
    "over_short": Fen(-100),
    "opening": Fen(100000),
    "topups": Fen(50000),
    "spends": Fen(12000),
    "refunds": Fen(800),
    "adjustments": Fen(0),
    "closing": Fen(138800),
    "balanced": "reconciles",
    "printed": 2,
    "text": "offline",
    "fault": "offline",
    "notice": "PIN locked",
    "now": 240,
    "holder": "Li Na",
    "cursor": 120,
    # A refusal inside a notice is said in the notice's language.
    "invalid": ProgramInvalid("store.toml", "tiers", "codes must differ", "等级代码重复"),
    "size_kb": 812,
    "ledger_seq": 1204,
    "pruned": 1,
    "kept": 40,
    "kept_as": "frontdesk.db.old",
    "total": 120,
    "added": 100,
    "updated": 15,
    "unchanged": 5,
    "created": 98,
    "rows": 100,
    "issued": 40,
    "before": Fen(0),
    "after": Fen(150000),
    "staff": "1001  Li Na",
    # The tender words typed at the command line are its syntax, not labels to translate.
    "kinds": "KIND",
    "db": "frontdesk.db",
    "detail": "frontdesk.db",
    "members": "1,204",
    "joined": "36",
    "growth": "3.1%",
    "retained": "61.0%",
    "repurchase": "44.2%",
    "dormant": "12.5%",
    "bands": "700 / 150",  # the Activity labels in the language of the line
    "active": "58.3%",
    "top": 120,
    "top_from": Fen(500000),
    "middle": 480,
    "low": 604,
    "member": Fen(16800),
    "guest": Fen(4800),
    "ratio": "3.50",
    "hq": "hq.example.cn:5432/frontdesk",
    "tls": "verify-full",
    "code": "001-02.Ab3dEf9",
    "schema_before": "h0018",
    "schema_after": "h0019",
    "member_id": "M000123",
    "approver": "8001",
    "topup_receipt_no": "T001010000004",
    "seq": 42,
    "at": "2026-12-01 09:30:00",
    "problem": "entry 42 not taken",
    "day": "2026-12-01",
    "store_no": "041",
    "prepaid": Fen(5000),
    "invoiceable": Fen(12640),
    "pushed": "tickets 2",
    "pulled": "members 3",
}
DATA.update({k: v for k, v in RESULT_DATA.items() if k not in DATA})
RESULTS = sorted(k for k in messages.known_keys() if k.startswith("said_"))


@pytest.mark.parametrize("key", RESULTS)
def test_every_result_line_of_the_cli_reads_cleanly_in_both_languages(key: str) -> None:
    sentence = messages.sentence(key)
    for filling in _fillings(sentence, key):
        for lang in LANGUAGES:
            text = messages.say(key, lang, **filling)
            _check(text, lang, key, sentence.template(lang))
            assert "{" not in text, f"{key}: a parameter left unfilled in {lang}: {text}"


COMMAND_SENTENCES = sorted(k for k in messages.known_keys() if k.startswith(("usage_", "failed_")))


@pytest.mark.parametrize("key", COMMAND_SENTENCES)
def test_every_usage_and_failure_line_of_the_cli_reads_cleanly_in_both_languages(key: str) -> None:
    sentence = messages.sentence(key)
    for filling in _fillings(sentence, key):
        for lang in LANGUAGES:
            text = messages.say(key, lang, **filling)
            _check(text, lang, key, sentence.template(lang))
            assert "{" not in text, f"{key}: a parameter left unfilled in {lang}: {text}"


_CLI = Path(frontdesk.__file__).parent / "cli"
# A key the CLI names: UsageError("key"), CommandFailed("key"), s.say("said_…"), a failure's key.
_NAMED = re.compile(r'(UsageError|CommandFailed)\(\s*"(\w+)"|say\(\s*"(said_\w+)"')


def test_every_sentence_the_cli_names_is_in_the_catalogue() -> None:
    named = set()
    for source in _CLI.glob("*.py"):
        for kind, key, said in _NAMED.findall(source.read_text(encoding="utf-8")):
            named.add(said or {"UsageError": "usage_", "CommandFailed": "failed_"}[kind] + key)
    failure_keys = re.findall(r'return "(\w+)", ', (_CLI / "failures.py").read_text("utf-8"))
    named |= {f"failed_{key}" for key in failure_keys} | {"failed_unexpected", "failed_program"}

    assert len(named) > 40
    assert named - messages.known_keys() == set()


def test_no_cli_module_writes_its_own_chinese() -> None:
    # Every sentence a command prints is the catalogue's; the help text has its own table
    # (the cli/help_text package, which this glob does not enter).
    offenders = []
    for source in sorted(_CLI.glob("*.py")):
        text = source.read_text(encoding="utf-8")
        for tok in tokenize.generate_tokens(io.StringIO(text).readline):
            docstring = tok.string.lstrip("rbuRBUf").startswith(('"""', "'''"))
            if tok.type == tokenize.STRING and CJK.search(tok.string) and not docstring:
                offenders.append(source.name)

    assert offenders == []

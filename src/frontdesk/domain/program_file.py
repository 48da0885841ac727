"""Reading a program file: its encoding, its TOML, every field by one table, the cross checks."""

from __future__ import annotations

import itertools
import re
import tomllib
from collections.abc import Mapping
from typing import Any

from frontdesk.domain.money import Fen
from frontdesk.domain.program import (
    BANK_REFUND_ABOVE,
    BEARER_CARD_CAP,
    NAMED_CARD_CAP,
    BonusRule,
    Program,
    ProgramInvalid,
    SpendOrder,
    TierRule,
)
from frontdesk.domain.program_fields import (
    BONUS_FIELDS,
    COMPOSITES,
    FIELDS,
    LISTS,
    OPTIONAL_TIER_KEYS,
    THRESHOLDS,
    TIER_FIELDS,
)
from frontdesk.domain.setting_kinds import (
    Kind,
    Wrong,
)


class _Reader:
    """Reads the parsed TOML against `program_fields`, naming the exact field when one is wrong."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, field: str, zh: str, en: str) -> ProgramInvalid:
        return ProgramInvalid(self.source, field, en, zh)

    def value(self, field: str, raw: Any, kind: Any) -> Any:
        try:
            return kind.read(raw)
        except Wrong as wrong:
            raise self.fail(field, wrong.zh, wrong.en) from None

    def table(self, data: Mapping[str, Any], name: str, *, required: bool) -> Mapping[str, Any]:
        section = data.get(name)
        if section is None:
            if required:
                raise self.fail(name, "缺少此段", "missing")
            return {}
        if not isinstance(section, Mapping):
            raise self.fail(name, f"应为一个表（[{name}]）", "must be a table")
        return section

    def only_known(self, data: Mapping[str, Any], path: str, known: set[str]) -> None:
        for key in data:
            if key not in known:
                where = f"{path}.{key}" if path else key
                names = ", ".join(sorted(known))
                what_zh, what_en = (
                    ("未知的段落", "unknown section")
                    if not path
                    else ("未知的设置项", "unknown key")
                )
                raise self.fail(
                    where,
                    f"{what_zh}（拼写错误？可用的有：{names}）",
                    f"{what_en} (a typo? known: {names})",
                )

    def tables(self, raw: Any, field: str) -> list[Mapping[str, Any]]:
        if not isinstance(raw, list) or not all(isinstance(r, Mapping) for r in raw):
            raise self.fail(
                field, f"应为 [[{field}]] 表的列表", f"must be a list of [[{field}]] tables"
            )
        return raw

    def fields(
        self, raw: Mapping[str, Any], path: str, kinds: Mapping[str, Kind]
    ) -> dict[str, Any]:
        """One [[…]] table read against its kinds; keys in `optional` may be left out."""
        self.only_known(raw, path, set(kinds))
        got: dict[str, Any] = {}
        for key, kind in kinds.items():
            if key in raw:
                got[key] = self.value(f"{path}.{key}", raw[key], kind)
            elif key in OPTIONAL_TIER_KEYS:
                got[key] = None
            else:
                raise self.fail(f"{path}.{key}", "缺少此项", "missing")
        return got


def program_from_mapping(data: Mapping[str, Any], source: str = "program.toml") -> Program:
    """Build and validate a Program from parsed TOML; raise ProgramInvalid naming the field."""
    r = _Reader(source)
    sections = {f.section for f in FIELDS}
    r.only_known(data, "", sections | {"tiers"})
    values: dict[str, Any] = {}
    for name in sorted(sections):
        fields = [f for f in FIELDS if f.section == name]
        required = any(f.default is ... for f in fields)
        table = r.table(data, name, required=required)
        r.only_known(
            table, name, {f.key for f in fields} | {k for k, s in LISTS.items() if s == name}
        )
        for f in fields:
            where = f"{name}.{f.key}"
            if f.key in table:
                values[f.attribute] = r.value(where, table[f.key], f.kind)
            elif f.default is ...:
                raise r.fail(where, "缺少此项", "missing")
            else:
                values[f.attribute] = f.default
    for name, build in COMPOSITES.items():
        parts = {
            k.partition(".")[2]: values.pop(k) for k in list(values) if k.startswith(name + ".")
        }
        values[name] = build(**parts)
    _lawful_spend_order(r, values["spend_order"])
    _lawful_refund_threshold(r, values["bank_refund_above"])
    _lawful_caps(r, values["balance_cap"], values["bearer_balance_cap"])
    tiers = _tiers(r, data)
    bonuses = _bonuses(r, data.get("stored_value", {}))
    return Program(tiers=tiers, topup_bonuses=bonuses, **values)


def _lawful_spend_order(r: _Reader, order: SpendOrder) -> None:
    # Refused, not warned: spending 本金 first leaves a member who returns the card nothing to be
    # refunded but bonus they forfeit, while 法释〔2025〕4号 values what was consumed in
    # proportion to principal and bonus. bonus_first only ever leaves more principal to refund.
    if order is SpendOrder.PRINCIPAL_FIRST:
        raise r.fail(
            "stored_value.spend_order",
            "不允许 principal_first：储值退款须合法"
            "（法释〔2025〕4号 按本金与赠金比例计算已消费部分）；"
            "请用 proportional（默认）或 bonus_first",
            "principal_first is not allowed: refunds of prepaid value must stay lawful "
            "(法释〔2025〕4号); use proportional (default) or bonus_first",
        )


def _lawful_refund_threshold(r: _Reader, threshold: Fen) -> None:
    # A chain may send smaller returns to the bank too, never larger ones in cash.
    if threshold > BANK_REFUND_ABOVE:
        raise r.fail(
            "stored_value.bank_refund_above",
            f"不得高于 {BANK_REFUND_ABOVE}：超过此额的退卡须转入会员本人银行账户"
            "（《单用途商业预付卡管理办法（试行）》）",
            f"may not be above {BANK_REFUND_ABOVE}: card returns above it must go to a bank "
            "account in the member's name",
        )


def _lawful_caps(r: _Reader, named: Fen, bearer: Fen) -> None:
    # 《单用途商业预付卡管理办法（试行）》第十九条 sets the ceilings; a chain may only go lower.
    for field, cap, law, zh, en in (
        ("balance_cap", named, NAMED_CARD_CAP, "记名卡", "a named card"),
        ("bearer_card_cap", bearer, BEARER_CARD_CAP, "不记名卡", "a bearer card"),
    ):
        if cap > law:
            raise r.fail(
                f"stored_value.{field}",
                f"不得高于 {law}：《单用途商业预付卡管理办法（试行）》第十九条{zh}单张限额",
                f"may not be above {law}: the most {en} may hold by law",
            )


def _tiers(r: _Reader, data: Mapping[str, Any]) -> tuple[TierRule, ...]:
    if "tiers" not in data:
        raise r.fail("tiers", "缺少等级（[[tiers]]）", "missing")
    raws = r.tables(data["tiers"], "tiers")
    if not raws:
        raise r.fail("tiers", "至少需要一个等级", "must be a non-empty list of [[tiers]] tables")
    tiers: list[TierRule] = []
    for i, raw in enumerate(raws):
        tiers.append(TierRule(**r.fields(raw, f"tiers[{i}]", TIER_FIELDS)))
    codes = [t.code for t in tiers]
    if len(set(codes)) != len(codes):
        raise r.fail("tiers", f"等级代码重复：{codes}", f"tier codes must be unique, got {codes}")
    for i, (below, tier) in enumerate(itertools.pairwise(tiers), start=1):
        _tier_above(r, i, below, tier)
    _thresholds_ascend(r, tiers)
    for i, tier in enumerate(tiers):
        if tier.birthday_pay_rate is not None and tier.birthday_pay_rate > tier.pay_rate:
            raise r.fail(
                f"tiers[{i}].birthday_pay_rate",
                f"生日折扣不能比平时少（不能高于 pay_rate {tier.pay_rate}）",
                f"must not be above the tier's pay_rate ({tier.pay_rate})",
            )
    return tuple(tiers)


def _tier_above(r: _Reader, i: int, below: TierRule, tier: TierRule) -> None:
    """A tier is reached by more than the one below it, and gives at least its discount."""
    if all(getattr(tier, key) is None for key in THRESHOLDS):
        raise r.fail(
            f"tiers[{i}]",
            "第一级以上的等级至少需要一个门槛"
            "（min_12m_spend、min_single_ticket 或 min_12m_points）",
            "a tier above the first needs at least one threshold",
        )
    if tier.pay_rate > below.pay_rate:
        raise r.fail(
            f"tiers[{i}].pay_rate",
            f"高一级的等级折扣不能更少（pay_rate 不能高于下一级的 {below.pay_rate}）",
            "a higher tier must not pay more than the one below",
        )


def _thresholds_ascend(r: _Reader, tiers: list[TierRule]) -> None:
    """Each threshold rises with the tier (a diamond reached below gold is a typo)."""
    last: dict[str, tuple[int, Any]] = {}
    for i, tier in enumerate(tiers):
        for key in THRESHOLDS:
            mine = getattr(tier, key)
            if mine is None:
                continue
            if key in last and mine <= last[key][1]:
                j, theirs = last[key]
                raise r.fail(
                    f"tiers[{i}].{key}",
                    f"须高于较低等级 tiers[{j}] 的门槛 {theirs}（等级从低到高排列）",
                    f"must be above the threshold {theirs} of the lower tier tiers[{j}]"
                    " (tiers go lowest first)",
                )
            last[key] = (i, mine)


def _bonuses(r: _Reader, stored_value: Mapping[str, Any]) -> tuple[BonusRule, ...]:
    field = "stored_value.topup_bonus"
    if "topup_bonus" not in stored_value:
        raise r.fail(field, "缺少此项", "missing")
    rules: list[BonusRule] = []
    for i, raw in enumerate(r.tables(stored_value["topup_bonus"], field)):
        p = f"{field}[{i}]"
        rule = BonusRule(**r.fields(raw, p, BONUS_FIELDS))
        if rule.bonus >= rule.min_topup:
            raise r.fail(
                f"{p}.bonus",
                f"赠送金额须低于其充值门槛 {rule.min_topup}",
                f"must be below its min_topup {rule.min_topup}",
            )
        if rules and rule.min_topup <= rules[-1].min_topup:
            raise r.fail(
                field,
                "各档须按 min_topup 从小到大排列，且不重复",
                "rules must be in ascending order of min_topup, without repeats",
            )
        if rules and rule.bonus < rules[-1].bonus:
            raise r.fail(
                f"{p}.bonus",
                f"充得更多，赠送不能更少（低一档赠送 {rules[-1].bonus}）",
                f"must not be less than the bonus of the rule below ({rules[-1].bonus})",
            )
        rules.append(rule)
    return tuple(rules)


# -- the file itself --------------------------------------------------------------------------


def decode_program(raw: bytes, source: str) -> str:
    """The file's text, which must be UTF-8 without a BOM; other encodings are named."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raise ProgramInvalid(
            source,
            "(encoding)",
            "the file starts with a byte order mark (BOM): save it as UTF-8 without BOM",
            "文件以 BOM（字节顺序标记）开头：请另存为不带 BOM 的 UTF-8",
        )
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ProgramInvalid(
            source,
            "(encoding)",
            "the file is UTF-16: save it as UTF-8",
            "文件是 UTF-16 编码：请另存为 UTF-8",
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        try:
            raw.decode("gb18030")
        except UnicodeDecodeError:
            raise ProgramInvalid(
                source,
                "(encoding)",
                f"not UTF-8 text (line {line}): save it as UTF-8",
                f"不是 UTF-8 文本（第 {line} 行）：请另存为 UTF-8",
            ) from None
        raise ProgramInvalid(
            source,
            "(encoding)",
            f"the file is GB18030/GBK, not UTF-8 (line {line}): save it as UTF-8",
            f"文件是 GB18030/GBK 编码，不是 UTF-8（第 {line} 行）：请另存为 UTF-8",
        ) from None


def parse_program(text: str, source: str = "program.toml") -> Program:
    """A program file's text: TOML, then every field and cross-field rule above."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        where = re.search(r"line (\d+), column (\d+)", str(exc))
        at = f"（第 {where[1]} 行第 {where[2]} 列）" if where else ""
        raise ProgramInvalid(
            source,
            "(syntax)",
            f"not valid TOML: {exc}",
            f"TOML 语法错误{at}：请检查引号、括号和等号",
        ) from None
    return program_from_mapping(data, source)

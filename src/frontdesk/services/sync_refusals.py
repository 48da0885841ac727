"""Why head office refused a push, as the till says it: Chinese first, English beside it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

# Head office names each problem by a code (and the entry's seq); the till words it.
_PROBLEMS: dict[str, tuple[str, str]] = {
    "wrong_till": ("第 {seq} 条记录不属于本收银台", "entry {seq} belongs to another till"),
    "changed": (
        "第 {seq} 条与总部已收的记录不同",
        "entry {seq} differs from the one head office holds",
    ),
    "wrong_seq": ("第 {seq} 条序号不连续", "entry {seq} is out of sequence"),
    "wrong_link": (
        "第 {seq} 条哈希链断裂（与上一条不相连）",
        "entry {seq} does not link to the entry before it",
    ),
    "wrong_hash": ("第 {seq} 条内容与哈希不符", "entry {seq}: content does not match its hash"),
    "uuid_taken": ("记录编号已被其他收银台占用", "an entry id is already taken by another till"),
    "foreign_ticket": ("小票属于其他收银台", "a ticket belongs to another till"),
    "head_mismatch": (
        "第 {seq} 条与总部已确认的哈希不同",
        "entry {seq} differs from the hash head office acknowledged",
    ),
    "head_missing": (
        "本机缺少总部已确认的第 {seq} 条",
        "this till lacks entry {seq}, which head office acknowledged",
    ),
    # Card events head office kept out (recorded for `hq report`; the till pulls the state back).
    "lost_not_named": (
        "解除挂失未指明所解的挂失，已拒绝，卡仍为挂失",
        "a change that would undo a 挂失 without naming it was refused; the card stays lost",
    ),
    "card_terminal": (
        "已补卡或退卡的卡不再变更，已拒绝",
        "a replaced or returned card does not change; refused",
    ),
    "bad_event": ("卡片事件无法读取，已拒绝", "an unreadable card event was refused"),
    "schema_version": (
        "收银台与总部的数据库版本不一致，已拒绝同步",
        "the till and head office are at different schema versions; the sync was refused",
    ),
}
# The ticket and audit chains (domain/record_chain.py): head office names their problems
# '<chain>_<what>' with the record's seq in that chain.
_CHAIN_RECORDS = {"ticket": ("小票", "ticket"), "audit": ("审计记录", "audit row")}
_CHAIN_PROBLEMS = {
    "wrong_seq": ("第 {seq} 张{zh}序号不连续", "{en} {seq} is out of sequence"),
    "wrong_link": ("第 {seq} 张{zh}哈希链断裂", "{en} {seq} does not link to the one before it"),
    "wrong_hash": ("第 {seq} 张{zh}内容与哈希不符（被改动）", "{en} {seq} was altered"),
    "changed": ("第 {seq} 张{zh}与总部已收的不同", "{en} {seq} differs from head office's"),
    "unsealed": ("有{zh}未封入哈希链", "a record is not sealed into the {en} chain"),
    "loose_rows": ("小票明细或付款未随小票上传", "ticket lines or tenders came without it"),
    "head_mismatch": (
        "第 {seq} 张{zh}与总部已确认的哈希不同",
        "{en} {seq} differs from the hash head office acknowledged",
    ),
    "head_missing": (
        "本机缺少总部已确认的第 {seq} 张{zh}",
        "this till lacks {en} {seq}, which head office acknowledged",
    ),
}
for _chain, (_zh, _en) in _CHAIN_RECORDS.items():
    for _what, (_z, _e) in _CHAIN_PROBLEMS.items():
        _PROBLEMS[f"{_chain}_{_what}"] = (
            _z.replace("{zh}", _zh),
            _e.replace("{en}", _en),
        )
_UNKNOWN = ("总部发现问题（{code}）", "head office found a problem ({code})")

Problem = Mapping[str, Any]  # code, seq (may be None), detail (head office's own words)


def problem_text(problem: Problem, lang: str = "zh_CN") -> str:
    zh, en = _PROBLEMS.get(str(problem.get("code")), _UNKNOWN)
    template = zh if lang == "zh_CN" else en
    return template.format(seq=problem.get("seq") or "?", code=problem.get("code"))


class HeadOfficeRefused(Exception):
    """Head office refused what the till sent: it moved nothing and recorded why."""

    zh = "总部拒收收银台 {till} 的数据：{problems}。请立即联系总部。"
    en = "Head office refused till {till}'s data: {problems}. Contact head office now."

    def __init__(self, till_id: str, problems: Sequence[Problem]) -> None:
        self.till_id = till_id
        self.problems = [dict(p) for p in problems]
        super().__init__(self.message)

    def _say(self, template: str, lang: str) -> str:
        sep = "；" if lang == "zh_CN" else "; "
        words = sep.join(problem_text(p, lang) for p in self.problems[:5])
        more = len(self.problems) - 5
        if more > 0:
            words += f"（另有 {more} 处）" if lang == "zh_CN" else f" (and {more} more)"
        return template.format(till=self.till_id, problems=words)

    @property
    def message(self) -> str:
        return self._say(self.zh, "zh_CN")

    @property
    def message_en(self) -> str:
        return self._say(self.en, "en")


class ChainRefused(HeadOfficeRefused):
    """A ledger batch with a gap, a wrong link, a wrong hash or another till's entry."""

    zh = (
        "总部拒收收银台 {till} 的账本：{problems}。本机已暂停储值消费，请立即联系总部；"
        "店长批准后可运行 frontdesk sync --recover 从总部恢复本机账本。"
    )
    en = (
        "Head office refused till {till}'s ledger: {problems}. Stored-value payments are "
        "stopped on this till; contact head office now. After a manager's approval, "
        "frontdesk sync --recover restores this till's books from head office."
    )


class HeadMismatch(HeadOfficeRefused):
    """The till's chain is not the one head office acknowledged: edited, cut short or old."""

    zh = (
        "总部拒收收银台 {till} 的同步：本机账本与总部已确认的记录不一致（{problems}），"
        "可能被修改、截断或从旧备份恢复。本机已暂停储值消费，请立即联系总部；"
        "店长批准后运行 frontdesk sync --recover 从总部恢复本机账本。"
    )
    en = (
        "Head office refused till {till}'s sync: this till's ledger does not match what head "
        "office acknowledged ({problems}); it may have been edited, cut short or restored from "
        "an old backup. Stored-value payments are stopped on this till; contact head office "
        "now. After a manager's approval, frontdesk sync --recover restores this till's books "
        "from head office."
    )

"""Sentences of who may do what.

Roles, staff, approvals, head office as the authority, tamper evidence.
"""

from __future__ import annotations

from frontdesk.domain.messages.sentence import Sentence

SENTENCES: dict[str, Sentence] = {
    # `frontdesk verify`: what a manager reads first, one line per kind of damage found.
    "verify_failed": Sentence("核对发现问题：", "Verification found problems:"),
    "verify_passed": Sentence(
        "核对通过：账本、小票与审计日志的哈希链完整，付款、余额与积分与账本一致",
        "Verified: the ledger, ticket and audit hash chains are whole; payments, balances and "
        "points agree with the ledger",
    ),
    "verify_tickets": Sentence(
        "小票记录被改动、删除或插入（{count} 处）",
        "ticket records were edited, deleted or inserted ({count})",
    ),
    "verify_audit": Sentence(
        "审计日志被改动或删除（{count} 处）", "audit rows were edited or deleted ({count})"
    ),
    "verify_tenders": Sentence(
        "小票的付款与小票金额或账本不符（{count} 处）",
        "ticket payments disagree with the ticket or the ledger ({count})",
    ),
    "verify_ledger": Sentence(
        "账本或余额被改动（{count} 处）", "the ledger or the balances were altered ({count})"
    ),
    "verify_advice": Sentence(
        "请勿继续使用本机储值功能，并通知总部；已同步到总部的账本可经店长批准后用 "
        "frontdesk sync --recover 从总部恢复。明细：",
        "Do not take stored-value payments on this till and tell head office; a ledger that "
        "reached head office can be restored from it with frontdesk sync --recover after a "
        "manager's approval. Details:",
    ),
    "chain_refused_here": Sentence(
        "总部已拒收本机账本，本机暂停储值消费。请店长批准后运行 frontdesk sync --recover "
        "从总部恢复本机账本",
        "Head office refused this till's ledger, so stored-value payments are stopped here. "
        "Restore it from head office with frontdesk sync --recover after a manager's approval",
    ),
    "sync_recovered": Sentence(
        "已从总部恢复本机账本：账本 {entries} 条，小票 {tickets} 张，审计 {audit} 条；"
        "总部未收到的本机记录 {aside} 条已另存待查。储值消费已恢复",
        "This till's books were restored from head office: {entries} entries, {tickets} "
        "tickets, {audit} audit rows; {aside} local records head office never received are "
        "kept aside for review. Stored-value payments are open again",
    ),
    # The manager screens' page for the same recovery (the window runs the command's service).
    "recover_page_title": Sentence("从总部恢复", "Restore from head office"),
    "recover_page_refused": Sentence(
        "总部拒收了本机账本：{reason}", "Head office refused this till's ledger: {reason}"
    ),
    "recover_page_fine": Sentence(
        "总部没有拒收本机账本，无需恢复",
        "Head office has not refused this till's ledger: nothing to restore",
    ),
    "recover_page_how": Sentence(
        "恢复会从总部取回本收银台的账本、小票和审计记录，替换本机的记录（总部未收到的本机记录另存待查），"
        "完成后储值消费恢复。须由店长批准，与 frontdesk sync --recover 相同",
        "Restoring takes this till's ledger, tickets and audit rows back from head office in place "
        "of this till's own (local records head office never received are kept aside for review); "
        "stored-value payments open again afterwards. It needs a manager's approval, like "
        "frontdesk sync --recover",
    ),
    "recover_page_button": Sentence(
        "从总部恢复本机账本（需店长批准）", "Restore from head office (a manager's approval)"
    ),
    "recover_not_connected": Sentence(
        "本收银台未连接总部，无法从总部恢复",
        "This till is not connected to head office: nothing to restore from",
    ),
    "sync_recover_needs_approval": Sentence(
        "从总部恢复本机账本须由店长批准（--manager 与 --manager-pin）",
        "Restoring this till's books from head office needs a manager's approval "
        "(--manager and --manager-pin)",
    ),
}

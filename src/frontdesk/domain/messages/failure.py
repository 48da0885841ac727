"""Sentences of failure semantics.

Replays, online holds, the floor limit, head-office versions, bad input.
"""

from __future__ import annotations

from frontdesk.domain.messages.sentence import Sentence

SENTENCES: dict[str, Sentence] = {
    "hold_refused": Sentence(
        "总部核定的可用储值余额为 {balance}，不足以支付 {amount}（该会员可能刚在其他门店消费）",
        "Head office counts {balance} of stored value available, not enough for {amount} "
        "(the member may just have spent at another store)",
    ),
}

"""Sentences of failure semantics.

Replays, online holds, the floor limit, head-office versions, bad input.
"""

from __future__ import annotations

from frontdesk.domain.messages.sentence import Sentence

SENTENCES: dict[str, Sentence] = {
    # Why head office could not be reached, in the till's words (never the driver's English).
    "hq_cause_refused": Sentence(
        "总部服务器拒绝连接（服务未启动或地址端口不对）",
        "head office's server refused the connection (not running, or a wrong address or port)",
    ),
    "hq_cause_timeout": Sentence("连接总部超时", "connecting to head office timed out"),
    "hq_cause_host": Sentence(
        "找不到总部服务器的地址", "head office's server address cannot be found"
    ),
    "hq_cause_login": Sentence("总部拒绝了本收银台的登录", "head office refused this till's login"),
    "hq_cause_database": Sentence("总部数据库不存在", "head office's database does not exist"),
    "hq_cause_slow": Sentence(
        "总部处理超时，本次已中断", "head office took too long; this attempt was stopped"
    ),
    "hq_cause_dropped": Sentence("与总部的连接中途断开", "the connection to head office broke off"),
    "hq_cause_other": Sentence("总部连接出错", "the connection to head office failed"),
    # verify-full: the till refuses a head office it cannot verify; what to fix is named.
    "hq_cause_tls_untrusted": Sentence(
        "总部的证书未通过验证（不是所配 CA 文件签发的，或已过期），已拒绝连接；请检查 CA 文件",
        "head office's certificate did not verify (not signed by the CA file given, or expired); "
        "the connection was refused: check the CA file",
    ),
    "hq_cause_tls_name": Sentence(
        "总部证书上的名称与所填的总部地址不符，已拒绝连接；请填写证书上的主机名",
        "the name on head office's certificate is not the address given; the connection was "
        "refused: use the host name on the certificate",
    ),
    "hq_cause_tls_ca_missing": Sentence(
        "找不到总部的 CA 文件（sslrootcert），无法验证总部",
        "head office's CA file (sslrootcert) cannot be found, so head office cannot be verified",
    ),
    "hold_refused": Sentence(
        "总部核定的可用储值余额为 {balance}，不足以支付 {amount}（该会员可能刚在其他门店消费）",
        "Head office counts {balance} of stored value available, not enough for {amount} "
        "(the member may just have spent at another store)",
    ),
}

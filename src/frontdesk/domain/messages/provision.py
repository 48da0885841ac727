"""Sentences of provisioning a chain.

First run, enrolment, catalog columns, exports, backups, versions.
"""

from __future__ import annotations

from frontdesk.domain.messages.sentence import Sentence

SENTENCES: dict[str, Sentence] = {
    "enrolment_code_malformed": Sentence(
        "注册码格式不对：应为 门店-收银台号.密钥（如 001-02.Ab3…），请照总部给的注册码输入",
        "That is not an enrolment code: it reads store-till.secret (such as 001-02.Ab3…); "
        "type it as head office gave it",
    ),
    "enrolment_code_invalid": Sentence(
        "注册码无效、已过期或已使用过：请向总部申请新的注册码（frontdesk hq enrol）",
        "The enrolment code is wrong, expired or already used: ask head office for a new one "
        "(frontdesk hq enrol)",
    ),
    "till_too_old": Sentence(
        "本收银台版本 {version} 低于总部要求的最低版本 {minimum}：请先更新收银程序，再同步",
        "This till runs version {version}, older than the {minimum} head office requires: "
        "update the till, then sync",
    ),
    "version_malformed": Sentence(
        "版本号写法不对：{version}（应为 1.2.3 这样的数字）",
        "Not a version number: {version} (write it like 1.2.3)",
    ),
    "till_already_set_up": Sentence(
        "本收银台已初始化（{till_id}），不能再次注册",
        "This till is already set up ({till_id}); it cannot be enrolled again",
    ),
    "hq_unreachable_enrol": Sentence(
        "无法连接总部（{host}）：{cause}。注册码未使用：请检查总部地址、网络和 TLS 设置后重试",
        "Head office ({host}) cannot be reached: {cause_en}. The code was not used. Check the "
        "address, the network and the TLS settings, then retry",
    ),
    # The first-run setup screen (ui/setup.py).
    "setup_title": Sentence("新收银台设置", "Set up this till"),
    "setup_intro": Sentence(
        "这台电脑还没有门店。请选择：\n1  新建独立门店（不连总部）\n2  向总部注册（使用注册码）",
        "This computer has no store yet. Choose:\n1  a standalone store (no head office)\n"
        "2  enrol with head office (with an enrolment code)",
    ),
    "setup_standalone": Sentence("1 新建独立门店", "1 Standalone store"),
    "setup_enrol": Sentence("2 向总部注册", "2 Enrol with head office"),
    "setup_store_no": Sentence("门店编号", "Store number"),
    "setup_till_no": Sentence("收银台编号", "Till number"),
    "setup_store_name": Sentence("门店名称", "Store name"),
    "setup_admin_no": Sentence("管理员工号", "Admin staff number"),
    "setup_admin_name": Sentence("管理员姓名", "Admin name"),
    "setup_admin_pin": Sentence("管理员密码（至少 4 位数字）", "Admin PIN (4 digits or more)"),
    "setup_admin_pin_again": Sentence("再输一次密码", "The PIN again"),
    "setup_code": Sentence("注册码", "Enrolment code"),
    "setup_hq": Sentence("总部地址", "Head office address"),
    "setup_sslmode": Sentence("TLS 方式", "TLS"),
    "setup_sslrootcert": Sentence("CA 证书文件", "CA certificate file"),
    "setup_ok": Sentence("确定 (Enter)", "OK (Enter)"),
    "setup_back": Sentence("返回 (Esc)", "Back (Esc)"),
    "setup_number_needed": Sentence("{field}须为数字", "{field} must be a number"),
    "setup_pins_differ": Sentence("两次输入的密码不一致", "The two PINs differ"),
}

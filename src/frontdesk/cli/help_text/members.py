"""The help of members, their cards and the rules of their accounts."""

from __future__ import annotations

HELP: dict[str, tuple[str, str]] = {
    # Members
    "member": ("会员", "members"),
    "member add": ("注册会员并发卡", "register a member and issue a card"),
    "--phone": ("手机号", "mobile number"),
    "--name": ("姓名", "name"),
    "--birthday": ("生日，YYYY-MM-DD", "birthday, YYYY-MM-DD"),
    "--gender": ("性别：F 女、M 男", "gender: F or M"),
    "--consent-terms": ("会员已同意会员条款", "the member accepted the membership terms"),
    "--consent-marketing": ("会员同意接收营销信息", "the member accepts marketing messages"),
    "--member-pin": ("会员储值密码", "the member's stored-value PIN"),
    "member show": ("查看会员（需登录）", "show a member (login needed)"),
    "member find": (
        "按手机号或姓名查找会员（需登录）",
        "find members by phone or name (login needed)",
    ),
    "find text": ("手机号或姓名的一部分", "part of a phone number or name"),
    "member --card": ("会员卡号", "member card number"),
    "member --phone": ("会员手机号", "member's mobile number"),
    "member --member": ("会员编号", "member id"),
    "member --new-pin": ("新的会员密码", "the new member PIN"),
    # Cards
    "card": ("会员卡", "member cards"),
    "card_no": ("会员卡号", "member card number"),
    "card issue": (
        "给没有卡的会员发卡（记名卡），或 --bearer 发不记名卡",
        "issue a card to a member without one, or --bearer a bearer card",
    ),
    "card issue --bearer": (
        "不记名卡：不登记姓名和手机号，单卡限额 ￥1,000",
        "a bearer card: no name or phone, holds at most 1,000 yuan",
    ),
    "card lost": ("挂失", "report a card lost"),
    "card unlost": ("解挂（需店长审批）", "cancel a loss report (manager approval)"),
    "card freeze": ("冻结（需店长审批）", "freeze a card (manager approval)"),
    "card unfreeze": ("解冻（需店长审批）", "unfreeze a card (manager approval)"),
    "card return": (
        "退卡：退还本金，赠金作废（需店长审批）；超过 ￥100 须转入会员本人银行账户并核验身份证",
        "return a card: principal paid back, bonus forfeited (manager approval); above 100 yuan to "
        "a bank account in the member's name, ID card checked",
    ),
    "return --bank-account": ("收款银行账号（会员本人）", "bank account number (the member's)"),
    "return --holder": ("账户户名，须与会员实名一致", "account holder, the member's own name"),
    "return --bank": ("开户行", "the account's bank"),
    "return --id-number": (
        "会员居民身份证号码（已当面核验）",
        "the member's ID card number (checked in person)",
    ),
    "card reissue": (
        "补卡：旧卡作废，发新卡",
        "reissue a card: the old one is voided, a new one issued",
    ),
    "card print": (
        "把会员卡保存为 CR80 PDF，供制卡机打印",
        "member card as a CR80 PDF for the card printer",
    ),
    "card out": ("PDF 文件的保存位置", "where to save the PDF"),
    "--reason": ("原因", "reason"),
    "reissue --phone": ("会员手机号（核对身份）", "member's mobile number (identity check)"),
    "reissue --name": ("会员姓名（核对身份）", "member's name (identity check)"),
    "fee --tender": ("工本费的付款方式", "how the card fee is paid"),
    "--ref": (
        "付款参考号（微信、支付宝、银行卡）",
        "payment reference (WeChat, Alipay, bank card)",
    ),
    "--waive-reason": (
        "免收工本费的原因（需店长审批）",
        "why the card fee is waived (manager approval)",
    ),
    # Member rules
    "pin": ("会员密码", "member PINs"),
    "pin set": (
        "设置或重置会员密码（重置需店长审批）",
        "set or reset a member PIN (a reset needs manager approval)",
    ),
    "tier": ("会员等级", "member tiers"),
    "tier lock": (
        "锁定会员等级；不写 --tier 则解除锁定",
        "lock a member's tier; without --tier, unlock it",
    ),
    "--tier": ("锁定的等级代码", "tier code to lock at"),
    "tier --reason": ("锁定或解除的原因", "why the tier is locked or unlocked"),
}

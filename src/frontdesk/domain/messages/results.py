"""What a command says after it did its work: each result line in Chinese and English."""

from __future__ import annotations

from frontdesk.domain.invoicing import SHIFT_INVOICEABLE, SHIFT_PREPAID, SHIFT_TOP_UPS
from frontdesk.domain.messages.sentence import Sentence

# Keys start with "said_" so a result is never mistaken for a refusal of the same name.
SENTENCES: dict[str, Sentence] = {
    "said_card_issued": Sentence("已发卡 {card_no}", "Card {card_no} issued"),
    "said_bearer_card_issued": Sentence(
        "已发不记名卡 {card_no}（单卡限额 {cap}，不登记姓名和手机号）",
        "Bearer card {card_no} issued (cap {cap}, no name or phone recorded)",
    ),
    "said_card_reissued": Sentence(
        "补卡完成：旧卡 {old} 作废，新卡 {new}，工本费 {fee}",
        "Card reissued: old card {old} void, new card {new}, fee {fee}",
    ),
    "said_card_returned": Sentence(
        "退卡完成：退还本金 {cash}，赠金 {bonus} 作废",
        "Card returned: principal {cash} paid back, bonus {bonus} forfeited",
    ),
    "said_paid_to_bank": Sentence(
        "；转入 {account}（{holder}）", "; paid to account {account} ({holder})"
    ),
    "said_paid_in_cash": Sentence("；现金退还", "; paid back in cash"),
    "said_card_changed": Sentence(
        "卡 {card_no}：{action}完成，当前状态 {state}",
        "Card {card_no}: {action} done, now {state}",
        {"action": "CardAction", "state": "CardState"},
    ),
    "said_card_saved": Sentence(
        "会员卡已保存 {path}（CR80）", "Member card saved to {path} (CR80)"
    ),
    "said_till_ready": Sentence(
        "收银台 {till} 已初始化，管理员工号 {admin}",
        "Till {till} is set up; the administrator is staff number {admin}",
    ),
    "said_demo_ready": Sentence(
        "示范门店已建立（工号/密码：收银员 1001/1001，店长 8001/8001，管理员 9001/9001；"
        "会员密码 135790）",
        "Demo store ready (staff number/PIN: cashier 1001/1001, manager 8001/8001, "
        "admin 9001/9001; member PIN 135790)",
    ),
    "said_demo_member": Sentence(
        "{name}  {phone}  {tier}  卡号 {card_no}  余额 {balance}（本金 {principal} 赠金 {bonus}）"
        "积分 {points}",
        "{name}  {phone}  {tier}  card {card_no}  balance {balance} (principal {principal}, "
        "bonus {bonus}) points {points}",
    ),
    # What each demo member is there to show (frontdesk demo lists them).
    "said_demo_note_normal": Sentence("普通会员", "normal member"),
    "said_demo_note_silver": Sentence(
        "银卡会员：单笔满￥2,000", "silver member: one purchase of ￥2,000"
    ),
    "said_demo_note_gold": Sentence("金卡会员", "gold member"),
    "said_demo_note_diamond": Sentence("钻石会员", "diamond member"),
    "said_demo_note_lost": Sentence("普通会员，卡已挂失", "normal member, card reported lost"),
    "said_demo_note_birthday": Sentence(
        "普通会员，本月生日（双倍积分）", "normal member, birthday this month (double points)"
    ),
    "said_member": Sentence("会员：{name}  {phone}  {tier}", "Member: {name}  {phone}  {tier}"),
    "said_member_card": Sentence("卡号：{card_no}", "Card: {card_no}"),
    "said_member_no_card": Sentence("卡号：（无有效卡）", "Card: (no usable card)"),
    "said_member_balance": Sentence(
        "储值余额：{balance}（本金 {principal}，赠金 {bonus}）",
        "Stored value: {balance} (principal {principal}, bonus {bonus})",
    ),
    "said_member_points": Sentence("积分：{points}", "Points: {points}"),
    "said_member_birthday": Sentence("生日礼遇：本次可用", "Birthday benefit: available now"),
    "said_member_notice": Sentence("提示：{notice}", "Note: {notice}"),
    "said_member_registered": Sentence(
        "已注册会员，卡号 {card_no}", "Member registered, card {card_no}"
    ),
    "said_no_member": Sentence("未找到会员", "No member found"),
    "said_pin_set": Sentence("会员密码已设置", "Member PIN set"),
    "said_points_adjusted": Sentence(
        "积分已调整 {points}，当前积分 {now}", "Points adjusted by {points}, now {now}"
    ),
    "said_tier_locked": Sentence("等级已锁定为 {tier}", "Tier locked at {tier}"),
    "said_tier_unlocked": Sentence("等级锁定已解除", "Tier lock released"),
    "said_quote": Sentence(
        "应付 {due}，优惠 {savings}，可得积分 {points}",
        "To pay {due}, savings {savings}, points to earn {points}",
    ),
    "said_sold": Sentence(
        "小票 {receipt_no}：合计 {gross}，优惠 {savings}，实付 {paid}，找零 {change}",
        "Receipt {receipt_no}: total {gross}, savings {savings}, paid {paid}, change {change}",
    ),
    "said_points_earned": Sentence("，积分 +{points}", ", points +{points}"),
    "said_upgraded": Sentence("恭喜升级为{tier}", "Upgraded to {tier}"),
    "said_refunded": Sentence(
        "退货完成：小票 {receipt_no}，退款 {amount}",
        "Refund done: receipt {receipt_no}, {amount} paid back",
    ),
    "said_topped_up": Sentence(
        "充值 {amount}，赠送 {bonus}；余额 {balance}（本金 {principal}，赠金 {bonus_now}）"
        "小票 {receipt_no}",
        "Topped up {amount}, bonus {bonus}; balance {balance} (principal {principal}, "
        "bonus {bonus_now}) receipt {receipt_no}",
    ),
    "said_shift_open": Sentence("已开班，备用金 {float}", "Shift open, float {float}"),
    "said_shift_closed": Sentence(
        "交班：销售 {sales} 笔；现金应有 {expected}，实点 {counted}，长短款 {over_short}",
        "Shift closed: {sales} sales; cash expected {expected}, counted {counted}, "
        "over/short {over_short}",
    ),
    "said_liability": Sentence(
        "储值负债：期初 {opening} + 充值 {topups} − 消费 {spends} + 退款 {refunds} "
        "± 调整 {adjustments} = 期末 {closing}（{balanced}）",
        "Stored-value liability: opening {opening} + top-ups {topups} − spends {spends} "
        "+ refunds {refunds} ± adjustments {adjustments} = closing {closing} ({balanced})",
    ),
    "said_balanced": Sentence("平", "reconciles"),
    "said_not_balanced": Sentence("不平", "DOES NOT reconcile"),
    "said_verified": Sentence(
        "核对通过：账本哈希链完整，余额与积分投影与账本一致",
        "Verified: the ledger's hash chain is whole, balances and points match the ledger",
    ),
    "said_verify_problems": Sentence("核对发现问题：", "Verification found problems:"),
    "said_reprinted": Sentence("小票 {receipt_no} 已重印", "Receipt {receipt_no} reprinted"),
    "said_reprint_queued": Sentence(
        "小票 {receipt_no} 已重印（排队中）", "Receipt {receipt_no} reprinted (queued)"
    ),
    "said_saved": Sentence("已保存 {path}", "Saved {path}"),
    "said_pdf_written": Sentence("PDF 已写入 {path}", "PDF written to {path}"),
    "said_exported": Sentence("已导出 {rows} 行到 {path}", "Exported {rows} rows to {path}"),
    "said_print_pending": Sentence(
        "补打 {printed} 张，仍排队 {left} 张", "{printed} printed, {left} still queued"
    ),
    "said_warning": Sentence("警告：{text}", "Warning: {text}"),
    "said_print_queued": Sentence(
        "警告：{fault}（小票 {receipt_no} 已排队，可用 frontdesk print pending 补打）",
        "Warning: {fault} (receipt {receipt_no} is queued; frontdesk print pending prints it)",
    ),
    "said_hq_ready": Sentence(
        "总部已就绪：收银台 {till} 以角色 {role} 同步，登录信息保存在 {path}（仅本用户可读）",
        "Head office ready: till {till} syncs as role {role}; the login is saved in {path} "
        "(readable by this user only)",
    ),
    "said_whole_chain": Sentence("全连锁", "Whole chain"),
    # frontdesk backup / restore
    "said_backup_taken": Sentence(
        "已备份到 {path}（{size_kb} KB，账本到第 {ledger_seq} 笔），删除过期备份 {pruned} 个",
        "Backed up to {path} ({size_kb} KB, ledger to entry {ledger_seq}); "
        "{pruned} old backup(s) removed",
    ),
    "said_restored": Sentence(
        "已从 {source} 恢复收银台 {till_id}（账本到第 {ledger_seq} 笔）",
        "Restored till {till_id} from {source} (ledger to entry {ledger_seq})",
    ),
    "said_restored_kept": Sentence(
        "；原数据库已保留为 {kept_as}", "; the replaced database was kept as {kept_as}"
    ),
    # imports and exports
    "said_products_imported": Sentence(
        "已导入 {total} 个商品：新增 {added}，更新 {updated}，未变 {unchanged}",
        "Imported {total} products: {added} added, {updated} updated, {unchanged} unchanged",
    ),
    "said_hq_products_imported": Sentence(
        "总部已导入 {total} 个商品：新增 {added}，更新 {updated}，未变 {unchanged}；"
        "各收银台下次同步时生效",
        "Head office imported {total} products: {added} added, {updated} updated, "
        "{unchanged} unchanged; tills get them at their next sync",
    ),
    "said_program_published": Sentence(
        "会员方案第 {version} 版已发布，各收银台同步后下次启动时生效",
        "Program version {version} published; tills use it from their next start after a sync",
    ),
    "said_members_imported": Sentence(
        "已导入会员 {created}/{rows} 位（沿用旧卡 {kept}，新发卡 {issued}）；期初本金 {principal}，"
        "赠金 {bonus}，积分 {points}；储值负债 {before} → {after}（{balanced}）",
        "Imported {created}/{rows} members ({kept} old cards kept, {issued} issued); opening "
        "principal {principal}, bonus {bonus}, points {points}; liability {before} -> {after} "
        "({balanced})",
    ),
    "said_template_written": Sentence("模板已写入 {path}", "Template written to {path}"),
    "said_products_sheet": Sentence("商品", "Products"),
    # frontdesk staff: a staff member's line, and what was changed
    "said_staff_is_disabled": Sentence("已停用", "disabled"),
    "said_staff_is_locked": Sentence("已锁定", "locked"),
    "said_staff_paused": Sentence("审批暂停至 {until}", "approvals paused until {until}"),
    "said_staff_added": Sentence("已添加员工：{staff}", "Staff member added: {staff}"),
    "said_staff_disabled": Sentence("已停用：{staff}", "Disabled: {staff}"),
    "said_staff_enabled": Sentence("已启用：{staff}", "Enabled: {staff}"),
    "said_staff_unlocked": Sentence("已解锁：{staff}", "Unlocked: {staff}"),
    "said_staff_pin_reset": Sentence("已重置密码：{staff}", "PIN reset: {staff}"),
    "said_staff_role_changed": Sentence("已修改角色：{staff}", "Role changed: {staff}"),
    # the member KPIs (frontdesk hq kpi, frontdesk kpi)
    "said_kpi_title": Sentence(
        "会员经营指标（截至 {on}，近 30 天）", "Member KPIs (as of {on}, the last 30 days)"
    ),
    "said_kpi_members": Sentence(
        "会员总数 {members}，新增 {joined}，增长率 {growth}",
        "Members {members}, new {joined}, growth {growth}",
    ),
    "said_kpi_rates": Sentence(
        "月活跃率 {active}，留存率 {retained}，复购率 {repurchase}，休眠占比 {dormant}",
        "Monthly active {active}, retention {retained}, repurchase {repurchase}, dormant {dormant}",
    ),
    "said_kpi_activity": Sentence("活跃度：{bands}", "Activity: {bands}"),
    "said_kpi_band_sep": Sentence("，", ", "),
    "said_kpi_values": Sentence(
        "价值分层（近 12 个月消费）：高 {top}（≥{top_from}），中 {middle}，低 {low}",
        "Value bands (spend over 12 months): high {top} (≥{top_from}), middle {middle}, low {low}",
    ),
    "said_kpi_tickets": Sentence(
        "客单价：会员 {member}，非会员 {guest}，会员/非会员 {ratio}×（目标 3.5×）",
        "Average ticket: members {member}, guests {guest}, members/guests {ratio}× (target 3.5×)",
    ),
    "said_kpi_liability": Sentence(
        "储值负债：本金 {principal}，赠金 {bonus}；积分负债 {points} 分",
        "Stored value owed: principal {principal}, bonus {bonus}; points owed {points}",
    ),
    # frontdesk init --enrol, frontdesk hq enrol|min-version|migrate
    "said_enrolled": Sentence(
        "收银台 {till} 已向总部 {hq} 注册（TLS：{tls}），以本收银台自己的登录同步；"
        "管理员工号 {admin}",
        "Till {till} enrolled with head office {hq} (TLS: {tls}); it syncs with its own login; "
        "admin {admin}",
    ),
    "said_tls_default": Sentence("默认", "default"),
    "said_default_admin_name": Sentence("管理员", "Administrator"),
    "said_enrolment_code": Sentence(
        "收银台 {till} 的注册码（{days} 天内有效，只能使用一次）：{code}\n"
        "在该收银台执行：frontdesk init --enrol {code} --hq 总部地址 --admin 工号 --admin-pin 密码",
        "Enrolment code for till {till} (valid {days} days, once): {code}\n"
        "On that till run: frontdesk init --enrol {code} --hq HOST --admin NO --admin-pin PIN",
    ),
    "said_min_version": Sentence(
        "总部只接受 {version} 及以上版本的收银台；更旧的收银台同步时会被要求更新",
        "Head office serves tills of version {version} or newer; older ones are told to update "
        "when they sync",
    ),
    "said_hq_schema_current": Sentence(
        "总部数据库已是最新版本 {schema_after}，无需升级",
        "Head office's database is already at {schema_after}; nothing to upgrade",
    ),
    "said_hq_schema_upgraded": Sentence(
        "总部数据库已升级：{schema_before} → {schema_after}；各收银台的登录不变",
        "Head office upgraded: {schema_before} → {schema_after}; no till's login changed",
    ),
    "said_hq_schema_empty": Sentence("空库", "empty"),
    # frontdesk hq staff: the chain's staff, changed at head office
    "said_hq_staff_added": Sentence(
        "总部已添加员工（各收银台下次同步生效）：{staff}",
        "Head office added the staff member (every till at its next sync): {staff}",
    ),
    "said_hq_staff_disabled": Sentence(
        "总部已停用员工（各收银台下次同步生效）：{staff}",
        "Head office disabled the staff member (every till at its next sync): {staff}",
    ),
    "said_hq_staff_enabled": Sentence(
        "总部已重新启用员工（各收银台下次同步生效）：{staff}",
        "Head office enabled the staff member again (every till at its next sync): {staff}",
    ),
    "said_hq_staff_role_changed": Sentence(
        "总部已修改员工角色（各收银台下次同步生效）：{staff}",
        "Head office changed the staff member's role (every till at its next sync): {staff}",
    ),
    "said_hq_staff_pin_reset": Sentence(
        "总部已重置员工密码（各收银台下次同步生效）：{staff}",
        "Head office reset the staff member's PIN (every till at its next sync): {staff}",
    ),
    # a member's rights, a top-up returned, what reached the printer
    "said_member_data_exported": Sentence(
        "会员个人信息副本已写入 {path}（{count} 笔储值与积分变动）",
        "A copy of the member's personal data was written to {path} "
        "({count} stored-value and points movements)",
    ),
    "said_marketing_withdrawn": Sentence(
        "已撤回营销同意：不再向该会员发送营销信息",
        "Marketing consent withdrawn: the member gets no more marketing",
    ),
    "said_marketing_given": Sentence("已取得营销同意", "Marketing consent given"),
    "said_member_erased": Sentence(
        "会员 {member_id} 的个人信息已删除（店长 {approver} 批准），账目保留",
        "Member {member_id}'s personal data erased (approved by manager {approver}); "
        "the accounts are kept",
    ),
    "said_topup_returned": Sentence(
        "冷静期退款完成：充值 {topup_receipt_no} 退还本金 {principal}，收回赠金 {bonus}，"
        "小票 {receipt_no}",
        "Cooling-off refund done: top-up {topup_receipt_no} returned, principal {principal} "
        "paid back, bonus {bonus} taken back, receipt {receipt_no}",
    ),
    "said_receipt_sent": Sentence(
        "小票 {receipt_no} 已发送到打印机（该打印机不回报状态，未确认打印）",
        "Receipt {receipt_no} sent to the printer (it reports no status: printing not confirmed)",
    ),
    "said_statement_not_printed": Sentence(
        "警告：{fault}（对账单未打印）", "Warning: {fault} (the statement was not printed)"
    ),
    # frontdesk hq report: what head office's administrator checks
    "said_hq_report_negative": Sentence("负余额账户：{count}", "Accounts below zero: {count}"),
    "said_hq_report_negative_line": Sentence(
        "  会员 {member_id}：本金 {principal} 分，赠金 {bonus} 分",
        "  member {member_id}: principal {principal} fen, bonus {bonus} fen",
    ),
    "said_hq_report_revoked": Sentence(
        "挂失/冻结后仍发生的储值消费：{count}",
        "Stored-value spends after a card was reported lost or frozen: {count}",
    ),
    "said_hq_report_revoked_line": Sentence(
        "  {till_id}#{seq} 卡 {card_no}（{card_state}） {amount} 分 于 {at}",
        "  {till_id}#{seq} card {card_no} ({card_state}) {amount} fen at {at}",
        {"card_state": "CardState"},
    ),
    "said_hq_report_sync": Sentence("同步问题：{count}", "Sync problems: {count}"),
    "said_hq_report_unsealed": Sentence(
        "总部仍以明文保存个人资料的会员：{count}（该会员下次在门店有变更时加密）",
        "Members whose personal data head office still holds in the clear: {count} (sealed by "
        "the member's next change at a till)",
    ),
    "said_hq_report_sync_line": Sentence(
        "  {till_id} {at} {problem}（{detail}）", "  {till_id} {at} {problem} ({detail})"
    ),
    "said_hq_report_invoices": Sentence(
        "开票拆分（按门店、日期；销售已扣退货）：",
        "Invoice split (by store and day; sales net of refunds):",
    ),
    "said_hq_report_invoice_line": Sentence(
        f"  {{day}}  门店 {{store_no}}：销售 {{sales}}，{SHIFT_PREPAID} {{prepaid}}，"
        f"{SHIFT_INVOICEABLE} {{invoiceable}}，{SHIFT_TOP_UPS} {{topups}}",
        "  {day}  store {store_no}: sales {sales}, stored-value spends (no invoice) {prepaid}, "
        "invoiceable {invoiceable}, prepaid-card top-ups (not taxed) {topups}",
    ),
    "said_hq_report_liability": Sentence(
        "预付资金余额（各门店已收未消费本金，按日，供备案与存管）：",
        "Prepaid funds held (principal taken and not yet spent, per store and day, for filing "
        "and custody):",
    ),
    "said_hq_report_liability_line": Sentence(
        "  {day}  门店 {store_no}：{principal}", "  {day}  store {store_no}: {principal}"
    ),
    # frontdesk sync: what moved each way ({moved} is said_sync_moved lines, joined)
    "said_synced": Sentence(
        "同步完成：上传 {pushed}；下载 {pulled}", "Synced: sent {pushed}; received {pulled}"
    ),
    "said_sync_incomplete": Sentence(
        "同步未完成：上传 {pushed}；下载 {pulled}",
        "Sync not finished: sent {pushed}; received {pulled}",
    ),
    "said_sync_moved": Sentence("{stream} {count}", "{stream} {count}", {"stream": "SyncStream"}),
    "said_sync_nothing": Sentence("无", "nothing"),
    "said_sync_sep": Sentence("，", ", "),
    "said_sync_problem": Sentence("提示：{text}", "Note: {text}"),
    # What a sync could not take as it came (services/sync_port, persistence/pull_apply): said
    # in the language of whoever reads the report, so each is a key, not a finished sentence.
    "sync_cursor_stuck": Sentence(
        "{stream}：总部游标停在 {cursor}，本次停止上传",
        "{stream}: head office's cursor stayed at {cursor}; sending stopped for this sync",
        {"stream": "SyncStream"},
    ),
    "sync_balance_negative": Sentence(
        "会员 {member_id} 在总部的余额为负（本金 {principal}，赠金 {bonus}），"
        "本机暂不更新，请总部核查",
        "Member {member_id}'s balance at head office is negative (principal {principal}, bonus "
        "{bonus}); this till keeps its own until head office has checked it",
    ),
    "sync_phone_taken": Sentence(
        "会员 {member_id} 的手机号与本机会员 {holder} 重复，未导入",
        "Member {member_id} has the phone number of this till's member {holder}; not taken in",
    ),
    "sync_member_unreadable": Sentence(
        "会员 {member_id} 的个人资料在总部加密，但密钥未随之到达或不符，未导入；请总部核查",
        "Member {member_id}'s personal data came sealed from head office without a key that "
        "opens it; not taken in — head office should check it",
    ),
    "sync_program_refused": Sentence(
        "总部下发的会员方案（第 {version} 版）无效，未采用，继续使用现有方案：{invalid}",
        "Head office's program (version {version}) is invalid and was not taken; the till "
        "keeps the program it has: {invalid}",
    ),
    "sync_program_kept_local": Sentence(
        "总部下发的会员方案无效，未采用，继续使用本机方案：{invalid}",
        "Head office's program is invalid and was not taken; the till uses its own program "
        "file: {invalid}",
    ),
}

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ApprovalDialog</name>
    <message>
        <source>Manager approval</source>
        <translation>店长审批</translation>
    </message>
    <message>
        <source>The manager enters their own staff number and PIN.</source>
        <translation>请店长输入本人工号和密码。</translation>
    </message>
    <message>
        <source>Manager staff number</source>
        <translation>店长工号</translation>
    </message>
    <message>
        <source>Manager PIN</source>
        <translation>店长密码</translation>
    </message>
    <message>
        <source>Esc Cancel</source>
        <translation>Esc 取消</translation>
    </message>
    <message>
        <source>Enter Approve</source>
        <translation>Enter 批准</translation>
    </message>
    <message>
        <source>Approve: {action}</source>
        <translation>审批：{action}</translation>
    </message>
    <message>
        <source>Subject: {subject}</source>
        <translation>对象：{subject}</translation>
    </message>
    <message>
        <source>Amount: {amount}</source>
        <translation>金额：{amount}</translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <source>bonus</source>
        <translation>赠金</translation>
    </message>
    <message>
        <source>bonus forfeited</source>
        <translation>放弃赠金</translation>
    </message>
    <message>
        <source>card</source>
        <translation>卡号</translation>
    </message>
    <message>
        <source>expected cash</source>
        <translation>应有现金</translation>
    </message>
    <message>
        <source>for</source>
        <translation>审批事项</translation>
    </message>
    <message>
        <source>from</source>
        <translation>原状态</translation>
    </message>
    <message>
        <source>lines</source>
        <translation>退货行</translation>
    </message>
    <message>
        <source>marketing consent</source>
        <translation>营销同意</translation>
    </message>
    <message>
        <source>member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>new card</source>
        <translation>新卡</translation>
    </message>
    <message>
        <source>operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>over/short</source>
        <translation>长短款</translation>
    </message>
    <message>
        <source>points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>receipt</source>
        <translation>小票</translation>
    </message>
    <message>
        <source>refund receipt</source>
        <translation>退货小票</translation>
    </message>
    <message>
        <source>state</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>to</source>
        <translation>新状态</translation>
    </message>
    <message>
        <source>waived</source>
        <translation>免收</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
</context>
<context>
    <name>AuditLogModel</name>
    <message>
        <source>refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>审批人</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>AuditLogPage</name>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>全部员工</translation>
    </message>
    <message>
        <source>{count} rows</source>
        <translation>共 {count} 条</translation>
    </message>
</context>
<context>
    <name>BankPayoutDialog</name>
    <message>
        <source>Card return to a bank account</source>
        <translation>退卡转账</translation>
    </message>
    <message>
        <source>Above the limit the principal is paid to a bank account in the member&apos;s own name. Check the member&apos;s ID card against the account holder.</source>
        <translation>超过限额的退卡本金须转入会员本人银行账户，请核验会员身份证与户名一致。</translation>
    </message>
    <message>
        <source>Account number</source>
        <translation>银行账号</translation>
    </message>
    <message>
        <source>Account holder</source>
        <translation>户名</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>开户行</translation>
    </message>
    <message>
        <source>ID card number</source>
        <translation>身份证号码</translation>
    </message>
</context>
<context>
    <name>CardActionsPage</name>
    <message>
        <source>Card or mobile number</source>
        <translation>卡号或手机号</translation>
    </message>
    <message>
        <source>Card, mobile number or its last 4 digits</source>
        <translation>卡号、手机号或手机尾号后四位</translation>
    </message>
    <message>
        <source>Look up</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Report lost</source>
        <translation>挂失</translation>
    </message>
    <message>
        <source>Un-report</source>
        <translation>解挂</translation>
    </message>
    <message>
        <source>Freeze</source>
        <translation>冻结</translation>
    </message>
    <message>
        <source>Unfreeze</source>
        <translation>解冻</translation>
    </message>
    <message>
        <source>Card return (cash out)</source>
        <translation>退卡（退还本金）</translation>
    </message>
    <message>
        <source>Reissue (identity check)</source>
        <translation>补卡（核验身份）</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Waive the fee, reason:</source>
        <translation>免收工本费，原因：</translation>
    </message>
    <message>
        <source>Reissue card</source>
        <translation>补卡</translation>
    </message>
    <message>
        <source>Issue a bearer card</source>
        <translation>发不记名卡</translation>
    </message>
    <message>
        <source>{card}: {state}</source>
        <translation>{card}：{state}</translation>
    </message>
    <message>
        <source>Several members match: {names}. Type the full mobile number.</source>
        <translation>有多位会员符合：{names}。请输入完整手机号。</translation>
    </message>
    <message>
        <source>No member found</source>
        <translation>未找到会员</translation>
    </message>
    <message>
        <source>{name} has no card</source>
        <translation>{name} 没有会员卡</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Card returned: pay out principal {principal}; bonus {bonus} forfeited</source>
        <translation>已退卡：退还本金 {principal}，赠金 {bonus} 作废</translation>
    </message>
    <message>
        <source>Bearer card {card_no} issued, holds at most {cap}</source>
        <translation>不记名卡 {card_no} 已发放，单卡限额 {cap}</translation>
    </message>
    <message>
        <source>New card {card_no} issued; fee {fee}</source>
        <translation>新卡 {card_no} 已发放，工本费 {fee}</translation>
    </message>
</context>
<context>
    <name>CardPrinting</name>
    <message>
        <source>Print member card</source>
        <translation>打印会员卡</translation>
    </message>
    <message>
        <source>Printing member card…</source>
        <translation>正在打印会员卡…</translation>
    </message>
    <message>
        <source>Member card saved: {path}</source>
        <translation>会员卡已保存：{path}</translation>
    </message>
</context>
<context>
    <name>CardState</name>
    <message>
        <source>active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>reported lost</source>
        <translation>已挂失</translation>
    </message>
    <message>
        <source>frozen</source>
        <translation>已冻结</translation>
    </message>
    <message>
        <source>replaced</source>
        <translation>已补卡作废</translation>
    </message>
    <message>
        <source>returned</source>
        <translation>已退卡</translation>
    </message>
</context>
<context>
    <name>Committed</name>
    <message>
        <source>Paid; receipt not printed (queued)</source>
        <translation>已收款，小票未打印（已排队）</translation>
    </message>
    <message>
        <source>Not finished; try again (a retry never charges twice)</source>
        <translation>未完成，请重试（重试不会重复收款）</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <source>Yes (Enter)</source>
        <translation>是（Enter）</translation>
    </message>
    <message>
        <source>No (Esc)</source>
        <translation>否（Esc）</translation>
    </message>
    <message>
        <source>Yes (Y)</source>
        <translation>是（Y）</translation>
    </message>
    <message>
        <source>No (Enter/Esc)</source>
        <translation>否（Enter/Esc）</translation>
    </message>
</context>
<context>
    <name>DeviceSettingsPage</name>
    <message>
        <source>Scanner port (empty: keyboard scanner only)</source>
        <translation>扫描枪串口（留空：仅键盘式扫描枪）</translation>
    </message>
    <message>
        <source>Baud rate</source>
        <translation>波特率</translation>
    </message>
    <message>
        <source>Line end</source>
        <translation>结束符</translation>
    </message>
    <message>
        <source>Printer connection</source>
        <translation>打印机连接</translation>
    </message>
    <message>
        <source>Printer address</source>
        <translation>打印机地址</translation>
    </message>
    <message>
        <source>Printer TCP port</source>
        <translation>打印机端口</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>纸张</translation>
    </message>
    <message>
        <source>Customer display port (empty: none)</source>
        <translation>客显串口（留空：无客显）</translation>
    </message>
    <message>
        <source>Customer display baud rate</source>
        <translation>客显波特率</translation>
    </message>
    <message>
        <source>Customer display kind</source>
        <translation>客显类型（led 数码管 / vfd 两行）</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Test scan</source>
        <translation>测试扫描</translation>
    </message>
    <message>
        <source>Test print</source>
        <translation>测试打印</translation>
    </message>
    <message>
        <source>Saved. The printer, the scanner and the customer display use them now, without a restart.</source>
        <translation>已保存。打印机、扫描枪和客显立即生效，无需重启。</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>正在测试…</translation>
    </message>
</context>
<context>
    <name>Discount</name>
    <message>
        <source>Member discount</source>
        <translation>会员折扣</translation>
    </message>
    <message>
        <source>Birthday discount</source>
        <translation>生日折扣</translation>
    </message>
    <message>
        <source>Line discount</source>
        <translation>单品折扣</translation>
    </message>
    <message>
        <source>Ticket discount</source>
        <translation>整单折扣</translation>
    </message>
    <message>
        <source>Points redemption</source>
        <translation>积分抵现</translation>
    </message>
</context>
<context>
    <name>ExportPage</name>
    <message>
        <source>Members</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Tickets with lines and tenders</source>
        <translation>小票（含明细与支付）</translation>
    </message>
    <message>
        <source>Shift reports</source>
        <translation>班次报表</translation>
    </message>
    <message>
        <source>Stored value and points liability</source>
        <translation>储值与积分负债</translation>
    </message>
    <message>
        <source>Member KPIs (Excel)</source>
        <translation>会员经营指标（Excel）</translation>
    </message>
    <message>
        <source>Member KPI report (PDF with charts)</source>
        <translation>会员经营指标报告（PDF 图表）</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>KPI report written to {path}</source>
        <translation>经营指标报告已写入 {path}</translation>
    </message>
    <message>
        <source>Exported {rows} rows to {path}</source>
        <translation>已导出 {rows} 行到 {path}</translation>
    </message>
</context>
<context>
    <name>HeldTicketsDialog</name>
    <message>
        <source>Held tickets</source>
        <translation>挂单列表</translation>
    </message>
    <message>
        <source>no member</source>
        <translation>非会员</translation>
    </message>
    <message>
        <source>No. {held_no}   {time}   {member}   {items} item(s)</source>
        <translation>挂单 {held_no}   {time}   {member}   {items} 件</translation>
    </message>
    <message>
        <source>↑↓ choose   Enter recall   Esc close   (or scan or type G and the number)</source>
        <translation>↑↓ 选择   Enter 取单   Esc 关闭   （也可扫描或输入 G 加挂单号）</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Cashier login</source>
        <translation>收银员登录</translation>
    </message>
    <message>
        <source>Log in with your staff number and PIN</source>
        <translation>请输入工号和密码登录</translation>
    </message>
    <message>
        <source>Staff number</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Esc Cancel</source>
        <translation>Esc 取消</translation>
    </message>
    <message>
        <source>Enter Log in</source>
        <translation>Enter 登录</translation>
    </message>
</context>
<context>
    <name>ManagerDialog</name>
    <message>
        <source>Manager</source>
        <translation>店长</translation>
    </message>
    <message>
        <source>Ctrl+digit: go to that page</source>
        <translation>Ctrl+数字：切换到该页</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Register member</source>
        <translation>会员注册</translation>
    </message>
    <message>
        <source>Top up</source>
        <translation>充值</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>会员卡</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退货</translation>
    </message>
    <message>
        <source>PIN reset</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Tier lock</source>
        <translation>等级锁定</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Close shift</source>
        <translation>交班</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Erase personal data</source>
        <translation>删除个人信息</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
</context>
<context>
    <name>MemberErasePage</name>
    <message>
        <source>Card number</source>
        <translation>卡号</translation>
    </message>
    <message>
        <source>The member asked for their personal data to be erased</source>
        <translation>会员本人要求删除其个人信息</translation>
    </message>
    <message>
        <source>Erase personal data</source>
        <translation>删除个人信息</translation>
    </message>
    <message>
        <source>Tick that the member asked for it: erasure cannot be undone</source>
        <translation>请勾选会员本人已提出要求：删除后无法恢复</translation>
    </message>
    <message>
        <source>Personal data erased; the ledger keeps the member number only</source>
        <translation>个人信息已删除；账本只保留会员编号</translation>
    </message>
</context>
<context>
    <name>MemberPageDialog</name>
    <message>
        <source>Member page</source>
        <translation>会员详情</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>销售</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退货</translation>
    </message>
    <message>
        <source>Top-up</source>
        <translation>充值</translation>
    </message>
    <message>
        <source>Card return</source>
        <translation>退卡</translation>
    </message>
    <message>
        <source>Reissue fee</source>
        <translation>补卡工本费</translation>
    </message>
    <message>
        <source>Card {card}    Balance {balance} (principal {principal}, bonus {bonus})    Points {points}</source>
        <translation>卡号 {card}    余额 {balance}（本金 {principal}，赠金 {bonus}）    积分 {points}</translation>
    </message>
    <message>
        <source>none active</source>
        <translation>无有效卡</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>小票号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source> (refunded)</source>
        <translation>（已退货）</translation>
    </message>
    <message>
        <source>Principal</source>
        <translation>本金</translation>
    </message>
    <message>
        <source>Bonus</source>
        <translation>赠金</translation>
    </message>
    <message>
        <source>Earned in</source>
        <translation>积分年度</translation>
    </message>
    <message>
        <source>Usable until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Card number</source>
        <translation>卡号</translation>
    </message>
    <message>
        <source>Generation</source>
        <translation>代次</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>自</translation>
    </message>
    <message>
        <source>Tickets ({n})</source>
        <translation>小票（{n}）</translation>
    </message>
    <message>
        <source>Top-ups ({n})</source>
        <translation>充值（{n}）</translation>
    </message>
    <message>
        <source>Points lots ({n})</source>
        <translation>积分批次（{n}）</translation>
    </message>
    <message>
        <source>Cards ({n})</source>
        <translation>会员卡（{n}）</translation>
    </message>
</context>
<context>
    <name>MemberSearch</name>
    <message>
        <source>no active card</source>
        <translation>无有效卡</translation>
    </message>
</context>
<context>
    <name>MemberSearchDialog</name>
    <message>
        <source>Find a member</source>
        <translation>会员查询</translation>
    </message>
    <message>
        <source>Mobile number, its last 4 digits, card number or name</source>
        <translation>手机号、手机尾号后四位、卡号或姓名</translation>
    </message>
    <message>
        <source>Member page</source>
        <translation>会员详情</translation>
    </message>
    <message>
        <source>Enter search   ↑↓ choose   Enter put on the ticket   Esc close</source>
        <translation>Enter 查询   ↑↓ 选择   Enter 加入本单   Esc 关闭</translation>
    </message>
    <message>
        <source>{count} found</source>
        <translation>找到 {count} 位会员</translation>
    </message>
    <message>
        <source>No member found</source>
        <translation>未找到会员</translation>
    </message>
    <message>
        <source>{name} has no active card: see the member page (F2)</source>
        <translation>{name} 没有有效会员卡：请看会员详情（F2）</translation>
    </message>
</context>
<context>
    <name>OpenShiftDialog</name>
    <message>
        <source>Open shift</source>
        <translation>开班</translation>
    </message>
    <message>
        <source>Cash float (yuan)</source>
        <translation>备用金（元）</translation>
    </message>
    <message>
        <source>Esc Cancel</source>
        <translation>Esc 取消</translation>
    </message>
    <message>
        <source>Enter Open shift</source>
        <translation>Enter 开班</translation>
    </message>
    <message>
        <source>Hello {name} ({staff_no}). Count the cash in the drawer.</source>
        <translation>{name}（{staff_no}）您好，请清点钱箱中的备用金。</translation>
    </message>
    <message>
        <source>Continue {name}&apos;s shift (opened {time}, float {float})</source>
        <translation>继续 {name} 的班次（开班 {time}，备用金 {float}）</translation>
    </message>
    <message>
        <source>Enter Continue the shift</source>
        <translation>Enter 继续班次</translation>
    </message>
    <message>
        <source>Not an amount: {text}</source>
        <translation>金额无效：{text}</translation>
    </message>
</context>
<context>
    <name>PinResetPage</name>
    <message>
        <source>Card number</source>
        <translation>卡号</translation>
    </message>
    <message>
        <source>New PIN (member types it)</source>
        <translation>新密码（由会员输入）</translation>
    </message>
    <message>
        <source>Reset PIN</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>PIN reset for {name}</source>
        <translation>已为 {name} 重置密码</translation>
    </message>
</context>
<context>
    <name>PointsAdjustPage</name>
    <message>
        <source>Card number</source>
        <translation>卡号</translation>
    </message>
    <message>
        <source>Points (+ add, − remove)</source>
        <translation>积分（+ 增加，− 扣减）</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Adjust points</source>
        <translation>调整积分</translation>
    </message>
    <message>
        <source>{name} now has {points} points</source>
        <translation>{name} 现有积分 {points}</translation>
    </message>
</context>
<context>
    <name>ProductSearchDialog</name>
    <message>
        <source>Find a product</source>
        <translation>查找商品</translation>
    </message>
    <message>
        <source>Name, pinyin initials (dm), pinyin or barcode</source>
        <translation>品名、拼音首字母（dm）、全拼或条码</translation>
    </message>
    <message>
        <source>↑↓ choose   Enter add to the ticket   Esc close</source>
        <translation>↑↓ 选择   Enter 加入小票   Esc 关闭</translation>
    </message>
    <message>
        <source>No product found</source>
        <translation>未找到商品</translation>
    </message>
</context>
<context>
    <name>ReceiptPreviewDialog</name>
    <message>
        <source>Receipt {receipt_no} sent to the printer again (reprint)</source>
        <translation>小票 {receipt_no} 已重新打印（重印）</translation>
    </message>
    <message>
        <source>Receipt preview</source>
        <translation>小票预览</translation>
    </message>
    <message>
        <source>Receipt number</source>
        <translation>小票号</translation>
    </message>
    <message>
        <source>Reprint receipt</source>
        <translation>重打小票</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>RefundLinesModel</name>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>售出</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>已退</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>可退</translation>
    </message>
    <message>
        <source>Refund now</source>
        <translation>本次退</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>实付</translation>
    </message>
</context>
<context>
    <name>RefundPage</name>
    <message>
        <source>Receipt number</source>
        <translation>小票号</translation>
    </message>
    <message>
        <source>Approve and refund</source>
        <translation>审批并退货</translation>
    </message>
    <message>
        <source>All lines</source>
        <translation>全部退</translation>
    </message>
    <message>
        <source>↑↓ line   Space all of it / none   + − one more / less</source>
        <translation>↑↓ 选行   空格 整行退/不退   + − 多退/少退一件</translation>
    </message>
    <message>
        <source>Scan or type the receipt number and press Enter</source>
        <translation>扫描或输入小票号后按 Enter</translation>
    </message>
    <message>
        <source>Receipt {receipt_no} of {at}, total {total}</source>
        <translation>小票 {receipt_no}（{at}），合计 {total}</translation>
    </message>
    <message>
        <source>, member {name}</source>
        <translation>，会员 {name}</translation>
    </message>
    <message>
        <source>Pick the lines to refund</source>
        <translation>请选择要退的商品</translation>
    </message>
    <message>
        <source>Refund {amount}: {tenders}</source>
        <translation>退款 {amount}：{tenders}</translation>
    </message>
    <message>
        <source>Back to stored value: principal {principal}, bonus {bonus}</source>
        <translation>退回储值：本金 {principal}，赠金 {bonus}</translation>
    </message>
    <message>
        <source>Points: {reversed} earned taken back, {restored} redeemed given back</source>
        <translation>积分：扣回 {reversed}，退回 {restored}</translation>
    </message>
    <message>
        <source>Refunded {amount} for {receipt_no}</source>
        <translation>小票 {receipt_no} 已退款 {amount}</translation>
    </message>
</context>
<context>
    <name>RegisterMemberPage</name>
    <message>
        <source>Mobile phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Stored-value PIN (6 digits)</source>
        <translation>储值密码（6 位数字）</translation>
    </message>
    <message>
        <source>The member accepts the terms and the processing of personal data (required)</source>
        <translation>会员同意服务条款及个人信息处理（必选）</translation>
    </message>
    <message>
        <source>The member agrees to receive offers (optional)</source>
        <translation>会员同意接收优惠信息（可选）</translation>
    </message>
    <message>
        <source>Register and issue card</source>
        <translation>注册并发卡</translation>
    </message>
    <message>
        <source>The PIN again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>The two PINs differ: the member types them again</source>
        <translation>两次输入的密码不一致，请会员重新输入</translation>
    </message>
    <message>
        <source>Registered {name}; card {card_no} issued</source>
        <translation>{name} 注册成功，已发卡 {card_no}</translation>
    </message>
</context>
<context>
    <name>ShiftClosePage</name>
    <message>
        <source>Counted cash (yuan)</source>
        <translation>实点现金（元）</translation>
    </message>
    <message>
        <source>Close shift</source>
        <translation>交班</translation>
    </message>
    <message>
        <source>Expected in the drawer</source>
        <translation>钱箱应有现金</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>实点现金</translation>
    </message>
    <message>
        <source>Over (+) / short (−)</source>
        <translation>长款（+）/ 短款（−）</translation>
    </message>
    <message>
        <source>Expected {expected}, counted {counted}: {over_short} {amount}. Close the shift?</source>
        <translation>应有现金 {expected}，实点 {counted}：{over_short} {amount}。确定交班？</translation>
    </message>
    <message>
        <source>over</source>
        <translation>长款</translation>
    </message>
    <message>
        <source>short</source>
        <translation>短款</translation>
    </message>
    <message>
        <source>Shift closed</source>
        <translation>已交班</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <source>Your staff number</source>
        <translation>您的工号</translation>
    </message>
    <message>
        <source>Your PIN</source>
        <translation>您的密码</translation>
    </message>
    <message>
        <source>Staff number</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>店长</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Reset PIN</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>Set role</source>
        <translation>修改角色</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>Sign in first (F1)</source>
        <translation>请先登录（F1）</translation>
    </message>
    <message>
        <source>Signed in: %1</source>
        <translation>已登录：%1</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>已添加</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>已启用</translation>
    </message>
    <message>
        <source>Unlocked</source>
        <translation>已解锁</translation>
    </message>
    <message>
        <source>PIN reset</source>
        <translation>密码已重置</translation>
    </message>
    <message>
        <source>Role changed</source>
        <translation>角色已修改</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>Standalone store</source>
        <translation>单店模式</translation>
    </message>
    <message>
        <source>Head office: not synced yet</source>
        <translation>总部：尚未同步</translation>
    </message>
    <message>
        <source>Head office: syncing…</source>
        <translation>总部：同步中…</translation>
    </message>
    <message>
        <source>Head office: synced {time}</source>
        <translation>总部：已同步 {time}</translation>
    </message>
    <message>
        <source>Head office: offline (never synced)</source>
        <translation>总部：离线（从未同步）</translation>
    </message>
    <message>
        <source>Head office: offline (last sync {time})</source>
        <translation>总部：离线（上次同步 {time}）</translation>
    </message>
    <message>
        <source>Head office: sync failed: {reason}</source>
        <translation>总部：同步失败：{reason}</translation>
    </message>
</context>
<context>
    <name>Tender</name>
    <message>
        <source>Stored value</source>
        <translation>储值</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>Bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <source>Asking head office to confirm…</source>
        <translation>正在向总部确认…</translation>
    </message>
</context>
<context>
    <name>TenderDialog</name>
    <message>
        <source>Payment</source>
        <translation>收款</translation>
    </message>
    <message>
        <source>To pay</source>
        <translation>应付</translation>
    </message>
    <message>
        <source>Tendered</source>
        <translation>已收</translation>
    </message>
    <message>
        <source>Still to pay</source>
        <translation>尚欠</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>找零</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>交易参考号</translation>
    </message>
    <message>
        <source>Bank card, WeChat or Alipay transaction number</source>
        <translation>银行卡、微信或支付宝交易单号</translation>
    </message>
    <message>
        <source>F1 Stored value</source>
        <translation>F1 储值</translation>
    </message>
    <message>
        <source>F2 Cash</source>
        <translation>F2 现金</translation>
    </message>
    <message>
        <source>F3 Bank card</source>
        <translation>F3 银行卡</translation>
    </message>
    <message>
        <source>F4 WeChat Pay</source>
        <translation>F4 微信支付</translation>
    </message>
    <message>
        <source>F6 Alipay</source>
        <translation>F6 支付宝</translation>
    </message>
    <message>
        <source>F7 Remove tender</source>
        <translation>F7 删除付款</translation>
    </message>
    <message>
        <source>Enter/F5 Confirm payment</source>
        <translation>Enter/F5 确认收款</translation>
    </message>
    <message>
        <source>Member PIN (stored value)</source>
        <translation>会员密码（储值支付）</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Esc Cancel</source>
        <translation>Esc 取消</translation>
    </message>
    <message>
        <source>Not an amount: {text}</source>
        <translation>金额无效：{text}</translation>
    </message>
    <message>
        <source>Type an amount first</source>
        <translation>请先输入金额</translation>
    </message>
    <message>
        <source>Stored value: principal {principal}, bonus {bonus}</source>
        <translation>储值余额：本金 {principal}，赠金 {bonus}</translation>
    </message>
</context>
<context>
    <name>TicketLinesModel</name>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>优惠</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>实付</translation>
    </message>
</context>
<context>
    <name>TierLockPage</name>
    <message>
        <source>Card number</source>
        <translation>卡号</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Unlock: the rules decide</source>
        <translation>解除锁定：按规则评定</translation>
    </message>
    <message>
        <source>Lock at {tier}</source>
        <translation>锁定为{tier}</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
</context>
<context>
    <name>TillCore</name>
    <message>
        <source>Receipt {receipt_no} reprinted</source>
        <translation>小票 {receipt_no} 已重印</translation>
    </message>
    <message>
        <source>Change {change}</source>
        <translation>找零 {change}</translation>
    </message>
</context>
<context>
    <name>TillHeld</name>
    <message>
        <source>Ticket held as No. {held_no} ({count} held); Ctrl+Q recalls</source>
        <translation>已挂单 {held_no}（共 {count} 张挂单），按 Ctrl+Q 取单</translation>
    </message>
    <message>
        <source>Hold (Ctrl+G) or finish the open ticket first</source>
        <translation>请先挂单（Ctrl+G）或结账当前小票，再取单</translation>
    </message>
    <message>
        <source>No held tickets</source>
        <translation>没有挂单</translation>
    </message>
    <message>
        <source>Held ticket No. {held_no} recalled</source>
        <translation>已取回挂单 {held_no}</translation>
    </message>
    <message>
        <source>no member</source>
        <translation>非会员</translation>
    </message>
    <message>
        <source>The till stopped during a sale: {items} item(s), {member}, at {time}. Enter continues that ticket; Esc holds it for later.</source>
        <translation>收银台上次在结账中途停止：{items} 件商品，{member}，{time}。按 Enter 继续这张小票；按 Esc 转为挂单。</translation>
    </message>
    <message>
        <source>Unfinished ticket</source>
        <translation>未结账的小票</translation>
    </message>
</context>
<context>
    <name>TillLines</name>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Above the cashier&apos;s limit: a manager approves it when the ticket is paid (F5)</source>
        <translation>超过收银员限额：收款（F5）时须店长审批</translation>
    </message>
    <message>
        <source>Prices and discounts by hand on this ticket</source>
        <translation>本单改价和折扣</translation>
    </message>
    <message>
        <source>Price override</source>
        <translation>改价</translation>
    </message>
    <message>
        <source>New unit price for {name} (list price {price})</source>
        <translation>{name} 的新单价（原价 {price}）</translation>
    </message>
    <message>
        <source>Line discount</source>
        <translation>单品折扣</translation>
    </message>
    <message>
        <source>Money off {name} ({amount} for {quantity}), yuan</source>
        <translation>{name} 减免金额（{quantity} 件共 {amount}），元</translation>
    </message>
    <message>
        <source>Ticket discount</source>
        <translation>整单折扣</translation>
    </message>
    <message>
        <source>Money off the whole ticket (to pay {due}), yuan</source>
        <translation>整单减免金额（应付 {due}），元</translation>
    </message>
    <message>
        <source>Redeem points</source>
        <translation>积分抵现</translation>
    </message>
    <message>
        <source>Blocks of points to redeem (member has {points} points)</source>
        <translation>抵现份数（每份 10,000 积分；会员现有 {points} 积分）</translation>
    </message>
</context>
<context>
    <name>TillPaying</name>
    <message>
        <source>Sale {receipt_no} paid. Change: {change}</source>
        <translation>小票 {receipt_no} 已收款，找零 {change}</translation>
    </message>
    <message>
        <source>Top up</source>
        <translation>充值</translation>
    </message>
    <message>
        <source>Cash top-up amount (yuan)</source>
        <translation>现金充值金额（元）</translation>
    </message>
    <message>
        <source>Top up {amount} for {name} (card {card_no})?</source>
        <translation>为 {name}（卡号 {card_no}）充值 {amount}？</translation>
    </message>
    <message>
        <source>Topped up {principal}, bonus {bonus}</source>
        <translation>已充值 {principal}，赠送 {bonus}</translation>
    </message>
</context>
<context>
    <name>TillShift</name>
    <message>
        <source>Pay or hold (Ctrl+G) the open ticket before closing the shift</source>
        <translation>请先结账或挂单（Ctrl+G），再交班</translation>
    </message>
</context>
<context>
    <name>TillWindow</name>
    <message>
        <source>frontdesk till</source>
        <translation>frontdesk 收银台</translation>
    </message>
    <message>
        <source>Scan or type a code</source>
        <translation>扫码或输入</translation>
    </message>
    <message>
        <source>Card, code or phone + Enter · Ctrl+F find · G hold · Q recall · J price · D/T discount</source>
        <translation>刷卡、扫码或手机号+回车　Ctrl+F 查找　G 挂单　Q 取单　J 改价　D 单品折扣　T 整单折扣</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Scan a member card or press F1 to find a member by phone</source>
        <translation>请刷会员卡，或按 F1 用手机号查找会员</translation>
    </message>
    <message>
        <source>Principal</source>
        <translation>本金</translation>
    </message>
    <message>
        <source>Bonus</source>
        <translation>赠金</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Items total</source>
        <translation>商品合计</translation>
    </message>
    <message>
        <source>Savings</source>
        <translation>优惠</translation>
    </message>
    <message>
        <source>Points this ticket earns</source>
        <translation>本单可得积分</translation>
    </message>
    <message>
        <source>To pay</source>
        <translation>应付</translation>
    </message>
    <message>
        <source>F1 Find member</source>
        <translation>F1 查会员</translation>
    </message>
    <message>
        <source>F2 Quantity</source>
        <translation>F2 改数量</translation>
    </message>
    <message>
        <source>F3 Void line</source>
        <translation>F3 删除商品</translation>
    </message>
    <message>
        <source>F4 Redeem points</source>
        <translation>F4 积分抵现</translation>
    </message>
    <message>
        <source>F5 Pay</source>
        <translation>F5 收款</translation>
    </message>
    <message>
        <source>F6 Remove member</source>
        <translation>F6 取消会员</translation>
    </message>
    <message>
        <source>F7 Cancel sale</source>
        <translation>F7 整单取消</translation>
    </message>
    <message>
        <source>F8 Top up</source>
        <translation>F8 充值</translation>
    </message>
    <message>
        <source>F9 Manager</source>
        <translation>F9 店长</translation>
    </message>
    <message>
        <source>F10 Last receipt</source>
        <translation>F10 上一张小票</translation>
    </message>
    <message>
        <source>F11 Close shift</source>
        <translation>F11 交班</translation>
    </message>
    <message>
        <source>Cashier {name} ({staff_no})</source>
        <translation>收银员 {name}（{staff_no}）</translation>
    </message>
    <message>
        <source>Scanner: ready</source>
        <translation>扫码枪：就绪</translation>
    </message>
    <message>
        <source>Scanner: read {code}</source>
        <translation>扫码枪：已读 {code}</translation>
    </message>
    <message>
        <source>Scanner: not connected</source>
        <translation>扫码枪：未连接</translation>
    </message>
    <message>
        <source>Printer: ready</source>
        <translation>打印机：正常</translation>
    </message>
    <message>
        <source>Printer: receipt {receipt_no} printed</source>
        <translation>打印机：小票 {receipt_no} 已打印</translation>
    </message>
    <message>
        <source>Printer: receipt {receipt_no} sent, not confirmed</source>
        <translation>打印机：小票 {receipt_no} 已发送（未确认打印）</translation>
    </message>
    <message>
        <source>This printer reports no status: the receipt was sent to it, but the till cannot tell that it came out. Check the paper.</source>
        <translation>这台打印机不回报状态：小票已发送到打印机，但收银机无法确认已打出，请查看出纸</translation>
    </message>
    <message>
        <source>{items} item(s) on the ticket are not paid. Close the till? The ticket is kept and offered back at the next start.</source>
        <translation>小票上还有 {items} 件商品未结账。确定关闭收银台？这张小票会保留，下次开机时可继续。</translation>
    </message>
    <message>
        <source>Close the till</source>
        <translation>关闭收银台</translation>
    </message>
    <message>
        <source>Receipt {receipt_no}: refunds are on the manager screens (F9)</source>
        <translation>小票 {receipt_no}：退货请在店长界面办理（F9）</translation>
    </message>
    <message>
        <source>A payment code is scanned when taking payment (F5)</source>
        <translation>付款码请在收款时扫描（F5）</translation>
    </message>
    <message>
        <source>★ Birthday month</source>
        <translation>★ 生日月</translation>
    </message>
    <message>
        <source>{points} points expire on {date}</source>
        <translation>{points} 积分将于 {date} 过期</translation>
    </message>
    <message>
        <source>Stored-value PIN locked: a manager must reset it</source>
        <translation>储值密码已锁定，须店长重置</translation>
    </message>
    <message>
        <source>{points} points used</source>
        <translation>使用 {points} 积分</translation>
    </message>
</context>
<context>
    <name>TopupPage</name>
    <message>
        <source>Card number</source>
        <translation>卡号</translation>
    </message>
    <message>
        <source>Top-up amount (yuan)</source>
        <translation>充值金额（元）</translation>
    </message>
    <message>
        <source>Paid with</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>Payment reference</source>
        <translation>交易参考号</translation>
    </message>
    <message>
        <source>From the card terminal or wallet slip</source>
        <translation>刷卡机或支付凭条上的参考号</translation>
    </message>
    <message>
        <source>Top up</source>
        <translation>充值</translation>
    </message>
    <message>
        <source>Topped up {principal} + bonus {bonus}. Balance: principal {balance_p}, bonus {balance_b}</source>
        <translation>已充值 {principal}，赠送 {bonus}。余额：本金 {balance_p}，赠金 {balance_b}</translation>
    </message>
</context>
</TS>

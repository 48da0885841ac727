<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ApprovalDialog</name>
    <message>
        <source>Manager approval</source>
        <translation>Manager approval</translation>
    </message>
    <message>
        <source>The manager enters their own staff number and PIN.</source>
        <translation>The manager enters their own staff number and PIN.</translation>
    </message>
    <message>
        <source>Manager staff number</source>
        <translation>Manager staff number</translation>
    </message>
    <message>
        <source>Manager PIN</source>
        <translation>Manager PIN</translation>
    </message>
    <message>
        <source>Esc Cancel</source>
        <translation>Esc Cancel</translation>
    </message>
    <message>
        <source>Enter Approve</source>
        <translation>Enter Approve</translation>
    </message>
    <message>
        <source>Approve: {action}</source>
        <translation>Approve: {action}</translation>
    </message>
    <message>
        <source>Subject: {subject}</source>
        <translation>Subject: {subject}</translation>
    </message>
    <message>
        <source>Amount: {amount}</source>
        <translation>Amount: {amount}</translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <source>bonus</source>
        <translation>bonus</translation>
    </message>
    <message>
        <source>bonus forfeited</source>
        <translation>bonus forfeited</translation>
    </message>
    <message>
        <source>card</source>
        <translation>card</translation>
    </message>
    <message>
        <source>expected cash</source>
        <translation>expected cash</translation>
    </message>
    <message>
        <source>for</source>
        <translation>for</translation>
    </message>
    <message>
        <source>from</source>
        <translation>from</translation>
    </message>
    <message>
        <source>lines</source>
        <translation>lines</translation>
    </message>
    <message>
        <source>marketing consent</source>
        <translation>marketing consent</translation>
    </message>
    <message>
        <source>member</source>
        <translation>member</translation>
    </message>
    <message>
        <source>new card</source>
        <translation>new card</translation>
    </message>
    <message>
        <source>operator</source>
        <translation>operator</translation>
    </message>
    <message>
        <source>over/short</source>
        <translation>over/short</translation>
    </message>
    <message>
        <source>points</source>
        <translation>points</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>reason</translation>
    </message>
    <message>
        <source>receipt</source>
        <translation>receipt</translation>
    </message>
    <message>
        <source>refund receipt</source>
        <translation>refund receipt</translation>
    </message>
    <message>
        <source>state</source>
        <translation>state</translation>
    </message>
    <message>
        <source>tier</source>
        <translation>tier</translation>
    </message>
    <message>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <source>waived</source>
        <translation>waived</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
</context>
<context>
    <name>AuditLogModel</name>
    <message>
        <source>refused</source>
        <translation>refused</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>Approved by</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
</context>
<context>
    <name>AuditLogPage</name>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>All actions</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Everyone</translation>
    </message>
    <message>
        <source>{count} rows</source>
        <translation>{count} rows</translation>
    </message>
</context>
<context>
    <name>BankPayoutDialog</name>
    <message>
        <source>Card return to a bank account</source>
        <translation>Card return to a bank account</translation>
    </message>
    <message>
        <source>Above the limit the principal is paid to a bank account in the member&apos;s own name. Check the member&apos;s ID card against the account holder.</source>
        <translation>Above the limit the principal is paid to a bank account in the member&apos;s own name. Check the member&apos;s ID card against the account holder.</translation>
    </message>
    <message>
        <source>Account number</source>
        <translation>Account number</translation>
    </message>
    <message>
        <source>Account holder</source>
        <translation>Account holder</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>Bank</translation>
    </message>
    <message>
        <source>ID card number</source>
        <translation>ID card number</translation>
    </message>
</context>
<context>
    <name>CardActionsPage</name>
    <message>
        <source>Card or mobile number</source>
        <translation>Card or mobile number</translation>
    </message>
    <message>
        <source>Card, mobile number or its last 4 digits</source>
        <translation>Card, mobile number or its last 4 digits</translation>
    </message>
    <message>
        <source>Look up</source>
        <translation>Look up</translation>
    </message>
    <message>
        <source>Report lost</source>
        <translation>Report lost</translation>
    </message>
    <message>
        <source>Un-report</source>
        <translation>Un-report</translation>
    </message>
    <message>
        <source>Freeze</source>
        <translation>Freeze</translation>
    </message>
    <message>
        <source>Unfreeze</source>
        <translation>Unfreeze</translation>
    </message>
    <message>
        <source>Card return (cash out)</source>
        <translation>Card return (cash out)</translation>
    </message>
    <message>
        <source>Reissue (identity check)</source>
        <translation>Reissue (identity check)</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>Mobile phone</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Waive the fee, reason:</source>
        <translation>Waive the fee, reason:</translation>
    </message>
    <message>
        <source>Reissue card</source>
        <translation>Reissue card</translation>
    </message>
    <message>
        <source>Issue a bearer card</source>
        <translation>Issue a bearer card</translation>
    </message>
    <message>
        <source>{card}: {state}</source>
        <translation>{card}: {state}</translation>
    </message>
    <message>
        <source>Several members match: {names}. Type the full mobile number.</source>
        <translation>Several members match: {names}. Type the full mobile number.</translation>
    </message>
    <message>
        <source>No member found</source>
        <translation>No member found</translation>
    </message>
    <message>
        <source>{name} has no card</source>
        <translation>{name} has no card</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Card returned: pay out principal {principal}; bonus {bonus} forfeited</source>
        <translation>Card returned: pay out principal {principal}; bonus {bonus} forfeited</translation>
    </message>
    <message>
        <source>Bearer card {card_no} issued, holds at most {cap}</source>
        <translation>Bearer card {card_no} issued, holds at most {cap}</translation>
    </message>
    <message>
        <source>New card {card_no} issued; fee {fee}</source>
        <translation>New card {card_no} issued; fee {fee}</translation>
    </message>
</context>
<context>
    <name>CardPrinting</name>
    <message>
        <source>Print member card</source>
        <translation>Print member card</translation>
    </message>
    <message>
        <source>Printing member card…</source>
        <translation>Printing member card…</translation>
    </message>
    <message>
        <source>Member card saved: {path}</source>
        <translation>Member card saved: {path}</translation>
    </message>
</context>
<context>
    <name>CardState</name>
    <message>
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <source>reported lost</source>
        <translation>reported lost</translation>
    </message>
    <message>
        <source>frozen</source>
        <translation>frozen</translation>
    </message>
    <message>
        <source>replaced</source>
        <translation>replaced</translation>
    </message>
    <message>
        <source>returned</source>
        <translation>returned</translation>
    </message>
</context>
<context>
    <name>Committed</name>
    <message>
        <source>Paid; receipt not printed (queued)</source>
        <translation>Paid; receipt not printed (queued)</translation>
    </message>
    <message>
        <source>Not finished; try again (a retry never charges twice)</source>
        <translation>Not finished; try again (a retry never charges twice)</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <source>Yes (Enter)</source>
        <translation>Yes (Enter)</translation>
    </message>
    <message>
        <source>No (Esc)</source>
        <translation>No (Esc)</translation>
    </message>
    <message>
        <source>Yes (Y)</source>
        <translation>Yes (Y)</translation>
    </message>
    <message>
        <source>No (Enter/Esc)</source>
        <translation>No (Enter/Esc)</translation>
    </message>
</context>
<context>
    <name>DeviceSettingsPage</name>
    <message>
        <source>Scanner port (empty: keyboard scanner only)</source>
        <translation>Scanner port (empty: keyboard scanner only)</translation>
    </message>
    <message>
        <source>Baud rate</source>
        <translation>Baud rate</translation>
    </message>
    <message>
        <source>Line end</source>
        <translation>Line end</translation>
    </message>
    <message>
        <source>Printer connection</source>
        <translation>Printer connection</translation>
    </message>
    <message>
        <source>Printer address</source>
        <translation>Printer address</translation>
    </message>
    <message>
        <source>Printer TCP port</source>
        <translation>Printer TCP port</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Paper</translation>
    </message>
    <message>
        <source>Customer display port (empty: none)</source>
        <translation>Customer display port (empty: none)</translation>
    </message>
    <message>
        <source>Customer display baud rate</source>
        <translation>Customer display baud rate</translation>
    </message>
    <message>
        <source>Customer display kind</source>
        <translation>Customer display kind</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Test scan</source>
        <translation>Test scan</translation>
    </message>
    <message>
        <source>Test print</source>
        <translation>Test print</translation>
    </message>
    <message>
        <source>Saved. The printer, the scanner and the customer display use them now, without a restart.</source>
        <translation>Saved. The printer, the scanner and the customer display use them now, without a restart.</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Testing…</translation>
    </message>
</context>
<context>
    <name>Discount</name>
    <message>
        <source>Member discount</source>
        <translation>Member discount</translation>
    </message>
    <message>
        <source>Birthday discount</source>
        <translation>Birthday discount</translation>
    </message>
    <message>
        <source>Line discount</source>
        <translation>Line discount</translation>
    </message>
    <message>
        <source>Ticket discount</source>
        <translation>Ticket discount</translation>
    </message>
    <message>
        <source>Points redemption</source>
        <translation>Points redemption</translation>
    </message>
</context>
<context>
    <name>ExportPage</name>
    <message>
        <source>Members</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>Tickets with lines and tenders</source>
        <translation>Tickets with lines and tenders</translation>
    </message>
    <message>
        <source>Shift reports</source>
        <translation>Shift reports</translation>
    </message>
    <message>
        <source>Stored value and points liability</source>
        <translation>Stored value and points liability</translation>
    </message>
    <message>
        <source>Member KPIs (Excel)</source>
        <translation>Member KPIs (Excel)</translation>
    </message>
    <message>
        <source>Member KPI report (PDF with charts)</source>
        <translation>Member KPI report (PDF with charts)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>KPI report written to {path}</source>
        <translation>KPI report written to {path}</translation>
    </message>
    <message>
        <source>Exported {rows} rows to {path}</source>
        <translation>Exported {rows} rows to {path}</translation>
    </message>
</context>
<context>
    <name>HeldTicketsDialog</name>
    <message>
        <source>Held tickets</source>
        <translation>Held tickets</translation>
    </message>
    <message>
        <source>no member</source>
        <translation>no member</translation>
    </message>
    <message>
        <source>No. {held_no}   {time}   {member}   {items} item(s)</source>
        <translation>No. {held_no}   {time}   {member}   {items} item(s)</translation>
    </message>
    <message>
        <source>↑↓ choose   Enter recall   Esc close   (or scan or type G and the number)</source>
        <translation>↑↓ choose   Enter recall   Esc close   (or scan or type G and the number)</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Cashier login</source>
        <translation>Cashier login</translation>
    </message>
    <message>
        <source>Log in with your staff number and PIN</source>
        <translation>Log in with your staff number and PIN</translation>
    </message>
    <message>
        <source>Staff number</source>
        <translation>Staff number</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Esc Cancel</source>
        <translation>Esc Cancel</translation>
    </message>
    <message>
        <source>Enter Log in</source>
        <translation>Enter Log in</translation>
    </message>
</context>
<context>
    <name>ManagerDialog</name>
    <message>
        <source>Manager</source>
        <translation>Manager</translation>
    </message>
    <message>
        <source>Ctrl+digit: go to that page</source>
        <translation>Ctrl+digit: go to that page</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Register member</source>
        <translation>Register member</translation>
    </message>
    <message>
        <source>Top up</source>
        <translation>Top up</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>Cards</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Refund</translation>
    </message>
    <message>
        <source>PIN reset</source>
        <translation>PIN reset</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>Tier lock</source>
        <translation>Tier lock</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>Close shift</source>
        <translation>Close shift</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Erase personal data</source>
        <translation>Erase personal data</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Devices</translation>
    </message>
</context>
<context>
    <name>MemberErasePage</name>
    <message>
        <source>Card number</source>
        <translation>Card number</translation>
    </message>
    <message>
        <source>The member asked for their personal data to be erased</source>
        <translation>The member asked for their personal data to be erased</translation>
    </message>
    <message>
        <source>Erase personal data</source>
        <translation>Erase personal data</translation>
    </message>
    <message>
        <source>Tick that the member asked for it: erasure cannot be undone</source>
        <translation>Tick that the member asked for it: erasure cannot be undone</translation>
    </message>
    <message>
        <source>Personal data erased; the ledger keeps the member number only</source>
        <translation>Personal data erased; the ledger keeps the member number only</translation>
    </message>
</context>
<context>
    <name>MemberPageDialog</name>
    <message>
        <source>Member page</source>
        <translation>Member page</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>Sale</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Refund</translation>
    </message>
    <message>
        <source>Top-up</source>
        <translation>Top-up</translation>
    </message>
    <message>
        <source>Card return</source>
        <translation>Card return</translation>
    </message>
    <message>
        <source>Reissue fee</source>
        <translation>Reissue fee</translation>
    </message>
    <message>
        <source>Card {card}    Balance {balance} (principal {principal}, bonus {bonus})    Points {points}</source>
        <translation>Card {card}    Balance {balance} (principal {principal}, bonus {bonus})    Points {points}</translation>
    </message>
    <message>
        <source>none active</source>
        <translation>none active</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source> (refunded)</source>
        <translation> (refunded)</translation>
    </message>
    <message>
        <source>Principal</source>
        <translation>Principal</translation>
    </message>
    <message>
        <source>Bonus</source>
        <translation>Bonus</translation>
    </message>
    <message>
        <source>Earned in</source>
        <translation>Earned in</translation>
    </message>
    <message>
        <source>Usable until</source>
        <translation>Usable until</translation>
    </message>
    <message>
        <source>Card number</source>
        <translation>Card number</translation>
    </message>
    <message>
        <source>Generation</source>
        <translation>Generation</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Since</translation>
    </message>
    <message>
        <source>Tickets ({n})</source>
        <translation>Tickets ({n})</translation>
    </message>
    <message>
        <source>Top-ups ({n})</source>
        <translation>Top-ups ({n})</translation>
    </message>
    <message>
        <source>Points lots ({n})</source>
        <translation>Points lots ({n})</translation>
    </message>
    <message>
        <source>Cards ({n})</source>
        <translation>Cards ({n})</translation>
    </message>
</context>
<context>
    <name>MemberSearch</name>
    <message>
        <source>no active card</source>
        <translation>no active card</translation>
    </message>
</context>
<context>
    <name>MemberSearchDialog</name>
    <message>
        <source>Find a member</source>
        <translation>Find a member</translation>
    </message>
    <message>
        <source>Mobile number, its last 4 digits, card number or name</source>
        <translation>Mobile number, its last 4 digits, card number or name</translation>
    </message>
    <message>
        <source>Member page</source>
        <translation>Member page</translation>
    </message>
    <message>
        <source>Enter search   ↑↓ choose   Enter put on the ticket   Esc close</source>
        <translation>Enter search   ↑↓ choose   Enter put on the ticket   Esc close</translation>
    </message>
    <message>
        <source>{count} found</source>
        <translation>{count} found</translation>
    </message>
    <message>
        <source>No member found</source>
        <translation>No member found</translation>
    </message>
    <message>
        <source>{name} has no active card: see the member page (F2)</source>
        <translation>{name} has no active card: see the member page (F2)</translation>
    </message>
</context>
<context>
    <name>OpenShiftDialog</name>
    <message>
        <source>Open shift</source>
        <translation>Open shift</translation>
    </message>
    <message>
        <source>Cash float (yuan)</source>
        <translation>Cash float (yuan)</translation>
    </message>
    <message>
        <source>Esc Cancel</source>
        <translation>Esc Cancel</translation>
    </message>
    <message>
        <source>Enter Open shift</source>
        <translation>Enter Open shift</translation>
    </message>
    <message>
        <source>Hello {name} ({staff_no}). Count the cash in the drawer.</source>
        <translation>Hello {name} ({staff_no}). Count the cash in the drawer.</translation>
    </message>
    <message>
        <source>Continue {name}&apos;s shift (opened {time}, float {float})</source>
        <translation>Continue {name}&apos;s shift (opened {time}, float {float})</translation>
    </message>
    <message>
        <source>Enter Continue the shift</source>
        <translation>Enter Continue the shift</translation>
    </message>
    <message>
        <source>Not an amount: {text}</source>
        <translation>Not an amount: {text}</translation>
    </message>
</context>
<context>
    <name>PinResetPage</name>
    <message>
        <source>Card number</source>
        <translation>Card number</translation>
    </message>
    <message>
        <source>New PIN (member types it)</source>
        <translation>New PIN (member types it)</translation>
    </message>
    <message>
        <source>Reset PIN</source>
        <translation>Reset PIN</translation>
    </message>
    <message>
        <source>PIN reset for {name}</source>
        <translation>PIN reset for {name}</translation>
    </message>
</context>
<context>
    <name>PointsAdjustPage</name>
    <message>
        <source>Card number</source>
        <translation>Card number</translation>
    </message>
    <message>
        <source>Points (+ add, − remove)</source>
        <translation>Points (+ add, − remove)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Adjust points</source>
        <translation>Adjust points</translation>
    </message>
    <message>
        <source>{name} now has {points} points</source>
        <translation>{name} now has {points} points</translation>
    </message>
</context>
<context>
    <name>ProductSearchDialog</name>
    <message>
        <source>Find a product</source>
        <translation>Find a product</translation>
    </message>
    <message>
        <source>Name, pinyin initials (dm), pinyin or barcode</source>
        <translation>Name, pinyin initials (dm), pinyin or barcode</translation>
    </message>
    <message>
        <source>↑↓ choose   Enter add to the ticket   Esc close</source>
        <translation>↑↓ choose   Enter add to the ticket   Esc close</translation>
    </message>
    <message>
        <source>No product found</source>
        <translation>No product found</translation>
    </message>
</context>
<context>
    <name>ReceiptPreviewDialog</name>
    <message>
        <source>Receipt {receipt_no} sent to the printer again (reprint)</source>
        <translation>Receipt {receipt_no} sent to the printer again (reprint)</translation>
    </message>
    <message>
        <source>Receipt preview</source>
        <translation>Receipt preview</translation>
    </message>
    <message>
        <source>Receipt number</source>
        <translation>Receipt number</translation>
    </message>
    <message>
        <source>Reprint receipt</source>
        <translation>Reprint receipt</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>RefundLinesModel</name>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Sold</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Refunded</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Left</translation>
    </message>
    <message>
        <source>Refund now</source>
        <translation>Refund now</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Paid</translation>
    </message>
</context>
<context>
    <name>RefundPage</name>
    <message>
        <source>Receipt number</source>
        <translation>Receipt number</translation>
    </message>
    <message>
        <source>Approve and refund</source>
        <translation>Approve and refund</translation>
    </message>
    <message>
        <source>All lines</source>
        <translation>All lines</translation>
    </message>
    <message>
        <source>↑↓ line   Space all of it / none   + − one more / less</source>
        <translation>↑↓ line   Space all of it / none   + − one more / less</translation>
    </message>
    <message>
        <source>Scan or type the receipt number and press Enter</source>
        <translation>Scan or type the receipt number and press Enter</translation>
    </message>
    <message>
        <source>Receipt {receipt_no} of {at}, total {total}</source>
        <translation>Receipt {receipt_no} of {at}, total {total}</translation>
    </message>
    <message>
        <source>, member {name}</source>
        <translation>, member {name}</translation>
    </message>
    <message>
        <source>Pick the lines to refund</source>
        <translation>Pick the lines to refund</translation>
    </message>
    <message>
        <source>Refund {amount}: {tenders}</source>
        <translation>Refund {amount}: {tenders}</translation>
    </message>
    <message>
        <source>Back to stored value: principal {principal}, bonus {bonus}</source>
        <translation>Back to stored value: principal {principal}, bonus {bonus}</translation>
    </message>
    <message>
        <source>Points: {reversed} earned taken back, {restored} redeemed given back</source>
        <translation>Points: {reversed} earned taken back, {restored} redeemed given back</translation>
    </message>
    <message>
        <source>Refunded {amount} for {receipt_no}</source>
        <translation>Refunded {amount} for {receipt_no}</translation>
    </message>
</context>
<context>
    <name>RegisterMemberPage</name>
    <message>
        <source>Mobile phone</source>
        <translation>Mobile phone</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>Birthday</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>Stored-value PIN (6 digits)</source>
        <translation>Stored-value PIN (6 digits)</translation>
    </message>
    <message>
        <source>The member accepts the terms and the processing of personal data (required)</source>
        <translation>The member accepts the terms and the processing of personal data (required)</translation>
    </message>
    <message>
        <source>The member agrees to receive offers (optional)</source>
        <translation>The member agrees to receive offers (optional)</translation>
    </message>
    <message>
        <source>Register and issue card</source>
        <translation>Register and issue card</translation>
    </message>
    <message>
        <source>The PIN again</source>
        <translation>The PIN again</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>Not given</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>The two PINs differ: the member types them again</source>
        <translation>The two PINs differ: the member types them again</translation>
    </message>
    <message>
        <source>Registered {name}; card {card_no} issued</source>
        <translation>Registered {name}; card {card_no} issued</translation>
    </message>
</context>
<context>
    <name>ShiftClosePage</name>
    <message>
        <source>Counted cash (yuan)</source>
        <translation>Counted cash (yuan)</translation>
    </message>
    <message>
        <source>Close shift</source>
        <translation>Close shift</translation>
    </message>
    <message>
        <source>Expected in the drawer</source>
        <translation>Expected in the drawer</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Counted</translation>
    </message>
    <message>
        <source>Over (+) / short (−)</source>
        <translation>Over (+) / short (−)</translation>
    </message>
    <message>
        <source>Expected {expected}, counted {counted}: {over_short} {amount}. Close the shift?</source>
        <translation>Expected {expected}, counted {counted}: {over_short} {amount}. Close the shift?</translation>
    </message>
    <message>
        <source>over</source>
        <translation>over</translation>
    </message>
    <message>
        <source>short</source>
        <translation>short</translation>
    </message>
    <message>
        <source>Shift closed</source>
        <translation>Shift closed</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <source>Your staff number</source>
        <translation>Your staff number</translation>
    </message>
    <message>
        <source>Your PIN</source>
        <translation>Your PIN</translation>
    </message>
    <message>
        <source>Staff number</source>
        <translation>Staff number</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>New PIN</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Cashier</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Manager</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Disable</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Enable</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Reset PIN</source>
        <translation>Reset PIN</translation>
    </message>
    <message>
        <source>Set role</source>
        <translation>Set role</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>disabled</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>locked</translation>
    </message>
    <message>
        <source>Sign in first (F1)</source>
        <translation>Sign in first (F1)</translation>
    </message>
    <message>
        <source>Signed in: %1</source>
        <translation>Signed in: %1</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Enabled</translation>
    </message>
    <message>
        <source>Unlocked</source>
        <translation>Unlocked</translation>
    </message>
    <message>
        <source>PIN reset</source>
        <translation>PIN reset</translation>
    </message>
    <message>
        <source>Role changed</source>
        <translation>Role changed</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>Standalone store</source>
        <translation>Standalone store</translation>
    </message>
    <message>
        <source>Head office: not synced yet</source>
        <translation>Head office: not synced yet</translation>
    </message>
    <message>
        <source>Head office: syncing…</source>
        <translation>Head office: syncing…</translation>
    </message>
    <message>
        <source>Head office: synced {time}</source>
        <translation>Head office: synced {time}</translation>
    </message>
    <message>
        <source>Head office: offline (never synced)</source>
        <translation>Head office: offline (never synced)</translation>
    </message>
    <message>
        <source>Head office: offline (last sync {time})</source>
        <translation>Head office: offline (last sync {time})</translation>
    </message>
    <message>
        <source>Head office: sync failed: {reason}</source>
        <translation>Head office: sync failed: {reason}</translation>
    </message>
</context>
<context>
    <name>Tender</name>
    <message>
        <source>Stored value</source>
        <translation>Stored value</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>Bank card</source>
        <translation>Bank card</translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <translation>WeChat Pay</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>Alipay</translation>
    </message>
    <message>
        <source>Asking head office to confirm…</source>
        <translation>Asking head office to confirm…</translation>
    </message>
</context>
<context>
    <name>TenderDialog</name>
    <message>
        <source>Payment</source>
        <translation>Payment</translation>
    </message>
    <message>
        <source>To pay</source>
        <translation>To pay</translation>
    </message>
    <message>
        <source>Tendered</source>
        <translation>Tendered</translation>
    </message>
    <message>
        <source>Still to pay</source>
        <translation>Still to pay</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>Bank card, WeChat or Alipay transaction number</source>
        <translation>Bank card, WeChat or Alipay transaction number</translation>
    </message>
    <message>
        <source>F1 Stored value</source>
        <translation>F1 Stored value</translation>
    </message>
    <message>
        <source>F2 Cash</source>
        <translation>F2 Cash</translation>
    </message>
    <message>
        <source>F3 Bank card</source>
        <translation>F3 Bank card</translation>
    </message>
    <message>
        <source>F4 WeChat Pay</source>
        <translation>F4 WeChat Pay</translation>
    </message>
    <message>
        <source>F6 Alipay</source>
        <translation>F6 Alipay</translation>
    </message>
    <message>
        <source>F7 Remove tender</source>
        <translation>F7 Remove tender</translation>
    </message>
    <message>
        <source>Enter/F5 Confirm payment</source>
        <translation>Enter/F5 Confirm payment</translation>
    </message>
    <message>
        <source>Member PIN (stored value)</source>
        <translation>Member PIN (stored value)</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>Esc Cancel</source>
        <translation>Esc Cancel</translation>
    </message>
    <message>
        <source>Not an amount: {text}</source>
        <translation>Not an amount: {text}</translation>
    </message>
    <message>
        <source>Type an amount first</source>
        <translation>Type an amount first</translation>
    </message>
    <message>
        <source>Stored value: principal {principal}, bonus {bonus}</source>
        <translation>Stored value: principal {principal}, bonus {bonus}</translation>
    </message>
</context>
<context>
    <name>TicketLinesModel</name>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Qty</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Discount</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Net</translation>
    </message>
</context>
<context>
    <name>TierLockPage</name>
    <message>
        <source>Card number</source>
        <translation>Card number</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>Unlock: the rules decide</source>
        <translation>Unlock: the rules decide</translation>
    </message>
    <message>
        <source>Lock at {tier}</source>
        <translation>Lock at {tier}</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>TillCore</name>
    <message>
        <source>Receipt {receipt_no} reprinted</source>
        <translation>Receipt {receipt_no} reprinted</translation>
    </message>
    <message>
        <source>Change {change}</source>
        <translation>Change {change}</translation>
    </message>
</context>
<context>
    <name>TillHeld</name>
    <message>
        <source>Ticket held as No. {held_no} ({count} held); Ctrl+Q recalls</source>
        <translation>Ticket held as No. {held_no} ({count} held); Ctrl+Q recalls</translation>
    </message>
    <message>
        <source>Hold (Ctrl+G) or finish the open ticket first</source>
        <translation>Hold (Ctrl+G) or finish the open ticket first</translation>
    </message>
    <message>
        <source>No held tickets</source>
        <translation>No held tickets</translation>
    </message>
    <message>
        <source>Held ticket No. {held_no} recalled</source>
        <translation>Held ticket No. {held_no} recalled</translation>
    </message>
    <message>
        <source>no member</source>
        <translation>no member</translation>
    </message>
    <message>
        <source>The till stopped during a sale: {items} item(s), {member}, at {time}. Enter continues that ticket; Esc holds it for later.</source>
        <translation>The till stopped during a sale: {items} item(s), {member}, at {time}. Enter continues that ticket; Esc holds it for later.</translation>
    </message>
    <message>
        <source>Unfinished ticket</source>
        <translation>Unfinished ticket</translation>
    </message>
</context>
<context>
    <name>TillLines</name>
    <message>
        <source>Quantity</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>Above the cashier&apos;s limit: a manager approves it when the ticket is paid (F5)</source>
        <translation>Above the cashier&apos;s limit: a manager approves it when the ticket is paid (F5)</translation>
    </message>
    <message>
        <source>Prices and discounts by hand on this ticket</source>
        <translation>Prices and discounts by hand on this ticket</translation>
    </message>
    <message>
        <source>Price override</source>
        <translation>Price override</translation>
    </message>
    <message>
        <source>New unit price for {name} (list price {price})</source>
        <translation>New unit price for {name} (list price {price})</translation>
    </message>
    <message>
        <source>Line discount</source>
        <translation>Line discount</translation>
    </message>
    <message>
        <source>Money off {name} ({amount} for {quantity}), yuan</source>
        <translation>Money off {name} ({amount} for {quantity}), yuan</translation>
    </message>
    <message>
        <source>Ticket discount</source>
        <translation>Ticket discount</translation>
    </message>
    <message>
        <source>Money off the whole ticket (to pay {due}), yuan</source>
        <translation>Money off the whole ticket (to pay {due}), yuan</translation>
    </message>
    <message>
        <source>Redeem points</source>
        <translation>Redeem points</translation>
    </message>
    <message>
        <source>Blocks of points to redeem (member has {points} points)</source>
        <translation>Blocks of points to redeem (member has {points} points)</translation>
    </message>
</context>
<context>
    <name>TillPaying</name>
    <message>
        <source>Sale {receipt_no} paid. Change: {change}</source>
        <translation>Sale {receipt_no} paid. Change: {change}</translation>
    </message>
    <message>
        <source>Top up</source>
        <translation>Top up</translation>
    </message>
    <message>
        <source>Cash top-up amount (yuan)</source>
        <translation>Cash top-up amount (yuan)</translation>
    </message>
    <message>
        <source>Top up {amount} for {name} (card {card_no})?</source>
        <translation>Top up {amount} for {name} (card {card_no})?</translation>
    </message>
    <message>
        <source>Topped up {principal}, bonus {bonus}</source>
        <translation>Topped up {principal}, bonus {bonus}</translation>
    </message>
</context>
<context>
    <name>TillShift</name>
    <message>
        <source>Pay or hold (Ctrl+G) the open ticket before closing the shift</source>
        <translation>Pay or hold (Ctrl+G) the open ticket before closing the shift</translation>
    </message>
</context>
<context>
    <name>TillWindow</name>
    <message>
        <source>frontdesk till</source>
        <translation>frontdesk till</translation>
    </message>
    <message>
        <source>Scan or type a code</source>
        <translation>Scan or type a code</translation>
    </message>
    <message>
        <source>Card, code or phone + Enter · Ctrl+F find · G hold · Q recall · J price · D/T discount</source>
        <translation>Card, code or phone + Enter · Ctrl+F find · G hold · Q recall · J price · D/T discount</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>Scan a member card or press F1 to find a member by phone</source>
        <translation>Scan a member card or press F1 to find a member by phone</translation>
    </message>
    <message>
        <source>Principal</source>
        <translation>Principal</translation>
    </message>
    <message>
        <source>Bonus</source>
        <translation>Bonus</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>Totals</translation>
    </message>
    <message>
        <source>Items total</source>
        <translation>Items total</translation>
    </message>
    <message>
        <source>Savings</source>
        <translation>Savings</translation>
    </message>
    <message>
        <source>Points this ticket earns</source>
        <translation>Points this ticket earns</translation>
    </message>
    <message>
        <source>To pay</source>
        <translation>To pay</translation>
    </message>
    <message>
        <source>F1 Find member</source>
        <translation>F1 Find member</translation>
    </message>
    <message>
        <source>F2 Quantity</source>
        <translation>F2 Quantity</translation>
    </message>
    <message>
        <source>F3 Void line</source>
        <translation>F3 Void line</translation>
    </message>
    <message>
        <source>F4 Redeem points</source>
        <translation>F4 Redeem points</translation>
    </message>
    <message>
        <source>F5 Pay</source>
        <translation>F5 Pay</translation>
    </message>
    <message>
        <source>F6 Remove member</source>
        <translation>F6 Remove member</translation>
    </message>
    <message>
        <source>F7 Cancel sale</source>
        <translation>F7 Cancel sale</translation>
    </message>
    <message>
        <source>F8 Top up</source>
        <translation>F8 Top up</translation>
    </message>
    <message>
        <source>F9 Manager</source>
        <translation>F9 Manager</translation>
    </message>
    <message>
        <source>F10 Last receipt</source>
        <translation>F10 Last receipt</translation>
    </message>
    <message>
        <source>F11 Close shift</source>
        <translation>F11 Close shift</translation>
    </message>
    <message>
        <source>Cashier {name} ({staff_no})</source>
        <translation>Cashier {name} ({staff_no})</translation>
    </message>
    <message>
        <source>Scanner: ready</source>
        <translation>Scanner: ready</translation>
    </message>
    <message>
        <source>Scanner: read {code}</source>
        <translation>Scanner: read {code}</translation>
    </message>
    <message>
        <source>Scanner: not connected</source>
        <translation>Scanner: not connected</translation>
    </message>
    <message>
        <source>Printer: ready</source>
        <translation>Printer: ready</translation>
    </message>
    <message>
        <source>Printer: receipt {receipt_no} printed</source>
        <translation>Printer: receipt {receipt_no} printed</translation>
    </message>
    <message>
        <source>Printer: receipt {receipt_no} sent, not confirmed</source>
        <translation>Printer: receipt {receipt_no} sent, not confirmed</translation>
    </message>
    <message>
        <source>This printer reports no status: the receipt was sent to it, but the till cannot tell that it came out. Check the paper.</source>
        <translation>This printer reports no status: the receipt was sent to it, but the till cannot tell that it came out. Check the paper.</translation>
    </message>
    <message>
        <source>{items} item(s) on the ticket are not paid. Close the till? The ticket is kept and offered back at the next start.</source>
        <translation>{items} item(s) on the ticket are not paid. Close the till? The ticket is kept and offered back at the next start.</translation>
    </message>
    <message>
        <source>Close the till</source>
        <translation>Close the till</translation>
    </message>
    <message>
        <source>Receipt {receipt_no}: refunds are on the manager screens (F9)</source>
        <translation>Receipt {receipt_no}: refunds are on the manager screens (F9)</translation>
    </message>
    <message>
        <source>A payment code is scanned when taking payment (F5)</source>
        <translation>A payment code is scanned when taking payment (F5)</translation>
    </message>
    <message>
        <source>★ Birthday month</source>
        <translation>★ Birthday month</translation>
    </message>
    <message>
        <source>{points} points expire on {date}</source>
        <translation>{points} points expire on {date}</translation>
    </message>
    <message>
        <source>Stored-value PIN locked: a manager must reset it</source>
        <translation>Stored-value PIN locked: a manager must reset it</translation>
    </message>
    <message>
        <source>{points} points used</source>
        <translation>{points} points used</translation>
    </message>
</context>
<context>
    <name>TopupPage</name>
    <message>
        <source>Card number</source>
        <translation>Card number</translation>
    </message>
    <message>
        <source>Top-up amount (yuan)</source>
        <translation>Top-up amount (yuan)</translation>
    </message>
    <message>
        <source>Paid with</source>
        <translation>Paid with</translation>
    </message>
    <message>
        <source>Payment reference</source>
        <translation>Payment reference</translation>
    </message>
    <message>
        <source>From the card terminal or wallet slip</source>
        <translation>From the card terminal or wallet slip</translation>
    </message>
    <message>
        <source>Top up</source>
        <translation>Top up</translation>
    </message>
    <message>
        <source>Topped up {principal} + bonus {bonus}. Balance: principal {balance_p}, bonus {balance_b}</source>
        <translation>Topped up {principal} + bonus {bonus}. Balance: principal {balance_p}, bonus {balance_b}</translation>
    </message>
</context>
</TS>

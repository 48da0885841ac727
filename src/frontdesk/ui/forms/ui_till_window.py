# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'till_window.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QGridLayout, QGroupBox,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QMainWindow, QPushButton, QSizePolicy, QSpacerItem,
    QStatusBar, QTableView, QWidget)

class Ui_TillWindow(object):
    def setupUi(self, TillWindow):
        if not TillWindow.objectName():
            TillWindow.setObjectName(u"TillWindow")
        TillWindow.resize(1366, 768)
        self.central_widget = QWidget(TillWindow)
        self.central_widget.setObjectName(u"central_widget")
        self.central_layout = QGridLayout(self.central_widget)
        self.central_layout.setObjectName(u"central_layout")
        self.scan_layout = QHBoxLayout()
        self.scan_layout.setObjectName(u"scan_layout")
        self.scan_label = QLabel(self.central_widget)
        self.scan_label.setObjectName(u"scan_label")

        self.scan_layout.addWidget(self.scan_label)

        self.scan_edit = QLineEdit(self.central_widget)
        self.scan_edit.setObjectName(u"scan_edit")
        self.scan_edit.setClearButtonEnabled(True)

        self.scan_layout.addWidget(self.scan_edit)


        self.central_layout.addLayout(self.scan_layout, 0, 0, 1, 2)

        self.lines_view = QTableView(self.central_widget)
        self.lines_view.setObjectName(u"lines_view")
        self.lines_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.lines_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.lines_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.lines_view.setAlternatingRowColors(True)

        self.central_layout.addWidget(self.lines_view, 1, 0, 1, 1)

        self.member_box = QGroupBox(self.central_widget)
        self.member_box.setObjectName(u"member_box")
        self.member_layout = QGridLayout(self.member_box)
        self.member_layout.setObjectName(u"member_layout")
        self.refusal_label = QLabel(self.member_box)
        self.refusal_label.setObjectName(u"refusal_label")
        self.refusal_label.setStyleSheet(u"background: #c62828; color: white; font-weight: bold; padding: 8px;")
        self.refusal_label.setWordWrap(True)

        self.member_layout.addWidget(self.refusal_label, 0, 0, 1, 2)

        self.member_hint_label = QLabel(self.member_box)
        self.member_hint_label.setObjectName(u"member_hint_label")
        self.member_hint_label.setWordWrap(True)

        self.member_layout.addWidget(self.member_hint_label, 1, 0, 1, 2)

        self.member_name_label = QLabel(self.member_box)
        self.member_name_label.setObjectName(u"member_name_label")
        self.member_name_label.setStyleSheet(u"font-size: 20pt; font-weight: bold;")

        self.member_layout.addWidget(self.member_name_label, 2, 0, 1, 1)

        self.tier_label = QLabel(self.member_box)
        self.tier_label.setObjectName(u"tier_label")
        self.tier_label.setStyleSheet(u"border-radius: 6px; padding: 2px 10px; color: white; background: #8d6e63; font-weight: bold;")
        self.tier_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.member_layout.addWidget(self.tier_label, 2, 1, 1, 1)

        self.member_phone_label = QLabel(self.member_box)
        self.member_phone_label.setObjectName(u"member_phone_label")

        self.member_layout.addWidget(self.member_phone_label, 3, 0, 1, 1)

        self.birthday_label = QLabel(self.member_box)
        self.birthday_label.setObjectName(u"birthday_label")
        self.birthday_label.setStyleSheet(u"color: #c2185b; font-weight: bold;")

        self.member_layout.addWidget(self.birthday_label, 3, 1, 1, 1)

        self.principal_caption = QLabel(self.member_box)
        self.principal_caption.setObjectName(u"principal_caption")

        self.member_layout.addWidget(self.principal_caption, 4, 0, 1, 1)

        self.principal_value_label = QLabel(self.member_box)
        self.principal_value_label.setObjectName(u"principal_value_label")
        self.principal_value_label.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.member_layout.addWidget(self.principal_value_label, 4, 1, 1, 1)

        self.bonus_caption = QLabel(self.member_box)
        self.bonus_caption.setObjectName(u"bonus_caption")

        self.member_layout.addWidget(self.bonus_caption, 5, 0, 1, 1)

        self.bonus_value_label = QLabel(self.member_box)
        self.bonus_value_label.setObjectName(u"bonus_value_label")
        self.bonus_value_label.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.member_layout.addWidget(self.bonus_value_label, 5, 1, 1, 1)

        self.points_caption = QLabel(self.member_box)
        self.points_caption.setObjectName(u"points_caption")

        self.member_layout.addWidget(self.points_caption, 6, 0, 1, 1)

        self.points_value_label = QLabel(self.member_box)
        self.points_value_label.setObjectName(u"points_value_label")
        self.points_value_label.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.member_layout.addWidget(self.points_value_label, 6, 1, 1, 1)

        self.expiring_label = QLabel(self.member_box)
        self.expiring_label.setObjectName(u"expiring_label")
        self.expiring_label.setStyleSheet(u"color: #e65100;")
        self.expiring_label.setWordWrap(True)

        self.member_layout.addWidget(self.expiring_label, 7, 0, 1, 2)

        self.pin_locked_label = QLabel(self.member_box)
        self.pin_locked_label.setObjectName(u"pin_locked_label")
        self.pin_locked_label.setStyleSheet(u"color: #b00020; font-weight: bold;")
        self.pin_locked_label.setWordWrap(True)

        self.member_layout.addWidget(self.pin_locked_label, 8, 0, 1, 2)

        self.member_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.member_layout.addItem(self.member_spacer, 9, 0, 1, 2)


        self.central_layout.addWidget(self.member_box, 1, 1, 2, 1)

        self.totals_box = QGroupBox(self.central_widget)
        self.totals_box.setObjectName(u"totals_box")
        self.totals_layout = QGridLayout(self.totals_box)
        self.totals_layout.setObjectName(u"totals_layout")
        self.gross_caption = QLabel(self.totals_box)
        self.gross_caption.setObjectName(u"gross_caption")

        self.totals_layout.addWidget(self.gross_caption, 0, 0, 1, 1)

        self.gross_value_label = QLabel(self.totals_box)
        self.gross_value_label.setObjectName(u"gross_value_label")
        self.gross_value_label.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.totals_layout.addWidget(self.gross_value_label, 0, 1, 1, 1)

        self.savings_caption = QLabel(self.totals_box)
        self.savings_caption.setObjectName(u"savings_caption")

        self.totals_layout.addWidget(self.savings_caption, 1, 0, 1, 1)

        self.savings_value_label = QLabel(self.totals_box)
        self.savings_value_label.setObjectName(u"savings_value_label")
        self.savings_value_label.setStyleSheet(u"color: #2e7d32;")
        self.savings_value_label.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.totals_layout.addWidget(self.savings_value_label, 1, 1, 1, 1)

        self.savings_detail_label = QLabel(self.totals_box)
        self.savings_detail_label.setObjectName(u"savings_detail_label")
        self.savings_detail_label.setStyleSheet(u"color: #2e7d32;")
        self.savings_detail_label.setWordWrap(True)

        self.totals_layout.addWidget(self.savings_detail_label, 2, 0, 1, 2)

        self.earn_caption = QLabel(self.totals_box)
        self.earn_caption.setObjectName(u"earn_caption")

        self.totals_layout.addWidget(self.earn_caption, 3, 0, 1, 1)

        self.earn_value_label = QLabel(self.totals_box)
        self.earn_value_label.setObjectName(u"earn_value_label")
        self.earn_value_label.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.totals_layout.addWidget(self.earn_value_label, 3, 1, 1, 1)

        self.due_caption = QLabel(self.totals_box)
        self.due_caption.setObjectName(u"due_caption")
        self.due_caption.setStyleSheet(u"font-size: 22pt; font-weight: bold;")

        self.totals_layout.addWidget(self.due_caption, 4, 0, 1, 1)

        self.due_value_label = QLabel(self.totals_box)
        self.due_value_label.setObjectName(u"due_value_label")
        self.due_value_label.setStyleSheet(u"font-size: 40pt; font-weight: bold; color: #0d47a1;")
        self.due_value_label.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.totals_layout.addWidget(self.due_value_label, 4, 1, 1, 1)


        self.central_layout.addWidget(self.totals_box, 2, 0, 1, 1)

        self.message_label = QLabel(self.central_widget)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet(u"font-weight: bold;")

        self.central_layout.addWidget(self.message_label, 3, 0, 1, 2)

        self.keys_layout = QGridLayout()
        self.keys_layout.setObjectName(u"keys_layout")
        self.find_member_button = QPushButton(self.central_widget)
        self.find_member_button.setObjectName(u"find_member_button")
        self.find_member_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.find_member_button.setMinimumSize(QSize(0, 52))

        self.keys_layout.addWidget(self.find_member_button, 0, 0, 1, 1)

        self.quantity_button = QPushButton(self.central_widget)
        self.quantity_button.setObjectName(u"quantity_button")
        self.quantity_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.quantity_button.setMinimumSize(QSize(0, 52))

        self.keys_layout.addWidget(self.quantity_button, 0, 1, 1, 1)

        self.void_button = QPushButton(self.central_widget)
        self.void_button.setObjectName(u"void_button")
        self.void_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.void_button.setMinimumSize(QSize(0, 52))

        self.keys_layout.addWidget(self.void_button, 0, 2, 1, 1)

        self.redeem_button = QPushButton(self.central_widget)
        self.redeem_button.setObjectName(u"redeem_button")
        self.redeem_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.redeem_button.setMinimumSize(QSize(0, 52))

        self.keys_layout.addWidget(self.redeem_button, 0, 3, 1, 1)

        self.pay_button = QPushButton(self.central_widget)
        self.pay_button.setObjectName(u"pay_button")
        self.pay_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.pay_button.setMinimumSize(QSize(0, 52))

        self.keys_layout.addWidget(self.pay_button, 0, 4, 1, 1)

        self.clear_member_button = QPushButton(self.central_widget)
        self.clear_member_button.setObjectName(u"clear_member_button")
        self.clear_member_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.clear_member_button.setMinimumSize(QSize(0, 52))

        self.keys_layout.addWidget(self.clear_member_button, 0, 5, 1, 1)

        self.new_ticket_button = QPushButton(self.central_widget)
        self.new_ticket_button.setObjectName(u"new_ticket_button")
        self.new_ticket_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.new_ticket_button.setMinimumSize(QSize(0, 52))

        self.keys_layout.addWidget(self.new_ticket_button, 1, 0, 1, 1)

        self.topup_button = QPushButton(self.central_widget)
        self.topup_button.setObjectName(u"topup_button")
        self.topup_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.topup_button.setMinimumSize(QSize(0, 52))

        self.keys_layout.addWidget(self.topup_button, 1, 1, 1, 1)

        self.manager_button = QPushButton(self.central_widget)
        self.manager_button.setObjectName(u"manager_button")
        self.manager_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.manager_button.setMinimumSize(QSize(0, 52))

        self.keys_layout.addWidget(self.manager_button, 1, 2, 1, 1)

        self.receipt_button = QPushButton(self.central_widget)
        self.receipt_button.setObjectName(u"receipt_button")
        self.receipt_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.receipt_button.setMinimumSize(QSize(0, 52))

        self.keys_layout.addWidget(self.receipt_button, 1, 3, 1, 1)

        self.close_shift_button = QPushButton(self.central_widget)
        self.close_shift_button.setObjectName(u"close_shift_button")
        self.close_shift_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.close_shift_button.setMinimumSize(QSize(0, 52))

        self.keys_layout.addWidget(self.close_shift_button, 1, 4, 1, 1)

        self.language_button = QPushButton(self.central_widget)
        self.language_button.setObjectName(u"language_button")
        self.language_button.setText(u"F12 \u4e2d\u6587/English")
        self.language_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.language_button.setMinimumSize(QSize(0, 52))

        self.keys_layout.addWidget(self.language_button, 1, 5, 1, 1)


        self.central_layout.addLayout(self.keys_layout, 4, 0, 1, 2)

        self.central_layout.setColumnStretch(0, 3)
        self.central_layout.setColumnStretch(1, 2)
        TillWindow.setCentralWidget(self.central_widget)
        self.status_bar = QStatusBar(TillWindow)
        self.status_bar.setObjectName(u"status_bar")
        TillWindow.setStatusBar(self.status_bar)

        self.retranslateUi(TillWindow)
    # setupUi

    def retranslateUi(self, TillWindow):
        TillWindow.setWindowTitle(QCoreApplication.translate("TillWindow", u"frontdesk till", None))
        self.scan_label.setText(QCoreApplication.translate("TillWindow", u"Scan or type a code", None))
        self.scan_edit.setPlaceholderText(QCoreApplication.translate("TillWindow", u"Card, code or phone + Enter \u00b7 Ctrl+F find \u00b7 G hold \u00b7 Q recall \u00b7 J price \u00b7 D/T discount", None))
        self.member_box.setTitle(QCoreApplication.translate("TillWindow", u"Member", None))
        self.member_hint_label.setText(QCoreApplication.translate("TillWindow", u"Scan a member card or press F1 to find a member by phone", None))
        self.principal_caption.setText(QCoreApplication.translate("TillWindow", u"Principal", None))
        self.bonus_caption.setText(QCoreApplication.translate("TillWindow", u"Bonus", None))
        self.points_caption.setText(QCoreApplication.translate("TillWindow", u"Points", None))
        self.totals_box.setTitle(QCoreApplication.translate("TillWindow", u"Totals", None))
        self.gross_caption.setText(QCoreApplication.translate("TillWindow", u"Items total", None))
        self.savings_caption.setText(QCoreApplication.translate("TillWindow", u"Savings", None))
        self.earn_caption.setText(QCoreApplication.translate("TillWindow", u"Points this ticket earns", None))
        self.due_caption.setText(QCoreApplication.translate("TillWindow", u"To pay", None))
        self.find_member_button.setText(QCoreApplication.translate("TillWindow", u"F1 Find member", None))
        self.quantity_button.setText(QCoreApplication.translate("TillWindow", u"F2 Quantity", None))
        self.void_button.setText(QCoreApplication.translate("TillWindow", u"F3 Void line", None))
        self.redeem_button.setText(QCoreApplication.translate("TillWindow", u"F4 Redeem points", None))
        self.pay_button.setText(QCoreApplication.translate("TillWindow", u"F5 Pay", None))
        self.clear_member_button.setText(QCoreApplication.translate("TillWindow", u"F6 Remove member", None))
        self.new_ticket_button.setText(QCoreApplication.translate("TillWindow", u"F7 Cancel sale", None))
        self.topup_button.setText(QCoreApplication.translate("TillWindow", u"F8 Top up", None))
        self.manager_button.setText(QCoreApplication.translate("TillWindow", u"F9 Manager", None))
        self.receipt_button.setText(QCoreApplication.translate("TillWindow", u"F10 Last receipt", None))
        self.close_shift_button.setText(QCoreApplication.translate("TillWindow", u"F11 Close shift", None))
    # retranslateUi


# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'tender_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QDialog, QFormLayout, QGridLayout,
    QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QListWidget, QListWidgetItem, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_TenderDialog(object):
    def setupUi(self, TenderDialog):
        if not TenderDialog.objectName():
            TenderDialog.setObjectName(u"TenderDialog")
        TenderDialog.resize(1000, 640)
        self.main_layout = QGridLayout(TenderDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.figures_layout = QGridLayout()
        self.figures_layout.setObjectName(u"figures_layout")
        self.due_caption = QLabel(TenderDialog)
        self.due_caption.setObjectName(u"due_caption")
        self.due_caption.setStyleSheet(u"font-size: 20pt; font-weight: bold;")

        self.figures_layout.addWidget(self.due_caption, 0, 0, 1, 1)

        self.due_value_label = QLabel(TenderDialog)
        self.due_value_label.setObjectName(u"due_value_label")
        self.due_value_label.setStyleSheet(u"font-size: 34pt; font-weight: bold; color: #0d47a1;")
        self.due_value_label.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.figures_layout.addWidget(self.due_value_label, 0, 1, 1, 1)

        self.paid_caption = QLabel(TenderDialog)
        self.paid_caption.setObjectName(u"paid_caption")

        self.figures_layout.addWidget(self.paid_caption, 1, 0, 1, 1)

        self.paid_value_label = QLabel(TenderDialog)
        self.paid_value_label.setObjectName(u"paid_value_label")
        self.paid_value_label.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.figures_layout.addWidget(self.paid_value_label, 1, 1, 1, 1)

        self.remaining_caption = QLabel(TenderDialog)
        self.remaining_caption.setObjectName(u"remaining_caption")

        self.figures_layout.addWidget(self.remaining_caption, 2, 0, 1, 1)

        self.remaining_value_label = QLabel(TenderDialog)
        self.remaining_value_label.setObjectName(u"remaining_value_label")
        self.remaining_value_label.setStyleSheet(u"font-size: 20pt; font-weight: bold;")
        self.remaining_value_label.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.figures_layout.addWidget(self.remaining_value_label, 2, 1, 1, 1)

        self.change_caption = QLabel(TenderDialog)
        self.change_caption.setObjectName(u"change_caption")

        self.figures_layout.addWidget(self.change_caption, 3, 0, 1, 1)

        self.change_value_label = QLabel(TenderDialog)
        self.change_value_label.setObjectName(u"change_value_label")
        self.change_value_label.setStyleSheet(u"font-size: 20pt; font-weight: bold; color: #2e7d32;")
        self.change_value_label.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.figures_layout.addWidget(self.change_value_label, 3, 1, 1, 1)

        self.balance_label = QLabel(TenderDialog)
        self.balance_label.setObjectName(u"balance_label")
        self.balance_label.setWordWrap(True)

        self.figures_layout.addWidget(self.balance_label, 4, 0, 1, 2)


        self.main_layout.addLayout(self.figures_layout, 0, 0, 1, 1)

        self.tenders_list = QListWidget(TenderDialog)
        self.tenders_list.setObjectName(u"tenders_list")
        self.tenders_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.main_layout.addWidget(self.tenders_list, 1, 0, 1, 1)

        self.entry_layout = QFormLayout()
        self.entry_layout.setObjectName(u"entry_layout")
        self.amount_label = QLabel(TenderDialog)
        self.amount_label.setObjectName(u"amount_label")

        self.entry_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.amount_label)

        self.amount_edit = QLineEdit(TenderDialog)
        self.amount_edit.setObjectName(u"amount_edit")

        self.entry_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.amount_edit)

        self.reference_label = QLabel(TenderDialog)
        self.reference_label.setObjectName(u"reference_label")

        self.entry_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.reference_label)

        self.reference_edit = QLineEdit(TenderDialog)
        self.reference_edit.setObjectName(u"reference_edit")

        self.entry_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.reference_edit)


        self.main_layout.addLayout(self.entry_layout, 2, 0, 1, 1)

        self.kinds_layout = QGridLayout()
        self.kinds_layout.setObjectName(u"kinds_layout")
        self.stored_value_button = QPushButton(TenderDialog)
        self.stored_value_button.setObjectName(u"stored_value_button")
        self.stored_value_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.stored_value_button.setMinimumSize(QSize(0, 48))
        self.stored_value_button.setAutoDefault(False)

        self.kinds_layout.addWidget(self.stored_value_button, 0, 0, 1, 1)

        self.cash_button = QPushButton(TenderDialog)
        self.cash_button.setObjectName(u"cash_button")
        self.cash_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.cash_button.setMinimumSize(QSize(0, 48))
        self.cash_button.setAutoDefault(False)

        self.kinds_layout.addWidget(self.cash_button, 0, 1, 1, 1)

        self.bank_card_button = QPushButton(TenderDialog)
        self.bank_card_button.setObjectName(u"bank_card_button")
        self.bank_card_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.bank_card_button.setMinimumSize(QSize(0, 48))
        self.bank_card_button.setAutoDefault(False)

        self.kinds_layout.addWidget(self.bank_card_button, 0, 2, 1, 1)

        self.wechat_button = QPushButton(TenderDialog)
        self.wechat_button.setObjectName(u"wechat_button")
        self.wechat_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.wechat_button.setMinimumSize(QSize(0, 48))
        self.wechat_button.setAutoDefault(False)

        self.kinds_layout.addWidget(self.wechat_button, 1, 0, 1, 1)

        self.alipay_button = QPushButton(TenderDialog)
        self.alipay_button.setObjectName(u"alipay_button")
        self.alipay_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.alipay_button.setMinimumSize(QSize(0, 48))
        self.alipay_button.setAutoDefault(False)

        self.kinds_layout.addWidget(self.alipay_button, 1, 1, 1, 1)

        self.remove_tender_button = QPushButton(TenderDialog)
        self.remove_tender_button.setObjectName(u"remove_tender_button")
        self.remove_tender_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.remove_tender_button.setMinimumSize(QSize(0, 48))
        self.remove_tender_button.setAutoDefault(False)

        self.kinds_layout.addWidget(self.remove_tender_button, 1, 2, 1, 1)


        self.main_layout.addLayout(self.kinds_layout, 3, 0, 1, 1)

        self.pin_box = QGroupBox(TenderDialog)
        self.pin_box.setObjectName(u"pin_box")
        self.pin_layout = QVBoxLayout(self.pin_box)
        self.pin_layout.setObjectName(u"pin_layout")
        self.pin_edit = QLineEdit(self.pin_box)
        self.pin_edit.setObjectName(u"pin_edit")
        self.pin_edit.setMaxLength(12)
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_edit.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.pin_layout.addWidget(self.pin_edit)

        self.pad_layout = QGridLayout()
        self.pad_layout.setObjectName(u"pad_layout")
        self.pin_1_button = QPushButton(self.pin_box)
        self.pin_1_button.setObjectName(u"pin_1_button")
        self.pin_1_button.setText(u"1")
        self.pin_1_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.pin_1_button.setMinimumSize(QSize(0, 44))
        self.pin_1_button.setAutoDefault(False)

        self.pad_layout.addWidget(self.pin_1_button, 0, 0, 1, 1)

        self.pin_2_button = QPushButton(self.pin_box)
        self.pin_2_button.setObjectName(u"pin_2_button")
        self.pin_2_button.setText(u"2")
        self.pin_2_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.pin_2_button.setMinimumSize(QSize(0, 44))
        self.pin_2_button.setAutoDefault(False)

        self.pad_layout.addWidget(self.pin_2_button, 0, 1, 1, 1)

        self.pin_3_button = QPushButton(self.pin_box)
        self.pin_3_button.setObjectName(u"pin_3_button")
        self.pin_3_button.setText(u"3")
        self.pin_3_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.pin_3_button.setMinimumSize(QSize(0, 44))
        self.pin_3_button.setAutoDefault(False)

        self.pad_layout.addWidget(self.pin_3_button, 0, 2, 1, 1)

        self.pin_4_button = QPushButton(self.pin_box)
        self.pin_4_button.setObjectName(u"pin_4_button")
        self.pin_4_button.setText(u"4")
        self.pin_4_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.pin_4_button.setMinimumSize(QSize(0, 44))
        self.pin_4_button.setAutoDefault(False)

        self.pad_layout.addWidget(self.pin_4_button, 1, 0, 1, 1)

        self.pin_5_button = QPushButton(self.pin_box)
        self.pin_5_button.setObjectName(u"pin_5_button")
        self.pin_5_button.setText(u"5")
        self.pin_5_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.pin_5_button.setMinimumSize(QSize(0, 44))
        self.pin_5_button.setAutoDefault(False)

        self.pad_layout.addWidget(self.pin_5_button, 1, 1, 1, 1)

        self.pin_6_button = QPushButton(self.pin_box)
        self.pin_6_button.setObjectName(u"pin_6_button")
        self.pin_6_button.setText(u"6")
        self.pin_6_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.pin_6_button.setMinimumSize(QSize(0, 44))
        self.pin_6_button.setAutoDefault(False)

        self.pad_layout.addWidget(self.pin_6_button, 1, 2, 1, 1)

        self.pin_7_button = QPushButton(self.pin_box)
        self.pin_7_button.setObjectName(u"pin_7_button")
        self.pin_7_button.setText(u"7")
        self.pin_7_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.pin_7_button.setMinimumSize(QSize(0, 44))
        self.pin_7_button.setAutoDefault(False)

        self.pad_layout.addWidget(self.pin_7_button, 2, 0, 1, 1)

        self.pin_8_button = QPushButton(self.pin_box)
        self.pin_8_button.setObjectName(u"pin_8_button")
        self.pin_8_button.setText(u"8")
        self.pin_8_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.pin_8_button.setMinimumSize(QSize(0, 44))
        self.pin_8_button.setAutoDefault(False)

        self.pad_layout.addWidget(self.pin_8_button, 2, 1, 1, 1)

        self.pin_9_button = QPushButton(self.pin_box)
        self.pin_9_button.setObjectName(u"pin_9_button")
        self.pin_9_button.setText(u"9")
        self.pin_9_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.pin_9_button.setMinimumSize(QSize(0, 44))
        self.pin_9_button.setAutoDefault(False)

        self.pad_layout.addWidget(self.pin_9_button, 2, 2, 1, 1)

        self.pin_clear_button = QPushButton(self.pin_box)
        self.pin_clear_button.setObjectName(u"pin_clear_button")
        self.pin_clear_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.pin_clear_button.setMinimumSize(QSize(0, 44))
        self.pin_clear_button.setAutoDefault(False)

        self.pad_layout.addWidget(self.pin_clear_button, 3, 0, 1, 1)

        self.pin_0_button = QPushButton(self.pin_box)
        self.pin_0_button.setObjectName(u"pin_0_button")
        self.pin_0_button.setText(u"0")
        self.pin_0_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.pin_0_button.setMinimumSize(QSize(0, 44))
        self.pin_0_button.setAutoDefault(False)

        self.pad_layout.addWidget(self.pin_0_button, 3, 1, 1, 1)

        self.pin_back_button = QPushButton(self.pin_box)
        self.pin_back_button.setObjectName(u"pin_back_button")
        self.pin_back_button.setText(u"\u232b")
        self.pin_back_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.pin_back_button.setMinimumSize(QSize(0, 44))
        self.pin_back_button.setAutoDefault(False)

        self.pad_layout.addWidget(self.pin_back_button, 3, 2, 1, 1)


        self.pin_layout.addLayout(self.pad_layout)

        self.pin_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.pin_layout.addItem(self.pin_spacer)


        self.main_layout.addWidget(self.pin_box, 0, 1, 4, 1)

        self.error_label = QLabel(TenderDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setStyleSheet(u"color: #b00020; font-weight: bold;")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label, 4, 0, 1, 2)

        self.button_layout = QHBoxLayout()
        self.button_layout.setObjectName(u"button_layout")
        self.button_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.button_layout.addItem(self.button_spacer)

        self.cancel_button = QPushButton(TenderDialog)
        self.cancel_button.setObjectName(u"cancel_button")
        self.cancel_button.setMinimumSize(QSize(0, 48))
        self.cancel_button.setAutoDefault(False)

        self.button_layout.addWidget(self.cancel_button)

        self.confirm_button = QPushButton(TenderDialog)
        self.confirm_button.setObjectName(u"confirm_button")
        self.confirm_button.setMinimumSize(QSize(0, 48))

        self.button_layout.addWidget(self.confirm_button)


        self.main_layout.addLayout(self.button_layout, 5, 0, 1, 2)

        self.main_layout.setColumnStretch(0, 3)
        self.main_layout.setColumnStretch(1, 2)
        QWidget.setTabOrder(self.amount_edit, self.reference_edit)
        QWidget.setTabOrder(self.reference_edit, self.pin_edit)

        self.retranslateUi(TenderDialog)

        self.confirm_button.setDefault(True)

    # setupUi

    def retranslateUi(self, TenderDialog):
        TenderDialog.setWindowTitle(QCoreApplication.translate("TenderDialog", u"Payment", None))
        self.due_caption.setText(QCoreApplication.translate("TenderDialog", u"To pay", None))
        self.paid_caption.setText(QCoreApplication.translate("TenderDialog", u"Tendered", None))
        self.remaining_caption.setText(QCoreApplication.translate("TenderDialog", u"Still to pay", None))
        self.change_caption.setText(QCoreApplication.translate("TenderDialog", u"Change", None))
        self.amount_label.setText(QCoreApplication.translate("TenderDialog", u"Amount (yuan)", None))
        self.reference_label.setText(QCoreApplication.translate("TenderDialog", u"Reference", None))
        self.reference_edit.setPlaceholderText(QCoreApplication.translate("TenderDialog", u"Bank card, WeChat or Alipay transaction number", None))
        self.stored_value_button.setText(QCoreApplication.translate("TenderDialog", u"F1 Stored value", None))
        self.cash_button.setText(QCoreApplication.translate("TenderDialog", u"F2 Cash", None))
        self.bank_card_button.setText(QCoreApplication.translate("TenderDialog", u"F3 Bank card", None))
        self.wechat_button.setText(QCoreApplication.translate("TenderDialog", u"F4 WeChat Pay", None))
        self.alipay_button.setText(QCoreApplication.translate("TenderDialog", u"F6 Alipay", None))
        self.remove_tender_button.setText(QCoreApplication.translate("TenderDialog", u"F7 Remove tender", None))
        self.pin_box.setTitle(QCoreApplication.translate("TenderDialog", u"Member PIN (stored value)", None))
        self.pin_clear_button.setText(QCoreApplication.translate("TenderDialog", u"Clear", None))
        self.cancel_button.setText(QCoreApplication.translate("TenderDialog", u"Esc Cancel", None))
        self.confirm_button.setText(QCoreApplication.translate("TenderDialog", u"Enter/F5 Confirm payment", None))
    # retranslateUi


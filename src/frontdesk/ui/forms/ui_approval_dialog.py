# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'approval_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QDialog, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_ApprovalDialog(object):
    def setupUi(self, ApprovalDialog):
        if not ApprovalDialog.objectName():
            ApprovalDialog.setObjectName(u"ApprovalDialog")
        ApprovalDialog.resize(560, 340)
        self.main_layout = QVBoxLayout(ApprovalDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.prompt_label = QLabel(ApprovalDialog)
        self.prompt_label.setObjectName(u"prompt_label")
        self.prompt_label.setWordWrap(True)
        self.prompt_label.setStyleSheet(u"font-weight: bold;")

        self.main_layout.addWidget(self.prompt_label)

        self.hint_label = QLabel(ApprovalDialog)
        self.hint_label.setObjectName(u"hint_label")
        self.hint_label.setWordWrap(True)

        self.main_layout.addWidget(self.hint_label)

        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.manager_no_label = QLabel(ApprovalDialog)
        self.manager_no_label.setObjectName(u"manager_no_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.manager_no_label)

        self.manager_no_edit = QLineEdit(ApprovalDialog)
        self.manager_no_edit.setObjectName(u"manager_no_edit")
        self.manager_no_edit.setMaxLength(12)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.manager_no_edit)

        self.pin_label = QLabel(ApprovalDialog)
        self.pin_label.setObjectName(u"pin_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.pin_label)

        self.pin_edit = QLineEdit(ApprovalDialog)
        self.pin_edit.setObjectName(u"pin_edit")
        self.pin_edit.setMaxLength(12)
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.pin_edit)


        self.main_layout.addLayout(self.form_layout)

        self.error_label = QLabel(ApprovalDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setStyleSheet(u"color: #b00020; font-weight: bold;")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.button_layout = QHBoxLayout()
        self.button_layout.setObjectName(u"button_layout")
        self.button_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.button_layout.addItem(self.button_spacer)

        self.cancel_button = QPushButton(ApprovalDialog)
        self.cancel_button.setObjectName(u"cancel_button")
        self.cancel_button.setAutoDefault(False)

        self.button_layout.addWidget(self.cancel_button)

        self.approve_button = QPushButton(ApprovalDialog)
        self.approve_button.setObjectName(u"approve_button")

        self.button_layout.addWidget(self.approve_button)


        self.main_layout.addLayout(self.button_layout)

#if QT_CONFIG(shortcut)
        self.manager_no_label.setBuddy(self.manager_no_edit)
        self.pin_label.setBuddy(self.pin_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ApprovalDialog)

        self.approve_button.setDefault(True)

    # setupUi

    def retranslateUi(self, ApprovalDialog):
        ApprovalDialog.setWindowTitle(QCoreApplication.translate("ApprovalDialog", u"Manager approval", None))
        self.hint_label.setText(QCoreApplication.translate("ApprovalDialog", u"The manager enters their own staff number and PIN.", None))
        self.manager_no_label.setText(QCoreApplication.translate("ApprovalDialog", u"Manager staff number", None))
        self.pin_label.setText(QCoreApplication.translate("ApprovalDialog", u"Manager PIN", None))
        self.cancel_button.setText(QCoreApplication.translate("ApprovalDialog", u"Esc Cancel", None))
        self.approve_button.setText(QCoreApplication.translate("ApprovalDialog", u"Enter Approve", None))
    # retranslateUi


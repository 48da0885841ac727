# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'login_dialog.ui'
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

class Ui_LoginDialog(object):
    def setupUi(self, LoginDialog):
        if not LoginDialog.objectName():
            LoginDialog.setObjectName(u"LoginDialog")
        LoginDialog.resize(520, 340)
        self.main_layout = QVBoxLayout(LoginDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.title_label = QLabel(LoginDialog)
        self.title_label.setObjectName(u"title_label")
        self.title_label.setWordWrap(True)

        self.main_layout.addWidget(self.title_label)

        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.staff_no_label = QLabel(LoginDialog)
        self.staff_no_label.setObjectName(u"staff_no_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.staff_no_label)

        self.staff_no_edit = QLineEdit(LoginDialog)
        self.staff_no_edit.setObjectName(u"staff_no_edit")
        self.staff_no_edit.setMaxLength(12)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.staff_no_edit)

        self.pin_label = QLabel(LoginDialog)
        self.pin_label.setObjectName(u"pin_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.pin_label)

        self.pin_edit = QLineEdit(LoginDialog)
        self.pin_edit.setObjectName(u"pin_edit")
        self.pin_edit.setMaxLength(12)
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.pin_edit)


        self.main_layout.addLayout(self.form_layout)

        self.error_label = QLabel(LoginDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setStyleSheet(u"color: #b00020; font-weight: bold;")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.button_layout = QHBoxLayout()
        self.button_layout.setObjectName(u"button_layout")
        self.language_button = QPushButton(LoginDialog)
        self.language_button.setObjectName(u"language_button")
        self.language_button.setText(u"F12 \u4e2d\u6587/English")
        self.language_button.setAutoDefault(False)

        self.button_layout.addWidget(self.language_button)

        self.button_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.button_layout.addItem(self.button_spacer)

        self.cancel_button = QPushButton(LoginDialog)
        self.cancel_button.setObjectName(u"cancel_button")
        self.cancel_button.setAutoDefault(False)

        self.button_layout.addWidget(self.cancel_button)

        self.login_button = QPushButton(LoginDialog)
        self.login_button.setObjectName(u"login_button")

        self.button_layout.addWidget(self.login_button)


        self.main_layout.addLayout(self.button_layout)

#if QT_CONFIG(shortcut)
        self.staff_no_label.setBuddy(self.staff_no_edit)
        self.pin_label.setBuddy(self.pin_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.staff_no_edit, self.pin_edit)
        QWidget.setTabOrder(self.pin_edit, self.login_button)

        self.retranslateUi(LoginDialog)

        self.login_button.setDefault(True)

    # setupUi

    def retranslateUi(self, LoginDialog):
        LoginDialog.setWindowTitle(QCoreApplication.translate("LoginDialog", u"Cashier login", None))
        self.title_label.setText(QCoreApplication.translate("LoginDialog", u"Log in with your staff number and PIN", None))
        self.staff_no_label.setText(QCoreApplication.translate("LoginDialog", u"Staff number", None))
        self.pin_label.setText(QCoreApplication.translate("LoginDialog", u"PIN", None))
        self.cancel_button.setText(QCoreApplication.translate("LoginDialog", u"Esc Cancel", None))
        self.login_button.setText(QCoreApplication.translate("LoginDialog", u"Enter Log in", None))
    # retranslateUi


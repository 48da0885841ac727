# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'register_member_page.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QDateEdit,
    QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_RegisterMemberPage(object):
    def setupUi(self, RegisterMemberPage):
        if not RegisterMemberPage.objectName():
            RegisterMemberPage.setObjectName(u"RegisterMemberPage")
        RegisterMemberPage.resize(900, 560)
        self.main_layout = QVBoxLayout(RegisterMemberPage)
        self.main_layout.setObjectName(u"main_layout")
        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.phone_label = QLabel(RegisterMemberPage)
        self.phone_label.setObjectName(u"phone_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.phone_label)

        self.phone_edit = QLineEdit(RegisterMemberPage)
        self.phone_edit.setObjectName(u"phone_edit")
        self.phone_edit.setMaxLength(16)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.phone_edit)

        self.name_label = QLabel(RegisterMemberPage)
        self.name_label.setObjectName(u"name_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name_edit = QLineEdit(RegisterMemberPage)
        self.name_edit.setObjectName(u"name_edit")
        self.name_edit.setMaxLength(40)

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.name_edit)

        self.birthday_check = QCheckBox(RegisterMemberPage)
        self.birthday_check.setObjectName(u"birthday_check")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.birthday_check)

        self.birthday_edit = QDateEdit(RegisterMemberPage)
        self.birthday_edit.setObjectName(u"birthday_edit")
        self.birthday_edit.setEnabled(False)
        self.birthday_edit.setDisplayFormat(u"yyyy-MM-dd")
        self.birthday_edit.setCalendarPopup(True)

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.birthday_edit)

        self.gender_label = QLabel(RegisterMemberPage)
        self.gender_label.setObjectName(u"gender_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.gender_label)

        self.gender_combo = QComboBox(RegisterMemberPage)
        self.gender_combo.setObjectName(u"gender_combo")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.gender_combo)

        self.pin_label = QLabel(RegisterMemberPage)
        self.pin_label.setObjectName(u"pin_label")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.pin_label)

        self.pin_edit = QLineEdit(RegisterMemberPage)
        self.pin_edit.setObjectName(u"pin_edit")
        self.pin_edit.setMaxLength(12)
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.pin_edit)


        self.main_layout.addLayout(self.form_layout)

        self.consent_terms_check = QCheckBox(RegisterMemberPage)
        self.consent_terms_check.setObjectName(u"consent_terms_check")

        self.main_layout.addWidget(self.consent_terms_check)

        self.consent_marketing_check = QCheckBox(RegisterMemberPage)
        self.consent_marketing_check.setObjectName(u"consent_marketing_check")

        self.main_layout.addWidget(self.consent_marketing_check)

        self.result_label = QLabel(RegisterMemberPage)
        self.result_label.setObjectName(u"result_label")
        self.result_label.setStyleSheet(u"font-weight: bold;")
        self.result_label.setWordWrap(True)

        self.main_layout.addWidget(self.result_label)

        self.page_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.main_layout.addItem(self.page_spacer)

        self.button_layout = QHBoxLayout()
        self.button_layout.setObjectName(u"button_layout")
        self.button_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.button_layout.addItem(self.button_spacer)

        self.register_button = QPushButton(RegisterMemberPage)
        self.register_button.setObjectName(u"register_button")
        self.register_button.setMinimumSize(QSize(0, 48))

        self.button_layout.addWidget(self.register_button)


        self.main_layout.addLayout(self.button_layout)


        self.retranslateUi(RegisterMemberPage)
    # setupUi

    def retranslateUi(self, RegisterMemberPage):
        self.phone_label.setText(QCoreApplication.translate("RegisterMemberPage", u"Mobile phone", None))
        self.name_label.setText(QCoreApplication.translate("RegisterMemberPage", u"Name", None))
        self.birthday_check.setText(QCoreApplication.translate("RegisterMemberPage", u"Birthday", None))
        self.gender_label.setText(QCoreApplication.translate("RegisterMemberPage", u"Gender", None))
        self.pin_label.setText(QCoreApplication.translate("RegisterMemberPage", u"Stored-value PIN (6 digits)", None))
        self.consent_terms_check.setText(QCoreApplication.translate("RegisterMemberPage", u"The member accepts the terms and the processing of personal data (required)", None))
        self.consent_marketing_check.setText(QCoreApplication.translate("RegisterMemberPage", u"The member agrees to receive offers (optional)", None))
        self.register_button.setText(QCoreApplication.translate("RegisterMemberPage", u"Register and issue card", None))
        pass
    # retranslateUi


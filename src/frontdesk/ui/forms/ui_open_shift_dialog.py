# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'open_shift_dialog.ui'
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

class Ui_OpenShiftDialog(object):
    def setupUi(self, OpenShiftDialog):
        if not OpenShiftDialog.objectName():
            OpenShiftDialog.setObjectName(u"OpenShiftDialog")
        OpenShiftDialog.resize(520, 300)
        self.main_layout = QVBoxLayout(OpenShiftDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.greeting_label = QLabel(OpenShiftDialog)
        self.greeting_label.setObjectName(u"greeting_label")
        self.greeting_label.setWordWrap(True)

        self.main_layout.addWidget(self.greeting_label)

        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.float_label = QLabel(OpenShiftDialog)
        self.float_label.setObjectName(u"float_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.float_label)

        self.float_edit = QLineEdit(OpenShiftDialog)
        self.float_edit.setObjectName(u"float_edit")
        self.float_edit.setPlaceholderText(u"500.00")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.float_edit)


        self.main_layout.addLayout(self.form_layout)

        self.error_label = QLabel(OpenShiftDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setStyleSheet(u"color: #b00020; font-weight: bold;")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.button_layout = QHBoxLayout()
        self.button_layout.setObjectName(u"button_layout")
        self.button_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.button_layout.addItem(self.button_spacer)

        self.cancel_button = QPushButton(OpenShiftDialog)
        self.cancel_button.setObjectName(u"cancel_button")
        self.cancel_button.setAutoDefault(False)

        self.button_layout.addWidget(self.cancel_button)

        self.open_button = QPushButton(OpenShiftDialog)
        self.open_button.setObjectName(u"open_button")

        self.button_layout.addWidget(self.open_button)


        self.main_layout.addLayout(self.button_layout)

#if QT_CONFIG(shortcut)
        self.float_label.setBuddy(self.float_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(OpenShiftDialog)

        self.open_button.setDefault(True)

    # setupUi

    def retranslateUi(self, OpenShiftDialog):
        OpenShiftDialog.setWindowTitle(QCoreApplication.translate("OpenShiftDialog", u"Open shift", None))
        self.float_label.setText(QCoreApplication.translate("OpenShiftDialog", u"Cash float (yuan)", None))
        self.cancel_button.setText(QCoreApplication.translate("OpenShiftDialog", u"Esc Cancel", None))
        self.open_button.setText(QCoreApplication.translate("OpenShiftDialog", u"Enter Open shift", None))
    # retranslateUi


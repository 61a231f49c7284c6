# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'member_status_change.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateEdit,
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QLineEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_MemberStatusChangeDialog(object):
    def setupUi(self, MemberStatusChangeDialog):
        if not MemberStatusChangeDialog.objectName():
            MemberStatusChangeDialog.setObjectName(u"MemberStatusChangeDialog")
        MemberStatusChangeDialog.resize(460, 300)
        self.main_layout = QVBoxLayout(MemberStatusChangeDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.member_label = QLabel(MemberStatusChangeDialog)
        self.member_label.setObjectName(u"member_label")
        self.member_label.setWordWrap(True)

        self.main_layout.addWidget(self.member_label)

        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.action_label = QLabel(MemberStatusChangeDialog)
        self.action_label.setObjectName(u"action_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.action_label)

        self.action_combo = QComboBox(MemberStatusChangeDialog)
        self.action_combo.setObjectName(u"action_combo")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.action_combo)

        self.date_label = QLabel(MemberStatusChangeDialog)
        self.date_label.setObjectName(u"date_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.date_label)

        self.date_edit = QDateEdit(MemberStatusChangeDialog)
        self.date_edit.setObjectName(u"date_edit")
        self.date_edit.setCalendarPopup(True)

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.date_edit)

        self.reason_label = QLabel(MemberStatusChangeDialog)
        self.reason_label.setObjectName(u"reason_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.reason_label)

        self.reason_edit = QLineEdit(MemberStatusChangeDialog)
        self.reason_edit.setObjectName(u"reason_edit")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.reason_edit)

        self.document_label = QLabel(MemberStatusChangeDialog)
        self.document_label.setObjectName(u"document_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.document_label)

        self.document_edit = QLineEdit(MemberStatusChangeDialog)
        self.document_edit.setObjectName(u"document_edit")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.document_edit)


        self.main_layout.addLayout(self.form_layout)

        self.hint_label = QLabel(MemberStatusChangeDialog)
        self.hint_label.setObjectName(u"hint_label")
        self.hint_label.setWordWrap(True)
        self.hint_label.setStyleSheet(u"color: #555;")

        self.main_layout.addWidget(self.hint_label)

        self.error_label = QLabel(MemberStatusChangeDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(u"color: #b00020;")

        self.main_layout.addWidget(self.error_label)

        self.button_box = QDialogButtonBox(MemberStatusChangeDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.button_box)


        self.retranslateUi(MemberStatusChangeDialog)

        QMetaObject.connectSlotsByName(MemberStatusChangeDialog)
    # setupUi

    def retranslateUi(self, MemberStatusChangeDialog):
        MemberStatusChangeDialog.setWindowTitle(QCoreApplication.translate("MemberStatusChangeDialog", u"\u529e\u7406\u4f1a\u7c4d\u53d8\u66f4", None))
        self.action_label.setText(QCoreApplication.translate("MemberStatusChangeDialog", u"\u53d8\u66f4\u7c7b\u578b", None))
        self.date_label.setText(QCoreApplication.translate("MemberStatusChangeDialog", u"\u53d8\u66f4\u65e5\u671f", None))
        self.date_edit.setDisplayFormat(QCoreApplication.translate("MemberStatusChangeDialog", u"yyyy-MM-dd", None))
        self.reason_label.setText(QCoreApplication.translate("MemberStatusChangeDialog", u"\u53d8\u66f4\u539f\u56e0", None))
        self.reason_edit.setPlaceholderText(QCoreApplication.translate("MemberStatusChangeDialog", u"\u5fc5\u586b\uff0c\u5982\uff1a\u5230\u9f84\u9000\u4f11\u3001\u8c03\u5f80\u5916\u5355\u4f4d", None))
        self.document_label.setText(QCoreApplication.translate("MemberStatusChangeDialog", u"\u6587\u4ef6\u53f7", None))
        self.document_edit.setPlaceholderText(QCoreApplication.translate("MemberStatusChangeDialog", u"\u5982\uff1a\u6842\u9662\u4eba\u30142024\u301512\u53f7\uff08\u53ef\u4e0d\u586b\uff09", None))
        self.hint_label.setText(QCoreApplication.translate("MemberStatusChangeDialog", u"\u65b0\u7684\u4f1a\u7c4d\u72b6\u6001\u81ea\u53d8\u66f4\u65e5\u671f\u5f53\u5929\u8d77\u751f\u6548\uff1b\u9000\u4f11\uff08\u4fdd\u7559\u4f1a\u7c4d\uff09\u81ea\u6b21\u6708\u8d77\u514d\u7f34\u4f1a\u8d39\u3002", None))
    # retranslateUi


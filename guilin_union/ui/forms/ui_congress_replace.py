# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'congress_replace.ui'
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
    QPushButton, QSizePolicy, QVBoxLayout, QWidget)

class Ui_CongressReplaceDialog(object):
    def setupUi(self, CongressReplaceDialog):
        if not CongressReplaceDialog.objectName():
            CongressReplaceDialog.setObjectName(u"CongressReplaceDialog")
        CongressReplaceDialog.resize(520, 330)
        self.main_layout = QVBoxLayout(CongressReplaceDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.intro_label = QLabel(CongressReplaceDialog)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)
        self.intro_label.setStyleSheet(u"color: #555;")

        self.main_layout.addWidget(self.intro_label)

        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.old_value_caption = QLabel(CongressReplaceDialog)
        self.old_value_caption.setObjectName(u"old_value_caption")
        self.old_value_caption.setWordWrap(True)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.old_value_caption)

        self.old_value_label = QLabel(CongressReplaceDialog)
        self.old_value_label.setObjectName(u"old_value_label")
        self.old_value_label.setWordWrap(True)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.old_value_label)

        self.new_value_caption = QLabel(CongressReplaceDialog)
        self.new_value_caption.setObjectName(u"new_value_caption")
        self.new_value_caption.setWordWrap(True)

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.new_value_caption)

        self.new_value_label = QLabel(CongressReplaceDialog)
        self.new_value_label.setObjectName(u"new_value_label")
        self.new_value_label.setWordWrap(True)

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.new_value_label)

        self.choose_button = QPushButton(CongressReplaceDialog)
        self.choose_button.setObjectName(u"choose_button")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.choose_button)

        self.on_date_label = QLabel(CongressReplaceDialog)
        self.on_date_label.setObjectName(u"on_date_label")
        self.on_date_label.setWordWrap(True)

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.on_date_label)

        self.on_date_edit = QDateEdit(CongressReplaceDialog)
        self.on_date_edit.setObjectName(u"on_date_edit")
        self.on_date_edit.setCalendarPopup(True)

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.on_date_edit)

        self.start_reason_label = QLabel(CongressReplaceDialog)
        self.start_reason_label.setObjectName(u"start_reason_label")
        self.start_reason_label.setWordWrap(True)

        self.form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.start_reason_label)

        self.start_reason_combo = QComboBox(CongressReplaceDialog)
        self.start_reason_combo.addItem("")
        self.start_reason_combo.addItem("")
        self.start_reason_combo.setObjectName(u"start_reason_combo")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.start_reason_combo)

        self.reason_label = QLabel(CongressReplaceDialog)
        self.reason_label.setObjectName(u"reason_label")
        self.reason_label.setWordWrap(True)

        self.form_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.reason_label)

        self.reason_combo = QComboBox(CongressReplaceDialog)
        self.reason_combo.addItem("")
        self.reason_combo.addItem("")
        self.reason_combo.addItem("")
        self.reason_combo.addItem("")
        self.reason_combo.addItem("")
        self.reason_combo.addItem("")
        self.reason_combo.setObjectName(u"reason_combo")
        self.reason_combo.setEditable(True)

        self.form_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.reason_combo)


        self.main_layout.addLayout(self.form_layout)

        self.message_label = QLabel(CongressReplaceDialog)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet(u"color: #b00020;")

        self.main_layout.addWidget(self.message_label)

        self.button_box = QDialogButtonBox(CongressReplaceDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.button_box)


        self.retranslateUi(CongressReplaceDialog)

        QMetaObject.connectSlotsByName(CongressReplaceDialog)
    # setupUi

    def retranslateUi(self, CongressReplaceDialog):
        CongressReplaceDialog.setWindowTitle(QCoreApplication.translate("CongressReplaceDialog", u"\u66f4\u6362\u4ee3\u8868", None))
        self.intro_label.setText(QCoreApplication.translate("CongressReplaceDialog", u"\u539f\u4ee3\u8868\u7684\u8d44\u683c\u4ece\u66f4\u6362\u65e5\u671f\u8d77\u7ec8\u6b62\uff0c\u63a5\u66ff\u8005\u4ece\u540c\u4e00\u5929\u8d77\u6210\u4e3a\u4ee3\u8868\uff08\u4ee3\u8868\u7c7b\u578b\u3001\u4ee3\u8868\u56e2\u4e0d\u53d8\uff1b\u539f\u4ee3\u8868\u82e5\u662f\u56e2\u957f\uff0c\u56e2\u957f\u968f\u4e4b\u79fb\u4ea4\uff09\u3002", None))
        self.old_value_caption.setText(QCoreApplication.translate("CongressReplaceDialog", u"\u539f\u4ee3\u8868", None))
        self.old_value_label.setText("")
        self.new_value_caption.setText(QCoreApplication.translate("CongressReplaceDialog", u"\u63a5\u66ff\u7684\u4f1a\u5458", None))
        self.new_value_label.setText(QCoreApplication.translate("CongressReplaceDialog", u"\uff08\u5c1a\u672a\u9009\u62e9\uff09", None))
        self.choose_button.setText(QCoreApplication.translate("CongressReplaceDialog", u"\u9009\u62e9\u63a5\u66ff\u7684\u4f1a\u5458\u2026", None))
        self.on_date_label.setText(QCoreApplication.translate("CongressReplaceDialog", u"\u66f4\u6362\u65e5\u671f", None))
        self.on_date_edit.setDisplayFormat(QCoreApplication.translate("CongressReplaceDialog", u"yyyy-MM-dd", None))
        self.start_reason_label.setText(QCoreApplication.translate("CongressReplaceDialog", u"\u65b9\u5f0f", None))
        self.start_reason_combo.setItemText(0, QCoreApplication.translate("CongressReplaceDialog", u"\u66f4\u6362", None))
        self.start_reason_combo.setItemText(1, QCoreApplication.translate("CongressReplaceDialog", u"\u8865\u9009", None))

        self.reason_label.setText(QCoreApplication.translate("CongressReplaceDialog", u"\u539f\u56e0", None))
        self.reason_combo.setItemText(0, QCoreApplication.translate("CongressReplaceDialog", u"\u8c03\u79bb\u5b66\u6821", None))
        self.reason_combo.setItemText(1, QCoreApplication.translate("CongressReplaceDialog", u"\u9000\u4f11", None))
        self.reason_combo.setItemText(2, QCoreApplication.translate("CongressReplaceDialog", u"\u8f9e\u53bb\u4ee3\u8868\u804c\u52a1", None))
        self.reason_combo.setItemText(3, QCoreApplication.translate("CongressReplaceDialog", u"\u7f62\u514d", None))
        self.reason_combo.setItemText(4, QCoreApplication.translate("CongressReplaceDialog", u"\u53bb\u4e16", None))
        self.reason_combo.setItemText(5, QCoreApplication.translate("CongressReplaceDialog", u"\u5176\u4ed6", None))

        self.message_label.setText("")
    # retranslateUi


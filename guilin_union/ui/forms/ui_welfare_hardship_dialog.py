# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'welfare_hardship_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QPlainTextEdit, QPushButton, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_WelfareHardshipDialog(object):
    def setupUi(self, WelfareHardshipDialog):
        if not WelfareHardshipDialog.objectName():
            WelfareHardshipDialog.setObjectName(u"WelfareHardshipDialog")
        WelfareHardshipDialog.resize(520, 420)
        self.main_layout = QVBoxLayout(WelfareHardshipDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.hardship_form = QFormLayout()
        self.hardship_form.setObjectName(u"hardship_form")
        self.hardship_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.year_label = QLabel(WelfareHardshipDialog)
        self.year_label.setObjectName(u"year_label")

        self.hardship_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.year_label)

        self.year_value = QLabel(WelfareHardshipDialog)
        self.year_value.setObjectName(u"year_value")

        self.hardship_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.year_value)

        self.member_label = QLabel(WelfareHardshipDialog)
        self.member_label.setObjectName(u"member_label")

        self.hardship_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.member_label)

        self.member_row = QHBoxLayout()
        self.member_row.setObjectName(u"member_row")
        self.member_value = QLabel(WelfareHardshipDialog)
        self.member_value.setObjectName(u"member_value")
        self.member_value.setWordWrap(True)

        self.member_row.addWidget(self.member_value)

        self.pick_member_button = QPushButton(WelfareHardshipDialog)
        self.pick_member_button.setObjectName(u"pick_member_button")

        self.member_row.addWidget(self.pick_member_button)


        self.hardship_form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.member_row)

        self.category_label = QLabel(WelfareHardshipDialog)
        self.category_label.setObjectName(u"category_label")

        self.hardship_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.category_label)

        self.category_combo = QComboBox(WelfareHardshipDialog)
        self.category_combo.setObjectName(u"category_combo")

        self.hardship_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.category_combo)

        self.household_label = QLabel(WelfareHardshipDialog)
        self.household_label.setObjectName(u"household_label")

        self.hardship_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.household_label)

        self.household_edit = QPlainTextEdit(WelfareHardshipDialog)
        self.household_edit.setObjectName(u"household_edit")

        self.hardship_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.household_edit)

        self.support_notes_label = QLabel(WelfareHardshipDialog)
        self.support_notes_label.setObjectName(u"support_notes_label")

        self.hardship_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.support_notes_label)

        self.support_notes_edit = QPlainTextEdit(WelfareHardshipDialog)
        self.support_notes_edit.setObjectName(u"support_notes_edit")

        self.hardship_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.support_notes_edit)


        self.main_layout.addLayout(self.hardship_form)

        self.summary_label = QLabel(WelfareHardshipDialog)
        self.summary_label.setObjectName(u"summary_label")
        self.summary_label.setWordWrap(True)
        self.summary_label.setStyleSheet(u"color: #b00020;")

        self.main_layout.addWidget(self.summary_label)

        self.button_box = QDialogButtonBox(WelfareHardshipDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.button_box)


        self.retranslateUi(WelfareHardshipDialog)

        QMetaObject.connectSlotsByName(WelfareHardshipDialog)
    # setupUi

    def retranslateUi(self, WelfareHardshipDialog):
        WelfareHardshipDialog.setWindowTitle(QCoreApplication.translate("WelfareHardshipDialog", u"\u56f0\u96be\u5e2e\u6276\u6863\u6848", None))
        self.year_label.setText(QCoreApplication.translate("WelfareHardshipDialog", u"\u5e74\u5ea6", None))
        self.year_value.setText("")
        self.member_label.setText(QCoreApplication.translate("WelfareHardshipDialog", u"\u4f1a\u5458", None))
        self.member_value.setText(QCoreApplication.translate("WelfareHardshipDialog", u"\uff08\u672a\u9009\u62e9\uff09", None))
        self.pick_member_button.setText(QCoreApplication.translate("WelfareHardshipDialog", u"\u9009\u62e9\u4f1a\u5458\u2026", None))
        self.category_label.setText(QCoreApplication.translate("WelfareHardshipDialog", u"\u56f0\u96be\u7c7b\u522b", None))
        self.household_label.setText(QCoreApplication.translate("WelfareHardshipDialog", u"\u5bb6\u5ead\u60c5\u51b5", None))
        self.household_edit.setPlaceholderText(QCoreApplication.translate("WelfareHardshipDialog", u"\u5bb6\u5ead\u6210\u5458\u3001\u6536\u5165\u3001\u56f0\u96be\u539f\u56e0\u7b49", None))
        self.support_notes_label.setText(QCoreApplication.translate("WelfareHardshipDialog", u"\u5e2e\u6276\u63aa\u65bd", None))
        self.support_notes_edit.setPlaceholderText(QCoreApplication.translate("WelfareHardshipDialog", u"\u5982 \u9001\u6e29\u6696\u6170\u95ee\uff1b\u5b50\u5973\u5165\u5b66\u65f6\u7533\u8bf7\u91d1\u79cb\u52a9\u5b66", None))
        self.summary_label.setText("")
    # retranslateUi


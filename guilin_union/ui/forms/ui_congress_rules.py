# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'congress_rules.ui'
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
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QSpinBox, QVBoxLayout, QWidget)

class Ui_CongressRulesDialog(object):
    def setupUi(self, CongressRulesDialog):
        if not CongressRulesDialog.objectName():
            CongressRulesDialog.setObjectName(u"CongressRulesDialog")
        CongressRulesDialog.resize(560, 460)
        self.main_layout = QVBoxLayout(CongressRulesDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.intro_label = QLabel(CongressRulesDialog)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)
        self.intro_label.setStyleSheet(u"color: #555;")

        self.main_layout.addWidget(self.intro_label)

        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.congress_name_label = QLabel(CongressRulesDialog)
        self.congress_name_label.setObjectName(u"congress_name_label")
        self.congress_name_label.setWordWrap(True)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.congress_name_label)

        self.congress_name_edit = QLineEdit(CongressRulesDialog)
        self.congress_name_edit.setObjectName(u"congress_name_edit")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.congress_name_edit)

        self.term_years_label = QLabel(CongressRulesDialog)
        self.term_years_label.setObjectName(u"term_years_label")
        self.term_years_label.setWordWrap(True)

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.term_years_label)

        self.term_years_combo = QComboBox(CongressRulesDialog)
        self.term_years_combo.addItem("")
        self.term_years_combo.addItem("")
        self.term_years_combo.setObjectName(u"term_years_combo")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.term_years_combo)

        self.quorum_label = QLabel(CongressRulesDialog)
        self.quorum_label.setObjectName(u"quorum_label")
        self.quorum_label.setWordWrap(True)

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.quorum_label)

        self.quorum_edit = QLineEdit(CongressRulesDialog)
        self.quorum_edit.setObjectName(u"quorum_edit")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.quorum_edit)

        self.pass_label = QLabel(CongressRulesDialog)
        self.pass_label.setObjectName(u"pass_label")
        self.pass_label.setWordWrap(True)

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.pass_label)

        self.pass_edit = QLineEdit(CongressRulesDialog)
        self.pass_edit.setObjectName(u"pass_edit")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.pass_edit)

        self.pass_base_label = QLabel(CongressRulesDialog)
        self.pass_base_label.setObjectName(u"pass_base_label")
        self.pass_base_label.setWordWrap(True)

        self.form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.pass_base_label)

        self.pass_base_combo = QComboBox(CongressRulesDialog)
        self.pass_base_combo.addItem("")
        self.pass_base_combo.addItem("")
        self.pass_base_combo.setObjectName(u"pass_base_combo")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.pass_base_combo)

        self.teacher_label = QLabel(CongressRulesDialog)
        self.teacher_label.setObjectName(u"teacher_label")
        self.teacher_label.setWordWrap(True)

        self.form_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.teacher_label)

        self.teacher_spin = QSpinBox(CongressRulesDialog)
        self.teacher_spin.setObjectName(u"teacher_spin")
        self.teacher_spin.setMinimum(0)
        self.teacher_spin.setMaximum(100)

        self.form_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.teacher_spin)

        self.categories_label = QLabel(CongressRulesDialog)
        self.categories_label.setObjectName(u"categories_label")
        self.categories_label.setWordWrap(True)

        self.form_layout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.categories_label)

        self.categories_edit = QLineEdit(CongressRulesDialog)
        self.categories_edit.setObjectName(u"categories_edit")

        self.form_layout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.categories_edit)

        self.age_bands_label = QLabel(CongressRulesDialog)
        self.age_bands_label.setObjectName(u"age_bands_label")
        self.age_bands_label.setWordWrap(True)

        self.form_layout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.age_bands_label)

        self.age_bands_edit = QLineEdit(CongressRulesDialog)
        self.age_bands_edit.setObjectName(u"age_bands_edit")

        self.form_layout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.age_bands_edit)

        self.deadline_days_label = QLabel(CongressRulesDialog)
        self.deadline_days_label.setObjectName(u"deadline_days_label")
        self.deadline_days_label.setWordWrap(True)

        self.form_layout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.deadline_days_label)

        self.deadline_days_spin = QSpinBox(CongressRulesDialog)
        self.deadline_days_spin.setObjectName(u"deadline_days_spin")
        self.deadline_days_spin.setMinimum(0)
        self.deadline_days_spin.setMaximum(365)

        self.form_layout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.deadline_days_spin)

        self.reply_days_label = QLabel(CongressRulesDialog)
        self.reply_days_label.setObjectName(u"reply_days_label")
        self.reply_days_label.setWordWrap(True)

        self.form_layout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.reply_days_label)

        self.reply_days_spin = QSpinBox(CongressRulesDialog)
        self.reply_days_spin.setObjectName(u"reply_days_spin")
        self.reply_days_spin.setMinimum(0)
        self.reply_days_spin.setMaximum(730)

        self.form_layout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.reply_days_spin)


        self.main_layout.addLayout(self.form_layout)

        self.message_label = QLabel(CongressRulesDialog)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet(u"color: #b00020;")

        self.main_layout.addWidget(self.message_label)

        self.button_box = QDialogButtonBox(CongressRulesDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.button_box)


        self.retranslateUi(CongressRulesDialog)

        QMetaObject.connectSlotsByName(CongressRulesDialog)
    # setupUi

    def retranslateUi(self, CongressRulesDialog):
        CongressRulesDialog.setWindowTitle(QCoreApplication.translate("CongressRulesDialog", u"\u6559\u4ee3\u4f1a\u89c4\u5219\u8bbe\u7f6e", None))
        self.intro_label.setText(QCoreApplication.translate("CongressRulesDialog", u"\u300a\u5b66\u6821\u6559\u804c\u5de5\u4ee3\u8868\u5927\u4f1a\u89c4\u5b9a\u300b\uff08\u6559\u80b2\u90e8\u4ee4\u7b2c32\u53f7\uff09\uff1a\u51fa\u5e2d\u4ee3\u8868\u987b\u8fbe\u5168\u4f53\u4ee3\u8868\u7684\u4e09\u5206\u4e4b\u4e8c\uff1b\u9009\u4e3e\u548c\u8868\u51b3\u987b\u7ecf\u5168\u4f53\u4ee3\u8868\u7684\u8fc7\u534a\u6570\u901a\u8fc7\u3002\u5404\u5730\u5404\u6821\u89c4\u5b9a\u4e0d\u540c\uff0c\u53ef\u5728\u6b64\u4fee\u6539\uff1b\u5206\u6570\u6309\u6574\u6570\u7cbe\u786e\u8ba1\u7b97\u3002", None))
        self.congress_name_label.setText(QCoreApplication.translate("CongressRulesDialog", u"\u6559\u4ee3\u4f1a\u540d\u79f0", None))
        self.term_years_label.setText(QCoreApplication.translate("CongressRulesDialog", u"\u6bcf\u5c4a\u5e74\u9650", None))
        self.term_years_combo.setItemText(0, QCoreApplication.translate("CongressRulesDialog", u"5", None))
        self.term_years_combo.setItemText(1, QCoreApplication.translate("CongressRulesDialog", u"3", None))

        self.quorum_label.setText(QCoreApplication.translate("CongressRulesDialog", u"\u6cd5\u5b9a\u4eba\u6570\uff1a\u51fa\u5e2d\u4e0d\u5c11\u4e8e", None))
        self.quorum_edit.setPlaceholderText(QCoreApplication.translate("CongressRulesDialog", u"\u5206\u6570\uff0c\u5982 2/3", None))
        self.pass_label.setText(QCoreApplication.translate("CongressRulesDialog", u"\u8868\u51b3\u901a\u8fc7\uff1a\u540c\u610f\u7968\u8d85\u8fc7", None))
        self.pass_edit.setPlaceholderText(QCoreApplication.translate("CongressRulesDialog", u"\u5206\u6570\uff0c\u5982 1/2", None))
        self.pass_base_label.setText(QCoreApplication.translate("CongressRulesDialog", u"\u8868\u51b3\u901a\u8fc7\u7684\u57fa\u6570", None))
        self.pass_base_combo.setItemText(0, QCoreApplication.translate("CongressRulesDialog", u"\u5168\u4f53\u6b63\u5f0f\u4ee3\u8868", None))
        self.pass_base_combo.setItemText(1, QCoreApplication.translate("CongressRulesDialog", u"\u5b9e\u5230\u6b63\u5f0f\u4ee3\u8868", None))

        self.teacher_label.setText(QCoreApplication.translate("CongressRulesDialog", u"\u6559\u5e08\u4ee3\u8868\u6bd4\u4f8b\u4e0d\u4f4e\u4e8e", None))
        self.teacher_spin.setSuffix(QCoreApplication.translate("CongressRulesDialog", u" %", None))
        self.categories_label.setText(QCoreApplication.translate("CongressRulesDialog", u"\u4ee3\u8868\u7c7b\u522b", None))
        self.categories_edit.setPlaceholderText(QCoreApplication.translate("CongressRulesDialog", u"\u7528\u987f\u53f7\u5206\u9694\uff0c\u5982 \u6559\u5e08\u3001\u7ba1\u7406\u3001\u6559\u8f85\u3001\u5de5\u52e4\u3001\u5176\u4ed6", None))
        self.age_bands_label.setText(QCoreApplication.translate("CongressRulesDialog", u"\u5e74\u9f84\u6bb5\u5206\u754c\uff08\u5c81\uff09", None))
        self.age_bands_edit.setPlaceholderText(QCoreApplication.translate("CongressRulesDialog", u"\u7528\u987f\u53f7\u5206\u9694\uff0c\u5982 35\u300145\u300155", None))
        self.deadline_days_label.setText(QCoreApplication.translate("CongressRulesDialog", u"\u63d0\u6848\u622a\u6b62\uff1a\u4f1a\u524d", None))
        self.deadline_days_spin.setSuffix(QCoreApplication.translate("CongressRulesDialog", u" \u5929", None))
        self.reply_days_label.setText(QCoreApplication.translate("CongressRulesDialog", u"\u63d0\u6848\u7b54\u590d\u671f\u9650\uff1a\u4f1a\u540e", None))
        self.reply_days_spin.setSuffix(QCoreApplication.translate("CongressRulesDialog", u" \u5929", None))
        self.message_label.setText("")
    # retranslateUi


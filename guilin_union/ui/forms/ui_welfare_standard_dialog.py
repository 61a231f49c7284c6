# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'welfare_standard_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QLineEdit, QSizePolicy, QSpinBox, QVBoxLayout,
    QWidget)

class Ui_WelfareStandardDialog(object):
    def setupUi(self, WelfareStandardDialog):
        if not WelfareStandardDialog.objectName():
            WelfareStandardDialog.setObjectName(u"WelfareStandardDialog")
        WelfareStandardDialog.resize(560, 520)
        self.main_layout = QVBoxLayout(WelfareStandardDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.standard_form = QFormLayout()
        self.standard_form.setObjectName(u"standard_form")
        self.standard_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.year_label = QLabel(WelfareStandardDialog)
        self.year_label.setObjectName(u"year_label")

        self.standard_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.year_label)

        self.year_value = QLabel(WelfareStandardDialog)
        self.year_value.setObjectName(u"year_value")

        self.standard_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.year_value)

        self.type_label = QLabel(WelfareStandardDialog)
        self.type_label.setObjectName(u"type_label")

        self.standard_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.type_label)

        self.type_value = QLabel(WelfareStandardDialog)
        self.type_value.setObjectName(u"type_value")

        self.standard_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.type_value)

        self.cap_label = QLabel(WelfareStandardDialog)
        self.cap_label.setObjectName(u"cap_label")

        self.standard_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.cap_label)

        self.cap_edit = QLineEdit(WelfareStandardDialog)
        self.cap_edit.setObjectName(u"cap_edit")

        self.standard_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.cap_edit)

        self.form_label = QLabel(WelfareStandardDialog)
        self.form_label.setObjectName(u"form_label")

        self.standard_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.form_label)

        self.form_combo = QComboBox(WelfareStandardDialog)
        self.form_combo.setObjectName(u"form_combo")

        self.standard_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.form_combo)

        self.rule_kind_label = QLabel(WelfareStandardDialog)
        self.rule_kind_label.setObjectName(u"rule_kind_label")

        self.standard_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.rule_kind_label)

        self.rule_kind_combo = QComboBox(WelfareStandardDialog)
        self.rule_kind_combo.setObjectName(u"rule_kind_combo")

        self.standard_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.rule_kind_combo)

        self.max_per_year_label = QLabel(WelfareStandardDialog)
        self.max_per_year_label.setObjectName(u"max_per_year_label")

        self.standard_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.max_per_year_label)

        self.max_per_year_spin = QSpinBox(WelfareStandardDialog)
        self.max_per_year_spin.setObjectName(u"max_per_year_spin")
        self.max_per_year_spin.setMinimum(1)
        self.max_per_year_spin.setMaximum(99)

        self.standard_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.max_per_year_spin)

        self.yearly_cap_label = QLabel(WelfareStandardDialog)
        self.yearly_cap_label.setObjectName(u"yearly_cap_label")

        self.standard_form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.yearly_cap_label)

        self.yearly_cap_edit = QLineEdit(WelfareStandardDialog)
        self.yearly_cap_edit.setObjectName(u"yearly_cap_edit")

        self.standard_form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.yearly_cap_edit)

        self.payer_label = QLabel(WelfareStandardDialog)
        self.payer_label.setObjectName(u"payer_label")

        self.standard_form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.payer_label)

        self.payer_combo = QComboBox(WelfareStandardDialog)
        self.payer_combo.setObjectName(u"payer_combo")

        self.standard_form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.payer_combo)

        self.evidence_label = QLabel(WelfareStandardDialog)
        self.evidence_label.setObjectName(u"evidence_label")

        self.standard_form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.evidence_label)

        self.evidence_edit = QLineEdit(WelfareStandardDialog)
        self.evidence_edit.setObjectName(u"evidence_edit")

        self.standard_form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.evidence_edit)

        self.retired_check = QCheckBox(WelfareStandardDialog)
        self.retired_check.setObjectName(u"retired_check")

        self.standard_form.setWidget(9, QFormLayout.ItemRole.SpanningRole, self.retired_check)

        self.source_label = QLabel(WelfareStandardDialog)
        self.source_label.setObjectName(u"source_label")

        self.standard_form.setWidget(10, QFormLayout.ItemRole.LabelRole, self.source_label)

        self.source_edit = QLineEdit(WelfareStandardDialog)
        self.source_edit.setObjectName(u"source_edit")

        self.standard_form.setWidget(10, QFormLayout.ItemRole.FieldRole, self.source_edit)

        self.notes_label = QLabel(WelfareStandardDialog)
        self.notes_label.setObjectName(u"notes_label")

        self.standard_form.setWidget(11, QFormLayout.ItemRole.LabelRole, self.notes_label)

        self.notes_edit = QLineEdit(WelfareStandardDialog)
        self.notes_edit.setObjectName(u"notes_edit")

        self.standard_form.setWidget(11, QFormLayout.ItemRole.FieldRole, self.notes_edit)


        self.main_layout.addLayout(self.standard_form)

        self.rule_help_label = QLabel(WelfareStandardDialog)
        self.rule_help_label.setObjectName(u"rule_help_label")
        self.rule_help_label.setWordWrap(True)
        self.rule_help_label.setStyleSheet(u"color: #555;")

        self.main_layout.addWidget(self.rule_help_label)

        self.summary_label = QLabel(WelfareStandardDialog)
        self.summary_label.setObjectName(u"summary_label")
        self.summary_label.setWordWrap(True)
        self.summary_label.setStyleSheet(u"color: #b00020;")

        self.main_layout.addWidget(self.summary_label)

        self.button_box = QDialogButtonBox(WelfareStandardDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.button_box)


        self.retranslateUi(WelfareStandardDialog)

        QMetaObject.connectSlotsByName(WelfareStandardDialog)
    # setupUi

    def retranslateUi(self, WelfareStandardDialog):
        WelfareStandardDialog.setWindowTitle(QCoreApplication.translate("WelfareStandardDialog", u"\u6170\u95ee\u6807\u51c6", None))
        self.year_label.setText(QCoreApplication.translate("WelfareStandardDialog", u"\u5e74\u5ea6", None))
        self.year_value.setText("")
        self.type_label.setText(QCoreApplication.translate("WelfareStandardDialog", u"\u6170\u95ee\u7c7b\u578b", None))
        self.type_value.setText("")
        self.cap_label.setText(QCoreApplication.translate("WelfareStandardDialog", u"\u5355\u6b21\u4e0a\u9650\uff08\u5143\uff09", None))
        self.cap_edit.setPlaceholderText(QCoreApplication.translate("WelfareStandardDialog", u"\u7559\u7a7a\u8868\u793a\u4e0d\u8bbe\u4e0a\u9650", None))
        self.form_label.setText(QCoreApplication.translate("WelfareStandardDialog", u"\u53d1\u653e\u5f62\u5f0f", None))
        self.rule_kind_label.setText(QCoreApplication.translate("WelfareStandardDialog", u"\u6b21\u6570\u89c4\u5219", None))
        self.max_per_year_label.setText(QCoreApplication.translate("WelfareStandardDialog", u"\u6bcf\u5e74\u6700\u591a\u6b21\u6570", None))
        self.yearly_cap_label.setText(QCoreApplication.translate("WelfareStandardDialog", u"\u6bcf\u4eba\u6bcf\u5e74\u603b\u989d\u4e0a\u9650\uff08\u5143\uff09", None))
        self.yearly_cap_edit.setPlaceholderText(QCoreApplication.translate("WelfareStandardDialog", u"\u7559\u7a7a\u8868\u793a\u4e0d\u9650", None))
        self.payer_label.setText(QCoreApplication.translate("WelfareStandardDialog", u"\u53d1\u653e\u5355\u4f4d", None))
        self.evidence_label.setText(QCoreApplication.translate("WelfareStandardDialog", u"\u6240\u9700\u6750\u6599", None))
        self.evidence_edit.setPlaceholderText(QCoreApplication.translate("WelfareStandardDialog", u"\u5982 \u7ed3\u5a5a\u8bc1\u590d\u5370\u4ef6", None))
        self.retired_check.setText(QCoreApplication.translate("WelfareStandardDialog", u"\u4fdd\u7559\u4f1a\u7c4d\uff08\u9000\u4f11\uff09\u4f1a\u5458\u4e5f\u53ef\u4eab\u53d7", None))
        self.source_label.setText(QCoreApplication.translate("WelfareStandardDialog", u"\u4f9d\u636e", None))
        self.source_edit.setPlaceholderText(QCoreApplication.translate("WelfareStandardDialog", u"\u5982 \u6821\u5de5\u4f1a\u30142025\u30153\u53f7\u6587\u4ef6", None))
        self.notes_label.setText(QCoreApplication.translate("WelfareStandardDialog", u"\u5907\u6ce8", None))
        self.rule_help_label.setText(QCoreApplication.translate("WelfareStandardDialog", u"\u6bcf\u4e8b\u4e00\u6b21\uff1a\u6bcf\u4ef6\u4e8b\uff08\u5982\u6bcf\u6b21\u7ed3\u5a5a\u3001\u6bcf\u4e2a\u5b69\u5b50\uff09\u53d1\u4e00\u6b21\uff0c\u53ea\u505a\u91cd\u590d\u767b\u8bb0\u63d0\u9192\uff1b\u7ec8\u8eab\u4e00\u6b21\uff1a\u6bcf\u4eba\u53ea\u53d1\u4e00\u6b21\uff1b\u6bcf\u5e74\u9650\u6b21\uff1a\u6bcf\u4eba\u6bcf\u5e74\u6700\u591a N \u6b21\uff1b\u6bcf\u5e74\u9650\u989d\uff1a\u6bcf\u4eba\u6bcf\u5e74\u5408\u8ba1\u4e0d\u8d85\u8fc7\u603b\u989d\u4e0a\u9650\u3002", None))
        self.summary_label.setText("")
    # retranslateUi


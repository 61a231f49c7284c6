# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'intake_dues_settings.ui'
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

class Ui_IntakeDuesSettingsDialog(object):
    def setupUi(self, IntakeDuesSettingsDialog):
        if not IntakeDuesSettingsDialog.objectName():
            IntakeDuesSettingsDialog.setObjectName(u"IntakeDuesSettingsDialog")
        IntakeDuesSettingsDialog.resize(460, 260)
        self.main_layout = QVBoxLayout(IntakeDuesSettingsDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.rate_label = QLabel(IntakeDuesSettingsDialog)
        self.rate_label.setObjectName(u"rate_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.rate_label)

        self.rate_edit = QLineEdit(IntakeDuesSettingsDialog)
        self.rate_edit.setObjectName(u"rate_edit")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.rate_edit)

        self.unit_label = QLabel(IntakeDuesSettingsDialog)
        self.unit_label.setObjectName(u"unit_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.unit_label)

        self.unit_edit = QLineEdit(IntakeDuesSettingsDialog)
        self.unit_edit.setObjectName(u"unit_edit")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.unit_edit)

        self.start_label = QLabel(IntakeDuesSettingsDialog)
        self.start_label.setObjectName(u"start_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.start_label)

        self.start_combo = QComboBox(IntakeDuesSettingsDialog)
        self.start_combo.setObjectName(u"start_combo")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.start_combo)

        self.number_rule_label = QLabel(IntakeDuesSettingsDialog)
        self.number_rule_label.setObjectName(u"number_rule_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.number_rule_label)

        self.number_rule_edit = QLineEdit(IntakeDuesSettingsDialog)
        self.number_rule_edit.setObjectName(u"number_rule_edit")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.number_rule_edit)

        self.digits_label = QLabel(IntakeDuesSettingsDialog)
        self.digits_label.setObjectName(u"digits_label")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.digits_label)

        self.digits_spin = QSpinBox(IntakeDuesSettingsDialog)
        self.digits_spin.setObjectName(u"digits_spin")
        self.digits_spin.setMinimum(1)
        self.digits_spin.setMaximum(8)

        self.form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.digits_spin)


        self.main_layout.addLayout(self.form_layout)

        self.hint_label = QLabel(IntakeDuesSettingsDialog)
        self.hint_label.setObjectName(u"hint_label")
        self.hint_label.setWordWrap(True)
        self.hint_label.setStyleSheet(u"color: #555;")

        self.main_layout.addWidget(self.hint_label)

        self.error_label = QLabel(IntakeDuesSettingsDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(u"color: #b00020;")

        self.main_layout.addWidget(self.error_label)

        self.button_box = QDialogButtonBox(IntakeDuesSettingsDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.button_box)


        self.retranslateUi(IntakeDuesSettingsDialog)

        QMetaObject.connectSlotsByName(IntakeDuesSettingsDialog)
    # setupUi

    def retranslateUi(self, IntakeDuesSettingsDialog):
        IntakeDuesSettingsDialog.setWindowTitle(QCoreApplication.translate("IntakeDuesSettingsDialog", u"\u4f1a\u8d39\u4e0e\u4f1a\u5458\u7f16\u53f7\u8bbe\u7f6e", None))
        self.rate_label.setText(QCoreApplication.translate("IntakeDuesSettingsDialog", u"\u4f1a\u8d39\u6bd4\u4f8b\uff08%\uff09", None))
        self.rate_edit.setPlaceholderText(QCoreApplication.translate("IntakeDuesSettingsDialog", u"\u5982 0.5", None))
        self.unit_label.setText(QCoreApplication.translate("IntakeDuesSettingsDialog", u"\u57fa\u6570\u4e0d\u8db3\u591a\u5c11\u5143\u7684\u90e8\u5206\u4e0d\u8ba1", None))
        self.unit_edit.setPlaceholderText(QCoreApplication.translate("IntakeDuesSettingsDialog", u"\u5982 10", None))
        self.start_label.setText(QCoreApplication.translate("IntakeDuesSettingsDialog", u"\u4f1a\u8d39\u8d77\u59cb\u6708", None))
        self.number_rule_label.setText(QCoreApplication.translate("IntakeDuesSettingsDialog", u"\u4f1a\u5458\u7f16\u53f7\u89c4\u5219", None))
        self.digits_label.setText(QCoreApplication.translate("IntakeDuesSettingsDialog", u"\u7f16\u53f7\u6d41\u6c34\u53f7\u4f4d\u6570", None))
        self.hint_label.setText(QCoreApplication.translate("IntakeDuesSettingsDialog", u"\u7f16\u53f7\u89c4\u5219\u53ef\u7528\uff1a{\u5e74\u4efd}\u3001{\u5e74\u4efd2}\u3001{\u5206\u5de5\u4f1a\u4ee3\u7801}\u3001{\u5e8f\u53f7}\uff0c\u5fc5\u987b\u4ee5{\u5e8f\u53f7}\u7ed3\u5c3e\u3002\u4f8b\uff1a{\u5e74\u4efd}{\u5206\u5de5\u4f1a\u4ee3\u7801}{\u5e8f\u53f7} \u2192 2024030001\u3002\u5df2\u53d1\u653e\u7684\u7f16\u53f7\u4e0d\u4f1a\u6539\u53d8\uff0c\u4e5f\u4e0d\u4f1a\u91cd\u590d\u4f7f\u7528\u3002", None))
    # retranslateUi


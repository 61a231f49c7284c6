# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'congress_motion.ui'
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
    QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
    QLabel, QLineEdit, QSizePolicy, QSpinBox,
    QVBoxLayout, QWidget)

class Ui_CongressMotionDialog(object):
    def setupUi(self, CongressMotionDialog):
        if not CongressMotionDialog.objectName():
            CongressMotionDialog.setObjectName(u"CongressMotionDialog")
        CongressMotionDialog.resize(520, 400)
        self.main_layout = QVBoxLayout(CongressMotionDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.title_label = QLabel(CongressMotionDialog)
        self.title_label.setObjectName(u"title_label")
        self.title_label.setWordWrap(True)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.title_label)

        self.title_edit = QLineEdit(CongressMotionDialog)
        self.title_edit.setObjectName(u"title_edit")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.title_edit)

        self.kind_label = QLabel(CongressMotionDialog)
        self.kind_label.setObjectName(u"kind_label")
        self.kind_label.setWordWrap(True)

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.kind_label)

        self.kind_combo = QComboBox(CongressMotionDialog)
        self.kind_combo.addItem("")
        self.kind_combo.addItem("")
        self.kind_combo.addItem("")
        self.kind_combo.setObjectName(u"kind_combo")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.kind_combo)

        self.voted_check = QCheckBox(CongressMotionDialog)
        self.voted_check.setObjectName(u"voted_check")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.voted_check)

        self.yes_label = QLabel(CongressMotionDialog)
        self.yes_label.setObjectName(u"yes_label")
        self.yes_label.setWordWrap(True)

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.yes_label)

        self.yes_spin = QSpinBox(CongressMotionDialog)
        self.yes_spin.setObjectName(u"yes_spin")
        self.yes_spin.setMinimum(0)
        self.yes_spin.setMaximum(100000)

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.yes_spin)

        self.no_label = QLabel(CongressMotionDialog)
        self.no_label.setObjectName(u"no_label")
        self.no_label.setWordWrap(True)

        self.form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.no_label)

        self.no_spin = QSpinBox(CongressMotionDialog)
        self.no_spin.setObjectName(u"no_spin")
        self.no_spin.setMinimum(0)
        self.no_spin.setMaximum(100000)

        self.form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.no_spin)

        self.abstain_label = QLabel(CongressMotionDialog)
        self.abstain_label.setObjectName(u"abstain_label")
        self.abstain_label.setWordWrap(True)

        self.form_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.abstain_label)

        self.abstain_spin = QSpinBox(CongressMotionDialog)
        self.abstain_spin.setObjectName(u"abstain_spin")
        self.abstain_spin.setMinimum(0)
        self.abstain_spin.setMaximum(100000)

        self.form_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.abstain_spin)

        self.voted_on_label = QLabel(CongressMotionDialog)
        self.voted_on_label.setObjectName(u"voted_on_label")
        self.voted_on_label.setWordWrap(True)

        self.form_layout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.voted_on_label)

        self.voted_on_edit = QDateEdit(CongressMotionDialog)
        self.voted_on_edit.setObjectName(u"voted_on_edit")
        self.voted_on_edit.setCalendarPopup(True)

        self.form_layout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.voted_on_edit)

        self.result_value_caption = QLabel(CongressMotionDialog)
        self.result_value_caption.setObjectName(u"result_value_caption")
        self.result_value_caption.setWordWrap(True)

        self.form_layout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.result_value_caption)

        self.result_value_label = QLabel(CongressMotionDialog)
        self.result_value_label.setObjectName(u"result_value_label")
        self.result_value_label.setWordWrap(True)

        self.form_layout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.result_value_label)

        self.notes_label = QLabel(CongressMotionDialog)
        self.notes_label.setObjectName(u"notes_label")
        self.notes_label.setWordWrap(True)

        self.form_layout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.notes_label)

        self.notes_edit = QLineEdit(CongressMotionDialog)
        self.notes_edit.setObjectName(u"notes_edit")

        self.form_layout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.notes_edit)


        self.main_layout.addLayout(self.form_layout)

        self.message_label = QLabel(CongressMotionDialog)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet(u"color: #b00020;")

        self.main_layout.addWidget(self.message_label)

        self.button_box = QDialogButtonBox(CongressMotionDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.button_box)


        self.retranslateUi(CongressMotionDialog)

        QMetaObject.connectSlotsByName(CongressMotionDialog)
    # setupUi

    def retranslateUi(self, CongressMotionDialog):
        CongressMotionDialog.setWindowTitle(QCoreApplication.translate("CongressMotionDialog", u"\u8868\u51b3\u4e8b\u9879", None))
        self.title_label.setText(QCoreApplication.translate("CongressMotionDialog", u"\u8868\u51b3\u4e8b\u9879", None))
        self.title_edit.setPlaceholderText(QCoreApplication.translate("CongressMotionDialog", u"\u5982 \u901a\u8fc7\u5de5\u4f1a\u5de5\u4f5c\u62a5\u544a", None))
        self.kind_label.setText(QCoreApplication.translate("CongressMotionDialog", u"\u7c7b\u578b", None))
        self.kind_combo.setItemText(0, QCoreApplication.translate("CongressMotionDialog", u"\u51b3\u8bae", None))
        self.kind_combo.setItemText(1, QCoreApplication.translate("CongressMotionDialog", u"\u9009\u4e3e", None))
        self.kind_combo.setItemText(2, QCoreApplication.translate("CongressMotionDialog", u"\u5176\u4ed6", None))

        self.voted_check.setText(QCoreApplication.translate("CongressMotionDialog", u"\u5df2\u8868\u51b3\uff0c\u5f55\u5165\u7968\u6570", None))
        self.yes_label.setText(QCoreApplication.translate("CongressMotionDialog", u"\u540c\u610f", None))
        self.yes_spin.setSuffix(QCoreApplication.translate("CongressMotionDialog", u" \u7968", None))
        self.no_label.setText(QCoreApplication.translate("CongressMotionDialog", u"\u53cd\u5bf9", None))
        self.no_spin.setSuffix(QCoreApplication.translate("CongressMotionDialog", u" \u7968", None))
        self.abstain_label.setText(QCoreApplication.translate("CongressMotionDialog", u"\u5f03\u6743", None))
        self.abstain_spin.setSuffix(QCoreApplication.translate("CongressMotionDialog", u" \u7968", None))
        self.voted_on_label.setText(QCoreApplication.translate("CongressMotionDialog", u"\u8868\u51b3\u65e5\u671f", None))
        self.voted_on_edit.setDisplayFormat(QCoreApplication.translate("CongressMotionDialog", u"yyyy-MM-dd", None))
        self.result_value_caption.setText(QCoreApplication.translate("CongressMotionDialog", u"\u7ed3\u679c", None))
        self.result_value_label.setText("")
        self.notes_label.setText(QCoreApplication.translate("CongressMotionDialog", u"\u5907\u6ce8", None))
        self.message_label.setText("")
    # retranslateUi


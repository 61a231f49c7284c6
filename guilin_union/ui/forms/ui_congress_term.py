# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'congress_term.ui'
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

class Ui_CongressTermDialog(object):
    def setupUi(self, CongressTermDialog):
        if not CongressTermDialog.objectName():
            CongressTermDialog.setObjectName(u"CongressTermDialog")
        CongressTermDialog.resize(520, 260)
        self.main_layout = QVBoxLayout(CongressTermDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.number_label = QLabel(CongressTermDialog)
        self.number_label.setObjectName(u"number_label")
        self.number_label.setWordWrap(True)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.number_label)

        self.number_spin = QSpinBox(CongressTermDialog)
        self.number_spin.setObjectName(u"number_spin")
        self.number_spin.setMinimum(1)
        self.number_spin.setMaximum(99)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.number_spin)

        self.start_year_label = QLabel(CongressTermDialog)
        self.start_year_label.setObjectName(u"start_year_label")
        self.start_year_label.setWordWrap(True)

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.start_year_label)

        self.start_year_spin = QSpinBox(CongressTermDialog)
        self.start_year_spin.setObjectName(u"start_year_spin")
        self.start_year_spin.setMinimum(1950)
        self.start_year_spin.setMaximum(2100)

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.start_year_spin)

        self.length_label = QLabel(CongressTermDialog)
        self.length_label.setObjectName(u"length_label")
        self.length_label.setWordWrap(True)

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.length_label)

        self.length_combo = QComboBox(CongressTermDialog)
        self.length_combo.addItem("")
        self.length_combo.addItem("")
        self.length_combo.setObjectName(u"length_combo")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.length_combo)

        self.end_year_label = QLabel(CongressTermDialog)
        self.end_year_label.setObjectName(u"end_year_label")
        self.end_year_label.setWordWrap(True)

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.end_year_label)

        self.end_year_spin = QSpinBox(CongressTermDialog)
        self.end_year_spin.setObjectName(u"end_year_spin")
        self.end_year_spin.setMinimum(1950)
        self.end_year_spin.setMaximum(2100)

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.end_year_spin)

        self.notes_label = QLabel(CongressTermDialog)
        self.notes_label.setObjectName(u"notes_label")
        self.notes_label.setWordWrap(True)

        self.form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.notes_label)

        self.notes_edit = QLineEdit(CongressTermDialog)
        self.notes_edit.setObjectName(u"notes_edit")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.notes_edit)


        self.main_layout.addLayout(self.form_layout)

        self.message_label = QLabel(CongressTermDialog)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet(u"color: #b00020;")

        self.main_layout.addWidget(self.message_label)

        self.button_box = QDialogButtonBox(CongressTermDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.button_box)


        self.retranslateUi(CongressTermDialog)

        QMetaObject.connectSlotsByName(CongressTermDialog)
    # setupUi

    def retranslateUi(self, CongressTermDialog):
        CongressTermDialog.setWindowTitle(QCoreApplication.translate("CongressTermDialog", u"\u5c4a\u6b21", None))
        self.number_label.setText(QCoreApplication.translate("CongressTermDialog", u"\u5c4a\u6b21\uff08\u7b2c\u51e0\u5c4a\uff09", None))
        self.start_year_label.setText(QCoreApplication.translate("CongressTermDialog", u"\u8d77\u59cb\u5e74\u4efd", None))
        self.length_label.setText(QCoreApplication.translate("CongressTermDialog", u"\u6bcf\u5c4a\u5e74\u9650", None))
        self.length_combo.setItemText(0, QCoreApplication.translate("CongressTermDialog", u"5", None))
        self.length_combo.setItemText(1, QCoreApplication.translate("CongressTermDialog", u"3", None))

#if QT_CONFIG(tooltip)
        self.length_combo.setToolTip(QCoreApplication.translate("CongressTermDialog", u"\u300a\u5b66\u6821\u6559\u804c\u5de5\u4ee3\u8868\u5927\u4f1a\u89c4\u5b9a\u300b\uff1a\u6bcf\u5c4a 3 \u81f3 5 \u5e74", None))
#endif // QT_CONFIG(tooltip)
        self.end_year_label.setText(QCoreApplication.translate("CongressTermDialog", u"\u7ed3\u675f\u5e74\u4efd", None))
        self.notes_label.setText(QCoreApplication.translate("CongressTermDialog", u"\u5907\u6ce8", None))
        self.message_label.setText("")
    # retranslateUi


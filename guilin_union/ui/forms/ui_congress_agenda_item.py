# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'congress_agenda_item.ui'
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
    QLineEdit, QPlainTextEdit, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_CongressAgendaItemDialog(object):
    def setupUi(self, CongressAgendaItemDialog):
        if not CongressAgendaItemDialog.objectName():
            CongressAgendaItemDialog.setObjectName(u"CongressAgendaItemDialog")
        CongressAgendaItemDialog.resize(520, 420)
        self.main_layout = QVBoxLayout(CongressAgendaItemDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.part_label = QLabel(CongressAgendaItemDialog)
        self.part_label.setObjectName(u"part_label")
        self.part_label.setWordWrap(True)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.part_label)

        self.part_combo = QComboBox(CongressAgendaItemDialog)
        self.part_combo.addItem("")
        self.part_combo.addItem("")
        self.part_combo.setObjectName(u"part_combo")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.part_combo)

        self.item_date_label = QLabel(CongressAgendaItemDialog)
        self.item_date_label.setObjectName(u"item_date_label")
        self.item_date_label.setWordWrap(True)

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.item_date_label)

        self.item_date_edit = QDateEdit(CongressAgendaItemDialog)
        self.item_date_edit.setObjectName(u"item_date_edit")
        self.item_date_edit.setCalendarPopup(True)

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.item_date_edit)

        self.start_time_label = QLabel(CongressAgendaItemDialog)
        self.start_time_label.setObjectName(u"start_time_label")
        self.start_time_label.setWordWrap(True)

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.start_time_label)

        self.start_time_edit = QLineEdit(CongressAgendaItemDialog)
        self.start_time_edit.setObjectName(u"start_time_edit")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.start_time_edit)

        self.end_time_label = QLabel(CongressAgendaItemDialog)
        self.end_time_label.setObjectName(u"end_time_label")
        self.end_time_label.setWordWrap(True)

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.end_time_label)

        self.end_time_edit = QLineEdit(CongressAgendaItemDialog)
        self.end_time_edit.setObjectName(u"end_time_edit")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.end_time_edit)

        self.content_label = QLabel(CongressAgendaItemDialog)
        self.content_label.setObjectName(u"content_label")
        self.content_label.setWordWrap(True)

        self.form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.content_label)

        self.content_edit = QPlainTextEdit(CongressAgendaItemDialog)
        self.content_edit.setObjectName(u"content_edit")
        self.content_edit.setMinimumSize(QSize(0, 60))

        self.form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.content_edit)

        self.presider_label = QLabel(CongressAgendaItemDialog)
        self.presider_label.setObjectName(u"presider_label")
        self.presider_label.setWordWrap(True)

        self.form_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.presider_label)

        self.presider_edit = QLineEdit(CongressAgendaItemDialog)
        self.presider_edit.setObjectName(u"presider_edit")

        self.form_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.presider_edit)

        self.reporter_label = QLabel(CongressAgendaItemDialog)
        self.reporter_label.setObjectName(u"reporter_label")
        self.reporter_label.setWordWrap(True)

        self.form_layout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.reporter_label)

        self.reporter_edit = QLineEdit(CongressAgendaItemDialog)
        self.reporter_edit.setObjectName(u"reporter_edit")

        self.form_layout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.reporter_edit)

        self.place_label = QLabel(CongressAgendaItemDialog)
        self.place_label.setObjectName(u"place_label")
        self.place_label.setWordWrap(True)

        self.form_layout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.place_label)

        self.place_edit = QLineEdit(CongressAgendaItemDialog)
        self.place_edit.setObjectName(u"place_edit")

        self.form_layout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.place_edit)

        self.notes_label = QLabel(CongressAgendaItemDialog)
        self.notes_label.setObjectName(u"notes_label")
        self.notes_label.setWordWrap(True)

        self.form_layout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.notes_label)

        self.notes_edit = QLineEdit(CongressAgendaItemDialog)
        self.notes_edit.setObjectName(u"notes_edit")

        self.form_layout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.notes_edit)


        self.main_layout.addLayout(self.form_layout)

        self.message_label = QLabel(CongressAgendaItemDialog)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet(u"color: #b00020;")

        self.main_layout.addWidget(self.message_label)

        self.button_box = QDialogButtonBox(CongressAgendaItemDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.button_box)


        self.retranslateUi(CongressAgendaItemDialog)

        QMetaObject.connectSlotsByName(CongressAgendaItemDialog)
    # setupUi

    def retranslateUi(self, CongressAgendaItemDialog):
        CongressAgendaItemDialog.setWindowTitle(QCoreApplication.translate("CongressAgendaItemDialog", u"\u8bae\u7a0b\u9879", None))
        self.part_label.setText(QCoreApplication.translate("CongressAgendaItemDialog", u"\u90e8\u5206", None))
        self.part_combo.setItemText(0, QCoreApplication.translate("CongressAgendaItemDialog", u"\u9884\u5907\u4f1a\u8bae", None))
        self.part_combo.setItemText(1, QCoreApplication.translate("CongressAgendaItemDialog", u"\u6b63\u5f0f\u4f1a\u8bae", None))

        self.item_date_label.setText(QCoreApplication.translate("CongressAgendaItemDialog", u"\u65e5\u671f", None))
        self.item_date_edit.setDisplayFormat(QCoreApplication.translate("CongressAgendaItemDialog", u"yyyy-MM-dd", None))
#if QT_CONFIG(tooltip)
        self.item_date_edit.setToolTip(QCoreApplication.translate("CongressAgendaItemDialog", u"\u201c\u672a\u8bbe\u5b9a\u201d\u5219\u4e3a\u4f1a\u8bae\u5f00\u5e55\u65e5", None))
#endif // QT_CONFIG(tooltip)
        self.start_time_label.setText(QCoreApplication.translate("CongressAgendaItemDialog", u"\u5f00\u59cb\u65f6\u95f4", None))
        self.start_time_edit.setPlaceholderText(QCoreApplication.translate("CongressAgendaItemDialog", u"\u5982 08:30", None))
        self.end_time_label.setText(QCoreApplication.translate("CongressAgendaItemDialog", u"\u7ed3\u675f\u65f6\u95f4", None))
        self.end_time_edit.setPlaceholderText(QCoreApplication.translate("CongressAgendaItemDialog", u"\u5982 09:00", None))
        self.content_label.setText(QCoreApplication.translate("CongressAgendaItemDialog", u"\u8bae\u7a0b\u5185\u5bb9", None))
        self.presider_label.setText(QCoreApplication.translate("CongressAgendaItemDialog", u"\u4e3b\u6301\u4eba", None))
        self.reporter_label.setText(QCoreApplication.translate("CongressAgendaItemDialog", u"\u62a5\u544a\u4eba", None))
        self.place_label.setText(QCoreApplication.translate("CongressAgendaItemDialog", u"\u5730\u70b9", None))
        self.notes_label.setText(QCoreApplication.translate("CongressAgendaItemDialog", u"\u5907\u6ce8", None))
        self.message_label.setText("")
    # retranslateUi


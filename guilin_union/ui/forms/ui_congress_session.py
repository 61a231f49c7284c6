# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'congress_session.ui'
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
    QLineEdit, QPlainTextEdit, QSizePolicy, QSpinBox,
    QVBoxLayout, QWidget)

class Ui_CongressSessionDialog(object):
    def setupUi(self, CongressSessionDialog):
        if not CongressSessionDialog.objectName():
            CongressSessionDialog.setObjectName(u"CongressSessionDialog")
        CongressSessionDialog.resize(560, 440)
        self.main_layout = QVBoxLayout(CongressSessionDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.term_label = QLabel(CongressSessionDialog)
        self.term_label.setObjectName(u"term_label")
        self.term_label.setWordWrap(True)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.term_label)

        self.term_combo = QComboBox(CongressSessionDialog)
        self.term_combo.setObjectName(u"term_combo")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.term_combo)

        self.meeting_no_label = QLabel(CongressSessionDialog)
        self.meeting_no_label.setObjectName(u"meeting_no_label")
        self.meeting_no_label.setWordWrap(True)

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.meeting_no_label)

        self.meeting_no_spin = QSpinBox(CongressSessionDialog)
        self.meeting_no_spin.setObjectName(u"meeting_no_spin")
        self.meeting_no_spin.setMinimum(1)
        self.meeting_no_spin.setMaximum(99)

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.meeting_no_spin)

        self.title_label = QLabel(CongressSessionDialog)
        self.title_label.setObjectName(u"title_label")
        self.title_label.setWordWrap(True)

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.title_label)

        self.title_edit = QLineEdit(CongressSessionDialog)
        self.title_edit.setObjectName(u"title_edit")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.title_edit)

        self.start_date_label = QLabel(CongressSessionDialog)
        self.start_date_label.setObjectName(u"start_date_label")
        self.start_date_label.setWordWrap(True)

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.start_date_label)

        self.start_date_edit = QDateEdit(CongressSessionDialog)
        self.start_date_edit.setObjectName(u"start_date_edit")
        self.start_date_edit.setCalendarPopup(True)

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.start_date_edit)

        self.end_date_label = QLabel(CongressSessionDialog)
        self.end_date_label.setObjectName(u"end_date_label")
        self.end_date_label.setWordWrap(True)

        self.form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.end_date_label)

        self.end_date_edit = QDateEdit(CongressSessionDialog)
        self.end_date_edit.setObjectName(u"end_date_edit")
        self.end_date_edit.setCalendarPopup(True)

        self.form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.end_date_edit)

        self.venue_label = QLabel(CongressSessionDialog)
        self.venue_label.setObjectName(u"venue_label")
        self.venue_label.setWordWrap(True)

        self.form_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.venue_label)

        self.venue_edit = QLineEdit(CongressSessionDialog)
        self.venue_edit.setObjectName(u"venue_edit")

        self.form_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.venue_edit)

        self.proposal_deadline_label = QLabel(CongressSessionDialog)
        self.proposal_deadline_label.setObjectName(u"proposal_deadline_label")
        self.proposal_deadline_label.setWordWrap(True)

        self.form_layout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.proposal_deadline_label)

        self.proposal_deadline_edit = QDateEdit(CongressSessionDialog)
        self.proposal_deadline_edit.setObjectName(u"proposal_deadline_edit")
        self.proposal_deadline_edit.setCalendarPopup(True)

        self.form_layout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.proposal_deadline_edit)

        self.reply_deadline_label = QLabel(CongressSessionDialog)
        self.reply_deadline_label.setObjectName(u"reply_deadline_label")
        self.reply_deadline_label.setWordWrap(True)

        self.form_layout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.reply_deadline_label)

        self.reply_deadline_edit = QDateEdit(CongressSessionDialog)
        self.reply_deadline_edit.setObjectName(u"reply_deadline_edit")
        self.reply_deadline_edit.setCalendarPopup(True)

        self.form_layout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.reply_deadline_edit)

        self.proposal_prefix_label = QLabel(CongressSessionDialog)
        self.proposal_prefix_label.setObjectName(u"proposal_prefix_label")
        self.proposal_prefix_label.setWordWrap(True)

        self.form_layout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.proposal_prefix_label)

        self.proposal_prefix_edit = QLineEdit(CongressSessionDialog)
        self.proposal_prefix_edit.setObjectName(u"proposal_prefix_edit")

        self.form_layout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.proposal_prefix_edit)

        self.notes_label = QLabel(CongressSessionDialog)
        self.notes_label.setObjectName(u"notes_label")
        self.notes_label.setWordWrap(True)

        self.form_layout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.notes_label)

        self.notes_edit = QPlainTextEdit(CongressSessionDialog)
        self.notes_edit.setObjectName(u"notes_edit")
        self.notes_edit.setMinimumSize(QSize(0, 50))

        self.form_layout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.notes_edit)


        self.main_layout.addLayout(self.form_layout)

        self.message_label = QLabel(CongressSessionDialog)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet(u"color: #b00020;")

        self.main_layout.addWidget(self.message_label)

        self.button_box = QDialogButtonBox(CongressSessionDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.button_box)


        self.retranslateUi(CongressSessionDialog)

        QMetaObject.connectSlotsByName(CongressSessionDialog)
    # setupUi

    def retranslateUi(self, CongressSessionDialog):
        CongressSessionDialog.setWindowTitle(QCoreApplication.translate("CongressSessionDialog", u"\u4f1a\u8bae", None))
        self.term_label.setText(QCoreApplication.translate("CongressSessionDialog", u"\u5c4a\u6b21", None))
        self.meeting_no_label.setText(QCoreApplication.translate("CongressSessionDialog", u"\u7b2c\u51e0\u6b21\u4f1a\u8bae", None))
        self.title_label.setText(QCoreApplication.translate("CongressSessionDialog", u"\u4f1a\u8bae\u540d\u79f0", None))
        self.title_edit.setPlaceholderText(QCoreApplication.translate("CongressSessionDialog", u"\u7559\u7a7a\u5219\u6309\u5c4a\u6b21\u548c\u4f1a\u6b21\u81ea\u52a8\u751f\u6210", None))
        self.start_date_label.setText(QCoreApplication.translate("CongressSessionDialog", u"\u5f00\u5e55\u65e5\u671f", None))
        self.start_date_edit.setDisplayFormat(QCoreApplication.translate("CongressSessionDialog", u"yyyy-MM-dd", None))
        self.end_date_label.setText(QCoreApplication.translate("CongressSessionDialog", u"\u95ed\u5e55\u65e5\u671f", None))
        self.end_date_edit.setDisplayFormat(QCoreApplication.translate("CongressSessionDialog", u"yyyy-MM-dd", None))
#if QT_CONFIG(tooltip)
        self.end_date_edit.setToolTip(QCoreApplication.translate("CongressSessionDialog", u"\u4e00\u5929\u7684\u4f1a\u8bae\u53ef\u4e0d\u586b\uff1a\u9009\u201c\u672a\u8bbe\u5b9a\u201d", None))
#endif // QT_CONFIG(tooltip)
        self.venue_label.setText(QCoreApplication.translate("CongressSessionDialog", u"\u4f1a\u8bae\u5730\u70b9", None))
        self.proposal_deadline_label.setText(QCoreApplication.translate("CongressSessionDialog", u"\u63d0\u6848\u622a\u6b62\u65e5\u671f", None))
        self.proposal_deadline_edit.setDisplayFormat(QCoreApplication.translate("CongressSessionDialog", u"yyyy-MM-dd", None))
#if QT_CONFIG(tooltip)
        self.proposal_deadline_edit.setToolTip(QCoreApplication.translate("CongressSessionDialog", u"\u201c\u672a\u8bbe\u5b9a\u201d\u5219\u4e3a\u5f00\u5e55\u524d\u82e5\u5e72\u5929\uff08\u89c1\u89c4\u5219\u8bbe\u7f6e\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.reply_deadline_label.setText(QCoreApplication.translate("CongressSessionDialog", u"\u63d0\u6848\u7b54\u590d\u671f\u9650", None))
        self.reply_deadline_edit.setDisplayFormat(QCoreApplication.translate("CongressSessionDialog", u"yyyy-MM-dd", None))
#if QT_CONFIG(tooltip)
        self.reply_deadline_edit.setToolTip(QCoreApplication.translate("CongressSessionDialog", u"\u201c\u672a\u8bbe\u5b9a\u201d\u5219\u4e3a\u5f00\u5e55\u540e\u82e5\u5e72\u5929\uff08\u89c1\u89c4\u5219\u8bbe\u7f6e\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.proposal_prefix_label.setText(QCoreApplication.translate("CongressSessionDialog", u"\u63d0\u6848\u7f16\u53f7\u524d\u7f00", None))
        self.proposal_prefix_edit.setPlaceholderText(QCoreApplication.translate("CongressSessionDialog", u"\u7559\u7a7a\u5219\u4e3a\u5f00\u5e55\u5e74\u4efd\uff0c\u5982 2024\uff08\u7f16\u53f7 2024-001\uff09", None))
        self.notes_label.setText(QCoreApplication.translate("CongressSessionDialog", u"\u5907\u6ce8", None))
        self.message_label.setText("")
    # retranslateUi


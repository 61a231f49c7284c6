# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'proposal_reply.ui'
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
    QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_ProposalReplyDialog(object):
    def setupUi(self, ProposalReplyDialog):
        if not ProposalReplyDialog.objectName():
            ProposalReplyDialog.setObjectName(u"ProposalReplyDialog")
        ProposalReplyDialog.resize(600, 440)
        self.main_layout = QVBoxLayout(ProposalReplyDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.proposal_value_caption = QLabel(ProposalReplyDialog)
        self.proposal_value_caption.setObjectName(u"proposal_value_caption")
        self.proposal_value_caption.setWordWrap(True)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.proposal_value_caption)

        self.proposal_value_label = QLabel(ProposalReplyDialog)
        self.proposal_value_label.setObjectName(u"proposal_value_label")
        self.proposal_value_label.setWordWrap(True)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.proposal_value_label)

        self.reply_date_label = QLabel(ProposalReplyDialog)
        self.reply_date_label.setObjectName(u"reply_date_label")
        self.reply_date_label.setWordWrap(True)

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.reply_date_label)

        self.reply_date_edit = QDateEdit(ProposalReplyDialog)
        self.reply_date_edit.setObjectName(u"reply_date_edit")
        self.reply_date_edit.setCalendarPopup(True)

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.reply_date_edit)

        self.outcome_label = QLabel(ProposalReplyDialog)
        self.outcome_label.setObjectName(u"outcome_label")
        self.outcome_label.setWordWrap(True)

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.outcome_label)

        self.outcome_combo = QComboBox(ProposalReplyDialog)
        self.outcome_combo.addItem("")
        self.outcome_combo.addItem("")
        self.outcome_combo.addItem("")
        self.outcome_combo.setObjectName(u"outcome_combo")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.outcome_combo)

        self.reply_text_label = QLabel(ProposalReplyDialog)
        self.reply_text_label.setObjectName(u"reply_text_label")
        self.reply_text_label.setWordWrap(True)

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.reply_text_label)

        self.reply_text_edit = QPlainTextEdit(ProposalReplyDialog)
        self.reply_text_edit.setObjectName(u"reply_text_edit")
        self.reply_text_edit.setMinimumSize(QSize(0, 140))

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.reply_text_edit)

        self.reason_label = QLabel(ProposalReplyDialog)
        self.reason_label.setObjectName(u"reason_label")
        self.reason_label.setWordWrap(True)

        self.form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.reason_label)

        self.reason_edit = QPlainTextEdit(ProposalReplyDialog)
        self.reason_edit.setObjectName(u"reason_edit")
        self.reason_edit.setMinimumSize(QSize(0, 50))

        self.form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.reason_edit)


        self.main_layout.addLayout(self.form_layout)

        self.message_label = QLabel(ProposalReplyDialog)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet(u"color: #b00020;")

        self.main_layout.addWidget(self.message_label)

        self.button_box = QDialogButtonBox(ProposalReplyDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.button_box)


        self.retranslateUi(ProposalReplyDialog)

        QMetaObject.connectSlotsByName(ProposalReplyDialog)
    # setupUi

    def retranslateUi(self, ProposalReplyDialog):
        ProposalReplyDialog.setWindowTitle(QCoreApplication.translate("ProposalReplyDialog", u"\u7b54\u590d", None))
        self.proposal_value_caption.setText(QCoreApplication.translate("ProposalReplyDialog", u"\u63d0\u6848", None))
        self.proposal_value_label.setText("")
        self.reply_date_label.setText(QCoreApplication.translate("ProposalReplyDialog", u"\u7b54\u590d\u65e5\u671f", None))
        self.reply_date_edit.setDisplayFormat(QCoreApplication.translate("ProposalReplyDialog", u"yyyy-MM-dd", None))
        self.outcome_label.setText(QCoreApplication.translate("ProposalReplyDialog", u"\u843d\u5b9e\u60c5\u51b5", None))
        self.outcome_combo.setItemText(0, QCoreApplication.translate("ProposalReplyDialog", u"\u5df2\u843d\u5b9e", None))
        self.outcome_combo.setItemText(1, QCoreApplication.translate("ProposalReplyDialog", u"\u6b63\u5728\u843d\u5b9e", None))
        self.outcome_combo.setItemText(2, QCoreApplication.translate("ProposalReplyDialog", u"\u672a\u80fd\u843d\u5b9e", None))

        self.reply_text_label.setText(QCoreApplication.translate("ProposalReplyDialog", u"\u7b54\u590d\u5185\u5bb9", None))
        self.reason_label.setText(QCoreApplication.translate("ProposalReplyDialog", u"\u672a\u80fd\u843d\u5b9e\u539f\u56e0", None))
        self.reason_edit.setPlaceholderText(QCoreApplication.translate("ProposalReplyDialog", u"\u201c\u672a\u80fd\u843d\u5b9e\u201d\u65f6\u5fc5\u586b", None))
        self.message_label.setText("")
    # retranslateUi


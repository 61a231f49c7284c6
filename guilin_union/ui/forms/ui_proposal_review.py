# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'proposal_review.ui'
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

class Ui_ProposalReviewDialog(object):
    def setupUi(self, ProposalReviewDialog):
        if not ProposalReviewDialog.objectName():
            ProposalReviewDialog.setObjectName(u"ProposalReviewDialog")
        ProposalReviewDialog.resize(520, 360)
        self.main_layout = QVBoxLayout(ProposalReviewDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.intro_label = QLabel(ProposalReviewDialog)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)
        self.intro_label.setStyleSheet(u"color: #555;")

        self.main_layout.addWidget(self.intro_label)

        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.proposal_value_caption = QLabel(ProposalReviewDialog)
        self.proposal_value_caption.setObjectName(u"proposal_value_caption")
        self.proposal_value_caption.setWordWrap(True)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.proposal_value_caption)

        self.proposal_value_label = QLabel(ProposalReviewDialog)
        self.proposal_value_label.setObjectName(u"proposal_value_label")
        self.proposal_value_label.setWordWrap(True)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.proposal_value_label)

        self.result_label = QLabel(ProposalReviewDialog)
        self.result_label.setObjectName(u"result_label")
        self.result_label.setWordWrap(True)

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.result_label)

        self.result_combo = QComboBox(ProposalReviewDialog)
        self.result_combo.addItem("")
        self.result_combo.addItem("")
        self.result_combo.addItem("")
        self.result_combo.addItem("")
        self.result_combo.addItem("")
        self.result_combo.addItem("")
        self.result_combo.setObjectName(u"result_combo")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.result_combo)

        self.target_label = QLabel(ProposalReviewDialog)
        self.target_label.setObjectName(u"target_label")
        self.target_label.setWordWrap(True)

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.target_label)

        self.target_combo = QComboBox(ProposalReviewDialog)
        self.target_combo.setObjectName(u"target_combo")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.target_combo)

        self.date_label = QLabel(ProposalReviewDialog)
        self.date_label.setObjectName(u"date_label")
        self.date_label.setWordWrap(True)

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.date_label)

        self.date_edit = QDateEdit(ProposalReviewDialog)
        self.date_edit.setObjectName(u"date_edit")
        self.date_edit.setCalendarPopup(True)

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.date_edit)

        self.note_label = QLabel(ProposalReviewDialog)
        self.note_label.setObjectName(u"note_label")
        self.note_label.setWordWrap(True)

        self.form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.note_label)

        self.note_edit = QPlainTextEdit(ProposalReviewDialog)
        self.note_edit.setObjectName(u"note_edit")
        self.note_edit.setMinimumSize(QSize(0, 70))

        self.form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.note_edit)


        self.main_layout.addLayout(self.form_layout)

        self.message_label = QLabel(ProposalReviewDialog)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet(u"color: #b00020;")

        self.main_layout.addWidget(self.message_label)

        self.button_box = QDialogButtonBox(ProposalReviewDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.button_box)


        self.retranslateUi(ProposalReviewDialog)

        QMetaObject.connectSlotsByName(ProposalReviewDialog)
    # setupUi

    def retranslateUi(self, ProposalReviewDialog):
        ProposalReviewDialog.setWindowTitle(QCoreApplication.translate("ProposalReviewDialog", u"\u63d0\u6848\u5ba1\u67e5", None))
        self.intro_label.setText(QCoreApplication.translate("ProposalReviewDialog", u"\u63d0\u6848\u5de5\u4f5c\u59d4\u5458\u4f1a\u7684\u5ba1\u67e5\u610f\u89c1\u3002\u5e76\u6848\u53ef\u5728\u4e4b\u540e\u64a4\u9500\uff1b\u5176\u4ed6\u7ed3\u679c\u5728\u4ea4\u529e\u524d\u53ef\u201c\u64a4\u9500\u5ba1\u67e5\u7ed3\u679c\u201d\u3002", None))
        self.proposal_value_caption.setText(QCoreApplication.translate("ProposalReviewDialog", u"\u63d0\u6848", None))
        self.proposal_value_label.setText("")
        self.result_label.setText(QCoreApplication.translate("ProposalReviewDialog", u"\u5ba1\u67e5\u7ed3\u679c", None))
        self.result_combo.setItemText(0, QCoreApplication.translate("ProposalReviewDialog", u"\u7acb\u6848\uff08\u91cd\u70b9\uff09", None))
        self.result_combo.setItemText(1, QCoreApplication.translate("ProposalReviewDialog", u"\u7acb\u6848\uff08\u4e00\u822c\uff09", None))
        self.result_combo.setItemText(2, QCoreApplication.translate("ProposalReviewDialog", u"\u5e76\u6848", None))
        self.result_combo.setItemText(3, QCoreApplication.translate("ProposalReviewDialog", u"\u8f6c\u610f\u89c1\u5efa\u8bae", None))
        self.result_combo.setItemText(4, QCoreApplication.translate("ProposalReviewDialog", u"\u4e0d\u7acb\u6848", None))
        self.result_combo.setItemText(5, QCoreApplication.translate("ProposalReviewDialog", u"\u64a4\u6848", None))

        self.target_label.setText(QCoreApplication.translate("ProposalReviewDialog", u"\u5e76\u5165\u63d0\u6848", None))
#if QT_CONFIG(tooltip)
        self.target_combo.setToolTip(QCoreApplication.translate("ProposalReviewDialog", u"\u5e76\u6848\u65f6\u9009\u62e9\u5e76\u5165\u540c\u4e00\u6b21\u4f1a\u8bae\u7684\u54ea\u4ef6\u63d0\u6848\uff1b\u672c\u6848\u63d0\u6848\u4eba\u5c06\u6210\u4e3a\u8be5\u6848\u7684\u8054\u540d\u63d0\u6848\u4eba", None))
#endif // QT_CONFIG(tooltip)
        self.date_label.setText(QCoreApplication.translate("ProposalReviewDialog", u"\u65e5\u671f", None))
        self.date_edit.setDisplayFormat(QCoreApplication.translate("ProposalReviewDialog", u"yyyy-MM-dd", None))
        self.note_label.setText(QCoreApplication.translate("ProposalReviewDialog", u"\u610f\u89c1\u6216\u7406\u7531", None))
        self.note_edit.setPlaceholderText(QCoreApplication.translate("ProposalReviewDialog", u"\u4e0d\u7acb\u6848\u987b\u5199\u660e\u7406\u7531", None))
        self.message_label.setText("")
    # retranslateUi


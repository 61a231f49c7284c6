# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'proposal_rate.ui'
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

class Ui_ProposalRateDialog(object):
    def setupUi(self, ProposalRateDialog):
        if not ProposalRateDialog.objectName():
            ProposalRateDialog.setObjectName(u"ProposalRateDialog")
        ProposalRateDialog.resize(520, 380)
        self.main_layout = QVBoxLayout(ProposalRateDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.intro_label = QLabel(ProposalRateDialog)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)
        self.intro_label.setStyleSheet(u"color: #555;")

        self.main_layout.addWidget(self.intro_label)

        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.proposal_value_caption = QLabel(ProposalRateDialog)
        self.proposal_value_caption.setObjectName(u"proposal_value_caption")
        self.proposal_value_caption.setWordWrap(True)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.proposal_value_caption)

        self.proposal_value_label = QLabel(ProposalRateDialog)
        self.proposal_value_label.setObjectName(u"proposal_value_label")
        self.proposal_value_label.setWordWrap(True)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.proposal_value_label)

        self.rating_label = QLabel(ProposalRateDialog)
        self.rating_label.setObjectName(u"rating_label")
        self.rating_label.setWordWrap(True)

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.rating_label)

        self.rating_combo = QComboBox(ProposalRateDialog)
        self.rating_combo.addItem("")
        self.rating_combo.addItem("")
        self.rating_combo.addItem("")
        self.rating_combo.setObjectName(u"rating_combo")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.rating_combo)

        self.rating_date_label = QLabel(ProposalRateDialog)
        self.rating_date_label.setObjectName(u"rating_date_label")
        self.rating_date_label.setWordWrap(True)

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.rating_date_label)

        self.rating_date_edit = QDateEdit(ProposalRateDialog)
        self.rating_date_edit.setObjectName(u"rating_date_edit")
        self.rating_date_edit.setCalendarPopup(True)

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.rating_date_edit)

        self.note_label = QLabel(ProposalRateDialog)
        self.note_label.setObjectName(u"note_label")
        self.note_label.setWordWrap(True)

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.note_label)

        self.note_edit = QPlainTextEdit(ProposalRateDialog)
        self.note_edit.setObjectName(u"note_edit")
        self.note_edit.setMinimumSize(QSize(0, 60))

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.note_edit)

        self.new_deadline_label = QLabel(ProposalRateDialog)
        self.new_deadline_label.setObjectName(u"new_deadline_label")
        self.new_deadline_label.setWordWrap(True)

        self.form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.new_deadline_label)

        self.new_deadline_edit = QDateEdit(ProposalRateDialog)
        self.new_deadline_edit.setObjectName(u"new_deadline_edit")
        self.new_deadline_edit.setCalendarPopup(True)

        self.form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.new_deadline_edit)


        self.main_layout.addLayout(self.form_layout)

        self.message_label = QLabel(ProposalRateDialog)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet(u"color: #b00020;")

        self.main_layout.addWidget(self.message_label)

        self.button_box = QDialogButtonBox(ProposalRateDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.button_box)


        self.retranslateUi(ProposalRateDialog)

        QMetaObject.connectSlotsByName(ProposalRateDialog)
    # setupUi

    def retranslateUi(self, ProposalRateDialog):
        ProposalRateDialog.setWindowTitle(QCoreApplication.translate("ProposalRateDialog", u"\u63d0\u6848\u4eba\u8bc4\u4ef7", None))
        self.intro_label.setText(QCoreApplication.translate("ProposalRateDialog", u"\u6ee1\u610f\u6216\u57fa\u672c\u6ee1\u610f\uff1a\u63d0\u6848\u529e\u7ed3\u3002\u4e0d\u6ee1\u610f\uff1a\u4ee5\u540c\u6837\u7684\u4e3b\u529e\u3001\u534f\u529e\u5355\u4f4d\u91cd\u65b0\u529e\u7406\uff0c\u539f\u6709\u7684\u529e\u7406\u8bb0\u5f55\u5168\u90e8\u4fdd\u7559\u3002", None))
        self.proposal_value_caption.setText(QCoreApplication.translate("ProposalRateDialog", u"\u63d0\u6848", None))
        self.proposal_value_label.setText("")
        self.rating_label.setText(QCoreApplication.translate("ProposalRateDialog", u"\u8bc4\u4ef7", None))
        self.rating_combo.setItemText(0, QCoreApplication.translate("ProposalRateDialog", u"\u6ee1\u610f", None))
        self.rating_combo.setItemText(1, QCoreApplication.translate("ProposalRateDialog", u"\u57fa\u672c\u6ee1\u610f", None))
        self.rating_combo.setItemText(2, QCoreApplication.translate("ProposalRateDialog", u"\u4e0d\u6ee1\u610f", None))

        self.rating_date_label.setText(QCoreApplication.translate("ProposalRateDialog", u"\u8bc4\u4ef7\u65e5\u671f", None))
        self.rating_date_edit.setDisplayFormat(QCoreApplication.translate("ProposalRateDialog", u"yyyy-MM-dd", None))
        self.note_label.setText(QCoreApplication.translate("ProposalRateDialog", u"\u8bf4\u660e", None))
        self.note_edit.setPlaceholderText(QCoreApplication.translate("ProposalRateDialog", u"\u201c\u4e0d\u6ee1\u610f\u201d\u65f6\u8bf7\u5199\u660e\u539f\u56e0", None))
        self.new_deadline_label.setText(QCoreApplication.translate("ProposalRateDialog", u"\u65b0\u7684\u7b54\u590d\u671f\u9650", None))
        self.new_deadline_edit.setDisplayFormat(QCoreApplication.translate("ProposalRateDialog", u"yyyy-MM-dd", None))
#if QT_CONFIG(tooltip)
        self.new_deadline_edit.setToolTip(QCoreApplication.translate("ProposalRateDialog", u"\u8bc4\u4ef7\u201c\u4e0d\u6ee1\u610f\u201d\u65f6\u91cd\u65b0\u4ea4\u529e\uff0c\u7b54\u590d\u671f\u9650\u9ed8\u8ba4\u4e3a\u8bc4\u4ef7\u540e\u82e5\u5e72\u5929\uff08\u89c1\u63d0\u6848\u8bbe\u7f6e\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.message_label.setText("")
    # retranslateUi


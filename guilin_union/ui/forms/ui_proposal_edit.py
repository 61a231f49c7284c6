# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'proposal_edit.ui'
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
    QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_ProposalDialog(object):
    def setupUi(self, ProposalDialog):
        if not ProposalDialog.objectName():
            ProposalDialog.setObjectName(u"ProposalDialog")
        ProposalDialog.resize(680, 720)
        self.main_layout = QVBoxLayout(ProposalDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.number_value_caption = QLabel(ProposalDialog)
        self.number_value_caption.setObjectName(u"number_value_caption")
        self.number_value_caption.setWordWrap(True)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.number_value_caption)

        self.number_value_label = QLabel(ProposalDialog)
        self.number_value_label.setObjectName(u"number_value_label")
        self.number_value_label.setWordWrap(True)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.number_value_label)

        self.title_label = QLabel(ProposalDialog)
        self.title_label.setObjectName(u"title_label")
        self.title_label.setWordWrap(True)

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.title_label)

        self.title_edit = QLineEdit(ProposalDialog)
        self.title_edit.setObjectName(u"title_edit")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.title_edit)

        self.category_label = QLabel(ProposalDialog)
        self.category_label.setObjectName(u"category_label")
        self.category_label.setWordWrap(True)

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.category_label)

        self.category_combo = QComboBox(ProposalDialog)
        self.category_combo.setObjectName(u"category_combo")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.category_combo)

        self.kind_label = QLabel(ProposalDialog)
        self.kind_label.setObjectName(u"kind_label")
        self.kind_label.setWordWrap(True)

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.kind_label)

        self.kind_combo = QComboBox(ProposalDialog)
        self.kind_combo.addItem("")
        self.kind_combo.addItem("")
        self.kind_combo.setObjectName(u"kind_combo")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.kind_combo)

        self.proposer_label = QLabel(ProposalDialog)
        self.proposer_label.setObjectName(u"proposer_label")
        self.proposer_label.setWordWrap(True)

        self.form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.proposer_label)

        self.proposer_combo = QComboBox(ProposalDialog)
        self.proposer_combo.setObjectName(u"proposer_combo")
        self.proposer_combo.setEditable(True)

        self.form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.proposer_combo)

        self.delegation_label = QLabel(ProposalDialog)
        self.delegation_label.setObjectName(u"delegation_label")
        self.delegation_label.setWordWrap(True)

        self.form_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.delegation_label)

        self.delegation_combo = QComboBox(ProposalDialog)
        self.delegation_combo.setObjectName(u"delegation_combo")

        self.form_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.delegation_combo)

        self.seconder_search_label = QLabel(ProposalDialog)
        self.seconder_search_label.setObjectName(u"seconder_search_label")
        self.seconder_search_label.setWordWrap(True)

        self.form_layout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.seconder_search_label)

        self.seconder_search_edit = QLineEdit(ProposalDialog)
        self.seconder_search_edit.setObjectName(u"seconder_search_edit")

        self.form_layout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.seconder_search_edit)

        self.seconders_list = QListWidget(ProposalDialog)
        self.seconders_list.setObjectName(u"seconders_list")

        self.form_layout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.seconders_list)

        self.submitted_on_label = QLabel(ProposalDialog)
        self.submitted_on_label.setObjectName(u"submitted_on_label")
        self.submitted_on_label.setWordWrap(True)

        self.form_layout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.submitted_on_label)

        self.submitted_on_edit = QDateEdit(ProposalDialog)
        self.submitted_on_edit.setObjectName(u"submitted_on_edit")
        self.submitted_on_edit.setCalendarPopup(True)

        self.form_layout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.submitted_on_edit)

        self.late_reason_label = QLabel(ProposalDialog)
        self.late_reason_label.setObjectName(u"late_reason_label")
        self.late_reason_label.setWordWrap(True)

        self.form_layout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.late_reason_label)

        self.late_reason_edit = QLineEdit(ProposalDialog)
        self.late_reason_edit.setObjectName(u"late_reason_edit")

        self.form_layout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.late_reason_edit)

        self.reasons_label = QLabel(ProposalDialog)
        self.reasons_label.setObjectName(u"reasons_label")
        self.reasons_label.setWordWrap(True)

        self.form_layout.setWidget(10, QFormLayout.ItemRole.LabelRole, self.reasons_label)

        self.reasons_edit = QPlainTextEdit(ProposalDialog)
        self.reasons_edit.setObjectName(u"reasons_edit")
        self.reasons_edit.setMinimumSize(QSize(0, 90))

        self.form_layout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.reasons_edit)

        self.suggestions_label = QLabel(ProposalDialog)
        self.suggestions_label.setObjectName(u"suggestions_label")
        self.suggestions_label.setWordWrap(True)

        self.form_layout.setWidget(11, QFormLayout.ItemRole.LabelRole, self.suggestions_label)

        self.suggestions_edit = QPlainTextEdit(ProposalDialog)
        self.suggestions_edit.setObjectName(u"suggestions_edit")
        self.suggestions_edit.setMinimumSize(QSize(0, 90))

        self.form_layout.setWidget(11, QFormLayout.ItemRole.FieldRole, self.suggestions_edit)


        self.main_layout.addLayout(self.form_layout)

        self.message_label = QLabel(ProposalDialog)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet(u"color: #b00020;")

        self.main_layout.addWidget(self.message_label)

        self.button_box = QDialogButtonBox(ProposalDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.button_box)


        self.retranslateUi(ProposalDialog)

        QMetaObject.connectSlotsByName(ProposalDialog)
    # setupUi

    def retranslateUi(self, ProposalDialog):
        ProposalDialog.setWindowTitle(QCoreApplication.translate("ProposalDialog", u"\u63d0\u6848", None))
        self.number_value_caption.setText(QCoreApplication.translate("ProposalDialog", u"\u7f16\u53f7", None))
        self.number_value_label.setText(QCoreApplication.translate("ProposalDialog", u"\u63d0\u4ea4\u540e\u81ea\u52a8\u7f16\u53f7", None))
        self.title_label.setText(QCoreApplication.translate("ProposalDialog", u"\u6848\u7531", None))
        self.title_edit.setPlaceholderText(QCoreApplication.translate("ProposalDialog", u"\u4e00\u4e8b\u4e00\u6848\uff0c\u5982\uff1a\u5173\u4e8e\u589e\u8bbe\u6559\u5de5\u5b50\u5973\u5bd2\u6691\u5047\u6258\u7ba1\u73ed\u7684\u5efa\u8bae", None))
        self.category_label.setText(QCoreApplication.translate("ProposalDialog", u"\u7c7b\u522b", None))
        self.kind_label.setText(QCoreApplication.translate("ProposalDialog", u"\u63d0\u6848\u5f62\u5f0f", None))
        self.kind_combo.setItemText(0, QCoreApplication.translate("ProposalDialog", u"\u4e2a\u4eba", None))
        self.kind_combo.setItemText(1, QCoreApplication.translate("ProposalDialog", u"\u96c6\u4f53", None))

        self.proposer_label.setText(QCoreApplication.translate("ProposalDialog", u"\u63d0\u6848\u4eba", None))
#if QT_CONFIG(tooltip)
        self.proposer_combo.setToolTip(QCoreApplication.translate("ProposalDialog", u"\u672c\u5c4a\u6b63\u5f0f\u4ee3\u8868\uff1b\u53ef\u8f93\u5165\u59d3\u540d\u6216\u62fc\u97f3\u9996\u5b57\u6bcd\u67e5\u627e", None))
#endif // QT_CONFIG(tooltip)
        self.delegation_label.setText(QCoreApplication.translate("ProposalDialog", u"\u4ee3\u8868\u56e2", None))
#if QT_CONFIG(tooltip)
        self.delegation_combo.setToolTip(QCoreApplication.translate("ProposalDialog", u"\u96c6\u4f53\u63d0\u6848\u7531\u4ee3\u8868\u56e2\u63d0\u51fa", None))
#endif // QT_CONFIG(tooltip)
        self.seconder_search_label.setText(QCoreApplication.translate("ProposalDialog", u"\u9644\u8bae\u4eba", None))
        self.seconder_search_edit.setPlaceholderText(QCoreApplication.translate("ProposalDialog", u"\u5728\u4e0b\u65b9\u52fe\u9009\u9644\u8bae\u4eba\uff1b\u53ef\u5728\u6b64\u8f93\u5165\u59d3\u540d\u67e5\u627e", None))
        self.submitted_on_label.setText(QCoreApplication.translate("ProposalDialog", u"\u63d0\u4ea4\u65e5\u671f", None))
        self.submitted_on_edit.setDisplayFormat(QCoreApplication.translate("ProposalDialog", u"yyyy-MM-dd", None))
        self.late_reason_label.setText(QCoreApplication.translate("ProposalDialog", u"\u903e\u671f\u8bf4\u660e", None))
        self.late_reason_edit.setPlaceholderText(QCoreApplication.translate("ProposalDialog", u"\u8d85\u8fc7\u63d0\u6848\u622a\u6b62\u65e5\u671f\u63d0\u4ea4\u65f6\u5fc5\u586b", None))
        self.reasons_label.setText(QCoreApplication.translate("ProposalDialog", u"\u7406\u7531", None))
        self.reasons_edit.setPlaceholderText(QCoreApplication.translate("ProposalDialog", u"\u73b0\u72b6\u3001\u95ee\u9898\u53ca\u7406\u7531", None))
        self.suggestions_label.setText(QCoreApplication.translate("ProposalDialog", u"\u5efa\u8bae", None))
        self.suggestions_edit.setPlaceholderText(QCoreApplication.translate("ProposalDialog", u"\u5177\u4f53\u7684\u529e\u6cd5\u548c\u63aa\u65bd", None))
        self.message_label.setText("")
    # retranslateUi


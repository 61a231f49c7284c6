# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'proposal_assign.ui'
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
    QListWidget, QListWidgetItem, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_ProposalAssignDialog(object):
    def setupUi(self, ProposalAssignDialog):
        if not ProposalAssignDialog.objectName():
            ProposalAssignDialog.setObjectName(u"ProposalAssignDialog")
        ProposalAssignDialog.resize(520, 440)
        self.main_layout = QVBoxLayout(ProposalAssignDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.proposal_value_caption = QLabel(ProposalAssignDialog)
        self.proposal_value_caption.setObjectName(u"proposal_value_caption")
        self.proposal_value_caption.setWordWrap(True)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.proposal_value_caption)

        self.proposal_value_label = QLabel(ProposalAssignDialog)
        self.proposal_value_label.setObjectName(u"proposal_value_label")
        self.proposal_value_label.setWordWrap(True)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.proposal_value_label)

        self.lead_label = QLabel(ProposalAssignDialog)
        self.lead_label.setObjectName(u"lead_label")
        self.lead_label.setWordWrap(True)

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.lead_label)

        self.lead_combo = QComboBox(ProposalAssignDialog)
        self.lead_combo.setObjectName(u"lead_combo")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.lead_combo)

        self.co_label = QLabel(ProposalAssignDialog)
        self.co_label.setObjectName(u"co_label")
        self.co_label.setWordWrap(True)

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.co_label)

        self.co_list = QListWidget(ProposalAssignDialog)
        self.co_list.setObjectName(u"co_list")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.co_list)

        self.assigned_on_label = QLabel(ProposalAssignDialog)
        self.assigned_on_label.setObjectName(u"assigned_on_label")
        self.assigned_on_label.setWordWrap(True)

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.assigned_on_label)

        self.assigned_on_edit = QDateEdit(ProposalAssignDialog)
        self.assigned_on_edit.setObjectName(u"assigned_on_edit")
        self.assigned_on_edit.setCalendarPopup(True)

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.assigned_on_edit)

        self.reply_deadline_label = QLabel(ProposalAssignDialog)
        self.reply_deadline_label.setObjectName(u"reply_deadline_label")
        self.reply_deadline_label.setWordWrap(True)

        self.form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.reply_deadline_label)

        self.reply_deadline_edit = QDateEdit(ProposalAssignDialog)
        self.reply_deadline_edit.setObjectName(u"reply_deadline_edit")
        self.reply_deadline_edit.setCalendarPopup(True)

        self.form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.reply_deadline_edit)


        self.main_layout.addLayout(self.form_layout)

        self.message_label = QLabel(ProposalAssignDialog)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet(u"color: #b00020;")

        self.main_layout.addWidget(self.message_label)

        self.button_box = QDialogButtonBox(ProposalAssignDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.button_box)


        self.retranslateUi(ProposalAssignDialog)

        QMetaObject.connectSlotsByName(ProposalAssignDialog)
    # setupUi

    def retranslateUi(self, ProposalAssignDialog):
        ProposalAssignDialog.setWindowTitle(QCoreApplication.translate("ProposalAssignDialog", u"\u4ea4\u529e", None))
        self.proposal_value_caption.setText(QCoreApplication.translate("ProposalAssignDialog", u"\u63d0\u6848", None))
        self.proposal_value_label.setText("")
        self.lead_label.setText(QCoreApplication.translate("ProposalAssignDialog", u"\u4e3b\u529e\u5355\u4f4d", None))
        self.co_label.setText(QCoreApplication.translate("ProposalAssignDialog", u"\u534f\u529e\u5355\u4f4d", None))
#if QT_CONFIG(tooltip)
        self.co_list.setToolTip(QCoreApplication.translate("ProposalAssignDialog", u"\u52fe\u9009\u534f\u529e\u5355\u4f4d\uff0c\u53ef\u591a\u9009", None))
#endif // QT_CONFIG(tooltip)
        self.assigned_on_label.setText(QCoreApplication.translate("ProposalAssignDialog", u"\u4ea4\u529e\u65e5\u671f", None))
        self.assigned_on_edit.setDisplayFormat(QCoreApplication.translate("ProposalAssignDialog", u"yyyy-MM-dd", None))
        self.reply_deadline_label.setText(QCoreApplication.translate("ProposalAssignDialog", u"\u7b54\u590d\u671f\u9650", None))
        self.reply_deadline_edit.setDisplayFormat(QCoreApplication.translate("ProposalAssignDialog", u"yyyy-MM-dd", None))
        self.message_label.setText("")
    # retranslateUi


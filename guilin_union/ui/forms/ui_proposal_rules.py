# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'proposal_rules.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QLabel, QLineEdit, QSizePolicy,
    QSpinBox, QVBoxLayout, QWidget)

class Ui_ProposalRulesDialog(object):
    def setupUi(self, ProposalRulesDialog):
        if not ProposalRulesDialog.objectName():
            ProposalRulesDialog.setObjectName(u"ProposalRulesDialog")
        ProposalRulesDialog.resize(520, 300)
        self.main_layout = QVBoxLayout(ProposalRulesDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.intro_label = QLabel(ProposalRulesDialog)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)
        self.intro_label.setStyleSheet(u"color: #555;")

        self.main_layout.addWidget(self.intro_label)

        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.categories_label = QLabel(ProposalRulesDialog)
        self.categories_label.setObjectName(u"categories_label")
        self.categories_label.setWordWrap(True)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.categories_label)

        self.categories_edit = QLineEdit(ProposalRulesDialog)
        self.categories_edit.setObjectName(u"categories_edit")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.categories_edit)

        self.min_seconders_label = QLabel(ProposalRulesDialog)
        self.min_seconders_label.setObjectName(u"min_seconders_label")
        self.min_seconders_label.setWordWrap(True)

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.min_seconders_label)

        self.min_seconders_spin = QSpinBox(ProposalRulesDialog)
        self.min_seconders_spin.setObjectName(u"min_seconders_spin")
        self.min_seconders_spin.setMinimum(0)
        self.min_seconders_spin.setMaximum(50)

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.min_seconders_spin)

        self.threshold_label = QLabel(ProposalRulesDialog)
        self.threshold_label.setObjectName(u"threshold_label")
        self.threshold_label.setWordWrap(True)

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.threshold_label)

        self.threshold_spin = QSpinBox(ProposalRulesDialog)
        self.threshold_spin.setObjectName(u"threshold_spin")
        self.threshold_spin.setMinimum(1)
        self.threshold_spin.setMaximum(100)

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.threshold_spin)

        self.rehandle_label = QLabel(ProposalRulesDialog)
        self.rehandle_label.setObjectName(u"rehandle_label")
        self.rehandle_label.setWordWrap(True)

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.rehandle_label)

        self.rehandle_spin = QSpinBox(ProposalRulesDialog)
        self.rehandle_spin.setObjectName(u"rehandle_spin")
        self.rehandle_spin.setMinimum(1)
        self.rehandle_spin.setMaximum(730)

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.rehandle_spin)


        self.main_layout.addLayout(self.form_layout)

        self.message_label = QLabel(ProposalRulesDialog)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet(u"color: #b00020;")

        self.main_layout.addWidget(self.message_label)

        self.button_box = QDialogButtonBox(ProposalRulesDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.button_box)


        self.retranslateUi(ProposalRulesDialog)

        QMetaObject.connectSlotsByName(ProposalRulesDialog)
    # setupUi

    def retranslateUi(self, ProposalRulesDialog):
        ProposalRulesDialog.setWindowTitle(QCoreApplication.translate("ProposalRulesDialog", u"\u63d0\u6848\u8bbe\u7f6e", None))
        self.intro_label.setText(QCoreApplication.translate("ProposalRulesDialog", u"\u9644\u8bae\u4eba\u987b\u4e3a\u672c\u5c4a\u6b63\u5f0f\u4ee3\u8868\u4e14\u4e0d\u542b\u63d0\u6848\u4eba\u672c\u4eba\u3002\u6848\u7531\u4e0e\u540c\u6b21\u4f1a\u8bae\u5176\u4ed6\u63d0\u6848\u7684\u76f8\u4f3c\u5ea6\u8fbe\u5230\u8bbe\u5b9a\u503c\u65f6\u63d0\u793a\u53ef\u80fd\u91cd\u590d\uff08\u4e00\u4e8b\u4e00\u6848\uff09\u3002", None))
        self.categories_label.setText(QCoreApplication.translate("ProposalRulesDialog", u"\u63d0\u6848\u7c7b\u522b", None))
        self.categories_edit.setPlaceholderText(QCoreApplication.translate("ProposalRulesDialog", u"\u7528\u987f\u53f7\u5206\u9694", None))
        self.min_seconders_label.setText(QCoreApplication.translate("ProposalRulesDialog", u"\u9644\u8bae\u4eba\u81f3\u5c11", None))
        self.min_seconders_spin.setSuffix(QCoreApplication.translate("ProposalRulesDialog", u" \u4eba", None))
        self.threshold_label.setText(QCoreApplication.translate("ProposalRulesDialog", u"\u6848\u7531\u76f8\u4f3c\u5ea6\u63d0\u793a", None))
        self.threshold_spin.setSuffix(QCoreApplication.translate("ProposalRulesDialog", u" %", None))
        self.rehandle_label.setText(QCoreApplication.translate("ProposalRulesDialog", u"\u4e0d\u6ee1\u610f\u91cd\u65b0\u529e\u7406\u671f\u9650", None))
        self.rehandle_spin.setSuffix(QCoreApplication.translate("ProposalRulesDialog", u" \u5929", None))
        self.message_label.setText("")
    # retranslateUi


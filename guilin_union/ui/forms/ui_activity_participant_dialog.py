# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'activity_participant_dialog.ui'
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
    QListWidget, QListWidgetItem, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_ActivityParticipantDialog(object):
    def setupUi(self, ActivityParticipantDialog):
        if not ActivityParticipantDialog.objectName():
            ActivityParticipantDialog.setObjectName(u"ActivityParticipantDialog")
        ActivityParticipantDialog.resize(480, 420)
        self.main_layout = QVBoxLayout(ActivityParticipantDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.participant_form = QFormLayout()
        self.participant_form.setObjectName(u"participant_form")
        self.participant_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.members_label = QLabel(ActivityParticipantDialog)
        self.members_label.setObjectName(u"members_label")

        self.participant_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.members_label)

        self.members_value = QLabel(ActivityParticipantDialog)
        self.members_value.setObjectName(u"members_value")
        self.members_value.setWordWrap(True)

        self.participant_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.members_value)

        self.branch_label = QLabel(ActivityParticipantDialog)
        self.branch_label.setObjectName(u"branch_label")

        self.participant_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.branch_label)

        self.branch_combo = QComboBox(ActivityParticipantDialog)
        self.branch_combo.setObjectName(u"branch_combo")

        self.participant_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.branch_combo)

        self.role_label = QLabel(ActivityParticipantDialog)
        self.role_label.setObjectName(u"role_label")

        self.participant_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.role_label)

        self.role_combo = QComboBox(ActivityParticipantDialog)
        self.role_combo.setObjectName(u"role_combo")

        self.participant_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.role_combo)

        self.status_label = QLabel(ActivityParticipantDialog)
        self.status_label.setObjectName(u"status_label")

        self.participant_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.status_label)

        self.status_combo = QComboBox(ActivityParticipantDialog)
        self.status_combo.setObjectName(u"status_combo")

        self.participant_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.status_combo)

        self.events_label = QLabel(ActivityParticipantDialog)
        self.events_label.setObjectName(u"events_label")

        self.participant_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.events_label)

        self.events_list = QListWidget(ActivityParticipantDialog)
        self.events_list.setObjectName(u"events_list")
        self.events_list.setMaximumSize(QSize(16777215, 160))

        self.participant_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.events_list)

        self.limit_label = QLabel(ActivityParticipantDialog)
        self.limit_label.setObjectName(u"limit_label")

        self.participant_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.limit_label)

        self.limit_value = QLabel(ActivityParticipantDialog)
        self.limit_value.setObjectName(u"limit_value")
        self.limit_value.setStyleSheet(u"color: #555;")

        self.participant_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.limit_value)

        self.notes_label = QLabel(ActivityParticipantDialog)
        self.notes_label.setObjectName(u"notes_label")

        self.participant_form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.notes_label)

        self.notes_edit = QLineEdit(ActivityParticipantDialog)
        self.notes_edit.setObjectName(u"notes_edit")

        self.participant_form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.notes_edit)


        self.main_layout.addLayout(self.participant_form)

        self.summary_label = QLabel(ActivityParticipantDialog)
        self.summary_label.setObjectName(u"summary_label")
        self.summary_label.setStyleSheet(u"color: #b00020;")
        self.summary_label.setWordWrap(True)

        self.main_layout.addWidget(self.summary_label)

        self.button_box = QDialogButtonBox(ActivityParticipantDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.button_box)


        self.retranslateUi(ActivityParticipantDialog)

        QMetaObject.connectSlotsByName(ActivityParticipantDialog)
    # setupUi

    def retranslateUi(self, ActivityParticipantDialog):
        ActivityParticipantDialog.setWindowTitle(QCoreApplication.translate("ActivityParticipantDialog", u"\u62a5\u540d\u4fe1\u606f", None))
        self.members_label.setText(QCoreApplication.translate("ActivityParticipantDialog", u"\u4eba\u5458", None))
        self.branch_label.setText(QCoreApplication.translate("ActivityParticipantDialog", u"\u4ee3\u8868\u5206\u5de5\u4f1a", None))
        self.role_label.setText(QCoreApplication.translate("ActivityParticipantDialog", u"\u89d2\u8272", None))
        self.status_label.setText(QCoreApplication.translate("ActivityParticipantDialog", u"\u62a5\u540d\u72b6\u6001", None))
        self.events_label.setText(QCoreApplication.translate("ActivityParticipantDialog", u"\u62a5\u540d\u9879\u76ee", None))
        self.limit_label.setText("")
        self.notes_label.setText(QCoreApplication.translate("ActivityParticipantDialog", u"\u5907\u6ce8", None))
    # retranslateUi


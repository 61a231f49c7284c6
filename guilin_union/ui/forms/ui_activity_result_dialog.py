# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'activity_result_dialog.ui'
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

class Ui_ActivityResultDialog(object):
    def setupUi(self, ActivityResultDialog):
        if not ActivityResultDialog.objectName():
            ActivityResultDialog.setObjectName(u"ActivityResultDialog")
        ActivityResultDialog.resize(460, 340)
        self.main_layout = QVBoxLayout(ActivityResultDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.result_form = QFormLayout()
        self.result_form.setObjectName(u"result_form")
        self.result_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.event_label = QLabel(ActivityResultDialog)
        self.event_label.setObjectName(u"event_label")

        self.result_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.event_label)

        self.event_combo = QComboBox(ActivityResultDialog)
        self.event_combo.setObjectName(u"event_combo")

        self.result_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.event_combo)

        self.participant_label = QLabel(ActivityResultDialog)
        self.participant_label.setObjectName(u"participant_label")

        self.result_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.participant_label)

        self.participant_combo = QComboBox(ActivityResultDialog)
        self.participant_combo.setObjectName(u"participant_combo")
        self.participant_combo.setEditable(True)

        self.result_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.participant_combo)

        self.branch_label = QLabel(ActivityResultDialog)
        self.branch_label.setObjectName(u"branch_label")

        self.result_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.branch_label)

        self.branch_combo = QComboBox(ActivityResultDialog)
        self.branch_combo.setObjectName(u"branch_combo")

        self.result_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.branch_combo)

        self.rank_label = QLabel(ActivityResultDialog)
        self.rank_label.setObjectName(u"rank_label")

        self.result_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.rank_label)

        self.rank_spin = QSpinBox(ActivityResultDialog)
        self.rank_spin.setObjectName(u"rank_spin")
        self.rank_spin.setMaximum(999)

        self.result_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.rank_spin)

        self.score_label = QLabel(ActivityResultDialog)
        self.score_label.setObjectName(u"score_label")

        self.result_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.score_label)

        self.score_edit = QLineEdit(ActivityResultDialog)
        self.score_edit.setObjectName(u"score_edit")

        self.result_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.score_edit)

        self.award_label = QLabel(ActivityResultDialog)
        self.award_label.setObjectName(u"award_label")

        self.result_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.award_label)

        self.award_combo = QComboBox(ActivityResultDialog)
        self.award_combo.setObjectName(u"award_combo")
        self.award_combo.setEditable(True)

        self.result_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.award_combo)

        self.notes_label = QLabel(ActivityResultDialog)
        self.notes_label.setObjectName(u"notes_label")

        self.result_form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.notes_label)

        self.notes_edit = QLineEdit(ActivityResultDialog)
        self.notes_edit.setObjectName(u"notes_edit")

        self.result_form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.notes_edit)


        self.main_layout.addLayout(self.result_form)

        self.summary_label = QLabel(ActivityResultDialog)
        self.summary_label.setObjectName(u"summary_label")
        self.summary_label.setStyleSheet(u"color: #b00020;")
        self.summary_label.setWordWrap(True)

        self.main_layout.addWidget(self.summary_label)

        self.button_box = QDialogButtonBox(ActivityResultDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.button_box)


        self.retranslateUi(ActivityResultDialog)

        QMetaObject.connectSlotsByName(ActivityResultDialog)
    # setupUi

    def retranslateUi(self, ActivityResultDialog):
        ActivityResultDialog.setWindowTitle(QCoreApplication.translate("ActivityResultDialog", u"\u5f55\u5165\u6210\u7ee9", None))
        self.event_label.setText(QCoreApplication.translate("ActivityResultDialog", u"\u9879\u76ee *", None))
        self.participant_label.setText(QCoreApplication.translate("ActivityResultDialog", u"\u53c2\u8d5b\u4eba\u5458", None))
        self.branch_label.setText(QCoreApplication.translate("ActivityResultDialog", u"\u5206\u5de5\u4f1a", None))
        self.rank_label.setText(QCoreApplication.translate("ActivityResultDialog", u"\u540d\u6b21", None))
        self.rank_spin.setSpecialValueText(QCoreApplication.translate("ActivityResultDialog", u"\u65e0\u540d\u6b21", None))
        self.rank_spin.setPrefix(QCoreApplication.translate("ActivityResultDialog", u"\u7b2c ", None))
        self.rank_spin.setSuffix(QCoreApplication.translate("ActivityResultDialog", u" \u540d", None))
        self.score_label.setText(QCoreApplication.translate("ActivityResultDialog", u"\u6210\u7ee9", None))
        self.score_edit.setPlaceholderText(QCoreApplication.translate("ActivityResultDialog", u"\u5982 12.35\u79d2\u30015.20\u7c73\u30019.60\u5206", None))
        self.award_label.setText(QCoreApplication.translate("ActivityResultDialog", u"\u5956\u9879", None))
        self.notes_label.setText(QCoreApplication.translate("ActivityResultDialog", u"\u5907\u6ce8", None))
    # retranslateUi


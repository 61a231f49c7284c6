# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'activity_budget_dialog.ui'
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
    QLineEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_ActivityBudgetDialog(object):
    def setupUi(self, ActivityBudgetDialog):
        if not ActivityBudgetDialog.objectName():
            ActivityBudgetDialog.setObjectName(u"ActivityBudgetDialog")
        ActivityBudgetDialog.resize(420, 300)
        self.main_layout = QVBoxLayout(ActivityBudgetDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.budget_form = QFormLayout()
        self.budget_form.setObjectName(u"budget_form")
        self.budget_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.kind_label = QLabel(ActivityBudgetDialog)
        self.kind_label.setObjectName(u"kind_label")

        self.budget_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kind_label)

        self.kind_combo = QComboBox(ActivityBudgetDialog)
        self.kind_combo.setObjectName(u"kind_combo")

        self.budget_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kind_combo)

        self.category_label = QLabel(ActivityBudgetDialog)
        self.category_label.setObjectName(u"category_label")

        self.budget_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.category_label)

        self.category_combo = QComboBox(ActivityBudgetDialog)
        self.category_combo.setObjectName(u"category_combo")

        self.budget_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.category_combo)

        self.amount_label = QLabel(ActivityBudgetDialog)
        self.amount_label.setObjectName(u"amount_label")

        self.budget_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.amount_label)

        self.amount_edit = QLineEdit(ActivityBudgetDialog)
        self.amount_edit.setObjectName(u"amount_edit")

        self.budget_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.amount_edit)

        self.spent_on_label = QLabel(ActivityBudgetDialog)
        self.spent_on_label.setObjectName(u"spent_on_label")

        self.budget_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.spent_on_label)

        self.spent_on_edit = QDateEdit(ActivityBudgetDialog)
        self.spent_on_edit.setObjectName(u"spent_on_edit")
        self.spent_on_edit.setCalendarPopup(True)

        self.budget_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.spent_on_edit)

        self.description_label = QLabel(ActivityBudgetDialog)
        self.description_label.setObjectName(u"description_label")

        self.budget_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.description_label)

        self.description_edit = QLineEdit(ActivityBudgetDialog)
        self.description_edit.setObjectName(u"description_edit")

        self.budget_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.description_edit)

        self.voucher_no_label = QLabel(ActivityBudgetDialog)
        self.voucher_no_label.setObjectName(u"voucher_no_label")

        self.budget_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.voucher_no_label)

        self.voucher_no_edit = QLineEdit(ActivityBudgetDialog)
        self.voucher_no_edit.setObjectName(u"voucher_no_edit")

        self.budget_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.voucher_no_edit)


        self.main_layout.addLayout(self.budget_form)

        self.summary_label = QLabel(ActivityBudgetDialog)
        self.summary_label.setObjectName(u"summary_label")
        self.summary_label.setStyleSheet(u"color: #b00020;")
        self.summary_label.setWordWrap(True)

        self.main_layout.addWidget(self.summary_label)

        self.button_box = QDialogButtonBox(ActivityBudgetDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.button_box)


        self.retranslateUi(ActivityBudgetDialog)

        QMetaObject.connectSlotsByName(ActivityBudgetDialog)
    # setupUi

    def retranslateUi(self, ActivityBudgetDialog):
        ActivityBudgetDialog.setWindowTitle(QCoreApplication.translate("ActivityBudgetDialog", u"\u7ecf\u8d39", None))
        self.kind_label.setText(QCoreApplication.translate("ActivityBudgetDialog", u"\u7c7b\u522b", None))
        self.category_label.setText(QCoreApplication.translate("ActivityBudgetDialog", u"\u652f\u51fa\u79d1\u76ee *", None))
        self.amount_label.setText(QCoreApplication.translate("ActivityBudgetDialog", u"\u91d1\u989d\uff08\u5143\uff09 *", None))
        self.amount_edit.setPlaceholderText(QCoreApplication.translate("ActivityBudgetDialog", u"\u5982 1,200.50", None))
        self.spent_on_label.setText(QCoreApplication.translate("ActivityBudgetDialog", u"\u652f\u51fa\u65e5\u671f", None))
        self.spent_on_edit.setDisplayFormat(QCoreApplication.translate("ActivityBudgetDialog", u"yyyy-MM-dd", None))
#if QT_CONFIG(tooltip)
        self.spent_on_edit.setToolTip(QCoreApplication.translate("ActivityBudgetDialog", u"\u5b9e\u9645\u652f\u51fa\u65f6\u586b\u5199", None))
#endif // QT_CONFIG(tooltip)
        self.description_label.setText(QCoreApplication.translate("ActivityBudgetDialog", u"\u6458\u8981", None))
        self.description_edit.setPlaceholderText(QCoreApplication.translate("ActivityBudgetDialog", u"\u5982 \u8d2d\u4e70\u5956\u724c\u3001\u8bc1\u4e66", None))
        self.voucher_no_label.setText(QCoreApplication.translate("ActivityBudgetDialog", u"\u51ed\u8bc1\u53f7", None))
    # retranslateUi


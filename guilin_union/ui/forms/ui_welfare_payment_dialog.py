# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'welfare_payment_dialog.ui'
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
    QDialog, QDialogButtonBox, QFormLayout, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QPushButton, QSizePolicy, QSpacerItem,
    QSpinBox, QVBoxLayout, QWidget)

class Ui_WelfarePaymentDialog(object):
    def setupUi(self, WelfarePaymentDialog):
        if not WelfarePaymentDialog.objectName():
            WelfarePaymentDialog.setObjectName(u"WelfarePaymentDialog")
        WelfarePaymentDialog.resize(880, 560)
        self.main_layout = QVBoxLayout(WelfarePaymentDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.member_row = QHBoxLayout()
        self.member_row.setObjectName(u"member_row")
        self.member_label = QLabel(WelfarePaymentDialog)
        self.member_label.setObjectName(u"member_label")

        self.member_row.addWidget(self.member_label)

        self.member_value = QLabel(WelfarePaymentDialog)
        self.member_value.setObjectName(u"member_value")
        self.member_value.setStyleSheet(u"font-weight: bold;")

        self.member_row.addWidget(self.member_value)

        self.pick_member_button = QPushButton(WelfarePaymentDialog)
        self.pick_member_button.setObjectName(u"pick_member_button")

        self.member_row.addWidget(self.pick_member_button)

        self.member_row.setStretch(1, 1)

        self.main_layout.addLayout(self.member_row)

        self.columns_layout = QHBoxLayout()
        self.columns_layout.setObjectName(u"columns_layout")
        self.left_form = QFormLayout()
        self.left_form.setObjectName(u"left_form")
        self.left_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.type_label = QLabel(WelfarePaymentDialog)
        self.type_label.setObjectName(u"type_label")

        self.left_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.type_label)

        self.type_combo = QComboBox(WelfarePaymentDialog)
        self.type_combo.setObjectName(u"type_combo")

        self.left_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.type_combo)

        self.occasion_label = QLabel(WelfarePaymentDialog)
        self.occasion_label.setObjectName(u"occasion_label")

        self.left_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.occasion_label)

        self.occasion_combo = QComboBox(WelfarePaymentDialog)
        self.occasion_combo.setObjectName(u"occasion_combo")
        self.occasion_combo.setEditable(True)

        self.left_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.occasion_combo)

        self.pay_date_label = QLabel(WelfarePaymentDialog)
        self.pay_date_label.setObjectName(u"pay_date_label")

        self.left_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.pay_date_label)

        self.pay_date_edit = QDateEdit(WelfarePaymentDialog)
        self.pay_date_edit.setObjectName(u"pay_date_edit")
        self.pay_date_edit.setCalendarPopup(True)

        self.left_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.pay_date_edit)

        self.year_label = QLabel(WelfarePaymentDialog)
        self.year_label.setObjectName(u"year_label")

        self.left_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.year_label)

        self.year_spin = QSpinBox(WelfarePaymentDialog)
        self.year_spin.setObjectName(u"year_spin")
        self.year_spin.setMinimum(1990)
        self.year_spin.setMaximum(2100)

        self.left_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.year_spin)

        self.form_label = QLabel(WelfarePaymentDialog)
        self.form_label.setObjectName(u"form_label")

        self.left_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.form_label)

        self.form_combo = QComboBox(WelfarePaymentDialog)
        self.form_combo.setObjectName(u"form_combo")

        self.left_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.form_combo)

        self.amount_label = QLabel(WelfarePaymentDialog)
        self.amount_label.setObjectName(u"amount_label")

        self.left_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.amount_label)

        self.amount_edit = QLineEdit(WelfarePaymentDialog)
        self.amount_edit.setObjectName(u"amount_edit")

        self.left_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.amount_edit)

        self.goods_label = QLabel(WelfarePaymentDialog)
        self.goods_label.setObjectName(u"goods_label")

        self.left_form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.goods_label)

        self.goods_edit = QLineEdit(WelfarePaymentDialog)
        self.goods_edit.setObjectName(u"goods_edit")

        self.left_form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.goods_edit)


        self.columns_layout.addLayout(self.left_form)

        self.right_form = QFormLayout()
        self.right_form.setObjectName(u"right_form")
        self.right_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.reason_label = QLabel(WelfarePaymentDialog)
        self.reason_label.setObjectName(u"reason_label")

        self.right_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.reason_label)

        self.reason_edit = QLineEdit(WelfarePaymentDialog)
        self.reason_edit.setObjectName(u"reason_edit")

        self.right_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.reason_edit)

        self.handler_label = QLabel(WelfarePaymentDialog)
        self.handler_label.setObjectName(u"handler_label")

        self.right_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.handler_label)

        self.handler_combo = QComboBox(WelfarePaymentDialog)
        self.handler_combo.setObjectName(u"handler_combo")
        self.handler_combo.setEditable(True)

        self.right_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.handler_combo)

        self.state_label = QLabel(WelfarePaymentDialog)
        self.state_label.setObjectName(u"state_label")

        self.right_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.state_label)

        self.state_combo = QComboBox(WelfarePaymentDialog)
        self.state_combo.setObjectName(u"state_combo")

        self.right_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.state_combo)

        self.applied_on_label = QLabel(WelfarePaymentDialog)
        self.applied_on_label.setObjectName(u"applied_on_label")

        self.right_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.applied_on_label)

        self.applied_on_edit = QDateEdit(WelfarePaymentDialog)
        self.applied_on_edit.setObjectName(u"applied_on_edit")
        self.applied_on_edit.setCalendarPopup(True)

        self.right_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.applied_on_edit)

        self.branch_reviewed_on_label = QLabel(WelfarePaymentDialog)
        self.branch_reviewed_on_label.setObjectName(u"branch_reviewed_on_label")

        self.right_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.branch_reviewed_on_label)

        self.branch_reviewed_on_edit = QDateEdit(WelfarePaymentDialog)
        self.branch_reviewed_on_edit.setObjectName(u"branch_reviewed_on_edit")
        self.branch_reviewed_on_edit.setCalendarPopup(True)

        self.right_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.branch_reviewed_on_edit)

        self.approved_on_label = QLabel(WelfarePaymentDialog)
        self.approved_on_label.setObjectName(u"approved_on_label")

        self.right_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.approved_on_label)

        self.approved_on_edit = QDateEdit(WelfarePaymentDialog)
        self.approved_on_edit.setObjectName(u"approved_on_edit")
        self.approved_on_edit.setCalendarPopup(True)

        self.right_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.approved_on_edit)

        self.paid_on_label = QLabel(WelfarePaymentDialog)
        self.paid_on_label.setObjectName(u"paid_on_label")

        self.right_form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.paid_on_label)

        self.paid_on_edit = QDateEdit(WelfarePaymentDialog)
        self.paid_on_edit.setObjectName(u"paid_on_edit")
        self.paid_on_edit.setCalendarPopup(True)

        self.right_form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.paid_on_edit)

        self.notes_label = QLabel(WelfarePaymentDialog)
        self.notes_label.setObjectName(u"notes_label")

        self.right_form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.notes_label)

        self.notes_edit = QLineEdit(WelfarePaymentDialog)
        self.notes_edit.setObjectName(u"notes_edit")

        self.right_form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.notes_edit)


        self.columns_layout.addLayout(self.right_form)


        self.main_layout.addLayout(self.columns_layout)

        self.standard_label = QLabel(WelfarePaymentDialog)
        self.standard_label.setObjectName(u"standard_label")
        self.standard_label.setWordWrap(True)
        self.standard_label.setStyleSheet(u"color: #555;")

        self.main_layout.addWidget(self.standard_label)

        self.check_label = QLabel(WelfarePaymentDialog)
        self.check_label.setObjectName(u"check_label")
        self.check_label.setWordWrap(True)
        self.check_label.setStyleSheet(u"color: #b00020;")

        self.main_layout.addWidget(self.check_label)

        self.attachments_group = QGroupBox(WelfarePaymentDialog)
        self.attachments_group.setObjectName(u"attachments_group")
        self.attachments_layout = QHBoxLayout(self.attachments_group)
        self.attachments_layout.setObjectName(u"attachments_layout")
        self.attachments_list = QListWidget(self.attachments_group)
        self.attachments_list.setObjectName(u"attachments_list")
        self.attachments_list.setMaximumSize(QSize(16777215, 90))

        self.attachments_layout.addWidget(self.attachments_list)

        self.attachment_buttons = QVBoxLayout()
        self.attachment_buttons.setObjectName(u"attachment_buttons")
        self.add_attachment_button = QPushButton(self.attachments_group)
        self.add_attachment_button.setObjectName(u"add_attachment_button")

        self.attachment_buttons.addWidget(self.add_attachment_button)

        self.open_attachment_button = QPushButton(self.attachments_group)
        self.open_attachment_button.setObjectName(u"open_attachment_button")

        self.attachment_buttons.addWidget(self.open_attachment_button)

        self.remove_attachment_button = QPushButton(self.attachments_group)
        self.remove_attachment_button.setObjectName(u"remove_attachment_button")

        self.attachment_buttons.addWidget(self.remove_attachment_button)


        self.attachments_layout.addLayout(self.attachment_buttons)


        self.main_layout.addWidget(self.attachments_group)

        self.bottom_spacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.main_layout.addItem(self.bottom_spacer)

        self.summary_label = QLabel(WelfarePaymentDialog)
        self.summary_label.setObjectName(u"summary_label")
        self.summary_label.setWordWrap(True)
        self.summary_label.setStyleSheet(u"color: #b00020;")

        self.main_layout.addWidget(self.summary_label)

        self.button_box = QDialogButtonBox(WelfarePaymentDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.button_box)


        self.retranslateUi(WelfarePaymentDialog)

        QMetaObject.connectSlotsByName(WelfarePaymentDialog)
    # setupUi

    def retranslateUi(self, WelfarePaymentDialog):
        WelfarePaymentDialog.setWindowTitle(QCoreApplication.translate("WelfarePaymentDialog", u"\u6170\u95ee\u767b\u8bb0", None))
        self.member_label.setText(QCoreApplication.translate("WelfarePaymentDialog", u"\u4f1a\u5458", None))
        self.member_value.setText(QCoreApplication.translate("WelfarePaymentDialog", u"\uff08\u672a\u9009\u62e9\uff09", None))
        self.pick_member_button.setText(QCoreApplication.translate("WelfarePaymentDialog", u"\u9009\u62e9\u4f1a\u5458\u2026", None))
        self.type_label.setText(QCoreApplication.translate("WelfarePaymentDialog", u"\u6170\u95ee\u7c7b\u578b", None))
        self.occasion_label.setText(QCoreApplication.translate("WelfarePaymentDialog", u"\u4e8b\u9879", None))
#if QT_CONFIG(tooltip)
        self.occasion_combo.setToolTip(QCoreApplication.translate("WelfarePaymentDialog", u"\u8282\u65e5\u540d\u79f0\u3001\u9001\u6e29\u6696\u3001\u91d1\u79cb\u52a9\u5b66\u7b49\uff0c\u53ef\u4e0d\u586b", None))
#endif // QT_CONFIG(tooltip)
        self.pay_date_label.setText(QCoreApplication.translate("WelfarePaymentDialog", u"\u6170\u95ee\u65e5\u671f", None))
        self.pay_date_edit.setDisplayFormat(QCoreApplication.translate("WelfarePaymentDialog", u"yyyy-MM-dd", None))
        self.year_label.setText(QCoreApplication.translate("WelfarePaymentDialog", u"\u6807\u51c6\u5e74\u5ea6", None))
#if QT_CONFIG(tooltip)
        self.year_spin.setToolTip(QCoreApplication.translate("WelfarePaymentDialog", u"\u6309\u54ea\u4e00\u5e74\u7684\u6170\u95ee\u6807\u51c6\u6838\u5bf9\uff0c\u4e00\u822c\u4e0e\u6170\u95ee\u65e5\u671f\u540c\u5e74", None))
#endif // QT_CONFIG(tooltip)
        self.form_label.setText(QCoreApplication.translate("WelfarePaymentDialog", u"\u53d1\u653e\u5f62\u5f0f", None))
        self.amount_label.setText(QCoreApplication.translate("WelfarePaymentDialog", u"\u91d1\u989d\uff08\u5143\uff09", None))
        self.amount_edit.setPlaceholderText(QCoreApplication.translate("WelfarePaymentDialog", u"\u5982 600.00\uff1b\u5b9e\u7269\u586b\u5199\u6298\u5408\u91d1\u989d", None))
        self.goods_label.setText(QCoreApplication.translate("WelfarePaymentDialog", u"\u7269\u54c1", None))
        self.goods_edit.setPlaceholderText(QCoreApplication.translate("WelfarePaymentDialog", u"\u5b9e\u7269\u540d\u79f0\uff0c\u5982 \u5927\u7c73\u4e00\u888b", None))
        self.reason_label.setText(QCoreApplication.translate("WelfarePaymentDialog", u"\u4e8b\u7531", None))
        self.reason_edit.setPlaceholderText(QCoreApplication.translate("WelfarePaymentDialog", u"\u5982 \u4f4f\u9662\u6170\u95ee", None))
        self.handler_label.setText(QCoreApplication.translate("WelfarePaymentDialog", u"\u7ecf\u624b\u4eba", None))
        self.state_label.setText(QCoreApplication.translate("WelfarePaymentDialog", u"\u5ba1\u6279\u72b6\u6001", None))
        self.applied_on_label.setText(QCoreApplication.translate("WelfarePaymentDialog", u"\u7533\u8bf7\u65e5\u671f", None))
        self.applied_on_edit.setDisplayFormat(QCoreApplication.translate("WelfarePaymentDialog", u"yyyy-MM-dd", None))
        self.branch_reviewed_on_label.setText(QCoreApplication.translate("WelfarePaymentDialog", u"\u5206\u5de5\u4f1a\u5ba1\u6838\u65e5\u671f", None))
        self.branch_reviewed_on_edit.setDisplayFormat(QCoreApplication.translate("WelfarePaymentDialog", u"yyyy-MM-dd", None))
        self.approved_on_label.setText(QCoreApplication.translate("WelfarePaymentDialog", u"\u6821\u5de5\u4f1a\u6279\u51c6\u65e5\u671f", None))
        self.approved_on_edit.setDisplayFormat(QCoreApplication.translate("WelfarePaymentDialog", u"yyyy-MM-dd", None))
        self.paid_on_label.setText(QCoreApplication.translate("WelfarePaymentDialog", u"\u53d1\u653e\u65e5\u671f", None))
        self.paid_on_edit.setDisplayFormat(QCoreApplication.translate("WelfarePaymentDialog", u"yyyy-MM-dd", None))
        self.notes_label.setText(QCoreApplication.translate("WelfarePaymentDialog", u"\u5907\u6ce8", None))
        self.standard_label.setText("")
        self.check_label.setText("")
        self.attachments_group.setTitle(QCoreApplication.translate("WelfarePaymentDialog", u"\u4f50\u8bc1\u6750\u6599\uff08\u7ed3\u5a5a\u8bc1\u3001\u51fa\u751f\u8bc1\u660e\u3001\u4f4f\u9662\u8bb0\u5f55\u7b49\uff09", None))
        self.add_attachment_button.setText(QCoreApplication.translate("WelfarePaymentDialog", u"\u6dfb\u52a0\u6587\u4ef6\u2026", None))
        self.open_attachment_button.setText(QCoreApplication.translate("WelfarePaymentDialog", u"\u6253\u5f00", None))
        self.remove_attachment_button.setText(QCoreApplication.translate("WelfarePaymentDialog", u"\u79fb\u9664", None))
        self.summary_label.setText("")
    # retranslateUi


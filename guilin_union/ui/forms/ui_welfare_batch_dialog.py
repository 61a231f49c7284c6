# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'welfare_batch_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QListWidget, QListWidgetItem, QPushButton, QSizePolicy,
    QSpinBox, QTabWidget, QTableView, QVBoxLayout,
    QWidget)

class Ui_WelfareBatchDialog(object):
    def setupUi(self, WelfareBatchDialog):
        if not WelfareBatchDialog.objectName():
            WelfareBatchDialog.setObjectName(u"WelfareBatchDialog")
        WelfareBatchDialog.resize(980, 700)
        self.main_layout = QVBoxLayout(WelfareBatchDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.top_layout = QHBoxLayout()
        self.top_layout.setObjectName(u"top_layout")
        self.batch_form = QFormLayout()
        self.batch_form.setObjectName(u"batch_form")
        self.batch_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.occasion_label = QLabel(WelfareBatchDialog)
        self.occasion_label.setObjectName(u"occasion_label")

        self.batch_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.occasion_label)

        self.occasion_combo = QComboBox(WelfareBatchDialog)
        self.occasion_combo.setObjectName(u"occasion_combo")
        self.occasion_combo.setEditable(True)

        self.batch_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.occasion_combo)

        self.year_label = QLabel(WelfareBatchDialog)
        self.year_label.setObjectName(u"year_label")

        self.batch_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.year_label)

        self.year_spin = QSpinBox(WelfareBatchDialog)
        self.year_spin.setObjectName(u"year_spin")
        self.year_spin.setMinimum(1990)
        self.year_spin.setMaximum(2100)

        self.batch_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.year_spin)

        self.pay_date_label = QLabel(WelfareBatchDialog)
        self.pay_date_label.setObjectName(u"pay_date_label")

        self.batch_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.pay_date_label)

        self.pay_date_edit = QDateEdit(WelfareBatchDialog)
        self.pay_date_edit.setObjectName(u"pay_date_edit")
        self.pay_date_edit.setCalendarPopup(True)

        self.batch_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.pay_date_edit)

        self.eligibility_label = QLabel(WelfareBatchDialog)
        self.eligibility_label.setObjectName(u"eligibility_label")

        self.batch_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.eligibility_label)

        self.eligibility_combo = QComboBox(WelfareBatchDialog)
        self.eligibility_combo.setObjectName(u"eligibility_combo")

        self.batch_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.eligibility_combo)

        self.form_label = QLabel(WelfareBatchDialog)
        self.form_label.setObjectName(u"form_label")

        self.batch_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.form_label)

        self.form_combo = QComboBox(WelfareBatchDialog)
        self.form_combo.setObjectName(u"form_combo")

        self.batch_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.form_combo)

        self.amount_label = QLabel(WelfareBatchDialog)
        self.amount_label.setObjectName(u"amount_label")

        self.batch_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.amount_label)

        self.amount_edit = QLineEdit(WelfareBatchDialog)
        self.amount_edit.setObjectName(u"amount_edit")

        self.batch_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.amount_edit)

        self.goods_label = QLabel(WelfareBatchDialog)
        self.goods_label.setObjectName(u"goods_label")

        self.batch_form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.goods_label)

        self.goods_edit = QLineEdit(WelfareBatchDialog)
        self.goods_edit.setObjectName(u"goods_edit")

        self.batch_form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.goods_edit)

        self.reason_label = QLabel(WelfareBatchDialog)
        self.reason_label.setObjectName(u"reason_label")

        self.batch_form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.reason_label)

        self.reason_edit = QLineEdit(WelfareBatchDialog)
        self.reason_edit.setObjectName(u"reason_edit")

        self.batch_form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.reason_edit)

        self.handler_label = QLabel(WelfareBatchDialog)
        self.handler_label.setObjectName(u"handler_label")

        self.batch_form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.handler_label)

        self.handler_edit = QLineEdit(WelfareBatchDialog)
        self.handler_edit.setObjectName(u"handler_edit")

        self.batch_form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.handler_edit)


        self.top_layout.addLayout(self.batch_form)

        self.branches_layout = QVBoxLayout()
        self.branches_layout.setObjectName(u"branches_layout")
        self.all_branches_check = QCheckBox(WelfareBatchDialog)
        self.all_branches_check.setObjectName(u"all_branches_check")
        self.all_branches_check.setChecked(True)

        self.branches_layout.addWidget(self.all_branches_check)

        self.branches_list = QListWidget(WelfareBatchDialog)
        self.branches_list.setObjectName(u"branches_list")

        self.branches_layout.addWidget(self.branches_list)


        self.top_layout.addLayout(self.branches_layout)


        self.main_layout.addLayout(self.top_layout)

        self.preview_row = QHBoxLayout()
        self.preview_row.setObjectName(u"preview_row")
        self.preview_button = QPushButton(WelfareBatchDialog)
        self.preview_button.setObjectName(u"preview_button")

        self.preview_row.addWidget(self.preview_button)

        self.preview_summary_label = QLabel(WelfareBatchDialog)
        self.preview_summary_label.setObjectName(u"preview_summary_label")
        self.preview_summary_label.setWordWrap(True)

        self.preview_row.addWidget(self.preview_summary_label)

        self.preview_row.setStretch(1, 1)

        self.main_layout.addLayout(self.preview_row)

        self.warnings_label = QLabel(WelfareBatchDialog)
        self.warnings_label.setObjectName(u"warnings_label")
        self.warnings_label.setWordWrap(True)
        self.warnings_label.setStyleSheet(u"color: #b00020;")

        self.main_layout.addWidget(self.warnings_label)

        self.result_tabs = QTabWidget(WelfareBatchDialog)
        self.result_tabs.setObjectName(u"result_tabs")
        self.eligible_page = QWidget()
        self.eligible_page.setObjectName(u"eligible_page")
        self.eligible_layout = QVBoxLayout(self.eligible_page)
        self.eligible_layout.setObjectName(u"eligible_layout")
        self.eligible_table = QTableView(self.eligible_page)
        self.eligible_table.setObjectName(u"eligible_table")

        self.eligible_layout.addWidget(self.eligible_table)

        self.result_tabs.addTab(self.eligible_page, "")
        self.excluded_page = QWidget()
        self.excluded_page.setObjectName(u"excluded_page")
        self.excluded_layout = QVBoxLayout(self.excluded_page)
        self.excluded_layout.setObjectName(u"excluded_layout")
        self.excluded_table = QTableView(self.excluded_page)
        self.excluded_table.setObjectName(u"excluded_table")

        self.excluded_layout.addWidget(self.excluded_table)

        self.result_tabs.addTab(self.excluded_page, "")

        self.main_layout.addWidget(self.result_tabs)

        self.summary_label = QLabel(WelfareBatchDialog)
        self.summary_label.setObjectName(u"summary_label")
        self.summary_label.setWordWrap(True)
        self.summary_label.setStyleSheet(u"color: #b00020;")

        self.main_layout.addWidget(self.summary_label)

        self.button_box = QDialogButtonBox(WelfareBatchDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.button_box)


        self.retranslateUi(WelfareBatchDialog)

        QMetaObject.connectSlotsByName(WelfareBatchDialog)
    # setupUi

    def retranslateUi(self, WelfareBatchDialog):
        WelfareBatchDialog.setWindowTitle(QCoreApplication.translate("WelfareBatchDialog", u"\u8282\u65e5\u6170\u95ee\u6279\u91cf\u53d1\u653e", None))
        self.occasion_label.setText(QCoreApplication.translate("WelfareBatchDialog", u"\u8282\u65e5/\u9879\u76ee", None))
        self.year_label.setText(QCoreApplication.translate("WelfareBatchDialog", u"\u5e74\u5ea6", None))
        self.pay_date_label.setText(QCoreApplication.translate("WelfareBatchDialog", u"\u53d1\u653e\u65e5\u671f", None))
        self.pay_date_edit.setDisplayFormat(QCoreApplication.translate("WelfareBatchDialog", u"yyyy-MM-dd", None))
        self.eligibility_label.setText(QCoreApplication.translate("WelfareBatchDialog", u"\u53d1\u653e\u8303\u56f4", None))
        self.form_label.setText(QCoreApplication.translate("WelfareBatchDialog", u"\u53d1\u653e\u5f62\u5f0f", None))
        self.amount_label.setText(QCoreApplication.translate("WelfareBatchDialog", u"\u6bcf\u4eba\u91d1\u989d\uff08\u5143\uff09", None))
        self.amount_edit.setPlaceholderText(QCoreApplication.translate("WelfareBatchDialog", u"\u5982 300.00\uff1b\u5b9e\u7269\u586b\u5199\u6bcf\u4efd\u6298\u5408\u91d1\u989d", None))
        self.goods_label.setText(QCoreApplication.translate("WelfareBatchDialog", u"\u7269\u54c1", None))
        self.goods_edit.setPlaceholderText(QCoreApplication.translate("WelfareBatchDialog", u"\u5b9e\u7269\u540d\u79f0\uff0c\u5982 \u6708\u997c\u4e00\u76d2", None))
        self.reason_label.setText(QCoreApplication.translate("WelfareBatchDialog", u"\u4e8b\u7531", None))
        self.reason_edit.setPlaceholderText(QCoreApplication.translate("WelfareBatchDialog", u"\u9ed8\u8ba4\uff1a\u8282\u65e5+\u6170\u95ee\uff0c\u5982 \u6625\u8282\u6170\u95ee", None))
        self.handler_label.setText(QCoreApplication.translate("WelfareBatchDialog", u"\u7ecf\u624b\u4eba", None))
        self.all_branches_check.setText(QCoreApplication.translate("WelfareBatchDialog", u"\u5168\u90e8\u5206\u5de5\u4f1a", None))
        self.preview_button.setText(QCoreApplication.translate("WelfareBatchDialog", u"\u9884\u89c8\u540d\u5355", None))
        self.preview_summary_label.setText("")
        self.warnings_label.setText("")
        self.result_tabs.setTabText(self.result_tabs.indexOf(self.eligible_page), QCoreApplication.translate("WelfareBatchDialog", u"\u7b26\u5408\u6761\u4ef6", None))
        self.result_tabs.setTabText(self.result_tabs.indexOf(self.excluded_page), QCoreApplication.translate("WelfareBatchDialog", u"\u672a\u7eb3\u5165\u53ca\u539f\u56e0", None))
        self.summary_label.setText("")
    # retranslateUi


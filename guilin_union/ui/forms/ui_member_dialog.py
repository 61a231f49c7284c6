# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'member_dialog.ui'
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
    QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QPlainTextEdit, QSizePolicy, QTabWidget, QVBoxLayout,
    QWidget)

class Ui_MemberDialog(object):
    def setupUi(self, MemberDialog):
        if not MemberDialog.objectName():
            MemberDialog.setObjectName(u"MemberDialog")
        MemberDialog.resize(860, 560)
        self.main_layout = QVBoxLayout(MemberDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.columns_layout = QHBoxLayout()
        self.columns_layout.setObjectName(u"columns_layout")
        self.personal_group = QGroupBox(MemberDialog)
        self.personal_group.setObjectName(u"personal_group")
        self.personal_form = QFormLayout(self.personal_group)
        self.personal_form.setObjectName(u"personal_form")
        self.personal_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.name_label = QLabel(self.personal_group)
        self.name_label.setObjectName(u"name_label")

        self.personal_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name_edit = QLineEdit(self.personal_group)
        self.name_edit.setObjectName(u"name_edit")

        self.personal_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name_edit)

        self.gender_label = QLabel(self.personal_group)
        self.gender_label.setObjectName(u"gender_label")

        self.personal_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.gender_label)

        self.gender_combo = QComboBox(self.personal_group)
        self.gender_combo.setObjectName(u"gender_combo")

        self.personal_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.gender_combo)

        self.ethnicity_label = QLabel(self.personal_group)
        self.ethnicity_label.setObjectName(u"ethnicity_label")

        self.personal_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.ethnicity_label)

        self.ethnicity_combo = QComboBox(self.personal_group)
        self.ethnicity_combo.setObjectName(u"ethnicity_combo")
        self.ethnicity_combo.setEditable(True)

        self.personal_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.ethnicity_combo)

        self.id_type_label = QLabel(self.personal_group)
        self.id_type_label.setObjectName(u"id_type_label")

        self.personal_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.id_type_label)

        self.id_type_combo = QComboBox(self.personal_group)
        self.id_type_combo.setObjectName(u"id_type_combo")

        self.personal_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.id_type_combo)

        self.id_number_label = QLabel(self.personal_group)
        self.id_number_label.setObjectName(u"id_number_label")

        self.personal_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.id_number_label)

        self.id_number_edit = QLineEdit(self.personal_group)
        self.id_number_edit.setObjectName(u"id_number_edit")

        self.personal_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.id_number_edit)

        self.birth_date_label = QLabel(self.personal_group)
        self.birth_date_label.setObjectName(u"birth_date_label")

        self.personal_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.birth_date_label)

        self.birth_date_edit = QDateEdit(self.personal_group)
        self.birth_date_edit.setObjectName(u"birth_date_edit")
        self.birth_date_edit.setCalendarPopup(True)

        self.personal_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.birth_date_edit)

        self.phone_label = QLabel(self.personal_group)
        self.phone_label.setObjectName(u"phone_label")

        self.personal_form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.phone_label)

        self.phone_edit = QLineEdit(self.personal_group)
        self.phone_edit.setObjectName(u"phone_edit")

        self.personal_form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.phone_edit)

        self.political_status_label = QLabel(self.personal_group)
        self.political_status_label.setObjectName(u"political_status_label")

        self.personal_form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.political_status_label)

        self.political_status_combo = QComboBox(self.personal_group)
        self.political_status_combo.setObjectName(u"political_status_combo")
        self.political_status_combo.setEditable(True)

        self.personal_form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.political_status_combo)

        self.education_label = QLabel(self.personal_group)
        self.education_label.setObjectName(u"education_label")

        self.personal_form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.education_label)

        self.education_combo = QComboBox(self.personal_group)
        self.education_combo.setObjectName(u"education_combo")
        self.education_combo.setEditable(True)

        self.personal_form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.education_combo)

        self.is_model_worker_label = QLabel(self.personal_group)
        self.is_model_worker_label.setObjectName(u"is_model_worker_label")

        self.personal_form.setWidget(9, QFormLayout.ItemRole.LabelRole, self.is_model_worker_label)

        self.is_model_worker_check = QCheckBox(self.personal_group)
        self.is_model_worker_check.setObjectName(u"is_model_worker_check")

        self.personal_form.setWidget(9, QFormLayout.ItemRole.FieldRole, self.is_model_worker_check)


        self.columns_layout.addWidget(self.personal_group)

        self.work_group = QGroupBox(MemberDialog)
        self.work_group.setObjectName(u"work_group")
        self.work_form = QFormLayout(self.work_group)
        self.work_form.setObjectName(u"work_form")
        self.work_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.branch_label = QLabel(self.work_group)
        self.branch_label.setObjectName(u"branch_label")

        self.work_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.branch_label)

        self.branch_combo = QComboBox(self.work_group)
        self.branch_combo.setObjectName(u"branch_combo")

        self.work_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.branch_combo)

        self.department_label = QLabel(self.work_group)
        self.department_label.setObjectName(u"department_label")

        self.work_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.department_label)

        self.department_edit = QLineEdit(self.work_group)
        self.department_edit.setObjectName(u"department_edit")

        self.work_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.department_edit)

        self.staff_no_label = QLabel(self.work_group)
        self.staff_no_label.setObjectName(u"staff_no_label")

        self.work_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.staff_no_label)

        self.staff_no_edit = QLineEdit(self.work_group)
        self.staff_no_edit.setObjectName(u"staff_no_edit")

        self.work_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.staff_no_edit)

        self.position_label = QLabel(self.work_group)
        self.position_label.setObjectName(u"position_label")

        self.work_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.position_label)

        self.position_edit = QLineEdit(self.work_group)
        self.position_edit.setObjectName(u"position_edit")

        self.work_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.position_edit)

        self.title_label = QLabel(self.work_group)
        self.title_label.setObjectName(u"title_label")

        self.work_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.title_label)

        self.title_combo = QComboBox(self.work_group)
        self.title_combo.setObjectName(u"title_combo")
        self.title_combo.setEditable(True)

        self.work_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.title_combo)

        self.employment_type_label = QLabel(self.work_group)
        self.employment_type_label.setObjectName(u"employment_type_label")

        self.work_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.employment_type_label)

        self.employment_type_combo = QComboBox(self.work_group)
        self.employment_type_combo.setObjectName(u"employment_type_combo")

        self.work_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.employment_type_combo)

        self.hire_date_label = QLabel(self.work_group)
        self.hire_date_label.setObjectName(u"hire_date_label")

        self.work_form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.hire_date_label)

        self.hire_date_edit = QDateEdit(self.work_group)
        self.hire_date_edit.setObjectName(u"hire_date_edit")
        self.hire_date_edit.setCalendarPopup(True)

        self.work_form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.hire_date_edit)

        self.join_date_label = QLabel(self.work_group)
        self.join_date_label.setObjectName(u"join_date_label")

        self.work_form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.join_date_label)

        self.join_date_edit = QDateEdit(self.work_group)
        self.join_date_edit.setObjectName(u"join_date_edit")
        self.join_date_edit.setCalendarPopup(True)

        self.work_form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.join_date_edit)

        self.member_no_label = QLabel(self.work_group)
        self.member_no_label.setObjectName(u"member_no_label")

        self.work_form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.member_no_label)

        self.member_no_edit = QLineEdit(self.work_group)
        self.member_no_edit.setObjectName(u"member_no_edit")

        self.work_form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.member_no_edit)

        self.status_label = QLabel(self.work_group)
        self.status_label.setObjectName(u"status_label")

        self.work_form.setWidget(9, QFormLayout.ItemRole.LabelRole, self.status_label)

        self.status_combo = QComboBox(self.work_group)
        self.status_combo.setObjectName(u"status_combo")

        self.work_form.setWidget(9, QFormLayout.ItemRole.FieldRole, self.status_combo)


        self.columns_layout.addWidget(self.work_group)


        self.main_layout.addLayout(self.columns_layout)

        self.notes_label = QLabel(MemberDialog)
        self.notes_label.setObjectName(u"notes_label")

        self.main_layout.addWidget(self.notes_label)

        self.notes_edit = QPlainTextEdit(MemberDialog)
        self.notes_edit.setObjectName(u"notes_edit")
        self.notes_edit.setMaximumSize(QSize(16777215, 70))

        self.main_layout.addWidget(self.notes_edit)

        self.history_tabs = QTabWidget(MemberDialog)
        self.history_tabs.setObjectName(u"history_tabs")
        self.history_tabs.setMaximumSize(QSize(16777215, 180))

        self.main_layout.addWidget(self.history_tabs)

        self.summary_label = QLabel(MemberDialog)
        self.summary_label.setObjectName(u"summary_label")
        self.summary_label.setStyleSheet(u"color: #b00020;")
        self.summary_label.setWordWrap(True)

        self.main_layout.addWidget(self.summary_label)

        self.button_box = QDialogButtonBox(MemberDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.name_label.setBuddy(self.name_edit)
        self.gender_label.setBuddy(self.gender_combo)
        self.ethnicity_label.setBuddy(self.ethnicity_combo)
        self.id_type_label.setBuddy(self.id_type_combo)
        self.id_number_label.setBuddy(self.id_number_edit)
        self.birth_date_label.setBuddy(self.birth_date_edit)
        self.phone_label.setBuddy(self.phone_edit)
        self.political_status_label.setBuddy(self.political_status_combo)
        self.education_label.setBuddy(self.education_combo)
        self.is_model_worker_label.setBuddy(self.is_model_worker_check)
        self.branch_label.setBuddy(self.branch_combo)
        self.department_label.setBuddy(self.department_edit)
        self.staff_no_label.setBuddy(self.staff_no_edit)
        self.position_label.setBuddy(self.position_edit)
        self.title_label.setBuddy(self.title_combo)
        self.employment_type_label.setBuddy(self.employment_type_combo)
        self.hire_date_label.setBuddy(self.hire_date_edit)
        self.join_date_label.setBuddy(self.join_date_edit)
        self.member_no_label.setBuddy(self.member_no_edit)
        self.status_label.setBuddy(self.status_combo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(MemberDialog)

        QMetaObject.connectSlotsByName(MemberDialog)
    # setupUi

    def retranslateUi(self, MemberDialog):
        MemberDialog.setWindowTitle(QCoreApplication.translate("MemberDialog", u"\u4f1a\u5458\u4fe1\u606f", None))
        self.personal_group.setTitle(QCoreApplication.translate("MemberDialog", u"\u4e2a\u4eba\u4fe1\u606f", None))
        self.name_label.setText(QCoreApplication.translate("MemberDialog", u"\u59d3\u540d *", None))
        self.gender_label.setText(QCoreApplication.translate("MemberDialog", u"\u6027\u522b", None))
        self.ethnicity_label.setText(QCoreApplication.translate("MemberDialog", u"\u6c11\u65cf", None))
        self.id_type_label.setText(QCoreApplication.translate("MemberDialog", u"\u8bc1\u4ef6\u7c7b\u578b", None))
        self.id_number_label.setText(QCoreApplication.translate("MemberDialog", u"\u8bc1\u4ef6\u53f7\u7801", None))
        self.id_number_edit.setPlaceholderText(QCoreApplication.translate("MemberDialog", u"18\u4f4d\u5c45\u6c11\u8eab\u4efd\u8bc1\u53f7", None))
        self.birth_date_label.setText(QCoreApplication.translate("MemberDialog", u"\u51fa\u751f\u65e5\u671f", None))
        self.birth_date_edit.setDisplayFormat(QCoreApplication.translate("MemberDialog", u"yyyy-MM-dd", None))
#if QT_CONFIG(tooltip)
        self.birth_date_edit.setToolTip(QCoreApplication.translate("MemberDialog", u"\u53ef\u7531\u8eab\u4efd\u8bc1\u53f7\u81ea\u52a8\u586b\u5199\uff1b\u4e0d\u77e5\u9053\u65f6\u9009\u201c\u672a\u8bbe\u5b9a\u201d", None))
#endif // QT_CONFIG(tooltip)
        self.phone_label.setText(QCoreApplication.translate("MemberDialog", u"\u624b\u673a", None))
        self.phone_edit.setPlaceholderText(QCoreApplication.translate("MemberDialog", u"11\u4f4d\u624b\u673a\u53f7", None))
        self.political_status_label.setText(QCoreApplication.translate("MemberDialog", u"\u653f\u6cbb\u9762\u8c8c", None))
        self.education_label.setText(QCoreApplication.translate("MemberDialog", u"\u5b66\u5386", None))
        self.is_model_worker_label.setText(QCoreApplication.translate("MemberDialog", u"\u52b3\u6a21", None))
        self.is_model_worker_check.setText(QCoreApplication.translate("MemberDialog", u"\u662f\uff08\u52b3\u52a8\u6a21\u8303/\u5148\u8fdb\u5de5\u4f5c\u8005\uff09", None))
        self.work_group.setTitle(QCoreApplication.translate("MemberDialog", u"\u5de5\u4f5c\u4e0e\u4f1a\u7c4d", None))
        self.branch_label.setText(QCoreApplication.translate("MemberDialog", u"\u5206\u5de5\u4f1a *", None))
        self.department_label.setText(QCoreApplication.translate("MemberDialog", u"\u90e8\u95e8", None))
        self.staff_no_label.setText(QCoreApplication.translate("MemberDialog", u"\u5de5\u53f7", None))
        self.position_label.setText(QCoreApplication.translate("MemberDialog", u"\u804c\u52a1", None))
        self.title_label.setText(QCoreApplication.translate("MemberDialog", u"\u804c\u79f0", None))
        self.employment_type_label.setText(QCoreApplication.translate("MemberDialog", u"\u7528\u5de5\u5f62\u5f0f", None))
        self.hire_date_label.setText(QCoreApplication.translate("MemberDialog", u"\u5165\u804c\u65e5\u671f", None))
        self.hire_date_edit.setDisplayFormat(QCoreApplication.translate("MemberDialog", u"yyyy-MM-dd", None))
        self.join_date_label.setText(QCoreApplication.translate("MemberDialog", u"\u5165\u4f1a\u65e5\u671f", None))
        self.join_date_edit.setDisplayFormat(QCoreApplication.translate("MemberDialog", u"yyyy-MM-dd", None))
        self.member_no_label.setText(QCoreApplication.translate("MemberDialog", u"\u4f1a\u5458\u7f16\u53f7", None))
        self.status_label.setText(QCoreApplication.translate("MemberDialog", u"\u4f1a\u7c4d\u72b6\u6001", None))
        self.notes_label.setText(QCoreApplication.translate("MemberDialog", u"\u5907\u6ce8", None))
    # retranslateUi


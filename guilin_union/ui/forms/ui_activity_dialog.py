# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'activity_dialog.ui'
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
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton, QSizePolicy, QSpinBox,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_ActivityDialog(object):
    def setupUi(self, ActivityDialog):
        if not ActivityDialog.objectName():
            ActivityDialog.setObjectName(u"ActivityDialog")
        ActivityDialog.resize(720, 720)
        self.main_layout = QVBoxLayout(ActivityDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.basic_form = QFormLayout()
        self.basic_form.setObjectName(u"basic_form")
        self.basic_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.name_label = QLabel(ActivityDialog)
        self.name_label.setObjectName(u"name_label")

        self.basic_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name_edit = QLineEdit(ActivityDialog)
        self.name_edit.setObjectName(u"name_edit")

        self.basic_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name_edit)

        self.type_label = QLabel(ActivityDialog)
        self.type_label.setObjectName(u"type_label")

        self.basic_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.type_label)

        self.type_combo = QComboBox(ActivityDialog)
        self.type_combo.setObjectName(u"type_combo")

        self.basic_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.type_combo)

        self.organiser_kind_label = QLabel(ActivityDialog)
        self.organiser_kind_label.setObjectName(u"organiser_kind_label")

        self.basic_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.organiser_kind_label)

        self.organiser_layout = QHBoxLayout()
        self.organiser_layout.setObjectName(u"organiser_layout")
        self.organiser_kind_combo = QComboBox(ActivityDialog)
        self.organiser_kind_combo.setObjectName(u"organiser_kind_combo")

        self.organiser_layout.addWidget(self.organiser_kind_combo)

        self.organiser_branch_combo = QComboBox(ActivityDialog)
        self.organiser_branch_combo.setObjectName(u"organiser_branch_combo")

        self.organiser_layout.addWidget(self.organiser_branch_combo)

        self.organiser_name_edit = QLineEdit(ActivityDialog)
        self.organiser_name_edit.setObjectName(u"organiser_name_edit")

        self.organiser_layout.addWidget(self.organiser_name_edit)


        self.basic_form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.organiser_layout)

        self.start_date_label = QLabel(ActivityDialog)
        self.start_date_label.setObjectName(u"start_date_label")

        self.basic_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.start_date_label)

        self.start_date_edit = QDateEdit(ActivityDialog)
        self.start_date_edit.setObjectName(u"start_date_edit")
        self.start_date_edit.setCalendarPopup(True)

        self.basic_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.start_date_edit)

        self.end_date_label = QLabel(ActivityDialog)
        self.end_date_label.setObjectName(u"end_date_label")

        self.basic_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.end_date_label)

        self.end_date_edit = QDateEdit(ActivityDialog)
        self.end_date_edit.setObjectName(u"end_date_edit")
        self.end_date_edit.setCalendarPopup(True)

        self.basic_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.end_date_edit)

        self.place_label = QLabel(ActivityDialog)
        self.place_label.setObjectName(u"place_label")

        self.basic_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.place_label)

        self.place_edit = QLineEdit(ActivityDialog)
        self.place_edit.setObjectName(u"place_edit")

        self.basic_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.place_edit)

        self.signup_deadline_label = QLabel(ActivityDialog)
        self.signup_deadline_label.setObjectName(u"signup_deadline_label")

        self.basic_form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.signup_deadline_label)

        self.signup_deadline_edit = QDateEdit(ActivityDialog)
        self.signup_deadline_edit.setObjectName(u"signup_deadline_edit")
        self.signup_deadline_edit.setCalendarPopup(True)

        self.basic_form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.signup_deadline_edit)

        self.places_label = QLabel(ActivityDialog)
        self.places_label.setObjectName(u"places_label")

        self.basic_form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.places_label)

        self.places_spin = QSpinBox(ActivityDialog)
        self.places_spin.setObjectName(u"places_spin")
        self.places_spin.setMaximum(100000)

        self.basic_form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.places_spin)

        self.event_limit_label = QLabel(ActivityDialog)
        self.event_limit_label.setObjectName(u"event_limit_label")

        self.basic_form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.event_limit_label)

        self.event_limit_spin = QSpinBox(ActivityDialog)
        self.event_limit_spin.setObjectName(u"event_limit_spin")
        self.event_limit_spin.setMaximum(50)

        self.basic_form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.event_limit_spin)

        self.status_label = QLabel(ActivityDialog)
        self.status_label.setObjectName(u"status_label")

        self.basic_form.setWidget(9, QFormLayout.ItemRole.LabelRole, self.status_label)

        self.status_combo = QComboBox(ActivityDialog)
        self.status_combo.setObjectName(u"status_combo")

        self.basic_form.setWidget(9, QFormLayout.ItemRole.FieldRole, self.status_combo)

        self.workpoint_label = QLabel(ActivityDialog)
        self.workpoint_label.setObjectName(u"workpoint_label")

        self.basic_form.setWidget(10, QFormLayout.ItemRole.LabelRole, self.workpoint_label)

        self.workpoint_combo = QComboBox(ActivityDialog)
        self.workpoint_combo.setObjectName(u"workpoint_combo")

        self.basic_form.setWidget(10, QFormLayout.ItemRole.FieldRole, self.workpoint_combo)


        self.main_layout.addLayout(self.basic_form)

        self.events_group = QGroupBox(ActivityDialog)
        self.events_group.setObjectName(u"events_group")
        self.events_layout = QVBoxLayout(self.events_group)
        self.events_layout.setObjectName(u"events_layout")
        self.events_table = QTableWidget(self.events_group)
        self.events_table.setObjectName(u"events_table")
        self.events_table.setColumnCount(3)

        self.events_layout.addWidget(self.events_table)

        self.events_buttons = QHBoxLayout()
        self.events_buttons.setObjectName(u"events_buttons")
        self.add_event_button = QPushButton(self.events_group)
        self.add_event_button.setObjectName(u"add_event_button")

        self.events_buttons.addWidget(self.add_event_button)

        self.remove_event_button = QPushButton(self.events_group)
        self.remove_event_button.setObjectName(u"remove_event_button")

        self.events_buttons.addWidget(self.remove_event_button)

        self.events_hint = QLabel(self.events_group)
        self.events_hint.setObjectName(u"events_hint")
        self.events_hint.setWordWrap(True)

        self.events_buttons.addWidget(self.events_hint)


        self.events_layout.addLayout(self.events_buttons)


        self.main_layout.addWidget(self.events_group)

        self.description_label = QLabel(ActivityDialog)
        self.description_label.setObjectName(u"description_label")

        self.main_layout.addWidget(self.description_label)

        self.description_edit = QPlainTextEdit(ActivityDialog)
        self.description_edit.setObjectName(u"description_edit")
        self.description_edit.setMaximumSize(QSize(16777215, 80))

        self.main_layout.addWidget(self.description_edit)

        self.summary_label = QLabel(ActivityDialog)
        self.summary_label.setObjectName(u"summary_label")
        self.summary_label.setStyleSheet(u"color: #b00020;")
        self.summary_label.setWordWrap(True)

        self.main_layout.addWidget(self.summary_label)

        self.button_box = QDialogButtonBox(ActivityDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.button_box)


        self.retranslateUi(ActivityDialog)

        QMetaObject.connectSlotsByName(ActivityDialog)
    # setupUi

    def retranslateUi(self, ActivityDialog):
        ActivityDialog.setWindowTitle(QCoreApplication.translate("ActivityDialog", u"\u6d3b\u52a8", None))
        self.name_label.setText(QCoreApplication.translate("ActivityDialog", u"\u6d3b\u52a8\u540d\u79f0 *", None))
        self.name_edit.setPlaceholderText(QCoreApplication.translate("ActivityDialog", u"\u5982 \u7b2c\u4e8c\u5341\u4e8c\u5c4a\u7530\u5f84\u8fd0\u52a8\u4f1a\u66a8\u6559\u804c\u5de5\u4eb2\u5b50\u8fd0\u52a8\u4f1a", None))
        self.type_label.setText(QCoreApplication.translate("ActivityDialog", u"\u6d3b\u52a8\u7c7b\u578b *", None))
        self.organiser_kind_label.setText(QCoreApplication.translate("ActivityDialog", u"\u4e3b\u529e\u65b9", None))
        self.organiser_name_edit.setPlaceholderText(QCoreApplication.translate("ActivityDialog", u"\u4e0a\u7ea7\u5de5\u4f1a\u540d\u79f0\uff0c\u5982 \u81ea\u6cbb\u533a\u6559\u80b2\u5de5\u4f1a", None))
        self.start_date_label.setText(QCoreApplication.translate("ActivityDialog", u"\u5f00\u59cb\u65e5\u671f *", None))
        self.start_date_edit.setDisplayFormat(QCoreApplication.translate("ActivityDialog", u"yyyy-MM-dd", None))
        self.end_date_label.setText(QCoreApplication.translate("ActivityDialog", u"\u7ed3\u675f\u65e5\u671f", None))
        self.end_date_edit.setDisplayFormat(QCoreApplication.translate("ActivityDialog", u"yyyy-MM-dd", None))
#if QT_CONFIG(tooltip)
        self.end_date_edit.setToolTip(QCoreApplication.translate("ActivityDialog", u"\u4e00\u5929\u7684\u6d3b\u52a8\u53ef\u4e0d\u586b\uff1a\u9009\u201c\u672a\u8bbe\u5b9a\u201d", None))
#endif // QT_CONFIG(tooltip)
        self.place_label.setText(QCoreApplication.translate("ActivityDialog", u"\u5730\u70b9", None))
        self.signup_deadline_label.setText(QCoreApplication.translate("ActivityDialog", u"\u62a5\u540d\u622a\u6b62", None))
        self.signup_deadline_edit.setDisplayFormat(QCoreApplication.translate("ActivityDialog", u"yyyy-MM-dd", None))
#if QT_CONFIG(tooltip)
        self.signup_deadline_edit.setToolTip(QCoreApplication.translate("ActivityDialog", u"\u4e0d\u9650\u62a5\u540d\u622a\u6b62\uff1a\u9009\u201c\u672a\u8bbe\u5b9a\u201d", None))
#endif // QT_CONFIG(tooltip)
        self.places_label.setText(QCoreApplication.translate("ActivityDialog", u"\u540d\u989d", None))
        self.places_spin.setSpecialValueText(QCoreApplication.translate("ActivityDialog", u"\u4e0d\u9650", None))
        self.places_spin.setSuffix(QCoreApplication.translate("ActivityDialog", u" \u4eba", None))
        self.event_limit_label.setText(QCoreApplication.translate("ActivityDialog", u"\u6bcf\u4eba\u9650\u62a5", None))
        self.event_limit_spin.setSpecialValueText(QCoreApplication.translate("ActivityDialog", u"\u4e0d\u9650", None))
        self.event_limit_spin.setSuffix(QCoreApplication.translate("ActivityDialog", u" \u9879", None))
        self.status_label.setText(QCoreApplication.translate("ActivityDialog", u"\u72b6\u6001", None))
        self.workpoint_label.setText(QCoreApplication.translate("ActivityDialog", u"\u5bf9\u5e94\u5de5\u4f5c\u8981\u70b9", None))
        self.events_group.setTitle(QCoreApplication.translate("ActivityDialog", u"\u6bd4\u8d5b\u9879\u76ee\uff08\u8bc4\u9009\u3001\u5c55\u89c8\u4e5f\u53ef\u8bbe\u9879\u76ee\uff0c\u5982\u201c\u4e66\u6cd5\u201d\u201c\u7bc6\u523b\u201d\uff09", None))
        self.add_event_button.setText(QCoreApplication.translate("ActivityDialog", u"\u6dfb\u52a0\u9879\u76ee", None))
        self.remove_event_button.setText(QCoreApplication.translate("ActivityDialog", u"\u5220\u9664\u9879\u76ee", None))
        self.events_hint.setText(QCoreApplication.translate("ActivityDialog", u"\u56e2\u4f53\u9879\u76ee\u6309\u5206\u5de5\u4f1a\u5f55\u5165\u6210\u7ee9\uff1b\u8ba1\u5206\u500d\u6570\u7528\u4e8e\u56e2\u4f53\u603b\u5206\uff08\u5982\u63a5\u529b\u8ba1\u53cc\u500d\uff09\u3002", None))
        self.description_label.setText(QCoreApplication.translate("ActivityDialog", u"\u6d3b\u52a8\u5185\u5bb9", None))
        self.description_edit.setPlaceholderText(QCoreApplication.translate("ActivityDialog", u"\u6d3b\u52a8\u5185\u5bb9\u3001\u53c2\u52a0\u5bf9\u8c61\u3001\u6bd4\u8d5b\u529e\u6cd5\u7b49\uff08\u5370\u5728\u62a5\u540d\u8868\u4e0a\uff09", None))
    # retranslateUi


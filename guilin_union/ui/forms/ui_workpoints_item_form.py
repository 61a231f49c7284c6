# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'workpoints_item_form.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QDateEdit, QFormLayout,
    QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_WorkpointItemForm(object):
    def setupUi(self, WorkpointItemForm):
        if not WorkpointItemForm.objectName():
            WorkpointItemForm.setObjectName(u"WorkpointItemForm")
        WorkpointItemForm.resize(460, 220)
        self.main_layout = QVBoxLayout(WorkpointItemForm)
        self.main_layout.setObjectName(u"main_layout")
        self.main_layout.setContentsMargins(0, 0, 0, 0)
        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.owner_label = QLabel(WorkpointItemForm)
        self.owner_label.setObjectName(u"owner_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.owner_label)

        self.owner_edit = QLineEdit(WorkpointItemForm)
        self.owner_edit.setObjectName(u"owner_edit")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.owner_edit)

        self.lead_unit_label = QLabel(WorkpointItemForm)
        self.lead_unit_label.setObjectName(u"lead_unit_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.lead_unit_label)

        self.lead_unit_edit = QLineEdit(WorkpointItemForm)
        self.lead_unit_edit.setObjectName(u"lead_unit_edit")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.lead_unit_edit)

        self.units_label = QLabel(WorkpointItemForm)
        self.units_label.setObjectName(u"units_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.units_label)

        self.units_edit = QLineEdit(WorkpointItemForm)
        self.units_edit.setObjectName(u"units_edit")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.units_edit)

        self.deadline_label = QLabel(WorkpointItemForm)
        self.deadline_label.setObjectName(u"deadline_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.deadline_label)

        self.deadline_layout = QHBoxLayout()
        self.deadline_layout.setObjectName(u"deadline_layout")
        self.deadline_edit = QDateEdit(WorkpointItemForm)
        self.deadline_edit.setObjectName(u"deadline_edit")
        self.deadline_edit.setCalendarPopup(True)
        self.deadline_edit.setMinimumWidth(150)

        self.deadline_layout.addWidget(self.deadline_edit)

        self.clear_deadline_button = QPushButton(WorkpointItemForm)
        self.clear_deadline_button.setObjectName(u"clear_deadline_button")

        self.deadline_layout.addWidget(self.clear_deadline_button)

        self.deadline_spacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.deadline_layout.addItem(self.deadline_spacer)


        self.form_layout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.deadline_layout)

        self.status_label = QLabel(WorkpointItemForm)
        self.status_label.setObjectName(u"status_label")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.status_label)

        self.status_combo = QComboBox(WorkpointItemForm)
        self.status_combo.setObjectName(u"status_combo")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.status_combo)


        self.main_layout.addLayout(self.form_layout)

        self.button_layout = QHBoxLayout()
        self.button_layout.setObjectName(u"button_layout")
        self.error_label = QLabel(WorkpointItemForm)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setStyleSheet(u"color: #b00020;")
        self.error_label.setWordWrap(True)

        self.button_layout.addWidget(self.error_label)

        self.button_spacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.button_layout.addItem(self.button_spacer)

        self.revert_button = QPushButton(WorkpointItemForm)
        self.revert_button.setObjectName(u"revert_button")

        self.button_layout.addWidget(self.revert_button)

        self.save_button = QPushButton(WorkpointItemForm)
        self.save_button.setObjectName(u"save_button")

        self.button_layout.addWidget(self.save_button)


        self.main_layout.addLayout(self.button_layout)

#if QT_CONFIG(shortcut)
        self.owner_label.setBuddy(self.owner_edit)
        self.lead_unit_label.setBuddy(self.lead_unit_edit)
        self.units_label.setBuddy(self.units_edit)
        self.deadline_label.setBuddy(self.deadline_edit)
        self.status_label.setBuddy(self.status_combo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.owner_edit, self.lead_unit_edit)
        QWidget.setTabOrder(self.lead_unit_edit, self.units_edit)
        QWidget.setTabOrder(self.units_edit, self.deadline_edit)
        QWidget.setTabOrder(self.deadline_edit, self.status_combo)
        QWidget.setTabOrder(self.status_combo, self.save_button)

        self.retranslateUi(WorkpointItemForm)

        self.save_button.setDefault(True)


        QMetaObject.connectSlotsByName(WorkpointItemForm)
    # setupUi

    def retranslateUi(self, WorkpointItemForm):
        WorkpointItemForm.setWindowTitle(QCoreApplication.translate("WorkpointItemForm", u"\u6761\u76ee\u843d\u5b9e\u60c5\u51b5", None))
        self.owner_label.setText(QCoreApplication.translate("WorkpointItemForm", u"\u8d23\u4efb\u4eba", None))
        self.owner_edit.setPlaceholderText(QCoreApplication.translate("WorkpointItemForm", u"\u8d1f\u8d23\u843d\u5b9e\u7684\u4eba\uff0c\u5982 \u738b\u5b81", None))
        self.lead_unit_label.setText(QCoreApplication.translate("WorkpointItemForm", u"\u7275\u5934\u5355\u4f4d", None))
        self.lead_unit_edit.setPlaceholderText(QCoreApplication.translate("WorkpointItemForm", u"\u4e00\u4e2a\u5355\u4f4d\uff0c\u5982 \u6821\u5de5\u4f1a", None))
        self.units_label.setText(QCoreApplication.translate("WorkpointItemForm", u"\u8d23\u4efb\u5355\u4f4d", None))
        self.units_edit.setPlaceholderText(QCoreApplication.translate("WorkpointItemForm", u"\u591a\u4e2a\u5355\u4f4d\u7528\u201c\u3001\u201d\u5206\u9694", None))
        self.deadline_label.setText(QCoreApplication.translate("WorkpointItemForm", u"\u5b8c\u6210\u65f6\u9650", None))
        self.deadline_edit.setDisplayFormat(QCoreApplication.translate("WorkpointItemForm", u"yyyy\u5e74M\u6708d\u65e5", None))
        self.clear_deadline_button.setText(QCoreApplication.translate("WorkpointItemForm", u"\u4e0d\u8bbe\u65f6\u9650", None))
        self.status_label.setText(QCoreApplication.translate("WorkpointItemForm", u"\u72b6\u6001", None))
        self.revert_button.setText(QCoreApplication.translate("WorkpointItemForm", u"\u653e\u5f03\u4fee\u6539", None))
        self.save_button.setText(QCoreApplication.translate("WorkpointItemForm", u"\u4fdd\u5b58", None))
    # retranslateUi


# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'workpoints_note_dialog.ui'
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
    QLineEdit, QPlainTextEdit, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_WorkpointNoteDialog(object):
    def setupUi(self, WorkpointNoteDialog):
        if not WorkpointNoteDialog.objectName():
            WorkpointNoteDialog.setObjectName(u"WorkpointNoteDialog")
        WorkpointNoteDialog.resize(520, 340)
        self.main_layout = QVBoxLayout(WorkpointNoteDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.item_label = QLabel(WorkpointNoteDialog)
        self.item_label.setObjectName(u"item_label")
        self.item_label.setWordWrap(True)
        self.item_label.setStyleSheet(u"font-weight: bold;")

        self.main_layout.addWidget(self.item_label)

        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.date_label = QLabel(WorkpointNoteDialog)
        self.date_label.setObjectName(u"date_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.date_label)

        self.date_edit = QDateEdit(WorkpointNoteDialog)
        self.date_edit.setObjectName(u"date_edit")
        self.date_edit.setCalendarPopup(True)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.date_edit)

        self.text_label = QLabel(WorkpointNoteDialog)
        self.text_label.setObjectName(u"text_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.text_label)

        self.text_edit = QPlainTextEdit(WorkpointNoteDialog)
        self.text_edit.setObjectName(u"text_edit")
        self.text_edit.setTabChangesFocus(True)

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.text_edit)

        self.recorded_by_label = QLabel(WorkpointNoteDialog)
        self.recorded_by_label.setObjectName(u"recorded_by_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.recorded_by_label)

        self.recorded_by_edit = QLineEdit(WorkpointNoteDialog)
        self.recorded_by_edit.setObjectName(u"recorded_by_edit")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.recorded_by_edit)

        self.status_label = QLabel(WorkpointNoteDialog)
        self.status_label.setObjectName(u"status_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.status_label)

        self.status_combo = QComboBox(WorkpointNoteDialog)
        self.status_combo.setObjectName(u"status_combo")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.status_combo)


        self.main_layout.addLayout(self.form_layout)

        self.error_label = QLabel(WorkpointNoteDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setStyleSheet(u"color: #b00020;")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.button_box = QDialogButtonBox(WorkpointNoteDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.date_label.setBuddy(self.date_edit)
        self.text_label.setBuddy(self.text_edit)
        self.recorded_by_label.setBuddy(self.recorded_by_edit)
        self.status_label.setBuddy(self.status_combo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.date_edit, self.text_edit)
        QWidget.setTabOrder(self.text_edit, self.recorded_by_edit)
        QWidget.setTabOrder(self.recorded_by_edit, self.status_combo)

        self.retranslateUi(WorkpointNoteDialog)

        QMetaObject.connectSlotsByName(WorkpointNoteDialog)
    # setupUi

    def retranslateUi(self, WorkpointNoteDialog):
        WorkpointNoteDialog.setWindowTitle(QCoreApplication.translate("WorkpointNoteDialog", u"\u8fdb\u5c55\u60c5\u51b5", None))
        self.date_label.setText(QCoreApplication.translate("WorkpointNoteDialog", u"\u65e5\u671f", None))
        self.date_edit.setDisplayFormat(QCoreApplication.translate("WorkpointNoteDialog", u"yyyy\u5e74M\u6708d\u65e5", None))
        self.text_label.setText(QCoreApplication.translate("WorkpointNoteDialog", u"\u8fdb\u5c55\u60c5\u51b5", None))
        self.text_edit.setPlaceholderText(QCoreApplication.translate("WorkpointNoteDialog", u"\u505a\u4e86\u4ec0\u4e48\u3001\u5230\u4e86\u54ea\u4e00\u6b65\uff0c\u4f8b\u5982\uff1a\u5df2\u53ec\u5f00\u7b2c\u4e00\u5c4a\u6559\u4ee3\u4f1a\u7b2c\u4e09\u6b21\u4f1a\u8bae\uff0c\u5f81\u96c6\u63d0\u6848 36 \u4ef6\u3002", None))
        self.recorded_by_label.setText(QCoreApplication.translate("WorkpointNoteDialog", u"\u8bb0\u5f55\u4eba", None))
        self.status_label.setText(QCoreApplication.translate("WorkpointNoteDialog", u"\u6761\u76ee\u72b6\u6001", None))
    # retranslateUi


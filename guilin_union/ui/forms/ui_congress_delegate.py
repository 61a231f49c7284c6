# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'congress_delegate.ui'
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

class Ui_CongressDelegateDialog(object):
    def setupUi(self, CongressDelegateDialog):
        if not CongressDelegateDialog.objectName():
            CongressDelegateDialog.setObjectName(u"CongressDelegateDialog")
        CongressDelegateDialog.resize(520, 330)
        self.main_layout = QVBoxLayout(CongressDelegateDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.member_value_caption = QLabel(CongressDelegateDialog)
        self.member_value_caption.setObjectName(u"member_value_caption")
        self.member_value_caption.setWordWrap(True)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.member_value_caption)

        self.member_value_label = QLabel(CongressDelegateDialog)
        self.member_value_label.setObjectName(u"member_value_label")
        self.member_value_label.setWordWrap(True)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.member_value_label)

        self.delegate_type_label = QLabel(CongressDelegateDialog)
        self.delegate_type_label.setObjectName(u"delegate_type_label")
        self.delegate_type_label.setWordWrap(True)

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.delegate_type_label)

        self.delegate_type_combo = QComboBox(CongressDelegateDialog)
        self.delegate_type_combo.addItem("")
        self.delegate_type_combo.addItem("")
        self.delegate_type_combo.addItem("")
        self.delegate_type_combo.setObjectName(u"delegate_type_combo")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.delegate_type_combo)

        self.category_label = QLabel(CongressDelegateDialog)
        self.category_label.setObjectName(u"category_label")
        self.category_label.setWordWrap(True)

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.category_label)

        self.category_combo = QComboBox(CongressDelegateDialog)
        self.category_combo.setObjectName(u"category_combo")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.category_combo)

        self.delegation_label = QLabel(CongressDelegateDialog)
        self.delegation_label.setObjectName(u"delegation_label")
        self.delegation_label.setWordWrap(True)

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.delegation_label)

        self.delegation_combo = QComboBox(CongressDelegateDialog)
        self.delegation_combo.setObjectName(u"delegation_combo")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.delegation_combo)

        self.start_date_label = QLabel(CongressDelegateDialog)
        self.start_date_label.setObjectName(u"start_date_label")
        self.start_date_label.setWordWrap(True)

        self.form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.start_date_label)

        self.start_date_edit = QDateEdit(CongressDelegateDialog)
        self.start_date_edit.setObjectName(u"start_date_edit")
        self.start_date_edit.setCalendarPopup(True)

        self.form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.start_date_edit)

        self.start_reason_label = QLabel(CongressDelegateDialog)
        self.start_reason_label.setObjectName(u"start_reason_label")
        self.start_reason_label.setWordWrap(True)

        self.form_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.start_reason_label)

        self.start_reason_combo = QComboBox(CongressDelegateDialog)
        self.start_reason_combo.addItem("")
        self.start_reason_combo.addItem("")
        self.start_reason_combo.addItem("")
        self.start_reason_combo.addItem("")
        self.start_reason_combo.setObjectName(u"start_reason_combo")

        self.form_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.start_reason_combo)

        self.notes_label = QLabel(CongressDelegateDialog)
        self.notes_label.setObjectName(u"notes_label")
        self.notes_label.setWordWrap(True)

        self.form_layout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.notes_label)

        self.notes_edit = QLineEdit(CongressDelegateDialog)
        self.notes_edit.setObjectName(u"notes_edit")

        self.form_layout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.notes_edit)


        self.main_layout.addLayout(self.form_layout)

        self.message_label = QLabel(CongressDelegateDialog)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet(u"color: #b00020;")

        self.main_layout.addWidget(self.message_label)

        self.button_box = QDialogButtonBox(CongressDelegateDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.button_box)


        self.retranslateUi(CongressDelegateDialog)

        QMetaObject.connectSlotsByName(CongressDelegateDialog)
    # setupUi

    def retranslateUi(self, CongressDelegateDialog):
        CongressDelegateDialog.setWindowTitle(QCoreApplication.translate("CongressDelegateDialog", u"\u4ee3\u8868", None))
        self.member_value_caption.setText(QCoreApplication.translate("CongressDelegateDialog", u"\u4f1a\u5458", None))
        self.member_value_label.setText("")
        self.delegate_type_label.setText(QCoreApplication.translate("CongressDelegateDialog", u"\u4ee3\u8868\u7c7b\u578b", None))
        self.delegate_type_combo.setItemText(0, QCoreApplication.translate("CongressDelegateDialog", u"\u6b63\u5f0f\u4ee3\u8868", None))
        self.delegate_type_combo.setItemText(1, QCoreApplication.translate("CongressDelegateDialog", u"\u5217\u5e2d\u4ee3\u8868", None))
        self.delegate_type_combo.setItemText(2, QCoreApplication.translate("CongressDelegateDialog", u"\u7279\u9080\u4ee3\u8868", None))

        self.category_label.setText(QCoreApplication.translate("CongressDelegateDialog", u"\u7c7b\u522b", None))
#if QT_CONFIG(tooltip)
        self.category_combo.setToolTip(QCoreApplication.translate("CongressDelegateDialog", u"\u7559\u201c\u81ea\u52a8\u5224\u65ad\u201d\u5219\u6309\u804c\u79f0\u548c\u90e8\u95e8\u5224\u65ad\uff0c\u53ef\u5728\u8bbe\u7f6e\u4e2d\u4fee\u6539\u7c7b\u522b\u6e05\u5355", None))
#endif // QT_CONFIG(tooltip)
        self.delegation_label.setText(QCoreApplication.translate("CongressDelegateDialog", u"\u4ee3\u8868\u56e2", None))
        self.start_date_label.setText(QCoreApplication.translate("CongressDelegateDialog", u"\u4ea7\u751f\u65e5\u671f", None))
        self.start_date_edit.setDisplayFormat(QCoreApplication.translate("CongressDelegateDialog", u"yyyy-MM-dd", None))
        self.start_reason_label.setText(QCoreApplication.translate("CongressDelegateDialog", u"\u4ea7\u751f\u65b9\u5f0f", None))
        self.start_reason_combo.setItemText(0, QCoreApplication.translate("CongressDelegateDialog", u"\u5f53\u9009", None))
        self.start_reason_combo.setItemText(1, QCoreApplication.translate("CongressDelegateDialog", u"\u8865\u9009", None))
        self.start_reason_combo.setItemText(2, QCoreApplication.translate("CongressDelegateDialog", u"\u66f4\u6362", None))
        self.start_reason_combo.setItemText(3, QCoreApplication.translate("CongressDelegateDialog", u"\u589e\u8865", None))

        self.notes_label.setText(QCoreApplication.translate("CongressDelegateDialog", u"\u5907\u6ce8", None))
        self.message_label.setText("")
    # retranslateUi


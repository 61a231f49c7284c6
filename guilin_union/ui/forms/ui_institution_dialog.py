# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'institution_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_InstitutionDialog(object):
    def setupUi(self, InstitutionDialog):
        if not InstitutionDialog.objectName():
            InstitutionDialog.setObjectName(u"InstitutionDialog")
        InstitutionDialog.resize(480, 360)
        self.main_layout = QVBoxLayout(InstitutionDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.intro_label = QLabel(InstitutionDialog)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)

        self.main_layout.addWidget(self.intro_label)

        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.institution_name_label = QLabel(InstitutionDialog)
        self.institution_name_label.setObjectName(u"institution_name_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.institution_name_label)

        self.institution_name_edit = QLineEdit(InstitutionDialog)
        self.institution_name_edit.setObjectName(u"institution_name_edit")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.institution_name_edit)

        self.union_name_label = QLabel(InstitutionDialog)
        self.union_name_label.setObjectName(u"union_name_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.union_name_label)

        self.union_name_edit = QLineEdit(InstitutionDialog)
        self.union_name_edit.setObjectName(u"union_name_edit")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.union_name_edit)

        self.union_short_name_label = QLabel(InstitutionDialog)
        self.union_short_name_label.setObjectName(u"union_short_name_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.union_short_name_label)

        self.union_short_name_edit = QLineEdit(InstitutionDialog)
        self.union_short_name_edit.setObjectName(u"union_short_name_edit")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.union_short_name_edit)

        self.document_prefix_label = QLabel(InstitutionDialog)
        self.document_prefix_label.setObjectName(u"document_prefix_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.document_prefix_label)

        self.document_prefix_edit = QLineEdit(InstitutionDialog)
        self.document_prefix_edit.setObjectName(u"document_prefix_edit")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.document_prefix_edit)

        self.union_chair_title_label = QLabel(InstitutionDialog)
        self.union_chair_title_label.setObjectName(u"union_chair_title_label")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.union_chair_title_label)

        self.union_chair_title_edit = QLineEdit(InstitutionDialog)
        self.union_chair_title_edit.setObjectName(u"union_chair_title_edit")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.union_chair_title_edit)

        self.signer_handler_label = QLabel(InstitutionDialog)
        self.signer_handler_label.setObjectName(u"signer_handler_label")

        self.form_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.signer_handler_label)

        self.signer_handler_edit = QLineEdit(InstitutionDialog)
        self.signer_handler_edit.setObjectName(u"signer_handler_edit")

        self.form_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.signer_handler_edit)

        self.signer_witness_label = QLabel(InstitutionDialog)
        self.signer_witness_label.setObjectName(u"signer_witness_label")

        self.form_layout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.signer_witness_label)

        self.signer_witness_edit = QLineEdit(InstitutionDialog)
        self.signer_witness_edit.setObjectName(u"signer_witness_edit")

        self.form_layout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.signer_witness_edit)

        self.signer_branch_chair_label = QLabel(InstitutionDialog)
        self.signer_branch_chair_label.setObjectName(u"signer_branch_chair_label")

        self.form_layout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.signer_branch_chair_label)

        self.signer_branch_chair_edit = QLineEdit(InstitutionDialog)
        self.signer_branch_chair_edit.setObjectName(u"signer_branch_chair_edit")

        self.form_layout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.signer_branch_chair_edit)

        self.mask_personal_numbers_check = QCheckBox(InstitutionDialog)
        self.mask_personal_numbers_check.setObjectName(u"mask_personal_numbers_check")

        self.form_layout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.mask_personal_numbers_check)


        self.main_layout.addLayout(self.form_layout)

        self.summary_label = QLabel(InstitutionDialog)
        self.summary_label.setObjectName(u"summary_label")
        self.summary_label.setStyleSheet(u"color: #b00020;")

        self.main_layout.addWidget(self.summary_label)

        self.button_box = QDialogButtonBox(InstitutionDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.button_box)


        self.retranslateUi(InstitutionDialog)

        QMetaObject.connectSlotsByName(InstitutionDialog)
    # setupUi

    def retranslateUi(self, InstitutionDialog):
        InstitutionDialog.setWindowTitle(QCoreApplication.translate("InstitutionDialog", u"\u5355\u4f4d\u4fe1\u606f", None))
        self.intro_label.setText(QCoreApplication.translate("InstitutionDialog", u"\u8fd9\u4e9b\u540d\u79f0\u4f1a\u5370\u5728\u6240\u6709\u62a5\u8868\u7684\u6807\u9898\u548c\u7b7e\u5b57\u680f\u4e2d\u3002", None))
        self.institution_name_label.setText(QCoreApplication.translate("InstitutionDialog", u"\u5355\u4f4d\u540d\u79f0", None))
        self.union_name_label.setText(QCoreApplication.translate("InstitutionDialog", u"\u5de5\u4f1a\u540d\u79f0", None))
        self.union_short_name_label.setText(QCoreApplication.translate("InstitutionDialog", u"\u5de5\u4f1a\u7b80\u79f0", None))
        self.document_prefix_label.setText(QCoreApplication.translate("InstitutionDialog", u"\u53d1\u6587\u5b57\u53f7\u524d\u7f00", None))
        self.union_chair_title_label.setText(QCoreApplication.translate("InstitutionDialog", u"\u6821\u5de5\u4f1a\u8d1f\u8d23\u4eba\u804c\u52a1", None))
        self.signer_handler_label.setText(QCoreApplication.translate("InstitutionDialog", u"\u7b7e\u9886\u8868\u7b7e\u5b57\u680f\u4e00", None))
        self.signer_witness_label.setText(QCoreApplication.translate("InstitutionDialog", u"\u7b7e\u9886\u8868\u7b7e\u5b57\u680f\u4e8c", None))
        self.signer_branch_chair_label.setText(QCoreApplication.translate("InstitutionDialog", u"\u7b7e\u9886\u8868\u7b7e\u5b57\u680f\u4e09", None))
        self.mask_personal_numbers_check.setText(QCoreApplication.translate("InstitutionDialog", u"\u9ed8\u8ba4\u9690\u85cf\u8bc1\u4ef6\u53f7\u7801\u548c\u624b\u673a\u53f7\uff08\u5c4f\u5e55\u663e\u793a\u548c\u6253\u5370\uff09", None))
    # retranslateUi


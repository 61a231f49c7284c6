# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'safety_backup_settings.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QPushButton, QSizePolicy, QSpinBox,
    QVBoxLayout, QWidget)

class Ui_BackupSettingsDialog(object):
    def setupUi(self, BackupSettingsDialog):
        if not BackupSettingsDialog.objectName():
            BackupSettingsDialog.setObjectName(u"BackupSettingsDialog")
        BackupSettingsDialog.resize(620, 520)
        self.main_layout = QVBoxLayout(BackupSettingsDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.intro_label = QLabel(BackupSettingsDialog)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)

        self.main_layout.addWidget(self.intro_label)

        self.folders_group = QGroupBox(BackupSettingsDialog)
        self.folders_group.setObjectName(u"folders_group")
        self.folders_layout = QFormLayout(self.folders_group)
        self.folders_layout.setObjectName(u"folders_layout")
        self.backup_folder_label = QLabel(self.folders_group)
        self.backup_folder_label.setObjectName(u"backup_folder_label")

        self.folders_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.backup_folder_label)

        self.backup_folder_row = QHBoxLayout()
        self.backup_folder_row.setObjectName(u"backup_folder_row")
        self.backup_folder_edit = QLineEdit(self.folders_group)
        self.backup_folder_edit.setObjectName(u"backup_folder_edit")

        self.backup_folder_row.addWidget(self.backup_folder_edit)

        self.backup_folder_button = QPushButton(self.folders_group)
        self.backup_folder_button.setObjectName(u"backup_folder_button")

        self.backup_folder_row.addWidget(self.backup_folder_button)

        self.backup_folder_default_button = QPushButton(self.folders_group)
        self.backup_folder_default_button.setObjectName(u"backup_folder_default_button")

        self.backup_folder_row.addWidget(self.backup_folder_default_button)


        self.folders_layout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.backup_folder_row)

        self.second_folder_label = QLabel(self.folders_group)
        self.second_folder_label.setObjectName(u"second_folder_label")

        self.folders_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.second_folder_label)

        self.second_folder_row = QHBoxLayout()
        self.second_folder_row.setObjectName(u"second_folder_row")
        self.second_folder_edit = QLineEdit(self.folders_group)
        self.second_folder_edit.setObjectName(u"second_folder_edit")

        self.second_folder_row.addWidget(self.second_folder_edit)

        self.second_folder_button = QPushButton(self.folders_group)
        self.second_folder_button.setObjectName(u"second_folder_button")

        self.second_folder_row.addWidget(self.second_folder_button)

        self.second_folder_clear_button = QPushButton(self.folders_group)
        self.second_folder_clear_button.setObjectName(u"second_folder_clear_button")

        self.second_folder_row.addWidget(self.second_folder_clear_button)


        self.folders_layout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.second_folder_row)


        self.main_layout.addWidget(self.folders_group)

        self.retention_group = QGroupBox(BackupSettingsDialog)
        self.retention_group.setObjectName(u"retention_group")
        self.retention_layout = QFormLayout(self.retention_group)
        self.retention_layout.setObjectName(u"retention_layout")
        self.keep_all_days_label = QLabel(self.retention_group)
        self.keep_all_days_label.setObjectName(u"keep_all_days_label")

        self.retention_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.keep_all_days_label)

        self.keep_all_days_spin = QSpinBox(self.retention_group)
        self.keep_all_days_spin.setObjectName(u"keep_all_days_spin")
        self.keep_all_days_spin.setMaximum(365)

        self.retention_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.keep_all_days_spin)

        self.keep_daily_label = QLabel(self.retention_group)
        self.keep_daily_label.setObjectName(u"keep_daily_label")

        self.retention_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.keep_daily_label)

        self.keep_daily_spin = QSpinBox(self.retention_group)
        self.keep_daily_spin.setObjectName(u"keep_daily_spin")
        self.keep_daily_spin.setMaximum(366)

        self.retention_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.keep_daily_spin)

        self.keep_weekly_label = QLabel(self.retention_group)
        self.keep_weekly_label.setObjectName(u"keep_weekly_label")

        self.retention_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.keep_weekly_label)

        self.keep_weekly_spin = QSpinBox(self.retention_group)
        self.keep_weekly_spin.setObjectName(u"keep_weekly_spin")
        self.keep_weekly_spin.setMaximum(520)

        self.retention_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.keep_weekly_spin)

        self.keep_monthly_label = QLabel(self.retention_group)
        self.keep_monthly_label.setObjectName(u"keep_monthly_label")

        self.retention_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.keep_monthly_label)

        self.keep_monthly_spin = QSpinBox(self.retention_group)
        self.keep_monthly_spin.setObjectName(u"keep_monthly_spin")
        self.keep_monthly_spin.setMaximum(1200)

        self.retention_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.keep_monthly_spin)

        self.backup_on_open_hours_label = QLabel(self.retention_group)
        self.backup_on_open_hours_label.setObjectName(u"backup_on_open_hours_label")

        self.retention_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.backup_on_open_hours_label)

        self.backup_on_open_hours_spin = QSpinBox(self.retention_group)
        self.backup_on_open_hours_spin.setObjectName(u"backup_on_open_hours_spin")
        self.backup_on_open_hours_spin.setMinimum(1)
        self.backup_on_open_hours_spin.setMaximum(720)

        self.retention_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.backup_on_open_hours_spin)


        self.main_layout.addWidget(self.retention_group)

        self.recycle_group = QGroupBox(BackupSettingsDialog)
        self.recycle_group.setObjectName(u"recycle_group")
        self.recycle_layout = QFormLayout(self.recycle_group)
        self.recycle_layout.setObjectName(u"recycle_layout")
        self.recycle_retention_days_label = QLabel(self.recycle_group)
        self.recycle_retention_days_label.setObjectName(u"recycle_retention_days_label")

        self.recycle_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.recycle_retention_days_label)

        self.recycle_retention_days_spin = QSpinBox(self.recycle_group)
        self.recycle_retention_days_spin.setObjectName(u"recycle_retention_days_spin")
        self.recycle_retention_days_spin.setMinimum(1)
        self.recycle_retention_days_spin.setMaximum(3650)

        self.recycle_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.recycle_retention_days_spin)


        self.main_layout.addWidget(self.recycle_group)

        self.summary_label = QLabel(BackupSettingsDialog)
        self.summary_label.setObjectName(u"summary_label")
        self.summary_label.setWordWrap(True)
        self.summary_label.setStyleSheet(u"color: #b00020;")

        self.main_layout.addWidget(self.summary_label)

        self.button_box = QDialogButtonBox(BackupSettingsDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.button_box)


        self.retranslateUi(BackupSettingsDialog)

        QMetaObject.connectSlotsByName(BackupSettingsDialog)
    # setupUi

    def retranslateUi(self, BackupSettingsDialog):
        BackupSettingsDialog.setWindowTitle(QCoreApplication.translate("BackupSettingsDialog", u"\u5907\u4efd\u8bbe\u7f6e", None))
        self.intro_label.setText(QCoreApplication.translate("BackupSettingsDialog", u"\u7a0b\u5e8f\u5728\u6253\u5f00\u6570\u636e\u5e93\u65f6\uff08\u8ddd\u4e0a\u6b21\u5907\u4efd\u8d85\u8fc7\u8bbe\u5b9a\u65f6\u95f4\uff09\u3001\u5173\u95ed\u65f6\uff08\u6709\u6539\u52a8\u65f6\uff09\uff0c\u4ee5\u53ca\u6bcf\u6b21\u5bfc\u5165\u3001\u6279\u91cf\u53d1\u653e\u3001\u6062\u590d\u548c\u5347\u7ea7\u4e4b\u524d\u81ea\u52a8\u5907\u4efd\u3002\u6bcf\u4e2a\u5907\u4efd\u90fd\u7ecf\u8fc7\u6821\u9a8c\uff0c\u4e0d\u9700\u8981\u624b\u52a8\u64cd\u4f5c\u3002", None))
        self.folders_group.setTitle(QCoreApplication.translate("BackupSettingsDialog", u"\u5907\u4efd\u4f4d\u7f6e", None))
        self.backup_folder_label.setText(QCoreApplication.translate("BackupSettingsDialog", u"\u5907\u4efd\u6587\u4ef6\u5939", None))
        self.backup_folder_edit.setPlaceholderText(QCoreApplication.translate("BackupSettingsDialog", u"\u9ed8\u8ba4\uff1a\u6570\u636e\u6587\u4ef6\u65c1\u8fb9\u7684 backups \u6587\u4ef6\u5939", None))
        self.backup_folder_button.setText(QCoreApplication.translate("BackupSettingsDialog", u"\u9009\u62e9\u2026", None))
        self.backup_folder_default_button.setText(QCoreApplication.translate("BackupSettingsDialog", u"\u6062\u590d\u9ed8\u8ba4", None))
        self.second_folder_label.setText(QCoreApplication.translate("BackupSettingsDialog", u"\u7b2c\u4e8c\u5907\u4efd\u4f4d\u7f6e", None))
        self.second_folder_edit.setPlaceholderText(QCoreApplication.translate("BackupSettingsDialog", u"\u53ef\u9009\uff1aU \u76d8\u6216\u7f51\u7edc\u5171\u4eab\u6587\u4ef6\u5939\uff0c\u6bcf\u6b21\u5907\u4efd\u53e6\u5b58\u4e00\u4efd", None))
        self.second_folder_button.setText(QCoreApplication.translate("BackupSettingsDialog", u"\u9009\u62e9\u2026", None))
        self.second_folder_clear_button.setText(QCoreApplication.translate("BackupSettingsDialog", u"\u4e0d\u4f7f\u7528", None))
        self.retention_group.setTitle(QCoreApplication.translate("BackupSettingsDialog", u"\u4fdd\u7559\u89c4\u5219\uff08\u53ea\u6574\u7406\u672c\u7a0b\u5e8f\u751f\u6210\u7684\u5907\u4efd\u6587\u4ef6\uff0c\u4e0d\u4f1a\u5220\u9664\u6587\u4ef6\u5939\u4e2d\u7684\u5176\u4ed6\u6587\u4ef6\uff09", None))
        self.keep_all_days_label.setText(QCoreApplication.translate("BackupSettingsDialog", u"\u6700\u8fd1\u51e0\u5929\u5185\u7684\u5907\u4efd\u5168\u90e8\u4fdd\u7559", None))
        self.keep_all_days_spin.setSuffix(QCoreApplication.translate("BackupSettingsDialog", u" \u5929", None))
        self.keep_daily_label.setText(QCoreApplication.translate("BackupSettingsDialog", u"\u53e6\u6309\u5929\u4fdd\u7559\uff08\u6bcf\u5929\u4e00\u4efd\uff09", None))
        self.keep_daily_spin.setSuffix(QCoreApplication.translate("BackupSettingsDialog", u" \u5929", None))
        self.keep_weekly_label.setText(QCoreApplication.translate("BackupSettingsDialog", u"\u53e6\u6309\u5468\u4fdd\u7559\uff08\u6bcf\u5468\u4e00\u4efd\uff09", None))
        self.keep_weekly_spin.setSuffix(QCoreApplication.translate("BackupSettingsDialog", u" \u5468", None))
        self.keep_monthly_label.setText(QCoreApplication.translate("BackupSettingsDialog", u"\u53e6\u6309\u6708\u4fdd\u7559\uff08\u6bcf\u6708\u4e00\u4efd\uff09", None))
        self.keep_monthly_spin.setSuffix(QCoreApplication.translate("BackupSettingsDialog", u" \u4e2a\u6708", None))
        self.backup_on_open_hours_label.setText(QCoreApplication.translate("BackupSettingsDialog", u"\u6253\u5f00\u65f6\u81ea\u52a8\u5907\u4efd\uff1a\u8ddd\u4e0a\u6b21\u5907\u4efd\u8d85\u8fc7", None))
        self.backup_on_open_hours_spin.setSuffix(QCoreApplication.translate("BackupSettingsDialog", u" \u5c0f\u65f6", None))
        self.recycle_group.setTitle(QCoreApplication.translate("BackupSettingsDialog", u"\u56de\u6536\u7ad9", None))
        self.recycle_retention_days_label.setText(QCoreApplication.translate("BackupSettingsDialog", u"\u5220\u9664\u7684\u8bb0\u5f55\u5728\u56de\u6536\u7ad9\u4fdd\u7559", None))
        self.recycle_retention_days_spin.setSuffix(QCoreApplication.translate("BackupSettingsDialog", u" \u5929", None))
    # retranslateUi


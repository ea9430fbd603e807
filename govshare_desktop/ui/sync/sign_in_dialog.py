"""登录: the officer signs in to the platform. The call runs on the runner's network lane, so
the window keeps answering however slow the network; every failure (wrong password, too
many attempts, offline, an untrusted certificate, no credential store) is one sentence
in the dialog, and the officer can correct and try again."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from govshare_desktop.domain.identity import Identity
from govshare_desktop.settings.resolver import Settings
from govshare_desktop.tasks.runner import Runner
from govshare_desktop.ui.messages import describe_failure

if TYPE_CHECKING:
    from govshare_desktop.services.sync.signin import SignInService


class SignInDialog(QDialog):
    signed_in = Signal(object)  # the Identity the platform confirmed

    def __init__(
        self,
        service: SignInService,
        runner: Runner,
        settings: Settings,
        known: Identity | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("SignInDialog")
        self._service = service
        self._runner = runner
        self.busy = False
        address = settings.effective("platform.url")
        self.address = QLineEdit(str(address.value))
        self.address.setObjectName("signInAddress")
        self.address.setReadOnly(address.locked)  # set by the administrator
        self.user = QLineEdit(known.officer if known else "")
        self.user.setObjectName("signInUser")
        self.password = QLineEdit()
        self.password.setObjectName("signInPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.unit_note = QLabel()
        self.unit_note.setWordWrap(True)
        self.unit_note.setStyleSheet("color: palette(mid)")
        self._unit = known.unit_name if known else ""
        self.message = QLabel()
        self.message.setObjectName("signInMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020")
        self.message.hide()
        self._labels = (QLabel(), QLabel(), QLabel())
        form = QFormLayout()
        for label, field in zip(
            self._labels, (self.address, self.user, self.password), strict=True
        ):
            label.setBuddy(field)
            form.addRow(label, field)
        self.buttons = QDialogButtonBox()
        self.sign_in_button = QPushButton()
        self.sign_in_button.setObjectName("signInButton")
        self.sign_in_button.setDefault(True)
        self.buttons.addButton(self.sign_in_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.unit_note)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)
        self.retranslate()
        (self.password if self.user.text() else self.user).setFocus()
        if not self.address.text():
            self.address.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Sign in to the platform"))
        texts = (self.tr("&Platform address:"), self.tr("&User name:"), self.tr("Pass&word:"))
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)
        self.address.setPlaceholderText("https://platform.example.gov")
        self.sign_in_button.setText(self.tr("Sign in") if not self.busy else self.tr("Signing in…"))
        if self._unit:
            self.unit_note.setText(
                self.tr(
                    "This data folder holds the catalog of {unit}: sign in with an account "
                    "of that unit."
                ).format(unit=self._unit)
            )
        else:
            self.unit_note.setText(
                self.tr(
                    "Your work is kept on this PC either way. Signing in lets it reach the "
                    "platform; the first sign-in makes this catalog your unit's."
                )
            )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for widget in (self.user, self.password, self.sign_in_button):
            widget.setEnabled(not busy)
        self.address.setEnabled(not busy)
        self.retranslate()

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def submit(self) -> None:
        """Sign in on the network lane with the values as typed now."""
        if self.busy:
            return
        url, user = self.address.text().strip(), self.user.text().strip()
        password = self.password.text()
        missing = (
            (self.address, self.tr("Enter the platform address.")),
            (self.user, self.tr("Enter your user name.")),
            (self.password, self.tr("Enter your password.")),
        )
        for field, text in missing:
            if not field.text().strip():
                self.show_message(text)
                field.setFocus()
                return
        self.show_message("")
        self._set_busy(True)
        service = self._service
        self._runner.run_network(
            lambda _progress: service.sign_in(url, user, password),
            self._succeeded,
            self._failed,
            label="sign-in",
        )

    def _succeeded(self, identity: Identity) -> None:
        self._set_busy(False)
        self.password.clear()
        self.signed_in.emit(identity)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self.show_message(describe_failure(error))
        self.password.selectAll()
        self.password.setFocus()

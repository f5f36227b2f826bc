"""File dialogs that never open the counter's own database.

SQLite's locks are POSIX locks, held per process: when any descriptor of the
database file is closed anywhere in the process, every lock SQLite holds on it is
gone. Qt's file dialog opens each file it lists to guess its type and icon
(QMimeDatabase reads the first bytes), so browsing the database's folder silently
dropped the counter's locks; another counter's reader then took itself for the last
one and removed the write-ahead log the counter was still writing into, and a
committed payment was lost in a crash afterwards.

So every file dialog GasDesk shows:
- is Qt's own (never the platform's: a GTK dialog in the process sniffs files too);
- names types and icons by the file name alone (NameOnlyIconProvider);
- hides the database and the files beside it (HideDatabaseFiles, by name only);
- starts in the Documents or home folder, never in the database's folder;
- refuses to save over the database or a file beside it.

The print dialog's output-file completer and its browse button are treated the same
way (guard_print_dialog)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QDir,
    QFileInfo,
    QMimeDatabase,
    QMimeType,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    QStandardPaths,
)
from PySide6.QtGui import QIcon
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import (
    QFileDialog,
    QFileIconProvider,
    QFileSystemModel,
    QLineEdit,
    QMessageBox,
    QToolButton,
    QWidget,
)

from gasdesk.storage.paths import database_file, is_companion, is_database_file


def _mime_type(name: str) -> QMimeType:
    """The type of a file by its name alone (the extension), never its contents."""
    return QMimeDatabase().mimeTypeForFile(name, QMimeDatabase.MatchMode.MatchExtension)


class NameOnlyIconProvider(QFileIconProvider):
    """Icons and type names from the file name: Qt's own provider asks QMimeDatabase,
    which opens the file and reads its first bytes."""

    def icon(self, what: QFileInfo | QFileIconProvider.IconType) -> QIcon:
        if not isinstance(what, QFileInfo):
            return super().icon(what)
        kinds = QFileIconProvider.IconType
        if what.isDir():
            return super().icon(kinds.Folder)
        mime = _mime_type(what.fileName())
        fallback = super().icon(kinds.File)
        return QIcon.fromTheme(mime.iconName(), QIcon.fromTheme(mime.genericIconName(), fallback))

    def type(self, info: QFileInfo) -> str:
        if not info.isFile():
            return super().type(info)  # a folder or a drive: named without reading
        mime = _mime_type(info.fileName())
        return mime.comment() or mime.name()


# One for the process: models keep a pointer to it, so it must outlive them all.
ICON_PROVIDER = NameOnlyIconProvider()


class HideDatabaseFiles(QSortFilterProxyModel):
    """Hides the database and the files beside it from a file dialog's listing,
    deciding by the path alone."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.own = database_file()
        self._folders: dict[str, Path] = {}

    def _real_folder(self, folder: str) -> Path:
        if folder not in self._folders:
            self._folders[folder] = Path(os.path.realpath(folder))
        return self._folders[folder]

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        if self.own is None or not isinstance(model, QFileSystemModel):
            return True
        index = model.index(row, 0, parent)
        name = model.fileName(index)
        if is_companion(name, self._real_folder(model.filePath(parent)), self.own):
            return False
        if model.fileInfo(index).isSymLink():  # a link to the database, elsewhere
            return not is_database_file(model.filePath(index))
        return True


def start_folder(preferred: str | None = None) -> str:
    """Where a file dialog starts: `preferred`, else Documents, else home; never the
    database's folder."""
    own = database_file()
    candidates = [
        preferred,
        QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation),
        QDir.homePath(),
    ]
    for candidate in candidates:
        if (
            candidate
            and Path(candidate).is_dir()
            and (own is None or Path(os.path.realpath(candidate)) != own.parent)
        ):
            return candidate
    return QDir.tempPath()


def protect_models(widget: QWidget) -> None:
    """Give every file system model inside `widget` (a dialog's list, a completer)
    the icon provider that reads names only."""
    for model in widget.findChildren(QFileSystemModel):
        model.setIconProvider(ICON_PROVIDER)


class SafeFileDialog(QFileDialog):
    """A file dialog that never opens the database's files (see the module)."""

    def __init__(self, parent: QWidget | None, caption: str) -> None:
        super().__init__(parent, caption)
        self.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        self.setOption(QFileDialog.Option.DontResolveSymlinks, True)
        self.setIconProvider(ICON_PROVIDER)
        self.setProxyModel(HideDatabaseFiles(self))
        protect_models(self)
        self.setDirectory(start_folder())
        self.refusal: QMessageBox | None = None

    def accept(self) -> None:
        own = [f for f in self.selectedFiles() if is_database_file(f)]
        if not own:
            super().accept()
            return
        self.refusal = QMessageBox(
            QMessageBox.Icon.Warning,
            self.windowTitle(),
            self.tr("{file} is the counter's own database; choose another name.").format(
                file=own[0]
            ),
            QMessageBox.StandardButton.Ok,
            self,
        )
        self.refusal.setObjectName("ownDatabaseRefused")
        self.refusal.open()


def save_dialog(
    parent: QWidget | None, caption: str, file_name: str, name_filter: str
) -> SafeFileDialog:
    """A dialog to save `file_name` (in the start folder) with the name filter, e.g.
    'CSV files (*.csv)'; the extension is added when the teller leaves it out."""
    dialog = SafeFileDialog(parent, caption)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setNameFilter(name_filter)
    suffix = name_filter.rpartition("*.")[2].rstrip(")").strip()
    if suffix:
        dialog.setDefaultSuffix(suffix)
    dialog.selectFile(file_name)
    return dialog


def open_dialog(parent: QWidget | None, caption: str, name_filter: str) -> SafeFileDialog:
    """A dialog to choose an existing file (in the start folder) of the name filter,
    e.g. 'Spreadsheets (*.csv *.xlsx)'."""
    dialog = SafeFileDialog(parent, caption)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setNameFilter(name_filter)
    return dialog


def guard_print_dialog(dialog: QPrintDialog) -> None:
    """Qt's print dialog has a completer over the file system for printing to a file
    and a browse button that opens Qt's file dialog: both are made safe here."""
    protect_models(dialog)
    line = dialog.findChild(QLineEdit, "filename")
    button = dialog.findChild(QToolButton, "fileBrowser")
    if line is None or button is None:
        return
    button.clicked.disconnect()  # Qt's own: a file dialog that sniffs every file

    def browse() -> None:
        caption = QCoreApplication.translate("SafeFileDialog", "Print to file")
        chooser = save_dialog(dialog, caption, "", "PDF (*.pdf)")
        chooser.setObjectName("printToFileDialog")
        current = Path(line.text())
        if line.text():
            chooser.setDirectory(start_folder(str(current.parent)))
            chooser.selectFile(current.name)
        chooser.fileSelected.connect(line.setText)
        chooser.open()

    button.clicked.connect(browse)

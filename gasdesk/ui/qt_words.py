"""Qt's own words that the Simplified Chinese translation shipped with Qt
(qtbase_zh_CN.qm) lacks: Qt changed them after that translation was made, so its
file dialog said "Look in", "Files of type" and "Folder" in the Chinese interface.

They are listed here in Qt's own contexts, so that lupdate puts them into
resources/i18n/gasdesk_zh_CN.ts with their Chinese. GasDesk's translator is installed
beside Qt's (ui/application.py install_translators), and Qt asks it for a word its own
translation does not have. Nothing imports this module: it exists for lupdate.
"""

from __future__ import annotations

from gasdesk.domain.text import QT_TRANSLATE_NOOP

QT_WORDS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Shortcut"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Unknown"),
)

"""The courtesy-phrase panel: the service code's basic phrases and tactful expressions."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QListWidget, QVBoxLayout, QWidget

from gasdesk.ui.context import AppContext

BASIC = [
    "您好，欢迎您的光临",
    "谢谢 / 多谢您的支持 / 多谢您的帮助",
    "听明白了 / 清楚了 / 请放心",
    "请您稍等 / 麻烦您等一下",
    "对不起，让您久等了",
    "对不起，打扰您一下",
    "很抱歉 / 非常抱歉",
    "请别客气 / 不用客气 / 很高兴为您服务",
    "没有什么",
    "很对不起，我没听清，请再重复一遍好吗？",
    "再见，欢迎下次再来",
    "对不起，我可以占用您一点儿时间吗？",
]
TACTFUL = ["我会……", "我理解……", "你能……吗？", "我能做到的是……"]


class PhrasePanel(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Basic phrases")))
        self.basic = QListWidget()
        self.basic.addItems(BASIC)
        layout.addWidget(self.basic, 3)
        layout.addWidget(QLabel(self.tr("Tactful expressions")))
        self.tactful = QListWidget()
        self.tactful.addItems(TACTFUL)
        layout.addWidget(self.tactful, 1)

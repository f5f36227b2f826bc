"""Screen labels for payment kinds and methods (the receipt prints its own Chinese)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def method_label(method: str) -> str:
    labels = {
        "cash": QCoreApplication.translate("FeeLabels", "Cash"),
        "wechat": QCoreApplication.translate("FeeLabels", "WeChat Pay"),
        "alipay": QCoreApplication.translate("FeeLabels", "Alipay"),
        "card": QCoreApplication.translate("FeeLabels", "Bank card"),
        "balance": QCoreApplication.translate("FeeLabels", "Prepaid balance"),
    }
    return labels.get(method, method)


def kind_label(kind: str) -> str:
    labels = {
        "bill": QCoreApplication.translate("FeeLabels", "Gas bill"),
        "purchase": QCoreApplication.translate("FeeLabels", "IC-card gas"),
        "prepay": QCoreApplication.translate("FeeLabels", "Prepayment"),
        "void": QCoreApplication.translate("FeeLabels", "Void"),
        "refund": QCoreApplication.translate("FeeLabels", "Refund"),
    }
    return labels.get(kind, kind)

"""The fee counter: the tab, its due panel, the tender form, read-back, receipt and voids."""

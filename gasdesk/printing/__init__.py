"""reportlab documents: receipts, day reports, printed forms."""

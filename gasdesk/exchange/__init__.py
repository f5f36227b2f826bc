"""Spreadsheets in and out: typed .xlsx workbooks written with openpyxl."""

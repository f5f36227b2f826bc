"""Spreadsheets in and out: reading the files customers' data comes in (CSV in any of
the encodings a spreadsheet writes, .xlsx through openpyxl). No Qt, no database."""

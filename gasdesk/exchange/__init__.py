"""Spreadsheets in and out: typed .xlsx workbooks written with openpyxl (the ledgers),
and reading the files customers' data comes in (CSV in any of the encodings a
spreadsheet writes, .xlsx through openpyxl). No Qt, no database."""

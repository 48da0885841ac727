"""Spreadsheets a store exchanges with the till: CSV and Excel in, Excel out."""

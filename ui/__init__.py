"""Helpers for the Streamlit app (app.py): UI strings, views, export, upload, lookup.

The app's pure logic (export, lookup, corpus rows, filters, highlighting, upload) lives
in plain modules testable without Streamlit; the `*_view` modules only render.
"""

"""The importer core: fetch, parse, clean, identify and tag partner feed entries.

Plain typed Python with no Django import, so every step is tested from data files alone.
Each step takes and returns the dataclasses of ``types``; ``importers.publish`` (the thin
Django layer) turns the result into blog posts.
"""

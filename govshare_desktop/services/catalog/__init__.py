"""Catalog use cases: edit, import, check data files, derive, file (Art. 7, 11)."""

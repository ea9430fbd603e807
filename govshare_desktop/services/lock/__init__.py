"""Locking the window after idle time and unlocking it with the officer's password (Art. 18)."""

"""The audit log (Art. 14, 17): appended by every use case, sealed, verified, uploaded."""

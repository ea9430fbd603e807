"""Sharing between units (Art. 12-17): requests, grants, rows, objections, notices, audit."""

"""Notices (通报, Art. 17): list, count, mark read, announce arrivals."""

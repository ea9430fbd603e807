"""Notices (通报, Art. 17): the panel on the 概览 and the arrival announcement."""

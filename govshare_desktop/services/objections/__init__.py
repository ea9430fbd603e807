"""Objections (异议, Art. 16): raised on granted data, answered by the provider."""

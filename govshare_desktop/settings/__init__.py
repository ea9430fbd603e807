"""Typed settings declared as data; built-in defaults <- machine policy <- the user."""

"""Helpers tests share: a keyring backend for tests only, small servers on 127.0.0.1."""

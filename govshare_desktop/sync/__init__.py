"""The offline-first sync engine: outbox push, cursor pull, merges and conflicts (SYNC.md).

Qt-free and store-facing: every local step is a short transaction on the writer thread,
every HTTP call happens outside any transaction (snapshot → HTTP → apply).
"""

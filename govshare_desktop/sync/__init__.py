"""The offline-first sync engine (outbox push, cursor pull, conflicts; SYNC.md). Its own issue."""

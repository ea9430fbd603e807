"""The one typed API for background work: reads on a pool, writes on one worker (QtCore only)."""

"""The shared directory (共享目录): other units' filed catalogs, held for offline use."""

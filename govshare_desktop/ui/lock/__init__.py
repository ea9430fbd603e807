"""The window lock (Art. 18): idle detection, the lock screen, and the controller."""

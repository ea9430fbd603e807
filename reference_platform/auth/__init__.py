"""Sign-in: password hashing, opaque bearer tokens with rotation, the current officer."""

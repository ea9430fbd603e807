"""govshare-desktop: the offline-first client of the provincial information-sharing platform."""

__version__ = "0.1.0"

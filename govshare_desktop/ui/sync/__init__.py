"""同步: the link with the platform and what waits to be sent."""

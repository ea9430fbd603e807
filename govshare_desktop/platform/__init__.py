"""HTTP client of the platform API (requests + truststore). Filed with the sync issue."""

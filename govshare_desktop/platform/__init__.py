"""The platform adapter: the API's wire format (wire/) and, with the sync issue, its client."""

"""The platform adapter: the HTTP client (client.py, with its network settings in
network.py and typed errors in errors.py), the officer's session over it (session.py) and
the API's wire format per entity (wire/). It imports no other adapter: the composition root
passes it plain values (`NetworkConfig`) and a `TokenStore`."""

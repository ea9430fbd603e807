"""Each entity's JSON as the platform API (reference_platform/openapi.yaml) spells it, to and
from the client's own content form: one module per entity, and nothing else knows the wire."""

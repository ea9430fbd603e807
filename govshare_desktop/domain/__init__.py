"""Standard-library-only core: entities, enums, profiles, validation, error codes."""

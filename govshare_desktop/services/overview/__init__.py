"""概览: the unit's to-dos and figures, computed offline from the local store."""

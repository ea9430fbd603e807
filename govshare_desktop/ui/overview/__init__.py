"""概览: the unit's figures at a glance."""

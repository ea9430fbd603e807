"""The shell's page frame; each capability's page lives in its own ui/<capability>/ folder."""

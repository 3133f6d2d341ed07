"""Models of the participation app; filled by the issues that build it."""

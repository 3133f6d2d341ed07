"""Models of the projects app; filled by the issues that build it."""

"""Models of the agenda app; filled by the issues that build it."""

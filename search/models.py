"""Models of the search app; filled by the issues that build it."""

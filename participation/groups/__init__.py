"""Focus and feedback groups run by topic sponsors: sessions, results, feedback rounds."""

"""Search backends with per-language analysis (see README, "Search")."""

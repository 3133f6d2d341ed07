"""Public views of the city dialogues: the dialogue page (pages) and ideas (ideas)."""

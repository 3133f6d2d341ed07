"""Models of the city dialogues: the dialogue pages (pages) and citizens' ideas (ideas)."""

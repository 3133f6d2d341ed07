"""Public views of the participation app, one module per domain idea (polls, dialogues, ideas…)."""

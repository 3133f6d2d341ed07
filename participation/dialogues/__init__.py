"""City dialogues: the dialogue pages with phases and events, ideas, comments, supports,
flags, and their moderation and triage (admin_views).
"""

"""Polls: a question with choices, one ballot per participant, embeddable as a block."""

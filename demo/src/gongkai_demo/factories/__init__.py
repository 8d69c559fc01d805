"""Factories and helpers for tests: ``organs`` (organs, users, memberships) and
``disclosure`` (items brought to a state through the real services)."""

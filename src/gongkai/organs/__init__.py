"""Organs, their hierarchy, their staff and the staff's roles."""

"""Gongkai (公开): government information disclosure work, from casework to annual report."""

__version__ = "0.1.0"

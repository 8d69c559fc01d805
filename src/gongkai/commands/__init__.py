"""Subcommands of the ``gongkai`` command, one module per library."""

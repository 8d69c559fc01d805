"""Working-day calendar and the statutory clock of the Regulation; plain Python, no Django."""

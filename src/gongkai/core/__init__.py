"""What every app of the platform shares: the append-only audit record (``models``)."""

"""What every app of the platform shares: the append-only audit record (``models``), the
client's address and the shared rate limit (``clients``)."""

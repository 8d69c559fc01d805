"""Log-in, password policy, lockout and API tokens for staff."""

"""Staff sign-in hardening: a second factor for local accounts, limits on sign-in attempts, and the
security headers of the hub (docs/security.md)."""

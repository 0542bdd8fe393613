"""Staff sign-in with the gemeente's identity provider (OpenID Connect). See docs/security.md."""

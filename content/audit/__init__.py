"""The audit trail ("Logboek"): who did what, on top of Wagtail's own audit log.

Wagtail already records publish, unpublish, workflow decisions and API tokens made or revoked
in the admin. This package adds the actions Wagtail does not know (sign-ins, deliveries to the
national catalogues), the report administrators filter and export, and the retention command.
Other packages record their own actions with `wagtail.log_actions.log` and the names in
`content.audit.actions`. See docs/security.md ("Audit trail").
"""

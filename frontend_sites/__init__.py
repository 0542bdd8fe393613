"""Front-ends of the content hub: website, subsite, app (PWA) and KCC console.

One small Django project that talks to the hub only over HTTP GraphQL. It never imports
the hub's own packages (`hub`, `content`, `search`, `api`); a test checks that.
"""

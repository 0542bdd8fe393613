"""Run a front-end: `python -m frontend_sites serve --site website --port 8001`.

`--site` picks one of the instances (website, subsite, app, kcc); environment variables
(FRONTEND_KIND, FRONTEND_SITE_KEY, HUB_GRAPHQL_URL, FRONTEND_PORT) still override it.
"""

import argparse
import os
import sys

from .instances import INSTANCES


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m frontend_sites")
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="serve one front-end (threaded development server)")
    serve.add_argument("--site", choices=sorted(INSTANCES), default=os.environ.get("FRONTEND_INSTANCE", "website"))
    serve.add_argument("--port", type=int, default=None, help="default: FRONTEND_PORT or the instance's port")
    serve.add_argument("--host", default=os.environ.get("FRONTEND_HOST", "127.0.0.1"))
    commands.add_parser("check", help="run Django's system checks for the configured front-end")
    args = parser.parse_args(argv)

    if args.command == "serve":
        os.environ["FRONTEND_INSTANCE"] = args.site
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "frontend_sites.settings")
    import django

    django.setup()
    if args.command == "check":
        from django.core.management import call_command

        call_command("check")
        return 0

    from django.conf import settings
    from django.core.servers.basehttp import WSGIServer, run
    from django.core.wsgi import get_wsgi_application

    port = args.port or int(os.environ.get("FRONTEND_PORT") or INSTANCES[args.site].port)
    sys.stdout.write(
        f"Front-end '{args.site}' ({settings.FRONTEND_KIND}, site {settings.FRONTEND_SITE_KEY}) "
        f"on http://{args.host}:{port}/ using {settings.HUB_GRAPHQL_URL}\n"
    )
    sys.stdout.flush()
    try:
        run(args.host, port, get_wsgi_application(), threading=True, server_cls=WSGIServer)
    except KeyboardInterrupt:
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())

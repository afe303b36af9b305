"""Shared by manage.py: commands fail in one line when the database is down."""

from __future__ import annotations

import sys


def execute_from_command_line(argv: list[str]) -> None:
    """Django's command line, except that a database that cannot be reached (or used) is one
    line on stderr and exit status 1 instead of a traceback; `--traceback` still shows it."""
    from django.core.management import execute_from_command_line as execute
    from django.db import InterfaceError, OperationalError

    try:
        execute(argv)
    except (OperationalError, InterfaceError) as error:
        if "--traceback" in argv:
            raise
        reason = next((line.strip() for line in str(error).splitlines() if line.strip()), "")
        sys.stderr.write(
            f"Error: the database is not available ({reason or type(error).__name__}). "
            "Check DATABASE_URL and that the server is running and migrated.\n"
        )
        sys.exit(1)

"""``python -m kalo …``: the project's content commands (see kalo/cli.py)."""

from kalo.cli import main

raise SystemExit(main())

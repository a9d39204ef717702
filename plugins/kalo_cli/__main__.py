"""``python -m kalo_cli …``: the project's content commands (see kalo_cli/main.py)."""

from kalo_cli.main import main

raise SystemExit(main())

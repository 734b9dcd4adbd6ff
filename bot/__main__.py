"""`python -m bot` is the same as the `labbaik` command."""

from bot.app.cli import main

raise SystemExit(main())

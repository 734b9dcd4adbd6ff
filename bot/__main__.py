"""`python -m bot` is the same as the `labbaik` command."""

from bot.cli import main

raise SystemExit(main())

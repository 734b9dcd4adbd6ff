"""One module per `labbaik` command group; `bot.app.cli` maps each command to its function."""

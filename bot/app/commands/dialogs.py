"""`labbaik dialogs validate`: the flows and texts (dialogs/) plus the services' data.

The dialog checks live in dialogs/validate.py, which may not import bot/;
the municipal data (knowledge base, places, service points, tips) is checked
by bot/municipal/knowledge.py. This command runs both and reports every
problem as `path:line: what is wrong`, exiting 1 on any.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.municipal.knowledge import validate_municipal_data
from dialogs import validate as dialog_checks


def main(args: argparse.Namespace) -> int:
    default_flows, default_locales = dialog_checks.default_dirs(args)
    flows_dir = Path(getattr(args, "flows", None) or default_flows)
    locales_dir = Path(getattr(args, "locales", None) or default_locales)
    problems, summary = dialog_checks.validate(flows_dir, locales_dir)
    lines = [str(dialog_checks.relative(p)) for p in problems]
    lines += validate_municipal_data(locales_dir=locales_dir, flows_dir=flows_dir)
    for line in lines:
        print(line)
    if lines:
        print(f"{len(lines)} problem(s) found", file=sys.stderr)
        return 1
    print(f"{summary}; services data OK")
    return 0

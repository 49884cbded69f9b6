"""``python -m listbot`` and the ``listbot`` console script: the only place that exits."""

from __future__ import annotations

import sys


def main() -> None:
    from listbot.cli import main as cli_main

    sys.exit(cli_main())


if __name__ == "__main__":
    main()

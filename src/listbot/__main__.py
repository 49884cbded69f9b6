"""``python -m listbot`` and the ``listbot`` console script: the only place that exits."""

from __future__ import annotations

import gc
import sys


def main() -> None:
    # Importing listbot creates tens of thousands of objects and no garbage; the cyclic
    # collector would scan them again and again (~5 ms of every run's start-up).
    gc.disable()
    try:
        from listbot.cli import main as cli_main
    finally:
        gc.enable()
    sys.exit(cli_main())


if __name__ == "__main__":
    main()

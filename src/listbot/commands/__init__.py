"""CLI commands: one module each, with ``add_parser(subparsers)`` and ``run(args) -> int``.

Shared option groups (selection, output, configuration) are defined in :mod:`.common`.
"""

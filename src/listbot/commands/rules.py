"""``listbot rules``: every rule with its default severity, whether it fixes, and a summary."""

from __future__ import annotations

import argparse
import json

from listbot.rules import FixAvailability, all_rules


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("rules", help="list the rules", description="List every rule.")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--all", action="store_true", help="include rules that are off by default")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    rules = [rule for rule in all_rules() if args.all or args.format == "json" or rule.enabled]
    if args.format == "json":
        print(
            json.dumps(
                [
                    {
                        "id": rule.id,
                        "severity": rule.severity.value,
                        "fix": rule.fix.value,
                        "enabled": rule.enabled,
                        "network": rule.network,
                        "tags": list(rule.tags),
                        "aliases": list(rule.aliases),
                        "summary": rule.summary,
                    }
                    for rule in rules
                ],
                indent=2,
            )
        )
        return 0
    width = max((len(rule.id) for rule in rules), default=10)
    for rule in rules:
        fix = {FixAvailability.ALWAYS: "fix", FixAvailability.SOMETIMES: "fix?"}.get(rule.fix, "")
        state = "" if rule.enabled else " (off by default)"
        print(f"{rule.id:<{width}}  {rule.severity.value:<7}  {fix:<4}  {rule.summary}{state}")
    if not args.all:
        hidden = sum(1 for rule in all_rules() if not rule.enabled)
        if hidden:
            print(f"\n{hidden} more rules are off by default: `listbot rules --all`.")
    return 0

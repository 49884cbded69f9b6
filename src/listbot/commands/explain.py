"""``listbot explain RULE``: a rule's documentation, an example finding and fix, its options."""

from __future__ import annotations

import argparse
import json
import sys

from listbot.explain import explain, render_explanation
from listbot.rules import all_rules, get_rule
from listbot.suggest import did_you_mean


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "explain",
        help="show a rule's documentation, an example and its options",
        description="Explain a rule: what it reports and why, an example finding and its fix, "
        "and its options. RULE is a rule id or alias (see `listbot rules --all`).",
    )
    parser.add_argument("rule", metavar="RULE", help="rule id or alias, e.g. final-newline")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    rule = get_rule(args.rule)
    if rule is None:
        names = [name for known in all_rules() for name in (known.id, *known.aliases)]
        tags = sorted({tag for known in all_rules() for tag in known.tags})
        if args.rule in tags:
            hint = f"; {args.rule!r} is a tag: `listbot rules --all` shows its rules"
        else:
            hint = did_you_mean(args.rule, names) or "; `listbot rules --all` lists every rule"
        print(f"listbot: error: unknown rule {args.rule!r}{hint}", file=sys.stderr)
        return 2
    explanation = explain(rule)
    if args.format == "json":
        print(json.dumps(explanation.to_dict(), indent=2, ensure_ascii=False))
    else:
        sys.stdout.write(render_explanation(explanation))
    return 0

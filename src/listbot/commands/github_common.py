"""What the ``listbot github`` commands share: the GitHub options, the token, the repository,
and how a scheduled run reports trouble.

The token comes from ``--token`` or the environment (``[github] token_env``), is handed to
the client and never printed.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from listbot.commands.common import add_config_options, notice, resolve_config
from listbot.config import Config, ConfigError
from listbot.github.options import GithubOptions

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def add_common(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("GitHub")
    group.add_argument("--token", help="API token (default: GITHUB_TOKEN); never printed")
    group.add_argument(
        "--github-api-url", metavar="URL", help="default: GITHUB_API_URL or [github] api_url"
    )
    group.add_argument(
        "--cache", metavar="PATH", help="results store (default: [links] cache_path)"
    )
    add_config_options(parser)


def token_for(args: argparse.Namespace, options: GithubOptions) -> str | None:
    if args.token:
        return str(args.token)
    return next((os.environ[name] for name in options.token_env if os.environ.get(name)), None)


def api_url_for(args: argparse.Namespace, options: GithubOptions) -> str:
    return str(args.github_api_url or os.environ.get("GITHUB_API_URL") or options.api_url)


def repo_for(args: argparse.Namespace) -> str:
    repo = args.repo or os.environ.get("GITHUB_REPOSITORY")
    if not repo or repo.count("/") != 1:
        raise ConfigError("no repository: pass --repo OWNER/NAME or set GITHUB_REPOSITORY")
    return str(repo)


def setup(args: argparse.Namespace, first: Path | None) -> tuple[Config, GithubOptions, str, str]:
    config = resolve_config(args, first)
    options: GithubOptions = config.section("github")
    token = token_for(args, options)
    if not token:
        raise ConfigError("no GitHub token: set GITHUB_TOKEN or pass --token")
    return config, options, token, api_url_for(args, options)


def network_options(
    args: argparse.Namespace, config: Config, token: str, api_url: str
) -> dict[str, Any]:
    store = args.cache or config.section("links").cache_path
    return {"store_path": store, "github_token": token, "github_api_url": api_url}


def problems(
    args: argparse.Namespace,
    notices: list[str],
    input_errors: list[str],
    fatal: str | None,
    left: str,
) -> bool:
    """Print a scheduled run's notices and errors; True when it must stop (exit 2), saying
    that what it maintains is left alone (``left``: "the link-rot issue is left as it is")."""
    for message in dict.fromkeys(notices):
        notice(args, message)
    for error in input_errors:
        print(f"listbot: error: {error}", file=sys.stderr)
    if fatal:
        print(f"listbot: error: {fatal}; {left}", file=sys.stderr)
    return bool(fatal or input_errors)

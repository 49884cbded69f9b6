"""listbot: lint, link-check and review curated awesome lists.

The public API is small: parse a list into a :class:`Document`, lint it into
:class:`Finding` values. The CLI (``listbot``) is a thin shell over these.
"""

from __future__ import annotations

try:  # written from the git tag when listbot is built or installed (hatch-vcs)
    from listbot._version import __version__
except ImportError:  # pragma: no cover - a source tree that was never built or installed
    __version__ = "0+unknown"

from listbot.api import LintResult, lint_file, lint_text
from listbot.config import Config, ConfigError, load_config
from listbot.findings import Edit, Finding, Fix, Severity
from listbot.model import Document, Entry, Link, Section
from listbot.parse import parse, parse_file
from listbot.source import InputError

__all__ = [
    "Config",
    "ConfigError",
    "Document",
    "Edit",
    "Entry",
    "Finding",
    "Fix",
    "InputError",
    "Link",
    "LintResult",
    "Section",
    "Severity",
    "__version__",
    "lint_file",
    "lint_text",
    "load_config",
    "parse",
    "parse_file",
]

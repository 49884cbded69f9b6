"""What values an option accepts, declared beside the option as dataclass field metadata.

An options dataclass (``[links]``, ``[arxiv]``, ``[github]``, a rule's ``Options``) declares
its limits where it declares the option::

    timeout: float = ranged(15.0, above=0, high=600, unit="seconds")

:mod:`listbot.config` checks every value against them when a file is read (so a run never
starts with ``timeout = inf`` or ``retries = 1000000000``), and ``config.toml`` and
``listbot explain`` print them. The module is a leaf: option modules anywhere may import it.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any, Protocol

__all__ = ["METADATA_KEY", "Constraint", "FilePath", "HeaderText", "HttpUrl", "Range", "ranged"]

METADATA_KEY = "listbot.constraint"
"""The field metadata key holding an option's :class:`Constraint`."""


class Constraint(Protocol):
    """A limit on one scalar value (each item of an array, each value of a table)."""

    def problem(self, value: Any) -> str | None:
        """Why ``value`` is not allowed, or None when it is."""

    def describe(self) -> str:
        """The allowed values in a few words, for ``config.toml`` and ``listbot explain``."""


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() and abs(value) < 1e15 else repr(value)


@dataclass(frozen=True)
class Range:
    """A number from ``low`` (or more than ``above``) to ``high``; never NaN or infinite."""

    low: float | None = None
    high: float | None = None
    above: float | None = None
    """An exclusive lower bound: the value must be more than this."""
    unit: str = ""

    def describe(self) -> str:
        unit = f" {self.unit}" if self.unit else ""
        if self.above is not None:
            lower = f"more than {_number(self.above)}"
            if self.high is None:
                return lower + unit
            return f"{lower} and at most {_number(self.high)}{unit}"
        if self.low is not None and self.high is not None:
            return f"{_number(self.low)} to {_number(self.high)}{unit}"
        if self.low is not None:
            return f"at least {_number(self.low)}{unit}"
        return f"at most {_number(self.high or 0)}{unit}"

    def problem(self, value: Any) -> str | None:
        if isinstance(value, float) and not math.isfinite(value):
            return f"{value!r} is not a finite number; use {self.describe()}"
        too_low = (self.low is not None and value < self.low) or (
            self.above is not None and value <= self.above
        )
        if too_low or (self.high is not None and value > self.high):
            return f"{_number(value)} is out of range; use {self.describe()}"
        return None


def ranged(
    default: Any,
    low: float | None = None,
    high: float | None = None,
    *,
    above: float | None = None,
    unit: str = "",
) -> Any:
    """A dataclass field with ``default`` and a :class:`Range` (for ``int`` or ``float``)."""
    return field(default=default, metadata={METADATA_KEY: Range(low, high, above=above, unit=unit)})


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class FilePath:
    """A path naming a file (not a folder), free of control characters."""

    def describe(self) -> str:
        return "a file path"

    def problem(self, value: Any) -> str | None:
        text = str(value)
        if _CONTROL.search(text):
            return "a path must not contain control characters"
        name = text.replace("\\", "/").rstrip().rpartition("/")[2]
        if name in ("", ".", ".."):
            return f"{text!r} names a folder; give a file name, e.g. .listbot/cache.sqlite"
        return None


@dataclass(frozen=True)
class HttpUrl:
    """An absolute ``http://`` or ``https://`` URL with a host, without spaces or controls."""

    def describe(self) -> str:
        return "an http(s) URL"

    def problem(self, value: Any) -> str | None:
        text = str(value)
        match = re.match(r"https?://([^/?#\s]+)", text, re.IGNORECASE)
        if match is None or re.search(r"[\s\x00-\x1f\x7f]", text):
            return f"{text!r} is not an http:// or https:// URL"
        return None


_TOKEN = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")


@dataclass(frozen=True)
class HeaderText:
    """An HTTP header value (and, in a table, header name): no line breaks or controls."""

    def describe(self) -> str:
        return "header text"

    def problem(self, value: Any) -> str | None:
        if re.search(r"[\x00-\x08\x0a-\x1f\x7f]", str(value)):
            return f"{value!r}: a header must not contain line breaks or control characters"
        return None

    def key_problem(self, key: str) -> str | None:
        if not _TOKEN.fullmatch(key):
            return f"{key!r} is not a valid header name"
        return None

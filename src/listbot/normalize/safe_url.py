"""URLs that came from the network, made safe to write into a list (or refused).

A redirect's ``Location`` header, a repository's new name from the GitHub API, or any
other URL a server hands us is untrusted text. Before it may replace a URL in a list
(``lint --fix``, the maintenance job, a suggestion in an issue) it goes through
:func:`replacement_url`, which either returns text that is a valid absolute http(s) URL
*and* inert where it is inserted, or raises :class:`UnsafeUrl` saying why.

Parts:

- :func:`safe_url`: parse, normalise and re-serialise (scheme and host lower-cased, the
  host checked and IDNA-encoded, default port dropped, non-ASCII percent-encoded). Refused:
  anything but http(s), user info (``https://github.com@evil.test``), an invalid or
  single-label host, control characters, bytes that were not UTF-8, whitespace, and the
  characters RFC 3986 never allows unencoded (``"<>\\^`{|}`` and ``[]`` outside the host).
  Parentheses and ``'`` are legal but close Markdown destinations and HTML attributes, so
  they are percent-encoded.
- :class:`Placement` and :func:`placement_of`: where the URL is written (a Markdown
  destination, an autolink ``<...>``, a bare URL, an HTML attribute).
- :func:`replacement_url`: :func:`safe_url`, only for a URL that answered 2xx, then made
  valid for its placement (``&`` as ``&amp;`` in HTML; no trailing punctuation a bare URL
  would lose; nothing a Markdown parser would read as an entity).
- :func:`display_url`: an untrusted URL for a message: the safe form, or a short escaped one.
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from enum import Enum
from urllib.parse import urlsplit

__all__ = [
    "MAX_LENGTH",
    "Placement",
    "UnsafeUrl",
    "display_url",
    "placement_of",
    "replacement_url",
    "safe_url",
]

MAX_LENGTH = 2048
"""Longer URLs are refused: no real page needs more, and a hostile server could send megabytes."""

_NEVER_RAW = frozenset('"<>\\^`{|}[]')
"""ASCII characters RFC 3986 allows nowhere unencoded (``[]`` only around an IPv6 host)."""
_ENCODED = {"'": "%27", "(": "%28", ")": "%29"}
"""Legal in URLs, but they end a Markdown destination or an HTML attribute: encoded."""
_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_LABEL = re.compile(r"^(?!-)[a-z0-9_-]{1,63}(?<!-)$")
_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{0,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
_BARE_TRAILING = frozenset("?!.,:*_~;")
_DEFAULT_PORTS = {"http": 80, "https": 443}


class UnsafeUrl(ValueError):
    """Why a URL from the network may not be written into a list (the message says why)."""


class Placement(str, Enum):
    """Where a URL is written in Markdown: each place ends a URL at different characters."""

    DESTINATION = "destination"
    """``[text](url)``, ``![alt](url)`` or a reference definition ``[label]: url``."""
    AUTOLINK = "autolink"
    """``<https://...>``."""
    BARE = "bare"
    """A URL in running text (GFM autolink literal): trailing punctuation is not part of it."""
    HTML_ATTRIBUTE = "html-attribute"
    """``<a href="...">`` or ``<img src="...">``."""


def placement_of(kind: str) -> Placement:
    """The placement for a :class:`listbot.model.LinkKind` value."""
    if kind == "autolink":
        return Placement.AUTOLINK
    if kind == "bare":
        return Placement.BARE
    if kind in ("html_a", "html_img"):
        return Placement.HTML_ATTRIBUTE
    return Placement.DESTINATION


def safe_url(candidate: str) -> str:
    """``candidate`` as a normalised, valid absolute http(s) URL; :class:`UnsafeUrl` if it is not.

    The result is ASCII and contains none of ``space " ' ( ) < > [ ] ` { } | \\ ^``, no
    control characters and no malformed percent-escapes.
    """
    if not isinstance(candidate, str):
        raise UnsafeUrl("it is not text")
    text = candidate.strip(" ")
    if len(text) > MAX_LENGTH:
        raise UnsafeUrl(f"it is longer than {MAX_LENGTH} characters")
    _refuse_bad_characters(text)
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError as error:
        raise UnsafeUrl(f"it is not a valid URL ({error})") from None
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS:
        raise UnsafeUrl("it is not an http(s) URL")
    netloc = parts.netloc
    if "@" in netloc:
        raise UnsafeUrl("it carries a user name or password")
    host = _host(netloc.rsplit(":", 1)[0] if port is not None or netloc.endswith(":") else netloc)
    if port is not None and port != _DEFAULT_PORTS[scheme]:
        if port == 0:
            raise UnsafeUrl("its port is 0")
        host = f"{host}:{port}"
    path = _encode(parts.path) or ("/" if parts.query else "")
    query = _encode(parts.query)
    fragment = _encode(parts.fragment)
    if "#" in fragment:
        raise UnsafeUrl("it has more than one '#'")
    url = f"{scheme}://{host}{path}"
    if query:
        url += "?" + query
    if fragment:
        url += "#" + fragment
    if len(url) > MAX_LENGTH:
        raise UnsafeUrl(f"it is longer than {MAX_LENGTH} characters once encoded")
    return url


def replacement_url(
    candidate: str, *, final_status: int | None, placement: Placement = Placement.DESTINATION
) -> str:
    """The text to write instead of a URL in a list, given a URL that came from the network.

    ``final_status`` is the HTTP status the candidate itself answered (after following
    any redirects); only 2xx qualifies. Every fix or commit that writes a URL taken from a
    server or an API must go through here. Raises :class:`UnsafeUrl` with the reason
    (report the finding without a fix, never write the candidate).
    """
    if final_status is None or not 200 <= final_status < 300:
        shown = "no answer" if final_status is None else f"HTTP {final_status}"
        raise UnsafeUrl(f"the new URL did not answer 2xx ({shown})")
    url = safe_url(candidate)
    if _ENTITY.search(url):
        raise UnsafeUrl("it contains text Markdown would read as an HTML entity")
    if placement is Placement.BARE and url[-1] in _BARE_TRAILING:
        raise UnsafeUrl(f"a bare URL ending in {url[-1]!r} would lose that character")
    if placement is Placement.HTML_ATTRIBUTE:
        url = url.replace("&", "&amp;")
    return url


def display_url(candidate: str, limit: int = 200) -> str:
    """An untrusted URL for a message: its safe form, else escaped and shortened."""
    try:
        return safe_url(candidate)
    except UnsafeUrl:
        pass
    shown = "".join(_shown(char) for char in candidate[: limit + 1])
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def _shown(char: str) -> str:
    if char.isprintable() and (char == " " or not char.isspace()):
        return char
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (decoded with surrogateescape)
        return f"\\x{code & 0xFF:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _refuse_bad_characters(text: str) -> None:
    for char in text:
        if char.isascii():
            if char <= " " or char == "\x7f":
                raise UnsafeUrl(
                    "it contains a space" if char == " " else "it contains a control character"
                )
            if char in _NEVER_RAW and char not in "[]":
                raise UnsafeUrl(f"it contains {char!r}, which a URL must encode")
            continue
        category = unicodedata.category(char)
        if char == "\ufffd" or category == "Cs":
            raise UnsafeUrl("it contains bytes that are not UTF-8")
        if category in ("Cc", "Cf", "Zs", "Zl", "Zp", "Co", "Cn"):
            raise UnsafeUrl("it contains an invisible or space character")
    if _PERCENT.search(text):
        raise UnsafeUrl("it contains a '%' that is not a percent-escape")


def _host(netloc: str) -> str:
    """The lower-case ASCII host (IDNA for Unicode names); IP literals checked."""
    if netloc.startswith("["):
        if not netloc.endswith("]"):
            raise UnsafeUrl("its IPv6 host is not closed")
        try:
            return f"[{ipaddress.IPv6Address(netloc[1:-1]).compressed}]"
        except ValueError:
            raise UnsafeUrl("its IPv6 host is not valid") from None
    if "[" in netloc or "]" in netloc:
        raise UnsafeUrl("its host contains '[' or ']'")
    host = netloc.lower()
    if host.endswith("."):
        host = host[:-1]
    if not host:
        raise UnsafeUrl("it has no host")
    if not host.isascii():
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            raise UnsafeUrl("its host is not a valid international domain name") from None
    labels = host.split(".")
    if all(label.isdigit() for label in labels):
        try:
            return str(ipaddress.IPv4Address(host))
        except ValueError:
            raise UnsafeUrl("its host is not a valid IPv4 address") from None
    if len(labels) < 2 or len(host) > 253 or not all(_LABEL.match(label) for label in labels):
        raise UnsafeUrl("its host is not a valid public host name")
    return host


def _encode(part: str) -> str:
    """Percent-encode what must not be written raw; ``[]`` outside the host is refused."""
    if "[" in part or "]" in part:
        raise UnsafeUrl("it contains '[' or ']' outside the host")
    if part.isascii() and not any(char in _ENCODED for char in part):
        return part
    out = []
    for char in part:
        if char in _ENCODED:
            out.append(_ENCODED[char])
        elif char.isascii():
            out.append(char)
        else:
            out.append("".join(f"%{byte:02X}" for byte in char.encode("utf-8")))
    return "".join(out)

"""URL identity and hygiene: when two written URLs mean the same page, and what is noise in them.

Parts:

- :func:`normalize_url`: the identity key of a URL, for duplicate detection. Two URLs
  with the same key are the same page. Cached, so rules sharing it pay once per URL.
- :data:`TRACKING_PARAMETERS` / :func:`is_tracking_parameter`: query parameters that
  only tell a site where a click came from.
- :func:`query_parameters` / :func:`remove_tracking_parameters`: the written pieces of a
  query, and the URL without its tracking pieces, every other character kept as written.
- :func:`host_of`: the lower-case host, or ``""``; :func:`plain_http_parts`: the parts of
  a plain http(s) URL without ``urlsplit``.
- :func:`paper_arxiv_id`: the arXiv paper behind any URL form, cached, with a cheap
  substring test first so ordinary URLs are never parsed for it.

What :func:`normalize_url` treats as the same (and why):

- ``http`` / ``https`` / protocol-relative ``//``: one site serves both; the scheme is dropped.
- Host case, a leading ``www.``, a trailing dot, default ports (``:80``, ``:443``).
- A trailing ``/``, a final ``index.html`` / ``index.htm`` (as awesome-lint's normalize-url).
- Percent-encoding: hex digits upper-cased, unreserved characters (``%7E``) decoded.
- Query order (sorted) and tracking parameters (removed).
- GitHub: owner and repository are case-insensitive, ``.git`` is the clone suffix,
  ``#readme`` and ``?tab=readme-ov-file`` are the page GitHub shows anyway.
- ``#readme`` anywhere (npm, GitLab and GitHub all use it for "the README part"),
  an empty ``#``, and text fragments (``#:~:text=...``: a highlight, not a place).
- arXiv: every arxiv.org form of one paper (``abs``, ``pdf``, ``.pdf``, ``vN``, ``html``,
  ``export.``/``www.``, http) becomes ``arxiv:ID``. Mirrors (ar5iv, alphaXiv, the DOI)
  are other pages and keep their own key; :mod:`listbot.normalize.arxiv_ids` links them
  to the paper for rules that compare papers rather than URLs.

Kept, because they change what the reader gets: other fragments (``#installation`` is
not the page top; awesome-lint #158), path case outside GitHub owner/repo, other query
parameters, and ``ref``: on GitHub and GitLab ``?ref=`` names a branch, so it is not
tracking (``ref_src`` on Twitter is).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from listbot.normalize.arxiv_ids import ArxivId, arxiv_id_from_url

__all__ = [
    "PLAIN_HTTP_URL",
    "TRACKING_PARAMETERS",
    "TRACKING_PREFIXES",
    "QueryParameter",
    "host_of",
    "is_tracking_parameter",
    "normalize_url",
    "paper_arxiv_id",
    "plain_http_parts",
    "query_bounds",
    "query_parameters",
    "remove_tracking_parameters",
    "tracking_parameters",
]

TRACKING_PREFIXES: tuple[str, ...] = ("utm_",)
"""Any parameter starting with these is tracking (Google Analytics campaign tags)."""

TRACKING_PARAMETERS: frozenset[str] = frozenset(
    {
        "fbclid",  # Facebook
        "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "_ga", "_gl",  # Google Ads / Analytics
        "msclkid",  # Microsoft Ads
        "yclid",  # Yandex
        "twclid",  # Twitter/X Ads
        "ttclid",  # TikTok
        "li_fat_id",  # LinkedIn
        "igshid",  # Instagram share id
        "mc_cid", "mc_eid",  # Mailchimp
        "_hsenc", "_hsmi", "__hssc", "__hstc", "__hsfp", "hsctatracking",  # HubSpot
        "mkt_tok",  # Marketo
        "oly_anon_id", "oly_enc_id",  # Omeda
        "vero_id", "vero_conv",  # Vero
        "wickedid",  # Wicked Reports
        "rb_clickid",  # Rubicon
        "s_cid",  # Adobe
    }
)  # fmt: skip
"""Parameters that are tracking on every site (names compared case-insensitively)."""

_HOST_TRACKING: dict[str, frozenset[str]] = {
    "youtube.com": frozenset({"si", "feature"}),
    "m.youtube.com": frozenset({"si", "feature"}),
    "youtu.be": frozenset({"si", "feature"}),
    "open.spotify.com": frozenset({"si"}),
    "twitter.com": frozenset({"ref_src", "ref_url"}),
    "x.com": frozenset({"ref_src", "ref_url"}),
    "medium.com": frozenset({"source"}),
}
"""Parameters that are tracking only on one site (``si`` elsewhere may mean anything)."""

_GITHUB_HOSTS = frozenset({"github.com"})
_GITHUB_NOISE_QUERY = frozenset({"tab=readme-ov-file"})
_ARXIV_HOSTS = frozenset({"arxiv.org", "export.arxiv.org", "lanl.arxiv.org"})
_DEFAULT_PORTS = {"http": "80", "https": "443"}
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_PERCENT = re.compile(r"%([0-9A-Fa-f]{2})")
_INDEX_PAGE = re.compile(r"/index\.html?$", re.IGNORECASE)
PLAIN_HTTP_URL = re.compile(
    r"(?P<scheme>https?)://(?P<host>[A-Za-z0-9][A-Za-z0-9.-]*)(?::(?P<port>[0-9]{1,5}))?"
    r"(?P<path>/[^?#\s]*)?(?:\?(?P<query>[^#\s]*))?(?:#(?P<fragment>\S*))?",
    re.IGNORECASE,
)
"""A plain http(s) URL, to be matched whole: a host name or IPv4 address, maybe a port,
no user, brackets or white space. Its parts are what ``urlsplit`` reads, so the fast
paths that split most of a list's URLs with it (here and in ``net.policy``) agree with
the general one."""


@dataclass(frozen=True, slots=True)
class QueryParameter:
    """One ``name=value`` piece of a URL's query, with its 0-based offsets in the URL."""

    name: str
    start: int
    end: int


def plain_http_parts(url: str) -> tuple[str, str, str, str] | None:
    """(host in lower case, path, query, fragment) of a plain ``http(s)://host/path?q#f``
    URL (a host name: no port, user, IPv6 or space), as ``urlsplit`` reads them; None for
    any other URL. Most links are plain: a regular expression beats ``urlsplit`` 3:1."""
    match = PLAIN_HTTP_URL.fullmatch(url)
    if match is None or match["port"] is not None:
        return None
    return match["host"].lower(), match["path"] or "", match["query"] or "", match["fragment"] or ""


def host_of(url: str) -> str:
    """The URL's host in lower case without ``www.``, or ``""`` (relative, mailto, malformed)."""
    url = url.strip()
    plain = plain_http_parts(url)
    if plain is not None:
        host = plain[0]
    else:
        try:
            host = urlsplit(url).hostname or ""
        except ValueError:
            return ""
    host = host.rstrip(".")
    return host[4:] if host.startswith("www.") else host


def is_tracking_parameter(name: str, host: str = "") -> bool:
    """Whether a query parameter only tracks the click (``host`` as from :func:`host_of`)."""
    key = name.lower()
    if key.startswith(TRACKING_PREFIXES) or key in TRACKING_PARAMETERS:
        return True
    return key in _HOST_TRACKING.get(host, ())


def query_bounds(url: str) -> tuple[int, int] | None:
    """0-based ``[start, end)`` of the query text (after ``?``, before ``#``), or None."""
    fragment = url.find("#")
    head = url if fragment < 0 else url[:fragment]
    mark = head.find("?")
    if mark < 0:
        return None
    return mark + 1, len(head)


def query_parameters(url: str) -> tuple[QueryParameter, ...]:
    """The ``&``-separated pieces of the query as written (empty pieces skipped)."""
    bounds = query_bounds(url)
    if bounds is None:
        return ()
    start, end = bounds
    pieces: list[QueryParameter] = []
    position = start
    for piece in url[start:end].split("&"):
        if piece:
            name = piece.split("=", 1)[0]
            pieces.append(QueryParameter(name, position, position + len(piece)))
        position += len(piece) + 1
    return tuple(pieces)


def tracking_parameters(url: str) -> tuple[QueryParameter, ...]:
    """The query pieces of ``url`` that are tracking parameters."""
    pieces = query_parameters(url)
    if not pieces:
        return ()
    host = host_of(url)
    return tuple(p for p in pieces if is_tracking_parameter(p.name, host))


def remove_tracking_parameters(url: str) -> str:
    """``url`` without its tracking pieces; every other character stays as written.

    The ``?`` goes too when nothing is left of the query; separators between kept pieces
    are kept as they were.
    """
    bounds = query_bounds(url)
    if bounds is None:
        return url
    start, end = bounds
    host = host_of(url)
    kept = [
        piece
        for piece in url[start:end].split("&")
        if not (piece and is_tracking_parameter(piece.split("=", 1)[0], host))
    ]
    query = "&".join(kept)
    if query.strip("&") == "":
        return url[: start - 1] + url[end:]
    return url[:start] + query + url[end:]


def _normalize_percent(text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        char = chr(int(match.group(1), 16))
        return char if char in _UNRESERVED else "%" + match.group(1).upper()

    return _PERCENT.sub(replace, text)


def _normalize_fragment(fragment: str) -> str:
    directive = fragment.find(":~:")
    if directive >= 0:
        fragment = fragment[:directive]
    if fragment.lower() in ("", "readme", "readme-ov-file"):
        return ""
    return fragment


_ARXIV_HINT = re.compile("arxiv|ar5iv|alphaxiv", re.IGNORECASE)
"""Every URL form :func:`arxiv_id_from_url` knows contains one of these (DOIs: ``arXiv.``)."""


def paper_arxiv_id(url: str) -> ArxivId | None:
    """The arXiv paper a URL names in any form (mirrors and DOI too), cached; None for others.

    Only URLs that may name a paper are cached: a cache of every URL held 7 MB of ``None``
    on a list of 100,000 entries."""
    if _ARXIV_HINT.search(url) is None:
        return None
    return _cached_arxiv_id(url)


@lru_cache(maxsize=65536)
def _cached_arxiv_id(url: str) -> ArxivId | None:
    return arxiv_id_from_url(url)


URL_CACHE_SIZE = 16384
"""Rules read a list's URLs in file order, so a list longer than a cache gets no hits from
it (each read evicts what the next rule needs first): the cache pays for lists of up to
this many entries and, bigger, would only hold memory (9 MB at 100,000 entries)."""


@lru_cache(maxsize=URL_CACHE_SIZE)
def normalize_url(url: str) -> str:
    """The identity key of ``url``: equal keys mean the same page (see the module docstring).

    Not a URL to visit: the scheme is dropped (``github.com/owner/repo``) and arXiv papers
    become ``arxiv:ID``. Anchors (``#top``), relative paths and other schemes come back
    stripped but otherwise as written.
    """
    text = url.strip()
    if text.startswith("//"):
        text = "http:" + text
    lowered = text.lower()
    if not lowered.startswith(("http://", "https://")):
        return text
    parts = _split(text)
    if parts is None:
        return lowered
    host, path, query_text, fragment = parts
    if host.startswith("www."):
        host = host[4:]
    if host in _ARXIV_HOSTS:
        arxiv_id = paper_arxiv_id(text)
        if arxiv_id is not None:
            return f"arxiv:{arxiv_id.id}"
    if "%" in path:
        path = _normalize_percent(path)
    if path.lower().endswith(("/index.html", "/index.htm")):
        path = _INDEX_PAGE.sub("/", path)
    path = path.rstrip("/")
    query_pieces = [
        _normalize_percent(piece)
        for piece in query_text.split("&")
        if piece and not is_tracking_parameter(piece.split("=", 1)[0], host)
    ]
    if host in _GITHUB_HOSTS:
        path = _github_path(path)
        query_pieces = [p for p in query_pieces if p.lower() not in _GITHUB_NOISE_QUERY]
    query = "&".join(sorted(query_pieces))
    fragment = _normalize_fragment(fragment)
    return host + path + ("?" + query if query else "") + ("#" + fragment if fragment else "")


def _split(url: str) -> tuple[str, str, str, str] | None:
    """(host with a non-default port and any userinfo, path, query, fragment), or None.

    A regular expression handles the common case (a plain host name); anything else
    (ports, userinfo, IPv6, odd characters) goes through :func:`urllib.parse.urlsplit`.
    """
    plain = plain_http_parts(url)
    if plain is not None:
        host, path, query, fragment = plain
        return host.rstrip("."), path, query, fragment
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").rstrip(".")
        port = parts.port
    except ValueError:
        return None
    if port is not None and str(port) != _DEFAULT_PORTS[parts.scheme.lower()]:
        host = f"{host}:{port}"
    if parts.username or parts.password:
        host = f"{parts.netloc.rsplit('@', 1)[0]}@{host}"
    return host, parts.path, parts.query, parts.fragment


def _github_path(path: str) -> str:
    """Owner and repository lower-cased, ``.git`` dropped; the rest (branches, files) kept."""
    segments = path.split("/")  # ["", owner, repo, ...]
    if len(segments) > 1:
        segments[1] = segments[1].lower()
    if len(segments) > 2:
        repo = segments[2].lower()
        segments[2] = repo[:-4] if repo.endswith(".git") else repo
    return "/".join(segments)

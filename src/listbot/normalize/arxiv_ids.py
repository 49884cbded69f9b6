"""arXiv identifiers: find them in URLs and text, and check them before anything is sent.

Parts:

- :class:`ArxivId`: one identifier, canonical and unversioned (``2005.14165``,
  ``hep-th/9901001``), with its version and the year and month it encodes.
- :func:`parse_arxiv_id`: the *shape* of an ID (``2005.14165v2``, ``math.GT/0309136``).
  Shape only: ``1412.12345`` parses, and :func:`validate` says why it is wrong.
- :func:`arxiv_url_candidate` / :func:`arxiv_id_from_url`: every URL form that names a
  paper (abs, pdf, ``.pdf``, html, src/ps/format, ``www.``/``export.``, http, ar5iv,
  alphaXiv, ``doi.org/10.48550/arXiv.ID``; queries and fragments ignored).
- :func:`find_arxiv_ids`: ``arXiv:ID`` in running text, with offsets.
- :func:`validate`: why an ID is invalid (digit count for its month, month 01-12, dates
  before arXiv or after ``today``, unknown old-style archive), or None.

Everything is pure: the caller passes today's date. One malformed ID turns a whole API
batch into HTTP 400, so only IDs that :func:`validate` accepts may be sent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import unquote, urlsplit

__all__ = [
    "OLD_STYLE_ARCHIVES",
    "ArxivId",
    "arxiv_id_from_url",
    "arxiv_url_candidate",
    "find_arxiv_ids",
    "parse_arxiv_id",
    "validate",
]

# Archives that had old-style identifiers (archive/YYMMNNN), 1991-2007.
OLD_STYLE_ARCHIVES: frozenset[str] = frozenset(
    {
        "acc-phys", "adap-org", "alg-geom", "ao-sci", "astro-ph", "atom-ph", "bayes-an",
        "chao-dyn", "chem-ph", "cmp-lg", "comp-gas", "cond-mat", "cs", "dg-ga", "funct-an",
        "gr-qc", "hep-ex", "hep-lat", "hep-ph", "hep-th", "math", "math-ph", "mtrl-th",
        "nlin", "nucl-ex", "nucl-th", "patt-sol", "physics", "plasm-ph", "q-alg", "q-bio",
        "quant-ph", "solv-int", "supr-con",
    }
)  # fmt: skip

_NEW = r"(?P<yymm>\d{4})\.(?P<number>\d{4,5})"
_OLD = r"(?P<archive>[A-Za-z]+(?:-[A-Za-z]+)?)(?:\.(?P<subject>[A-Za-z]{2}))?/(?P<old>\d{7})"
_VERSION = r"(?:v(?P<version>\d+))?"
_ID_PATTERN = re.compile(rf"(?:{_NEW}|{_OLD}){_VERSION}")

# `arXiv:2005.14165`, `arXiv: hep-th/9901001v2`; not inside a longer word or number.
_TEXT_PATTERN = re.compile(
    r"(?<![\w/.])arxiv:\s?(?P<id>"
    r"(?:\d{4}\.\d{4,5}|[a-z]+(?:-[a-z]+)?(?:\.[a-z]{2})?/\d{7})(?:v\d+)?"
    r")(?!\d)",
    re.IGNORECASE,
)

_ARXIV_HOSTS = frozenset({"arxiv.org", "www.arxiv.org", "export.arxiv.org", "lanl.arxiv.org"})
_ARXIV_PATHS = frozenset({"abs", "pdf", "html", "format", "src", "ps"})
_MIRROR_HOSTS = {
    "ar5iv.labs.arxiv.org": frozenset({"html", "abs"}),
    "ar5iv.org": frozenset({"html", "abs"}),
    "www.ar5iv.org": frozenset({"html", "abs"}),
    "alphaxiv.org": frozenset({"abs", "overview", "pdf"}),
    "www.alphaxiv.org": frozenset({"abs", "overview", "pdf"}),
}
_DOI_HOSTS = frozenset({"doi.org", "dx.doi.org", "www.doi.org"})
_DOI_PREFIX = "10.48550/arxiv."
_KNOWN_HOSTS = frozenset({*_ARXIV_HOSTS, *_MIRROR_HOSTS, *_DOI_HOSTS})
_HOST_HINTS = tuple(
    sorted(host for host in _KNOWN_HOSTS if not any(o != host and o in host for o in _KNOWN_HOSTS))
)
"""The known hosts that contain no other (``arxiv.org``, ``doi.org``, ...): a URL without
any of them written in it has none of the known hosts."""


@dataclass(frozen=True, slots=True)
class ArxivId:
    """One arXiv identifier. ``id`` is canonical: unversioned, old-style subject class dropped."""

    id: str
    version: int | None
    year: int
    month: int

    @property
    def versioned(self) -> str:
        """The ID as written with its version, e.g. ``2005.14165v2``."""
        return f"{self.id}v{self.version}" if self.version is not None else self.id

    @property
    def abs_url(self) -> str:
        """The canonical landing page, the form readers should get."""
        return f"https://arxiv.org/abs/{self.id}"

    @property
    def old_style(self) -> bool:
        return "/" in self.id


def _year_from_yy(yy: int, *, old_style: bool) -> int:
    if old_style:
        return 1900 + yy if yy >= 91 else 2000 + yy
    return 2000 + yy


def parse_arxiv_id(raw: str) -> ArxivId | None:
    """The ID in ``raw`` (the whole string) if it has an arXiv ID's shape, else None."""
    match = _ID_PATTERN.fullmatch(raw.strip())
    if match is None:
        return None
    version = int(match["version"]) if match["version"] is not None else None
    if match["yymm"] is not None:
        yymm = match["yymm"]
        return ArxivId(
            id=f"{yymm}.{match['number']}",
            version=version,
            year=_year_from_yy(int(yymm[:2]), old_style=False),
            month=int(yymm[2:]),
        )
    digits = match["old"]
    return ArxivId(
        id=f"{match['archive'].lower()}/{digits}",
        version=version,
        year=_year_from_yy(int(digits[:2]), old_style=True),
        month=int(digits[2:4]),
    )


def arxiv_url_candidate(url: str) -> str | None:
    """The ID text an arXiv-style URL names (not yet checked), or None for other URLs.

    ``https://arxiv.org/pdf/2005.14165v2.pdf`` gives ``2005.14165v2``;
    ``https://arxiv.org/abs/abc`` gives ``abc`` so that a rule can say it is malformed.
    """
    text = url.strip()
    if "://" not in text:
        text = "https://" + text.lstrip("/")
    # Most links are not arXiv's: skip urlsplit (the costly part) unless a known host is
    # written in the URL. urlsplit drops tabs and newlines, so they are dropped here too.
    written = text.lower().replace("\t", "").replace("\r", "").replace("\n", "")
    if not any(host in written for host in _HOST_HINTS):
        return None
    try:
        parts = urlsplit(text)
        host = (parts.hostname or "").lower()
    except ValueError:
        return None
    path = unquote(parts.path)
    if host in _DOI_HOSTS:
        doi = path.lstrip("/")
        if doi.lower().startswith(_DOI_PREFIX):
            return doi[len(_DOI_PREFIX) :].rstrip("/") or None
        return None
    if host in _ARXIV_HOSTS:
        allowed = _ARXIV_PATHS
    elif host in _MIRROR_HOSTS:
        allowed = _MIRROR_HOSTS[host]
    else:
        return None
    segments = [segment for segment in path.split("/") if segment]
    if len(segments) < 2 or segments[0].lower() not in allowed:
        return None
    rest = segments[1:]
    # Old-style IDs span two segments: archive(.SC)/YYMMNNN.
    if len(rest) >= 2 and re.fullmatch(r"\d{7}(?:v\d+)?(?:\.pdf)?", rest[1]):
        candidate = f"{rest[0]}/{rest[1]}"
    else:
        candidate = rest[0]
    if candidate.lower().startswith("arxiv:"):
        candidate = candidate[len("arxiv:") :]
    if candidate.lower().endswith(".pdf"):
        candidate = candidate[: -len(".pdf")]
    return candidate or None


def arxiv_id_from_url(url: str) -> ArxivId | None:
    """The arXiv ID a URL points at, in any of the forms above, or None."""
    candidate = arxiv_url_candidate(url)
    return parse_arxiv_id(candidate) if candidate is not None else None


def find_arxiv_ids(text: str) -> list[tuple[ArxivId, int]]:
    """IDs written as ``arXiv:ID`` in text, each with the 0-based offset of the ID itself."""
    found: list[tuple[ArxivId, int]] = []
    for match in _TEXT_PATTERN.finditer(text):
        arxiv_id = parse_arxiv_id(match["id"])
        if arxiv_id is not None:
            found.append((arxiv_id, match.start("id")))
    return found


def validate(raw: str, today: date) -> str | None:
    """Why ``raw`` is not a valid arXiv ID as of ``today``, or None when it is valid.

    The reason is a short phrase for a message, e.g. ``"month 13 does not exist"``.
    """
    raw = raw.strip()
    match = _ID_PATTERN.fullmatch(raw)
    if match is None:
        start = _ID_PATTERN.match(raw)
        rest = raw[start.end() :] if start is not None else ""
        if start is not None and not rest[:1].isdigit() and validate(start[0], today) is None:
            # `1112.6209.pdf&embed`: a real ID with text glued after it in the link
            return f"the identifier {start[0]} is followed by {rest!r}"
        return "not an arXiv identifier (expected YYMM.NNNNN or archive/YYMMNNN)"
    if match["version"] is not None and int(match["version"]) == 0:
        return "versions start at v1"
    if match["yymm"] is not None:
        yymm = match["yymm"]
        yy, month = int(yymm[:2]), int(yymm[2:])
        number = match["number"]
        if not 1 <= month <= 12:
            return f"month {yymm[2:]} does not exist"
        if int(yymm) < 704:
            return f"new-style IDs start in April 2007 (0704), not {yymm}"
        if int(yymm) <= 1412 and len(number) != 4:
            return f"IDs from {yymm} have 4 digits after the dot, not {len(number)}"
        if int(yymm) >= 1501 and len(number) != 5:
            return f"IDs from {yymm} have 5 digits after the dot, not {len(number)}"
        if int(number) == 0:
            return "sequence number 0 does not exist"
        year = 2000 + yy
    else:
        archive = match["archive"].lower()
        digits = match["old"]
        month = int(digits[2:4])
        if archive not in OLD_STYLE_ARCHIVES:
            return f"{match['archive']!r} is not an arXiv archive"
        if match["subject"] is not None and not match["subject"].isupper():
            return f"subject class {match['subject']!r} must be two capital letters"
        if not 1 <= month <= 12:
            return f"month {digits[2:4]} does not exist"
        year = _year_from_yy(int(digits[:2]), old_style=True)
        if (year, month) < (1991, 7):
            return f"arXiv started in July 1991 (9107), not {digits[:4]}"
        if (year, month) > (2007, 3):
            return f"old-style IDs end in March 2007 (0703), not {digits[:4]}"
        if int(digits[4:]) == 0:
            return "sequence number 000 does not exist"
    if (year, month) > (today.year, today.month):
        return f"{year}-{month:02d} is in the future"
    return None

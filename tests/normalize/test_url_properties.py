"""Properties of the URL helpers on arbitrary input: no exceptions, idempotence, nothing lost."""

from __future__ import annotations

from urllib.parse import urlsplit

from hypothesis import given
from hypothesis import strategies as st

from listbot.normalize.urls import (
    host_of,
    is_tracking_parameter,
    normalize_url,
    plain_http_parts,
    query_parameters,
    remove_tracking_parameters,
)

_piece = st.one_of(
    st.sampled_from(["utm_source=x", "fbclid=1", "a=1", "b", "ref=main", "si=2", ""]),
    st.text(alphabet="abc=%_&", max_size=8),
)
_url = st.builds(
    lambda scheme, host, path, pieces, fragment: (
        f"{scheme}{host}{path}" + ("?" + "&".join(pieces) if pieces else "") + fragment
    ),
    st.sampled_from(["https://", "http://", "//", ""]),
    st.sampled_from(["example.com", "www.GitHub.com", "youtu.be", "arxiv.org", "[::1"]),
    st.text(alphabet="/abcAB.%7e-", max_size=12),
    st.lists(_piece, max_size=5),
    st.sampled_from(["", "#readme", "#x", "#:~:text=a"]),
)


@given(st.one_of(_url, st.text(max_size=40)))
def test_normalize_never_raises_and_is_stable(url: str) -> None:
    key = normalize_url(url)
    assert isinstance(key, str)
    assert normalize_url(url) == key


@given(_url)
def test_removing_tracking_is_idempotent_and_keeps_the_rest(url: str) -> None:
    clean = remove_tracking_parameters(url)
    assert remove_tracking_parameters(clean) == clean
    assert len(clean) <= len(url)
    kept = [url[p.start : p.end] for p in query_parameters(url)]
    left = [clean[p.start : p.end] for p in query_parameters(clean)]
    host = host_of(url)
    assert left == [piece for piece in kept if not is_tracking_parameter(piece.split("=")[0], host)]
    # the part before the query and the fragment are untouched
    assert clean.split("#")[0].split("?")[0] == url.split("#")[0].split("?")[0]
    if "#" in url:
        assert clean.endswith(url[url.index("#") :])


_plain_or_not = st.builds(
    lambda scheme, host, rest: f"{scheme}{host}{rest}",
    st.sampled_from(["https://", "HTTP://", "http://", "ftp://", "//", ""]),
    st.sampled_from(["github.com", "GitHub.com.", "a-b.example", "x:80", "u@h", "[::1]", ""]),
    st.text(alphabet="/?#aB. \t%:@[]", max_size=14),
)


@given(_plain_or_not)
def test_plain_http_parts_read_a_url_as_urlsplit_does(url: str) -> None:
    plain = plain_http_parts(url)
    if plain is None:
        return
    parts = urlsplit(url)
    assert parts.scheme.lower() in ("http", "https")
    assert plain == (parts.hostname, parts.path, parts.query, parts.fragment)

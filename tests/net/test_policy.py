"""Pure link-check policy with plain values: no server, no clock, no randomness."""

from __future__ import annotations

from datetime import datetime, timezone
from email.utils import format_datetime

import pytest

from listbot.net.guard import blocked_reason
from listbot.net.policy import (
    Attempt,
    Failure,
    Finish,
    Follow,
    Limits,
    Retry,
    Trail,
    UseGet,
    VerdictKind,
    backoff_delay,
    conclude,
    host_of,
    is_soft_404,
    looks_like_login,
    next_step,
    report_now,
    retry_after_seconds,
    url_key,
    url_key_and_host,
)
from listbot.store import History

NOW = 1_700_000_000.0
LIMITS = Limits(retries=2, timeout_retries=1, backoff=1.0, max_retry_wait=30.0)


FRESH = Trail()


def step(attempt: Attempt, trail: Trail = FRESH, limits: Limits = LIMITS) -> object:
    return next_step(attempt, trail, limits, jitter=0.5, now=NOW)


def get(status: int, **kw: object) -> Attempt:
    return Attempt("GET", "https://a.dev/x", status=status, **kw)  # type: ignore[arg-type]


def head(status: int, **kw: object) -> Attempt:
    return Attempt("HEAD", "https://a.dev/x", status=status, **kw)  # type: ignore[arg-type]


def failed(kind: Failure, method: str = "GET") -> Attempt:
    return Attempt(method, "https://a.dev/x", failure=kind)


@pytest.mark.parametrize("status", [400, 403, 404, 405, 410, 500, 501, 503])
def test_head_problems_fall_back_to_get(status: int) -> None:
    assert isinstance(step(head(status)), UseGet)


def test_head_429_retries_with_head() -> None:
    assert isinstance(step(head(429)), Retry)


@pytest.mark.parametrize(
    ("status", "kind"),
    [
        (200, VerdictKind.OK),
        (204, VerdictKind.OK),
        (404, VerdictKind.DEAD),
        (410, VerdictKind.DEAD),
        (401, VerdictKind.UNVERIFIED),
        (403, VerdictKind.UNVERIFIED),
        (999, VerdictKind.UNVERIFIED),
        (418, VerdictKind.UNVERIFIED),
    ],
)
def test_final_statuses(status: int, kind: VerdictKind) -> None:
    result = step(get(status))
    assert isinstance(result, Finish) and result.kind is kind


def test_accepted_codes_are_ok() -> None:
    result = step(get(403), limits=Limits(accept=frozenset({403})))
    assert result == Finish(VerdictKind.OK)


def test_bot_wall_says_so() -> None:
    result = step(get(403, bot_wall=True))
    assert isinstance(result, Finish) and "bot wall" in result.reason


@pytest.mark.parametrize("status", [500, 502, 503, 504, 429])
def test_retryable_statuses_retry_until_the_budget_is_spent(status: int) -> None:
    assert isinstance(step(get(status)), Retry)
    last = step(get(status), Trail(retries=2))
    assert isinstance(last, Finish)
    expected = VerdictKind.UNVERIFIED if status == 429 else VerdictKind.DEAD
    assert last.kind is expected


def test_retry_after_seconds_and_dates() -> None:
    assert retry_after_seconds("7", NOW) == 7.0
    date = format_datetime(datetime.fromtimestamp(NOW + 12, tz=timezone.utc), usegmt=True)
    assert retry_after_seconds(date, NOW) == pytest.approx(12.0)
    past = format_datetime(datetime.fromtimestamp(NOW - 100, tz=timezone.utc), usegmt=True)
    assert retry_after_seconds(past, NOW) == 0.0
    assert retry_after_seconds("soon", NOW) is None
    assert retry_after_seconds(None, NOW) is None


def test_retry_after_is_used_and_capped() -> None:
    assert step(get(429, retry_after="3")) == Retry(3.0, "rate limited (HTTP 429)")
    refused = step(get(503, retry_after="3600"))
    assert isinstance(refused, Finish) and refused.kind is VerdictKind.UNVERIFIED
    assert "3600" in refused.reason


def test_backoff_doubles_with_jitter_and_a_cap() -> None:
    assert backoff_delay(0, 1.0, 0.5) == 1.0
    assert backoff_delay(2, 1.0, 0.5) == 4.0
    assert backoff_delay(1, 1.0, 0.0) == 1.0 and backoff_delay(1, 1.0, 0.999) < 3.0
    assert backoff_delay(20, 1.0, 0.5) == 30.0


@pytest.mark.parametrize(
    ("failure", "kind"),
    [
        (Failure.DNS, VerdictKind.DEAD),
        (Failure.DNS_TEMPORARY, VerdictKind.UNVERIFIED),
        (Failure.REFUSED, VerdictKind.UNVERIFIED),
        (Failure.TLS, VerdictKind.UNVERIFIED),
        (Failure.PRIVATE, VerdictKind.PRIVATE),
    ],
)
def test_failures_that_are_not_retried(failure: Failure, kind: VerdictKind) -> None:
    result = step(failed(failure))
    assert isinstance(result, Finish) and result.kind is kind


def test_timeouts_retry_once_without_method_fallback() -> None:
    first = step(failed(Failure.TIMEOUT, "HEAD"))
    assert isinstance(first, Retry) and first.timeout
    again = step(failed(Failure.TIMEOUT, "HEAD"), Trail(timeout_retries=1))
    assert again == Finish(VerdictKind.UNVERIFIED, "timed out")


def test_resets_fall_back_from_head_then_retry() -> None:
    assert isinstance(step(failed(Failure.RESET, "HEAD")), UseGet)
    assert isinstance(step(failed(Failure.RESET)), Retry)
    assert step(failed(Failure.RESET), Trail(retries=2)).kind is VerdictKind.UNVERIFIED  # type: ignore[union-attr]


def test_redirects_are_followed_and_loops_caught() -> None:
    hop = step(get(301, location="/y"))
    assert hop == Follow("https://a.dev/y", 301)
    seen = Trail(seen=frozenset({url_key("https://a.dev/y")}))
    loop = step(get(302, location="https://A.dev/y#top"), seen)
    assert isinstance(loop, Finish) and loop.kind is VerdictKind.DEAD and "loop" in loop.reason
    long = Trail(chain=tuple((301, f"https://a.dev/{i}") for i in range(10)))
    too_many = step(get(301, location="/next"), long)
    assert isinstance(too_many, Finish) and too_many.kind is VerdictKind.DEAD
    nowhere = step(get(301))
    assert isinstance(nowhere, Finish) and nowhere.kind is VerdictKind.UNVERIFIED


def test_conclude_suggests_only_permanent_targets() -> None:
    ok = Finish(VerdictKind.OK)
    chain = ((301, "https://b.dev/"), (308, "https://c.dev/"), (302, "https://c.dev/login"))
    verdict = conclude("http://a.dev/#x", ok, Trail(chain=chain), get(200), 4, 0.25)
    assert verdict.kind is VerdictKind.REDIRECT
    assert verdict.final_url == "https://c.dev/#x"
    assert verdict.elapsed_ms == 250 and verdict.attempts == 4
    temporary = conclude(
        "http://a.dev/", ok, Trail(chain=((302, "https://b.dev/"),)), get(200), 2, 0
    )
    assert temporary.kind is VerdictKind.OK and temporary.final_url == "https://b.dev/"


def test_url_key_dedupes_what_is_the_same_resource_only() -> None:
    assert url_key("HTTPS://Example.COM:443/a?b=1#frag") == "https://example.com/a?b=1"
    assert url_key("http://example.com") == "http://example.com/"
    assert url_key("http://example.com/A") != url_key("http://example.com/a")
    assert url_key("http://example.com:8080/") == "http://example.com:8080/"


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("HTTPS://Example.COM:443/a#f", "example.com"),
        ("http://u:p@Host.Dev:8080/x", "host.dev"),
        ("https://[::1]:8443/p", "::1"),
        ("http://h.dev:99999/x", "h.dev"),  # a port out of range: the key is the URL as written
        ("http://[broken/x", ""),
        (" http://spaced.dev ", "spaced.dev"),
        ("http:///no-host", ""),
    ],
)
def test_url_key_and_host_is_one_parse_giving_the_same_answers(url: str, host: str) -> None:
    assert url_key_and_host(url) == (url_key(url), host)
    assert host == host_of(url_key(url))


def history(failures: int) -> History:
    return History("u", None, None, failures, "dead", NOW)


def test_report_now_needs_consecutive_failures_unless_plainly_gone() -> None:
    flaky = {"verdict": "unverified", "status": None, "failure": "timeout"}
    assert not report_now(history(1), flaky)
    assert report_now(history(2), flaky)
    gone = {"verdict": "dead", "status": 404, "failure": None}
    assert report_now(history(1), gone)
    assert not report_now(history(1), gone, gone_at_once=False)
    assert report_now(None, {"verdict": "dead", "status": None, "failure": "dns"})
    assert not report_now(history(5), {"verdict": "ok"})


def test_guard() -> None:
    assert blocked_reason("93.184.216.34") is None
    assert blocked_reason("127.0.0.5") == "a loopback address"
    assert blocked_reason("169.254.169.254") == "a cloud metadata address"
    assert blocked_reason("::ffff:10.0.0.1") == "a private address"
    assert blocked_reason("fe80::1%eth0") == "a link-local address"


def test_permanent_redirect_to_a_login_page_is_not_a_new_home() -> None:
    chain = ((301, "https://a.dev/login?next=%2Fx"),)
    verdict = conclude(
        "https://a.dev/x", Finish(VerdictKind.OK), Trail(chain=chain), get(200), 2, 0
    )
    assert verdict.kind is VerdictKind.UNVERIFIED and verdict.reason == "redirects to a login page"
    moved = conclude(
        "https://a.dev/x",
        Finish(VerdictKind.OK),
        Trail(chain=((301, "https://a.dev/y"),)),
        get(200),
        2,
        0,
    )
    assert moved.kind is VerdictKind.REDIRECT


def test_soft_404_and_login_detection() -> None:
    assert is_soft_404("https://a.dev/docs/page", "https://a.dev/")
    assert not is_soft_404("https://a.dev/", "https://www.a.dev/")
    assert looks_like_login("https://id.example/auth/realms?x=1")
    assert looks_like_login("https://a.dev/users/sign_in".replace("_", "-"))
    assert not looks_like_login("https://a.dev/authors/jane")


@pytest.mark.parametrize(
    "value", ["²", "١٢", "9" * 40, "Fri, 31 Dec 99999 23:59:59 GMT", "\udcff", "-1", "1e9", " "]
)
def test_retry_after_never_raises_and_ignores_what_is_not_a_number(value: str) -> None:
    assert retry_after_seconds(value, NOW) is None


def test_retry_after_far_future_date_is_a_finite_number() -> None:
    seconds = retry_after_seconds("Fri, 31 Dec 9999 23:59:59 GMT", NOW)
    assert seconds is not None and seconds > 1e10 and seconds != float("inf")


@pytest.mark.parametrize("location", ["http://[::1", "http://h.test:99999/", "http://[x]/"])
def test_a_broken_location_is_unverified_not_a_crash(location: str) -> None:
    attempt = Attempt("GET", "http://h.test/a", status=301, location=location)
    result = step(attempt)
    assert isinstance(result, Finish) and result.kind is VerdictKind.UNVERIFIED
    assert "invalid Location" in result.reason


def test_head_2xx_without_a_content_type_is_confirmed_with_get() -> None:
    assert isinstance(step(Attempt("HEAD", "http://h.test/", status=200)), UseGet)
    typed = Attempt("HEAD", "http://h.test/", status=200, content_type="text/html")
    assert step(typed) == Finish(VerdictKind.OK)
    assert step(Attempt("GET", "http://h.test/", status=200)) == Finish(VerdictKind.OK)


@pytest.mark.parametrize(
    ("configured", "expected"),
    [
        ({"retries": 1e9, "timeout_retries": 1e9, "backoff": 1e9, "max_retry_wait": 1e9},
         (10, 3, 30.0, 300.0)),
        ({"retries": float("nan"), "timeout_retries": -5, "backoff": float("nan"),
          "max_retry_wait": float("inf")}, (3, 0, 0.5, 300.0)),
        ({"retries": 2, "timeout_retries": 1, "backoff": 0.25, "max_retry_wait": 5},
         (2, 1, 0.25, 5.0)),
    ],
)  # fmt: skip
def test_limits_are_bounded_whatever_the_configuration(
    configured: dict[str, float], expected: tuple[float, ...]
) -> None:
    limits = Limits.bounded(**configured)
    assert (limits.retries, limits.timeout_retries, limits.backoff, limits.max_retry_wait) == (
        expected
    )


def test_a_redirect_to_an_unusable_url_has_no_final_url() -> None:
    trail = Trail(chain=((301, "http://h.test/a b"),))
    last = Attempt("GET", "http://h.test/a b", status=200)
    verdict = conclude("http://h.test/old", Finish(VerdictKind.OK), trail, last, 2, 0.1)
    assert verdict.kind is VerdictKind.REDIRECT and verdict.final_url is None
    assert "not usable: it contains a space" in verdict.reason
    forbidden = Attempt("GET", "http://h.test/new", status=403)
    trail = Trail(chain=((301, "http://h.test/new"),))
    verdict = conclude("http://h.test/old", Finish(VerdictKind.OK), trail, forbidden, 2, 0.1)
    assert verdict.final_url is None and "HTTP 403" in verdict.reason


def test_url_keys_of_plain_urls_are_what_urlsplit_gives() -> None:
    """The fast path for plain URLs gives the same key and host as the general parse."""
    import random

    from listbot.net.policy import _url_key_and_host, url_key_and_host

    def both(url: str) -> tuple[object, object]:
        results = []
        for function in (url_key_and_host, _url_key_and_host):
            try:
                results.append(function(url))
            except ValueError as error:
                results.append(repr(error))
        return results[0], results[1]

    cases = [
        "http://a.dev", "https://A.Dev/X?Q#F", "http://a.dev:80/x", "https://a.dev:443",
        "https://a.dev:80/", "http://a.dev:080/x", "http://a.dev:65536/", "http://a.dev:0/",
        "http://a.dev:/x", "http://a.dev?", "http://a.dev/x#", "http://a.dev?q=1#f",
        "http://a.dev//x//y", "  http://a.dev/x  ", "http://a.dev/\tx", "HTTP://a.dev/",
        "http://u@a.dev/", "http://[::1]:80/", "http://é.dev/", "http://1.2.3.4:8080/ok",
    ]  # fmt: skip
    assert url_key_and_host("https://A.Dev:443/X?Q#F") == ("https://a.dev/X?Q", "a.dev")
    assert url_key_and_host("http://a.dev:8080?") == ("http://a.dev:8080/", "a.dev")
    rng = random.Random(12)
    alphabet = "ahtps:/.?#@[]%-_ 0123456789AHZé\t\\"
    for _ in range(20_000):
        start = rng.choice(["http://", "https://", "HTTP://", "http:/", ""])
        cases.append(start + "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16))))
    for url in cases:
        fast, general = both(url)
        assert fast == general, url

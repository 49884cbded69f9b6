"""Redirect streaks: a redirect is due for the maintenance job only after it led to the same
target in ``report_after`` consecutive runs."""

from __future__ import annotations

from listbot.checks.redirect_history import current_streak, record_redirects, redirect_due
from listbot.net.policy import Verdict, VerdictKind, url_key
from listbot.store import Store, open_store
from tests.net.conftest import by_url, links_config, make_document, run_links
from tests.net.servers import Farm

URL = "https://old.test/page"
A, B = "https://new.test/page", "https://other.test/page"


def _run(store: Store, verdict: Verdict, clock: list[float]) -> None:
    """What ``_remember`` does for one fresh verdict, one day later than the last run."""
    key = url_key(verdict.url)
    record_redirects(store, [(key, verdict)])
    store.record_run([(key, verdict.kind.value, verdict.failed)])
    clock[0] += 86400


def _redirect(target: str) -> Verdict:
    return Verdict(URL, VerdictKind.REDIRECT, status=200, final_url=target)


def test_a_streak_grows_only_with_the_same_target_in_consecutive_runs() -> None:
    clock = [1_800_000_000.0]
    with open_store(None, clock=lambda: clock[0]) as store:
        _run(store, _redirect(A), clock)
        assert not redirect_due(store, URL, A, 2) and redirect_due(store, URL, A, 1)
        _run(store, _redirect(A), clock)
        streak = current_streak(store, URL)
        assert streak is not None and (streak.target, streak.runs) == (A, 2)
        assert streak.first_seen == 1_800_000_000.0
        assert redirect_due(store, URL, A, 2) and not redirect_due(store, URL, A, 3)
        assert not redirect_due(store, URL, B, 2)  # due for that target only

        _run(store, Verdict(URL, VerdictKind.UNVERIFIED, "timed out"), clock)
        assert current_streak(store, URL) is None and not redirect_due(store, URL, A, 2)
        _run(store, _redirect(A), clock)
        assert not redirect_due(store, URL, A, 2)  # the timeout broke the streak

        _run(store, _redirect(B), clock)  # another target starts over
        streak = current_streak(store, URL)
        assert streak is not None and (streak.target, streak.runs) == (B, 1)


async def test_streaks_count_fresh_checks_not_results_reused_from_the_store(farm: Farm) -> None:
    h1 = farm.hosts["h1.test"]
    url = h1.url("/redirect/301/1")
    doc = make_document(f"- [Moved]({url}) - Moved.")
    with open_store(None) as store:
        for _ in range(2):  # a day's cache: the second run reuses the first run's verdict
            record = by_url(await run_links(doc, farm, store=store))[url]
        assert record["cached"] and record["chain"] == [[301, h1.url("/redirect/301/0")]]
        streak = current_streak(store, url)
        assert streak is not None and streak.runs == 1
        fresh = links_config(ttl_ok=0.0)
        await run_links(doc, farm, store=store, config=fresh)
        streak = current_streak(store, url)
        assert streak is not None and (streak.target, streak.runs) == (h1.url("/redirect/301/0"), 2)
        assert redirect_due(store, url, streak.target, 2)


async def test_no_history_no_streak(farm: Farm) -> None:
    url = farm.hosts["h1.test"].url("/redirect/301/1")
    doc = make_document(f"- [Moved]({url}) - Moved.")
    with open_store(None) as store:
        config = links_config(ttl_ok=0.0, record_history=False)
        for _ in range(2):
            await run_links(doc, farm, store=store, config=config)
        assert current_streak(store, url) is None
        assert not redirect_due(store, url, farm.hosts["h1.test"].url("/redirect/301/0"), 2)

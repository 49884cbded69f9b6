"""The async side of network health: watch the run, ask the canaries, decide to stop.

Parts: :class:`NetworkState` (what a run learnt about the network: the
:class:`~listbot.net.health.Evidence` of its answers, the canaries' answer, whether it
stopped early), :func:`watch_network` (a task beside the checks: if nothing has answered
after a small sample or a few seconds, ask the canaries, and stop the run when they do
not answer either), :func:`probe_canaries` and :func:`needs_judgement`. The rules
themselves are pure, in :mod:`listbot.net.health`.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass

from listbot.checks.link_driver import Run
from listbot.net.guard import is_ip_literal
from listbot.net.health import (
    SAMPLE,
    Evidence,
    Health,
    canary_says_working,
    is_network_failure,
)
from listbot.net.options import LinksOptions
from listbot.net.policy import Verdict, VerdictKind, bounded, host_of

WATCH_SECONDS = 4.0
"""If no host has answered this long after the first request, ask the canaries."""
CANARY_TIMEOUT = 5.0
WARM_UP_HOSTS = SAMPLE
"""Hosts asked at once until something answers: without DNS, a few lookups find out (the
checks of one host share its lookup, so each may have its full share of checks at once)."""


@dataclass
class NetworkState:
    """What the run learnt about the network itself."""

    evidence: Evidence
    canary: tuple[int, int] | None = None
    """(answered, asked) when the canaries were asked."""
    stopped_early: bool = False
    depends: bool = False
    """Some verdict (a DNS failure, a refusal) means something only if the network works."""

    @property
    def canary_working(self) -> bool | None:
        return None if self.canary is None else canary_says_working(*self.canary)

    def warming_up(self) -> int | None:
        """A few hosts at a time until something answered (or the canaries did): on a
        machine without DNS, a few lookups find out, not thousands."""
        if self.evidence.anything_answered or self.canary_working:
            return None
        return WARM_UP_HOSTS

    def working(self) -> bool:
        if self.stopped_early:
            return False
        if not self.depends:
            return True
        return self.evidence.assess() is Health.WORKING or bool(self.canary_working)

    def message(self, not_checked: int, total: int) -> str:
        hosts = len(self.evidence.answered)
        seen = f"{hosts} host{'' if hosts == 1 else 's'} answered"
        if self.canary is not None:
            seen += f", {self.canary[0]} of {self.canary[1]} well-known sites ([links] canary)"
        stop = "stopped early; " if self.stopped_early else ""
        return (
            f"no network: {seen}; {stop}{not_checked} of {total} links not checked "
            "(no link is called dead and no history is kept; run again when online, "
            "or use --offline)"
        )


async def probe_canaries(run: Run, urls: tuple[str, ...], timeout: float) -> tuple[int, int]:
    """Ask each well-known URL once (HEAD, short timeout): how many answered, of how many."""
    if not urls:
        return 0, 0
    attempts = await asyncio.gather(
        *(
            run.client.fetch("HEAD", url, run.headers(host_of(url)), timeout=timeout)
            for url in urls
        ),
        return_exceptions=True,
    )
    return sum(1 for a in attempts if not isinstance(a, BaseException) and a.status), len(urls)


async def watch_network(
    ask_canaries: Callable[[], Awaitable[tuple[int, int]]],
    network: NetworkState,
    sampled: asyncio.Event,
    stop: asyncio.Event,
) -> None:
    """Ask the canaries once nothing has answered for a while; stop the run if they fail."""
    with contextlib.suppress(asyncio.TimeoutError):
        await asyncio.wait_for(sampled.wait(), WATCH_SECONDS)
    if network.evidence.anything_answered:
        return
    network.canary = await ask_canaries()
    if not network.canary_working and not network.evidence.anything_answered:
        network.stopped_early = True
        stop.set()


def needs_judgement(fresh: Mapping[str, Verdict], network: NetworkState) -> bool:
    """Whether any verdict depends on the network working, and the run alone cannot tell."""
    if network.evidence.assess() is Health.WORKING:
        return False
    return any(
        is_network_failure(verdict)
        or (verdict.kind is VerdictKind.PRIVATE and not is_ip_literal(host_of(key)))
        for key, verdict in fresh.items()
    )


def canary_timeout(options: LinksOptions) -> float:
    return min(CANARY_TIMEOUT, bounded(options.timeout, 0.1, CANARY_TIMEOUT, CANARY_TIMEOUT))

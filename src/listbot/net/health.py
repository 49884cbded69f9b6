"""Is the network working? Measured from the run's own answers, never assumed.

A domain that "does not exist" is only news when DNS works: on a runner whose resolver
fails every name, or all but a few, every link would look dead. So a link is ``dead``
for a DNS failure only when the network is demonstrably working, and :class:`Evidence`
decides that from what the run saw: how many distinct hosts gave any HTTP answer at
all, how many failed before connecting, and whether the list's most-linked hosts
answered. When that is not conclusive (few hosts answered, many failed, a top host
failed, or the list has fewer than three hosts), a cheap probe of well-known hosts
(``[links] canary``) settles it: :func:`canary_says_working`.

Pure: no I/O, no clock. The async side (probing, stopping early) is in
:mod:`listbot.checks.link_driver` and :mod:`listbot.checks.links`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum

from listbot.net.policy import Failure, Verdict, VerdictKind

NETWORK_FAILURES = frozenset(
    {
        Failure.DNS.value,
        Failure.DNS_TEMPORARY.value,
        Failure.REFUSED.value,
        Failure.UNREACHABLE.value,
        Failure.TIMEOUT.value,
    }
)
"""Failures that say nothing about a link when the network itself is down."""
MIN_ANSWERING_HOSTS = 3
"""Fewer hosts than this answering never proves the network works on its own."""
TOP_HOSTS = 3
"""The list's most-linked hosts that must not have failed for the run's evidence to count."""
SAMPLE = 24
"""Verdicts after which, if no host answered at all, the run asks the canaries."""
NO_NETWORK_REASON = "not checked: no network"


class Health(str, Enum):
    WORKING = "working"
    """Enough distinct hosts answered: DNS failures and refusals are about the links."""
    UNKNOWN = "unknown"
    """The run's answers do not settle it: ask the canaries."""


@dataclass
class Evidence:
    """What the run saw, host by host. Feed it every fresh verdict with :meth:`add`."""

    links_per_host: Counter[str] = field(default_factory=Counter)
    """How many links the list has on each host (to know its most-linked hosts)."""
    answered: set[str] = field(default_factory=set)
    """Hosts that gave at least one HTTP answer (any status)."""
    failed: set[str] = field(default_factory=set)
    """Hosts where a check failed before any answer (DNS, refused, unreachable, timeout)."""
    seen: int = 0

    @classmethod
    def for_hosts(cls, hosts: Iterable[str]) -> Evidence:
        return cls(links_per_host=Counter(hosts))

    def add(self, host: str, verdict: Verdict) -> None:
        self.seen += 1
        if answered(verdict):
            self.answered.add(host)
        elif is_network_failure(verdict):
            self.failed.add(host)

    @property
    def anything_answered(self) -> bool:
        return bool(self.answered)

    @property
    def sample_done(self) -> bool:
        return self.seen >= SAMPLE

    def assess(self) -> Health:
        """WORKING when the run's answers prove it; otherwise UNKNOWN (ask the canaries)."""
        failed_only = self.failed - self.answered
        if len(self.answered) < MIN_ANSWERING_HOSTS or len(failed_only) > len(self.answered):
            return Health.UNKNOWN
        top = [host for host, _ in self.links_per_host.most_common(TOP_HOSTS)]
        if any(host in failed_only for host in top):
            return Health.UNKNOWN
        return Health.WORKING


def answered(verdict: Verdict) -> bool:
    """Whether a server answered at all (a status, even 404 or 503, or a redirect)."""
    return verdict.status is not None and not verdict.cached


def is_network_failure(verdict: Verdict) -> bool:
    """A verdict that only says the network failed before any answer."""
    return verdict.failure in NETWORK_FAILURES and verdict.status is None


def canary_says_working(answers: int, asked: int) -> bool:
    """The probe's verdict: at least half of the well-known hosts answered (and one)."""
    return answers >= 1 and answers * 2 >= asked


def unverified_for_no_network(verdict: Verdict, *, literal_host: bool) -> Verdict | None:
    """The verdict to report instead of ``verdict`` in a run without network, or None.

    Failures before any answer (a DNS "no such domain" included) and private-address
    verdicts of host *names* (a sinkhole resolver answers 0.0.0.0) become "not checked";
    answers from servers stand.
    """
    from dataclasses import replace

    if is_network_failure(verdict) or (
        verdict.kind is VerdictKind.PRIVATE and not literal_host and verdict.status is None
    ):
        return replace(verdict, kind=VerdictKind.UNVERIFIED, reason=NO_NETWORK_REASON)
    return None

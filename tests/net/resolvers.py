"""Resolvers that stand in for a machine's DNS: none at all, or only a few names.

They plug into listbot's own HTTP layer (``HttpClient(resolver=...)``, the ``resolver``
run option, or :data:`listbot.net.http.resolver_factory` for the whole CLI); the
private-address guard still filters what they return.
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Mapping

from aiohttp.abc import AbstractResolver, ResolveResult


class BrokenDns(AbstractResolver):
    """Fails every name except those in ``works`` (name -> ``address:port``).

    ``error`` is the resolver's answer for the others: ``socket.EAI_NONAME`` ("no such
    domain", what locked-down CI runners answer), ``socket.EAI_AGAIN`` (no resolver), or
    None: no answer ever (a DNS server that cannot be reached).
    """

    def __init__(
        self, works: Mapping[str, str] | None = None, error: int | None = socket.EAI_NONAME
    ) -> None:
        """``works`` maps names to ``address:port`` (port 0: the port asked for)."""
        self.works = {name.lower(): target for name, target in (works or {}).items()}
        self.error = error
        self.asked: list[str] = []

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        self.asked.append(host)
        target = self.works.get(host.lower())
        if target is None:
            if self.error is None:
                await asyncio.sleep(3600)
            raise socket.gaierror(self.error or socket.EAI_AGAIN, "Name or service not known")
        address, _, port_text = target.rpartition(":")
        return [
            ResolveResult(
                hostname=host,
                host=address,
                port=int(port_text) or port,
                family=socket.AF_INET,
                proto=0,
                flags=socket.AI_NUMERICHOST,
            )
        ]

    async def close(self) -> None:
        return None


class LocalOnly(BrokenDns):
    """``localhost`` and nothing else: the default for every test, so none asks real DNS."""

    def __init__(self) -> None:
        super().__init__({"localhost": "127.0.0.1:0"})

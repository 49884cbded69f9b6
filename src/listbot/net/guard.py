"""The private-address guard: which resolved addresses a link check must not connect to.

A public list should not point at loopback, private, link-local or cloud-metadata
addresses, and a bot running in CI must not be steered there by a pull request. The
check runs on the addresses DNS returned (in :mod:`listbot.net.http`'s resolver) and on
IP literals in URLs, so a name that resolves to 127.0.0.1 is caught too.
"""

from __future__ import annotations

import ipaddress

_METADATA = frozenset(
    {
        ipaddress.ip_address("169.254.169.254"),  # AWS, GCP, Azure, OpenStack
        ipaddress.ip_address("169.254.170.2"),  # AWS ECS task metadata
        ipaddress.ip_address("100.100.100.200"),  # Alibaba Cloud
        ipaddress.ip_address("fd00:ec2::254"),  # AWS IPv6
    }
)


def blocked_reason(address: str) -> str | None:
    """Why connecting to ``address`` is refused, or None when it is a public address."""
    try:
        ip = ipaddress.ip_address(address.strip("[]").split("%", 1)[0])
    except ValueError:
        return None
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip in _METADATA:
        return "a cloud metadata address"
    if ip.is_loopback:
        return "a loopback address"
    if ip.is_link_local:
        return "a link-local address"
    if ip.is_unspecified or ip.is_multicast or ip.is_reserved:
        return "a reserved address"
    if ip.is_private or (isinstance(ip, ipaddress.IPv4Address) and ip in _SHARED):
        return "a private address"
    return None


_SHARED = ipaddress.ip_network("100.64.0.0/10")  # carrier-grade NAT, not is_private


def is_ip_literal(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True

"""The network layer under the link checker (the only async code besides ``listbot.checks``).

Parts: ``options`` (the ``[links]`` table), ``policy`` (pure decisions: attempt -> verdict,
retry, GET fallback or redirect; Retry-After; backoff; the link-rot threshold), ``hosts``
(global and per-host limits, pauses after 429), ``guard`` (refuses loopback, private,
link-local and metadata addresses) and ``http`` (the only aiohttp import: the session,
one request, exception translation).
"""

"""Load the system's CA certificates beside aiohttp's import, not in its way.

Importing aiohttp builds two SSL contexts (verified and unverified) and loads the system's
certificate store into each: OpenSSL parses the CA bundle twice, about 35 ms on the path
from ``listbot links`` to its first request. OpenSSL releases the GIL while it does that,
so :func:`loading_in_background` hands each load to a thread of its own while the import
and the plain-HTTP requests go on, and :func:`wait` blocks until every context has its
certificates. The HTTP client calls :func:`wait` before anything that may open a TLS
connection, so no handshake ever sees a context without them; aiohttp's contexts end up
exactly as aiohttp made them.
"""

from __future__ import annotations

import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["loading_in_background", "pending", "wait"]

_METHOD = "set_default_verify_paths"
_load_now = ssl.SSLContext.set_default_verify_paths  # OpenSSL's, whatever is patched later
_loads: list[_Load] = []


class _Load(threading.Thread):
    """One context's ``set_default_verify_paths``, run once, its error kept for :func:`wait`."""

    def __init__(self, context: ssl.SSLContext) -> None:
        super().__init__(name="listbot-certificates", daemon=True)
        self.context = context
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            _load_now(self.context)
        except BaseException as error:  # raised again by wait(), in the caller's thread
            self.error = error


@contextmanager
def loading_in_background() -> Iterator[None]:
    """While inside, contexts that this thread asks for the default certificates get them
    from a background thread (other threads are served at once, as usual)."""
    importer = threading.get_ident()

    def load_later(context: ssl.SSLContext) -> None:
        if threading.get_ident() != importer:
            _load_now(context)
            return
        load = _Load(context)
        try:
            load.start()
        except RuntimeError:  # no thread to be had (a constrained sandbox): load it now
            _load_now(context)
            return
        _loads.append(load)

    if _METHOD in vars(ssl.SSLContext):  # someone patched it already: leave theirs alone
        yield
        return
    setattr(ssl.SSLContext, _METHOD, load_later)
    try:
        yield
    finally:
        delattr(ssl.SSLContext, _METHOD)  # the inherited method is back


def pending() -> bool:
    """Whether some context may still be without its certificates."""
    return bool(_loads)


def wait() -> None:
    """Block until every background load is done; raise the first one's error, if any."""
    while _loads:
        load = _loads.pop(0)
        load.join()
        if load.error is not None:
            raise load.error

"""The system certificates that aiohttp loads at import come from a background thread:
every context ends up as aiohttp made it, and nothing opens TLS before they are in."""

from __future__ import annotations

import json
import ssl
import subprocess
import sys
import threading
from collections.abc import Iterator

import pytest

from listbot.net import certificates
from tests.net.servers import Farm


@pytest.fixture(autouse=True)
def _no_loads_pending() -> Iterator[None]:
    """Loads left by whichever test first imported aiohttp are not this test's."""
    certificates.wait()
    yield
    certificates.wait()


_FRESH_IMPORT = """
import json
import ssl
from listbot.net import certificates
import listbot.net.http
import aiohttp.connector as connector

assert "set_default_verify_paths" not in vars(ssl.SSLContext), "the patch outlived the import"
deferred = certificates.pending()
certificates.wait()
assert not certificates.pending()
want = ssl.create_default_context().cert_store_stats()
contexts = (connector._SSL_CONTEXT_VERIFIED, connector._SSL_CONTEXT_UNVERIFIED)
print(json.dumps({"deferred": deferred, "same": [c.cert_store_stats() == want for c in contexts]}))
"""


def test_aiohttp_contexts_get_the_same_certificates_as_a_default_context() -> None:
    """In a fresh interpreter (aiohttp not yet imported), as ``listbot links`` runs."""
    result = subprocess.run(
        [sys.executable, "-c", _FRESH_IMPORT], capture_output=True, text=True, check=True
    )
    assert json.loads(result.stdout) == {"deferred": True, "same": [True, True]}


def test_other_threads_load_at_once_and_the_patch_is_undone() -> None:
    elsewhere = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    with certificates.loading_in_background():
        thread = threading.Thread(target=elsewhere.set_default_verify_paths)
        thread.start()
        thread.join()
        assert not certificates.pending()  # nothing was handed to a background load
    assert "set_default_verify_paths" not in vars(ssl.SSLContext)
    assert elsewhere.cert_store_stats() == ssl.create_default_context().cert_store_stats()


def test_a_failed_load_is_raised_by_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(context: ssl.SSLContext) -> None:
        raise ssl.SSLError("no certificate store")

    monkeypatch.setattr(certificates, "_load_now", broken)
    with certificates.loading_in_background():
        ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT).set_default_verify_paths()
    assert certificates.pending()
    with pytest.raises(ssl.SSLError, match="no certificate store"):
        certificates.wait()
    assert not certificates.pending()


def test_without_threads_the_certificates_load_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(thread: threading.Thread) -> None:
        raise RuntimeError("can't start new thread")

    monkeypatch.setattr(certificates._Load, "start", refuse)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    with certificates.loading_in_background():
        context.set_default_verify_paths()
    assert not certificates.pending()
    assert context.cert_store_stats() == ssl.create_default_context().cert_store_stats()


async def test_fetch_waits_for_the_certificates_before_https_only(
    farm: Farm, monkeypatch: pytest.MonkeyPatch
) -> None:
    from listbot.net.http import HttpClient

    certificates.wait()  # the import's own, when this test is the first to import aiohttp
    released = threading.Event()
    monkeypatch.setattr(certificates, "_load_now", lambda context: released.wait(10))
    with certificates.loading_in_background():
        ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT).set_default_verify_paths()
    (load,) = certificates._loads
    plain = farm.hosts["h1.test"].url("/ok/plain")
    client = HttpClient(
        connect_timeout=1, timeout=1, connections=4, allow_private=True, resolve=farm.resolve
    )
    try:
        async with client:
            answered = await client.fetch("GET", plain, {})
            assert answered.status == 200
            assert load.is_alive() and certificates.pending()  # plain HTTP did not wait
            threading.Timer(0.2, released.set).start()
            await client.fetch("GET", plain.replace("http://", "https://", 1), {})
            assert not load.is_alive() and not certificates.pending()
    finally:
        released.set()
        certificates.wait()

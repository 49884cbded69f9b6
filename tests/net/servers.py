"""A fault-injecting HTTP farm on loopback: one aiohttp app per host, each on 127.0.0.N, port 0.

Paths (any host):
  /ok[/...]                 200 (after the farm's latency)
  /status/CODE              always CODE (/status/429 carries Retry-After: 1)
  /once/CODE/ID             CODE the first time (429 with Retry-After: 1), then 200
  /head-refused/CODE        HEAD gets CODE, GET gets 200
  /redirect/CODE/N          CODE to /redirect/CODE/N-1 ... /redirect/CODE/0 is 200
  /moved-then/CODE          301 to /redirect/CODE/1 (a permanent hop, then CODE hops)
  /to/HOST/PATH             301 to http://HOST/PATH (another host)
  /loop/a, /loop/b          302 to each other
  /hang                     never answers (sleeps a minute)
  /reset                    closes the connection without an answer
  /body/BYTES               HEAD 405; GET streams BYTES in 64 KB chunks, counting what it sent
  /cf                       403 with ``cf-mitigated: challenge`` (a Cloudflare bot wall)
  /slow/MS[/...]            200 after MS milliseconds (to measure peak concurrency)
  /big-header               200 with a 20 KB Set-Cookie header (over aiohttp's 8 KB default)
  /head-lies[/...]          HEAD 200 with no content type, GET 404 (a server that lies)
  /head-lies-typed[/...]    HEAD 200 text/html, GET 404 (caught once the host is known to lie)
  /wait/SECONDS[/...]       429 with ``Retry-After: SECONDS``

Each :class:`FakeHost` counts requests by (method, path), the peak of requests in flight,
and the bytes each /body path sent. Used by the tests and by bench/links.py.
"""

from __future__ import annotations

import asyncio
import ssl
from collections import Counter
from dataclasses import dataclass, field

from aiohttp import web

CHUNK = 64 * 1024


@dataclass
class FakeHost:
    name: str
    address: str
    latency: float = 0.0
    port: int = 0
    requests: Counter[tuple[str, str]] = field(default_factory=Counter)
    in_flight: int = 0
    peak: int = 0
    bytes_sent: Counter[str] = field(default_factory=Counter)
    seen_once: set[str] = field(default_factory=set)
    user_agents: set[str] = field(default_factory=set)
    raw_paths: set[str] = field(default_factory=set)
    farm: Farm | None = None
    runner: web.AppRunner | None = None

    @property
    def total(self) -> int:
        return sum(self.requests.values())

    def url(self, path: str, scheme: str = "http") -> str:
        return f"{scheme}://{self.name}{path}"

    def direct_url(self, path: str) -> str:
        """The URL by address and port (for tools that cannot be given a resolver)."""
        return f"http://{self.address}:{self.port}{path}"

    async def handle(self, request: web.Request) -> web.StreamResponse:
        self.requests[(request.method, request.path)] += 1
        self.user_agents.add(request.headers.get("User-Agent", ""))
        self.raw_paths.add(request.raw_path)
        self.in_flight += 1
        self.peak = max(self.peak, self.in_flight)
        if self.farm is not None:
            self.farm.in_flight += 1
            self.farm.peak = max(self.farm.peak, self.farm.in_flight)
        try:
            if self.latency:
                await asyncio.sleep(self.latency)
            return await self._route(request)
        finally:
            self.in_flight -= 1
            if self.farm is not None:
                self.farm.in_flight -= 1

    async def _route(self, request: web.Request) -> web.StreamResponse:
        parts = request.path.strip("/").split("/")
        head, args = parts[0], parts[1:]
        if head == "ok":
            return web.Response(text="ok")
        if head == "status":
            code = int(args[0])
            headers = {"Retry-After": "1"} if code == 429 else {}
            return web.Response(status=code, headers=headers)
        if head == "once":
            if request.path not in self.seen_once:
                self.seen_once.add(request.path)
                code = int(args[0])
                return web.Response(
                    status=code, headers={"Retry-After": "1"} if code == 429 else {}
                )
            return web.Response(text="ok")
        if head == "head-refused":
            if request.method == "HEAD":
                return web.Response(status=int(args[0]))
            return web.Response(text="ok")
        if head == "redirect":
            code, hops = int(args[0]), int(args[1])
            if hops <= 0:
                return web.Response(text="ok")
            return _redirect(code, f"/redirect/{code}/{hops - 1}")
        if head == "moved-then":
            return _redirect(301, f"/redirect/{args[0]}/1")
        if head == "to":
            return _redirect(301, f"http://{args[0]}/{'/'.join(args[1:])}")
        if head == "loop":
            return _redirect(302, "/loop/b" if args[0] == "a" else "/loop/a")
        if head == "hang":
            await asyncio.sleep(60)
            return web.Response(text="late")
        if head == "reset":
            assert request.transport is not None
            request.transport.abort()
            raise asyncio.CancelledError
        if head == "body":
            return await self._body(request, int(args[0]))
        if head == "cf":
            return web.Response(
                status=403,
                text="<title>Just a moment...</title>",
                headers={"cf-mitigated": "challenge"},
            )
        if head == "big-header":
            return web.Response(text="ok", headers={"Set-Cookie": "a=" + "x" * 20_000})
        if head in ("head-lies", "head-lies-typed"):
            if request.method != "HEAD":
                return web.Response(status=404)
            return web.Response(content_type="text/html") if "typed" in head else web.Response()
        if head == "wait":
            return web.Response(status=429, headers={"Retry-After": args[0]})
        if head == "slow":
            await asyncio.sleep(int(args[0]) / 1000)
            return web.Response(text="ok")
        return web.Response(status=404)

    async def _body(self, request: web.Request, size: int) -> web.StreamResponse:
        if request.method == "HEAD":
            return web.Response(status=405)
        response = web.StreamResponse()
        response.content_length = size
        await response.prepare(request)
        chunk = b"x" * CHUNK
        sent = 0
        try:
            while sent < size:
                piece = chunk[: min(CHUNK, size - sent)]
                await response.write(piece)
                sent += len(piece)
                self.bytes_sent[request.path] += len(piece)
        except (ConnectionError, RuntimeError):
            return response
        await response.write_eof()
        return response


def _redirect(code: int, location: str) -> web.Response:
    return web.Response(status=code, headers={"Location": location})


class Farm:
    """Several fake hosts, each on its own loopback address; ``resolve`` maps their names."""

    def __init__(self) -> None:
        self.hosts: dict[str, FakeHost] = {}
        self.in_flight = 0
        self.peak = 0
        """Requests in flight over every host, and the most at once."""

    async def add(
        self,
        name: str,
        *,
        latency: float = 0.0,
        ssl_context: ssl.SSLContext | None = None,
    ) -> FakeHost:
        address = f"127.0.0.{len(self.hosts) + 2}"
        host = FakeHost(name, address, latency, farm=self)
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", host.handle)
        runner = web.AppRunner(app, access_log=None, handler_cancellation=True)
        await runner.setup()
        site = web.TCPSite(runner, address, 0, ssl_context=ssl_context)
        await site.start()
        server = site._server
        assert server is not None
        host.port = server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        host.runner = runner
        self.hosts[name] = host
        return host

    @property
    def resolve(self) -> dict[str, str]:
        return {name: f"{h.address}:{h.port}" for name, h in self.hosts.items()}

    async def close(self) -> None:
        for host in self.hosts.values():
            if host.runner is not None:
                await host.runner.cleanup()


class RawHost:
    """A loopback server that answers with exact bytes, for replies aiohttp will not send.

    ``replies`` maps a request path to the whole raw response (status line, headers,
    body); paths starting with ``/ok`` answer 200 with an HTML content type; anything
    else 404. Hostile headers (non-UTF-8 bytes, ``Retry-After: ²``, a broken IPv6
    ``Location``, Markdown in ``Location``) are written as given.
    """

    def __init__(self, name: str, address: str, replies: dict[str, bytes] | None = None):
        self.name = name
        self.address = address
        self.port = 0
        self.replies = dict(replies or {})
        self.requests: Counter[tuple[str, str]] = Counter()
        self._server: asyncio.base_events.Server | None = None

    async def start(self) -> RawHost:
        self._server = await asyncio.start_server(self._serve, self.address, 0)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    def url(self, path: str) -> str:
        return f"http://{self.name}{path}"

    @property
    def resolve(self) -> dict[str, str]:
        return {self.name: f"{self.address}:{self.port}"}

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                method, target = head.split(b" ", 2)[:2]
                path = target.decode("latin-1")
                self.requests[(method.decode(), path)] += 1
                writer.write(self._reply(path))
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.LimitOverrunError):
            pass
        finally:
            writer.close()

    def _reply(self, path: str) -> bytes:
        if path in self.replies:
            return self.replies[path]
        if path.startswith("/ok"):
            return raw_response(200, body=b"<html>ok</html>", content_type=b"text/html")
        return raw_response(404)

    async def close(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()


def raw_response(
    status: int,
    headers: tuple[tuple[bytes, bytes], ...] = (),
    body: bytes = b"",
    content_type: bytes = b"text/plain",
) -> bytes:
    """One HTTP/1.1 response, byte for byte (keep-alive, with a length)."""
    lines = [f"HTTP/1.1 {status} X".encode(), b"Content-Type: " + content_type]
    lines += [name + b": " + value for name, value in headers]
    lines.append(f"Content-Length: {len(body)}".encode())
    return b"\r\n".join(lines) + b"\r\n\r\n" + body


class FakeArchive:
    """The Internet Archive's availability API on loopback (``/wayback/available``).

    ``snapshots`` maps a URL to the ``closest`` object to answer (None: no snapshot);
    ``mode`` makes it misbehave: ``hang`` (never answers), ``error`` (HTTP 503),
    ``garbage`` (not JSON). Every request's ``url`` and ``timestamp`` are recorded.
    """

    def __init__(self, snapshots: dict[str, dict[str, object] | None] | None = None) -> None:
        self.snapshots = dict(snapshots or {})
        self.mode = "ok"
        self.asked: list[tuple[str, str | None]] = []
        self.port = 0
        self._runner: web.AppRunner | None = None

    @staticmethod
    def closest(url: str, timestamp: str = "20200102030405", status: str = "200") -> dict:
        """A ``closest`` object as the archive writes it (plain http, the original URL)."""
        return {
            "available": True,
            "url": f"http://web.archive.org/web/{timestamp}/{url}",
            "timestamp": timestamp,
            "status": status,
        }

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/wayback/available"

    async def start(self) -> FakeArchive:
        app = web.Application()
        app.router.add_get("/wayback/available", self._available)
        self._runner = web.AppRunner(app, access_log=None, handler_cancellation=True)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        assert site._server is not None
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        return self

    async def _available(self, request: web.Request) -> web.Response:
        url = request.query.get("url", "")
        self.asked.append((url, request.query.get("timestamp")))
        if self.mode == "hang":
            await asyncio.sleep(60)
        if self.mode == "error":
            return web.Response(status=503)
        if self.mode == "garbage":
            return web.Response(text="<html>maintenance</html>", content_type="text/html")
        closest = self.snapshots.get(url)
        found = {"closest": closest} if closest else {}
        return web.json_response({"url": url, "archived_snapshots": found})

    async def close(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

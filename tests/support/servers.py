"""Small real servers on 127.0.0.1 for network tests: what stands between an officer's PC
and the platform — a TLS front with a private CA, a proxy (forwarding, or asking for a
sign-in), a PAC file, something that is not the platform, a server that drips.
"""

from __future__ import annotations

import datetime
import http.client
import ipaddress
import select
import socket
import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

HOP_HEADERS = {"connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade"}


@dataclass(frozen=True)
class Certificates:
    ca: Path  # the private CA, PEM: what IT would add to the trust store or the CA bundle
    cert: Path  # the server's chain (leaf, CA), PEM
    key: Path


def make_certificates(directory: Path) -> Certificates:
    """A private CA and a certificate for 127.0.0.1 and localhost signed by it."""
    now = datetime.datetime.now(datetime.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "GovShare Test CA")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    leaf = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1")), x509.DNSName("localhost")]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False
        )
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), False
        )
        .sign(ca_key, hashes.SHA256())
    )
    directory.mkdir(parents=True, exist_ok=True)
    pem = serialization.Encoding.PEM
    paths = Certificates(directory / "ca.pem", directory / "server.pem", directory / "server.key")
    paths.ca.write_bytes(ca.public_bytes(pem))
    paths.cert.write_bytes(leaf.public_bytes(pem) + ca.public_bytes(pem))
    paths.key.write_bytes(
        key.private_bytes(pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return paths


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    hits: list[str]
    extra: dict[str, Any]


@contextmanager
def serve(
    handler: type[BaseHTTPRequestHandler],
    *,
    tls: Certificates | None = None,
    **extra: Any,
) -> Iterator[_Server]:
    """Run `handler` on a free loopback port until the block ends; `server.hits` lists the
    request lines it saw, `server.extra` what the handler may read."""
    server = _Server(("127.0.0.1", 0), handler)
    server.hits = []
    server.extra = extra
    if tls is not None:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(tls.cert, tls.key)
        server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def address(server: _Server, scheme: str = "http") -> str:
    host, port = server.server_address[:2]
    return f"{scheme}://{host!s}:{port}"


class _Quiet(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        self.server.hits.append(self.requestline)

    def _body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _answer(self, status: int, body: bytes, headers: dict[str, str]) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def _forward(handler: _Quiet, target: str, path: str) -> None:
    """Send the handler's request to `target` (http://host:port) and relay the answer."""
    parts = urlsplit(target)
    body = handler._body()
    headers = {k: v for k, v in handler.headers.items() if k.lower() not in HOP_HEADERS}
    headers["Host"] = parts.netloc
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=60)
    try:
        connection.request(handler.command, path, body=body or None, headers=headers)
        answer = connection.getresponse()
        data = answer.read()
        relayed = {k: v for k, v in answer.getheaders() if k.lower() not in HOP_HEADERS}
        relayed.pop("Content-Length", None)
        relayed.pop("content-length", None)
        handler._answer(answer.status, data, relayed)
    finally:
        connection.close()


class ReverseProxy(_Quiet):
    """A front that relays every request to `extra["upstream"]` (with TLS: a TLS front)."""

    def _relay(self) -> None:
        _forward(self, self.server.extra["upstream"], self.path)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _relay  # noqa: N815 - http.server dispatches by these names


class ForwardProxy(_Quiet):
    """An HTTP proxy: http:// targets by absolute request URI, https:// ones through a
    CONNECT tunnel; with `extra["auth"]` it answers 407 to everything, as a proxy wanting
    a sign-in does."""

    def _refuse(self) -> bool:
        if self.server.extra.get("auth"):
            self._answer(
                407,
                b"<html>Proxy sign-in</html>",
                {"Proxy-Authenticate": 'Basic realm="gov"', "Content-Type": "text/html"},
            )
            return True
        return False

    def _relay(self) -> None:
        if self._refuse():
            return
        parts = urlsplit(self.path)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        _forward(self, f"{parts.scheme}://{parts.netloc}", path)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _relay  # noqa: N815 - http.server dispatches by these names

    def do_CONNECT(self) -> None:
        if self._refuse():
            return
        host, _, port = self.path.rpartition(":")
        with socket.create_connection((host, int(port)), timeout=60) as upstream:
            self.send_response(200, "Connection established")
            self.end_headers()
            self.close_connection = True
            client = self.connection
            sockets = [client, upstream]
            while True:
                ready, _, _ = select.select(sockets, [], [], 60)
                if not ready:
                    return
                for source in ready:
                    data = source.recv(65536)
                    if not data:
                        return
                    (upstream if source is client else client).sendall(data)


class Fixed(_Quiet):
    """Answers every request with `extra["status"]`, `extra["body"]`, `extra["headers"]`."""

    def _fixed(self) -> None:
        self._body()
        extra = self.server.extra
        self._answer(extra.get("status", 200), extra["body"], dict(extra.get("headers", {})))

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _fixed  # noqa: N815 - http.server dispatches by these names


class Drip(_Quiet):
    """Headers at once, then a byte of body every 50 ms until `extra["stop"]` is set: each
    read is quick, the answer never ends (SYNC.md case 16)."""

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("API-Version", "1")
        self.send_header("Content-Length", "1000000")
        self.end_headers()
        self.wfile.write(b"{")
        self.wfile.flush()
        stop: threading.Event = self.server.extra["stop"]
        while not stop.wait(0.05):
            try:
                self.wfile.write(b" ")
                self.wfile.flush()
            except OSError:
                return


def refused_port() -> int:
    """A loopback port nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])

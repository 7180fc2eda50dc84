"""URL ingest is not a way into the operator's network.

Before every request (the first and each redirect) the host is resolved and refused when any
of its addresses is loopback, private, link-local (cloud metadata at 169.254.169.254 among
them), multicast, reserved or unspecified. A resolver answering differently between this
check and the connection (DNS rebinding) is not covered.
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

from tolltrack.errors import InputError


def check_url(url: str) -> None:
    """Raise InputError when ``url`` may reach a non-public address."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError(url, "only http(s) URLs with a host name can be ingested")
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 443, type=socket.SOCK_STREAM)
    except OSError as exc:
        raise InputError(url, f"cannot resolve host ({exc})") from None
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if (
            address.is_private
            or address.is_loopback
            or address.is_link_local
            or address.is_multicast
            or address.is_reserved
            or address.is_unspecified
        ):
            raise InputError(url, f"refused: {parts.hostname} resolves to non-public {address}")

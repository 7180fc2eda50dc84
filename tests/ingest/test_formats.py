"""Every source format, from files written by the tests (and one page served on loopback)."""

from __future__ import annotations

import gzip
import io
import json
import threading
from collections.abc import Iterator, Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tolltrack.errors import InputError
from tolltrack.ingest import read_path, read_stream
from tolltrack.model import Document

PAGE = (
    "<html><head><title>Quake toll rises</title>"
    '<meta property="article:published_time" content="2023-09-10T10:00:00Z">'
    '<meta property="og:site_name" content="Example News"></head><body>'
    "<nav>Home | World | Sport</nav><article><h1>Quake toll rises</h1>"
    "<p>The Interior Ministry said on Sunday that the earthquake had killed at least 2,012 "
    "people and injured 2,059 others across several provinces of the country.</p>"
    "<p>Rescue teams kept searching through the rubble of mountain villages.</p>"
    "</article><footer>Contact us</footer></body></html>"
)
RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Five killed in storm</title><link>https://example.org/storm</link>
<pubDate>Mon, 04 Sep 2023 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Five people were killed when the storm hit, officials said.
&lt;/p&gt;</description>
</item><item><title>Empty</title><link>https://example.org/e</link><description></description></item>
</channel></rss>"""


def only_docs(items: Sequence[object]) -> list[Document]:
    return [i for i in items if isinstance(i, Document)]


def test_html_page(tmp_path: Path) -> None:
    f = tmp_path / "page.html"
    f.write_text(PAGE, "utf-8")
    [doc] = list(read_path(f))
    assert isinstance(doc, Document)
    assert "killed at least 2,012" in doc.text and "Contact us" not in doc.text
    assert (doc.title, doc.published) == ("Quake toll rises", "2023-09-10")


def test_broken_html_is_an_error_naming_the_file(tmp_path: Path) -> None:
    f = tmp_path / "bad.html"
    f.write_text("<html><body><script>var x = 1;</script><div></div>", "utf-8")
    [err] = list(read_path(f))
    assert isinstance(err, InputError) and "bad.html" in str(err)


def test_rss_feed(tmp_path: Path) -> None:
    f = tmp_path / "wire.rss"
    f.write_text(RSS, "utf-8")
    items = list(read_path(f))
    [doc] = only_docs(items)
    assert doc.text == "Five people were killed when the storm hit, officials said."
    assert (doc.url, doc.published, doc.site) == ("https://example.org/storm", "2023-09-04", "Wire")
    assert any(isinstance(i, InputError) and "without text" in i.reason for i in items)


def test_feed_with_entity_expansion_is_not_expanded() -> None:
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
        "<rss><channel><item><title>x</title><description>&c;&c;&c;</description></item>"
        "</channel></rss>"
    )
    [err] = list(read_stream("bomb.xml", bomb.encode()))
    assert isinstance(err, InputError) and "entit" in err.reason


def test_not_a_feed(tmp_path: Path) -> None:
    f = tmp_path / "junk.xml"
    f.write_bytes(b"\x89PNG not xml at all <<<")
    [err] = list(read_path(f))
    assert isinstance(err, InputError) and "junk.xml" in err.source


def _warc(records: list[tuple[str, str]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for url, html in records:
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        writer.write_record(
            writer.create_warc_record(
                url, "response", payload=io.BytesIO(html.encode()), http_headers=headers
            )
        )
    return out.getvalue()


def test_warc_archive(tmp_path: Path) -> None:
    f = tmp_path / "crawl.warc.gz"
    f.write_bytes(_warc([("https://example.org/q", PAGE), ("https://example.org/x", "<p></p>")]))
    items = list(read_path(f))
    [doc] = only_docs(items)
    assert doc.url == "https://example.org/q" and "2,059" in doc.text
    assert sum(isinstance(i, InputError) for i in items) == 1


def test_truncated_warc_keeps_what_it_read(tmp_path: Path) -> None:
    data = _warc([("https://example.org/q", PAGE)] * 2)
    f = tmp_path / "cut.warc.gz"
    f.write_bytes(data[: len(data) - 40])
    assert len(only_docs(list(read_path(f)))) >= 1


def test_not_a_warc_is_an_error_naming_the_file(tmp_path: Path) -> None:
    f = tmp_path / "fake.warc"
    f.write_bytes(b"this is not an archive\n" * 10)
    items = list(read_path(f))
    assert any(isinstance(i, InputError) and "fake.warc" in str(i) for i in items)


def test_telegram_export(tmp_path: Path) -> None:
    export = {
        "name": "Regional Military Administration",
        "type": "public_channel",
        "id": 42,
        "messages": [
            {
                "id": 1,
                "type": "message",
                "date": "2024-01-05T08:00:00",
                "text": [
                    "Two people were killed in the ",
                    {"type": "bold", "text": "shelling"},
                    ".",
                ],
            },
            {"id": 2, "type": "service", "date": "2024-01-05T09:00:00", "text": ""},
            {"id": 3, "type": "message", "date": "2024-01-05T10:00:00", "text": ""},
        ],
    }
    f = tmp_path / "result.json"
    f.write_text(json.dumps(export), "utf-8")
    [doc] = list(read_path(f))
    assert isinstance(doc, Document)
    assert doc.text == "Two people were killed in the shelling."
    assert (doc.id, doc.published, doc.site) == (
        "telegram:42:1",
        "2024-01-05",
        "Regional Military Administration",
    )


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        routes = {
            "/page": (200, "text/html", PAGE),
            "/feed": (200, "application/rss+xml", RSS),
            "/moved": (301, "text/plain", ""),
            "/gone": (404, "text/plain", "no"),
        }
        status, ctype, body = routes.get(self.path, (500, "text/plain", "boom"))
        self.send_response(status)
        if status == 301:
            self.send_header("Location", "/page")
        self.send_header("Content-Type", ctype)
        self.end_headers()
        self.wfile.write(body.encode())

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_urls_pages_feeds_redirects_and_errors(server: str) -> None:
    from tolltrack.ingest import web

    [page] = list(web.read_url(f"{server}/moved"))
    assert isinstance(page, Document) and page.url == f"{server}/page"
    feed = only_docs(list(web.read_url(f"{server}/feed")))
    assert [d.url for d in feed] == ["https://example.org/storm"]
    [err] = list(web.read_url(f"{server}/gone"))
    assert isinstance(err, InputError) and "404" in err.reason


def test_gzip_text_is_read_as_bytes_not_inflated(tmp_path: Path) -> None:
    # A gzip "bomb" named .txt is binary to the text reader: refused, not decompressed.
    f = tmp_path / "bomb.txt"
    f.write_bytes(gzip.compress(b"\0" * 10_000_000))
    [err] = list(read_path(f))
    assert isinstance(err, InputError) and "binary" in err.reason

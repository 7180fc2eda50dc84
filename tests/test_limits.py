"""Resource limits: hostile inputs end with a clear error or a result, in bounded memory."""

from __future__ import annotations

import gzip
import io
import subprocess
import sys
from pathlib import Path
from typing import Any

from tolltrack.errors import InputError
from tolltrack.extract import extract_claims
from tolltrack.ingest import read_path, read_stream
from tolltrack.model import Document


def _max_rss_mb(code: str) -> tuple[float, str]:
    """Run ``code`` in a fresh interpreter; its peak memory (MB) and its output."""
    wrapper = (
        code + "\nimport resource; "
        "print('RSS', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)"
    )
    out = subprocess.run(
        [sys.executable, "-c", wrapper], capture_output=True, text=True, check=True
    ).stdout
    rss = float(out.rsplit("RSS", 1)[1])
    return rss, out


BOMB_BYTES = 1_200_000_000


class _Repeat(io.RawIOBase):
    """A stream of one byte repeated, produced as it is read (no 300 MB in memory)."""

    def __init__(self, byte: bytes, size: int) -> None:
        self.byte, self.left = byte, size

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        n = min(len(buffer), self.left)
        buffer[:n] = self.byte * n
        self.left -= n
        return n


def test_gzip_bomb_warc_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    bomb = tmp_path / "bomb.warc.gz"
    with bomb.open("wb") as f:
        writer = WARCWriter(f, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        payload = _Repeat(b"a", BOMB_BYTES)  # 1.2 GB of HTML body, ~1 MB gzipped
        writer.write_record(
            writer.create_warc_record(
                "https://x.org/", "response", payload=payload, http_headers=headers
            )
        )
    assert bomb.stat().st_size < 5_000_000
    rss, out = _max_rss_mb(
        "from pathlib import Path\nfrom tolltrack.ingest import read_path\n"
        f"print([str(i) for i in read_path(Path({str(bomb)!r}))])"
    )
    assert "larger than" in out
    # Inflating the record would take over 1,200 MB; the reader stops at 20 MB. (Measured
    # peaks: ~110 MB alone, up to ~470 MB in a full suite run on a busy machine.)
    assert rss < 800, f"peak memory {rss:.0f} MB"


def test_gzip_bomb_named_as_text_is_binary() -> None:
    [err] = list(read_stream("bomb.txt", gzip.compress(b"\0" * 50_000_000)))
    assert isinstance(err, InputError) and "binary" in err.reason


def test_deeply_nested_html_ends_with_a_result_or_an_error() -> None:
    html = "<html><body>" + "<div>" * 200_000 + "Two people were killed." + "</div>" * 200_000
    items = list(read_stream("deep.html", html.encode()))
    assert len(items) == 1 and isinstance(items[0], Document | InputError)


def test_xml_external_entity_feed_is_refused() -> None:
    xxe = (
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b"<rss><channel><item><description>&x;</description></item></channel></rss>"
    )
    [err] = list(read_stream("xxe.rss", xxe))
    assert isinstance(err, InputError) and "entit" in err.reason


def test_ten_megabyte_single_line_document() -> None:
    filler = "the council met again to discuss the budget and the road plans for the district, "
    news = "officials said at least 12 people were killed and 30 wounded in the attack, "
    line = (filler * 9 + news) * 13_000
    assert len(line) > 10_000_000 and "\n" not in line
    claims = extract_claims(Document(id="big", text=line))
    assert {(c.category, c.low) for c in claims} >= {("killed", 12), ("injured", 30)}


def test_huge_jsonl_line_is_read_and_bad_lines_do_not_stop_the_rest(tmp_path: Path) -> None:
    f = tmp_path / "big.jsonl"
    big_text = "Five people died. " * 300_000
    f.write_text('{"id": "a", "text": "' + big_text + '"}\n{"id": \n{"id": "c", "text": "x"}\n')
    kinds = [type(i).__name__ for i in read_path(f)]
    assert kinds == ["Document", "InputError", "Document"]

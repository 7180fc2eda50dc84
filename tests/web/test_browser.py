"""The pages in a real headless Chromium (Debian's), driven by Playwright.

Under CI (CI=true) these tests must run: a missing browser is a failure, not a skip.
Screenshots of each page are kept in test-artifacts/.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tolltrack.store import Store

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _require_browser() -> None:
    if not Path(CHROMIUM).exists():
        reason = f"{CHROMIUM} not installed (scripts/install-system-deps.sh installs it)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)


@pytest.fixture(scope="module")
def base_url(web_store: Store) -> Iterator[str]:
    import uvicorn

    from tolltrack.web.app import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(create_app(web_store), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not server.started and time.time() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


ERRORS: list[str] = []  # script errors, console errors and dialogs seen by the page


@pytest.fixture(scope="module")
def page(base_url: str) -> Iterator[Any]:
    _require_browser()
    from playwright.sync_api import ConsoleMessage, Dialog, sync_playwright

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            ERRORS.append(message.text)

    def on_dialog(dialog: Dialog) -> None:
        ERRORS.append(f"dialog: {dialog.message}")
        dialog.dismiss()

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        pg = context.new_page()
        pg.on("pageerror", lambda error: ERRORS.append(str(error)))
        pg.on("console", on_console)
        pg.on("dialog", on_dialog)
        yield pg
        browser.close()


def test_incidents_incident_chart_and_evidence(page: Any, base_url: str, web_store: Store) -> None:
    page.goto(base_url + "/")
    page.wait_for_selector("#incidents tbody tr")
    assert page.locator("#incidents tbody tr").count() == len(web_store.incidents())
    page.screenshot(path=str(ARTIFACTS / "incidents.png"), full_page=True)

    page.get_by_role(
        "link", name="Russia says strike near Kramatorsk killed 150 Ukrainian troops"
    ).click()
    page.wait_for_selector("#chart svg g.trace.scatter")
    [inc] = [i for i in web_store.incidents() if i.place and i.place.name == "Kramatorsk"]
    from tolltrack.reconcile.incident import summarize

    sides = {
        s.party
        for s in summarize(inc.id, web_store.claim_records(inc.id)).series
        if s.category == "killed"
    }
    assert page.locator("#chart svg g.trace.scatter").count() == len(sides)
    assert "contested" in page.locator(".meta").inner_text()
    page.screenshot(path=str(ARTIFACTS / "incident.png"), full_page=True)

    evidence = page.locator("a.evidence").first
    text = evidence.inner_text()
    evidence.click()
    mark = page.locator("mark.claim.current")
    mark.wait_for()
    assert mark.inner_text() == text
    box, viewport = mark.bounding_box(), page.viewport_size
    assert box is not None and 0 <= box["y"] <= viewport["height"]
    page.screenshot(path=str(ARTIFACTS / "document.png"), full_page=False)
    assert ERRORS == []


def test_hostile_document_renders_inert(page: Any, base_url: str, web_store: Store) -> None:
    doc = next(d for d in web_store.documents() if d.key == "hostile")
    page.goto(f"{base_url}/documents/{doc.id}")
    page.wait_for_selector("article#text")
    assert page.evaluate("window.__pwned === undefined")
    assert "<script>window.__pwned" in page.locator("article#text").inner_text()
    assert page.locator("article#text img").count() == 0
    assert page.locator("article#text a").count() == 0
    page.screenshot(path=str(ARTIFACTS / "hostile.png"), full_page=True)
    assert ERRORS == []


def test_claimant_page(page: Any, base_url: str) -> None:
    page.goto(base_url + "/")
    page.get_by_role("link", name="Strong earthquake hits eastern Turkey, at least 38 dead").click()
    page.locator("#claims a[href^='/claimants/']").first.click()
    page.wait_for_selector("#claimant-claims tbody tr")
    assert "revised" in page.locator(".meta").inner_text()
    page.screenshot(path=str(ARTIFACTS / "claimant.png"), full_page=True)


def test_artifacts_written() -> None:
    if not shutil.which("chromium") and os.environ.get("CI") != "true":
        pytest.skip("no browser here")
    assert (ARTIFACTS / "incident.png").exists()

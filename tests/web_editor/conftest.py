"""`make edit` for real, on a temporary copy of the sample content: the live-rebuilding site
and decap-server (npm) on 127.0.0.1, started as a volunteer's `make edit` starts them, and
the web editor driven in Debian's Chromium (Playwright)."""

from __future__ import annotations

import shutil
import signal
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest
from make_edit import free_port, start_make_edit

from sitebuild import ROOT


@dataclass
class EditServer:
    root: Path  # the copy: content/ and organizations/
    url: str  # the site, e.g. http://127.0.0.1:8765
    proxy_port: int
    log: Path

    @property
    def orgdir(self) -> Path:
        return self.root / "organizations"

    def page_text(self, address: str) -> str:
        with urllib.request.urlopen(self.url + address, timeout=10) as answer:
            return answer.read().decode("utf-8")

    def wait_for_page(self, address: str, needle: str, seconds: float = 120) -> str:
        """The page once the live rebuild shows ``needle`` in it."""
        deadline = time.monotonic() + seconds
        text = ""
        while time.monotonic() < deadline:
            try:
                text = self.page_text(address)
                if needle in text:
                    return text
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.5)
        log = self.log.read_text(encoding="utf-8")[-3000:]
        raise AssertionError(f"{address} never showed {needle!r}; log:\n{log}")


@pytest.fixture(scope="session")
def edit_server(tmp_path_factory):
    root = tmp_path_factory.mktemp("edit-site")
    shutil.copytree(ROOT / "content", root / "content")
    shutil.copytree(ROOT / "organizations", root / "organizations")
    port, proxy_port = free_port(), free_port()
    log = root / "edit.log"
    log_file = log.open("w", encoding="utf-8")
    process = start_make_edit(root, port, proxy_port, log_file)
    server = EditServer(root, f"http://127.0.0.1:{port}", proxy_port, log)
    try:
        server.wait_for_page("/admin/", "decap-cms.js", seconds=300)
        yield server
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
        log_file.close()


@pytest.fixture
def editor(chromium, edit_server):
    """A fresh browser page, signed in to the editor's local backend."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="el-GR")
    page = context.new_page()
    page.console_errors = []
    page.on(
        "console",
        lambda message: message.type == "error" and page.console_errors.append(message.text),
    )
    page.goto(edit_server.url + "/admin/")
    page.get_by_role("button", name="Σύνδεση").click()
    page.get_by_text("Φορείς").first.wait_for()
    yield page
    context.close()

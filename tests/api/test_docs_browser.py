"""The Swagger UI at /api/docs/ renders in Chromium under the site's CSP, with no request leaving the server."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.api.server import serve

CHROMIUM = Path("/usr/bin/chromium")


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium")
def test_swagger_ui_renders_without_csp_violations(transactional_db):
    from playwright.sync_api import sync_playwright

    with serve() as base_url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        try:
            page = browser.new_page()
            problems: list[str] = []
            page.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None)
            page.on("pageerror", lambda e: problems.append(str(e)))
            hosts: set[str] = set()
            page.on("request", lambda r: hosts.add(r.url.split("/")[2]))
            page.goto(f"{base_url}/api/docs/")
            page.wait_for_selector(".swagger-ui .opblock", timeout=30_000)
            assert page.locator(".opblock").count() >= 20
            assert problems == []
            assert hosts == {base_url.split("/")[2]}
        finally:
            browser.close()

"""Fixtures for the end-to-end browser tests.

Playwright's sync API runs an event loop in the test thread, so Django
would refuse ORM calls made from the test itself (creating Hana, reading
categories, flushing the database afterwards) without this switch. It is
set here, before Playwright starts, and applies to this test run only.
"""

import os

import pytest

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
# live_server binds to this address; spell out the loopback one so the
# server never listens anywhere else.
os.environ.setdefault("DJANGO_LIVE_TEST_SERVER_ADDRESS", "127.0.0.1")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def chromium():
    """One Chromium for the module; each test opens its own contexts."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()

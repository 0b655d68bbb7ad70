"""HTML pages printed to PDF or PNG by Debian's Chromium (through Playwright), offline.

Streamlit-free. Pages are made from Jinja2 templates in dashboard/outputs/templates with autoescaping on:
no text from a data file is ever trusted as HTML. Images travel inside the page as data URIs, so
Chromium fetches nothing.
"""

from __future__ import annotations

import base64
import os
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import jinja2

TEMPLATES = Path(__file__).resolve().parent / "templates"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-quic",
    "--disable-sync",
]
_environment = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, undefined=jinja2.StrictUndefined
)


class PrintError(RuntimeError):
    """A page could not be printed; the message says what to do about it."""


def render(template: str, **context: Any) -> str:
    """A template filled in, every value escaped."""
    return _environment.get_template(template).render(**context)


def data_uri(content: bytes, mime: str) -> str:
    return f"data:{mime};base64,{base64.b64encode(content).decode('ascii')}"


def chromium() -> str:
    """The browser to print with: BROWSER_PATH if set, else Debian's chromium on the PATH."""
    path = os.environ.get("BROWSER_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        raise PrintError("Chromium is needed to print PDF and PNG files: install it with `make chromium`.")
    return path


def _print(html: str, pdf: dict[str, Any] | None, png: tuple[int, int] | None, scale: float) -> tuple[bytes, bytes]:
    from playwright.sync_api import sync_playwright  # imported here: only printing needs it

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium(), args=CHROMIUM_FLAGS)
        try:
            width, height = png or (1280, 720)
            page = browser.new_page(viewport={"width": width, "height": height}, device_scale_factor=scale)
            page.route("**/*", _only_data_uris)
            page.set_content(html, wait_until="load")
            pdf_bytes = page.pdf(print_background=True, prefer_css_page_size=True, **pdf) if pdf is not None else b""
            png_bytes = page.screenshot(full_page=False, type="png") if png is not None else b""
        finally:
            browser.close()
    return pdf_bytes, png_bytes


def _only_data_uris(route: Any) -> None:
    """Nothing leaves the machine: a page may load only what it carries inside itself."""
    if route.request.url.startswith("data:"):
        route.continue_()
    else:
        route.abort()


def print_page(
    html: str, pdf: dict[str, Any] | None = None, png: tuple[int, int] | None = None, scale: float = 1
) -> tuple[bytes, bytes]:
    """Print `html` to PDF (options for Page.pdf, e.g. {}) and/or a PNG of the given viewport (CSS px x scale).

    Runs in a thread of its own: Playwright's sync API refuses to run where an event loop is running.
    """
    chromium()
    try:
        with ThreadPoolExecutor(max_workers=1) as pool:
            return pool.submit(_print, html, pdf, png, scale).result(timeout=120)
    except PrintError:
        raise
    except Exception as error:  # Playwright raises several types, from a browser that will not start on
        raise PrintError(f"The page could not be printed ({type(error).__name__}: {error}).") from error

"""The audit report opened in a real browser: Debian's chromium, headless.

The rendered DOM (after the report's script ran) must show the totals, the chart and
struck-through removed lines with the filter's name on hover, and page text that looks like
HTML must stay text. A screenshot must be a real PNG with the chart's bar colours in it.

Skips only when chromium is absent outside CI; with `CI` set, a missing browser fails.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from newsclean.report import build_report
from newsclean.report_assets import REASON_COLOURS
from tests.test_report import LIBRARY_PAGE, NEARLY_EMPTY_PAGE, SAMPLE

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)


def chromium() -> str:
    path = shutil.which("chromium") or (
        "/usr/bin/chromium" if Path("/usr/bin/chromium").is_file() else None
    )
    if path:
        return path
    if os.environ.get("CI"):
        pytest.fail("chromium is missing in CI: .ci/run should have installed it with apt-get")
    pytest.skip("chromium is not installed (apt-get install chromium); CI installs it")


def run_browser(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / "profile"
    profile.mkdir(exist_ok=True)
    return subprocess.run(
        [chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=180,
        check=True,
        stdin=subprocess.DEVNULL,
    )


@pytest.fixture(scope="module")
def report_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import json

    records = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines()]
    records.append({"id": "library", "text": LIBRARY_PAGE})
    records.append({"id": "nearly-empty", "text": NEARLY_EMPTY_PAGE})
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(build_report(records, source="browser test"), encoding="utf-8")
    return path


def test_rendered_dom_has_totals_chart_and_struck_lines(report_file: Path, tmp_path: Path) -> None:
    dom = run_browser(
        tmp_path, "--virtual-time-budget=3000", "--dump-dom", report_file.as_uri()
    ).stdout
    assert re.search(r'id="total-documents">10<', dom)
    assert '<svg class="chart"' in dom and 'class="bar r-outside_article"' in dom
    # documents drawn by the script: struck-through removed lines, the filter's name on hover
    articles = re.findall(r'<article class="doc" id="doc-(\d+)"', dom)
    assert len(articles) == 10
    assert articles[0] == "10"  # the nearly emptied page is flagged, so it comes first
    struck = re.search(
        r'<li[^>]*class="removed r-share"[^>]*title="remove_boilerplate: share"[^>]*>'
        r'<span class="why">share</span><del>Share this article</del></li>',
        dom,
    ) or re.search(
        r'<li[^>]*title="remove_boilerplate: share"[^>]*class="removed r-share"[^>]*>'
        r'<span class="why">share</span><del>Share this article</del></li>',
        dom,
    )
    assert struck, "no struck-through 'Share this article' line with its filter on hover"
    assert "documents 1\u201310 of 10 shown" in dom
    # page text that looks like markup stayed text, and its script never ran
    assert "&lt;script&gt;document.body.setAttribute('data-pwned','1')&lt;/script&gt;" in dom
    assert 'data-pwned="1"' not in dom
    assert '<span class="badge">mostly_removed</span>' in dom


def test_screenshot_shows_the_chart(report_file: Path, tmp_path: Path) -> None:
    shot = tmp_path / "report.png"
    run_browser(
        tmp_path,
        "--window-size=1200,1600",
        "--virtual-time-budget=3000",
        f"--screenshot={shot}",
        report_file.as_uri(),
    )
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
    image_module = pytest.importorskip("PIL.Image", reason="Pillow checks the pixel colours")
    with image_module.open(shot) as image:
        colours = {rgb for _, rgb in image.convert("RGB").getcolors(maxcolors=1 << 20) or ()}
    for reason in ("outside_article", "navigation", "share"):
        hex_colour = REASON_COLOURS[reason]
        rgb = tuple(int(hex_colour[k:k + 2], 16) for k in (1, 3, 5))
        assert rgb in colours, f"no pixel of the {reason} bar colour {hex_colour}"

"""The HTML diff in a real headless browser: it loads offline and lays the plans out side by side.

Skipped (not failed) when no Chromium/Chrome is installed (Debian: apt-get install chromium).
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from bs4 import BeautifulSoup

from ingest.diff.plans import diff_plans
from ingest.diff.render import render
from ingest.diff.view import DiffView
from tests.sample_plans import sample_plan

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
BROWSER = next((path for path in map(shutil.which, BROWSERS) if path), None)
HEADLESS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--window-size=1280,2000")

# Measured in the browser after layout; the result lands on <body data-check>, read from the dumped DOM.
MEASURE = """<script>
const rows = [...document.querySelectorAll("table.events tbody tr:not(.section)")];
const sideBySide = rows.every(row => {
  const [left, right] = [...row.cells].map(cell => cell.getBoundingClientRect());
  return Math.abs(left.top - right.top) < 1 && left.right <= right.left + 1 && left.width > 200;
});
const colour = selector => getComputedStyle(document.querySelector(selector)).backgroundColor;
document.body.dataset.check = JSON.stringify({
  rows: rows.length, sideBySide, title: document.title,
  added: colour("tr.added td.new"), removed: colour("tr.removed td.old"), changed: colour(".chg"),
});
</script>"""

pytestmark = pytest.mark.skipif(BROWSER is None, reason="no headless Chromium or Chrome installed")


def dump_dom(page, tmp_path) -> BeautifulSoup:
    """The DOM of ``page`` after a headless browser has loaded and laid it out."""
    page.write_text(page.read_text(encoding="utf-8").replace("</body>", MEASURE + "</body>"), encoding="utf-8")
    command = [BROWSER, *HEADLESS, f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", page.as_uri()]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    return BeautifulSoup(result.stdout, "lxml")


def test_the_html_diff_lays_both_plans_out_side_by_side_in_a_browser(tmp_path):
    old, new = sample_plan("plan_2024", "docx"), sample_plan("plan_2025", "html")
    page = tmp_path / "diff.html"
    page.write_text(render(DiffView(diff_plans(old, new), old, new), "html"), encoding="utf-8")
    check = json.loads(dump_dom(page, tmp_path).body["data-check"])
    assert check["title"] == "Plan diff: plan_2024.docx (2024) → plan_2025.html (2025)"
    assert check["rows"] == 21 and check["sideBySide"]
    assert check["added"] == "rgb(230, 255, 236)" and check["removed"] == "rgb(255, 235, 233)"
    assert check["changed"] == "rgb(255, 229, 138)"

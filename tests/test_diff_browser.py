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
const border = selector => getComputedStyle(document.querySelector(selector)).borderLeftStyle;
// the left edge of every card's values, per side: one edge when the label column is aligned
const valueEdges = side => [...new Set([...document.querySelectorAll(`table.events td.${side} dd`)]
  .map(dd => Math.round(dd.getBoundingClientRect().left)))];
document.body.dataset.check = JSON.stringify({
  rows: rows.length, sideBySide, title: document.title,
  added: colour("tr.added td.new"), removed: colour("tr.removed td.old"), changed: colour(".chg"),
  borders: [border("tr.added td.new"), border("tr.removed td.old"), border("tr.changed td.new")],
  edges: [valueEdges("old"), valueEdges("new")],
});
</script>"""

pytestmark = pytest.mark.skipif(BROWSER is None, reason="no headless Chromium or Chrome installed")


def screenshot(page, png, tmp_path, width: int = 1280, height: int = 1400) -> None:
    """A PNG of ``page`` as the browser draws it (docs/diff.md shows one)."""
    command = [BROWSER, *HEADLESS[:-1], f"--window-size={width},{height}", f"--user-data-dir={tmp_path / 'shot'}",
               "--hide-scrollbars", f"--screenshot={png}", page.as_uri()]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and png.stat().st_size > 10_000, result.stderr[-2000:]


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
    assert check["title"] == "Сравнение планов: plan_2024.docx (2024) → plan_2025.html (2025)"
    assert check["rows"] == 21 and check["sideBySide"]
    assert check["added"] == "rgb(230, 255, 236)" and check["removed"] == "rgb(255, 235, 233)"
    assert check["changed"] == "rgb(255, 229, 138)"
    # without its colours (a greyscale print) each kind of row still has its own border
    assert check["borders"] == ["solid", "dashed", "double"]
    old_edges, new_edges = check["edges"]
    assert len(old_edges) == 1 and len(new_edges) == 1, check["edges"]  # one label column across all cards


def test_docs_show_a_screenshot_of_the_page(tmp_path):
    """docs/diff.md shows docs/diff-page.png; this makes a fresh one (compare by eye when the page changes:
    python -c "from tests.test_diff_browser import make_screenshot; make_screenshot()")."""
    from tests.conftest import ROOT

    assert "![" in (ROOT / "docs" / "diff.md").read_text(encoding="utf-8") and (ROOT / "docs" / "diff-page.png").is_file()
    page = tmp_path / "diff.html"
    page.write_text(render(DiffView(diff_plans(*sides()), *sides()), "html"), encoding="utf-8")
    screenshot(page, tmp_path / "diff.png", tmp_path)


def sides():
    return sample_plan("plan_2024", "docx"), sample_plan("plan_2025", "docx")


def make_screenshot() -> None:
    """Write docs/diff-page.png: the 2024 → 2025 diff page of the samples."""
    import tempfile
    from pathlib import Path

    from tests.conftest import ROOT

    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "diff.html"
        page.write_text(render(DiffView(diff_plans(*sides()), *sides()), "html"), encoding="utf-8")
        screenshot(page, ROOT / "docs" / "diff-page.png", Path(folder))

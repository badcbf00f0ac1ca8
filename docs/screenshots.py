"""Screenshots of the HTML view for the README (``make screenshots``): the sample article's page and the
``eventex view`` report of the corpus test split, taken in headless Chromium."""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

import eventex
from eventex.cli import main as cli

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if exe is None:
        print("Chromium is not installed: run `make browser`", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        article = Path(tmp) / "article.html"
        text = (ROOT / "examples" / "lavrov_latin_america.txt").read_text(encoding="utf-8")
        result = eventex.extract(text, published="2010-03-10")
        article.write_text(eventex.render(result, names=["examples/lavrov_latin_america.txt"]), encoding="utf-8")
        report = Path(tmp) / "report.html"
        test_split = str(ROOT / "corpora" / "test.jsonl")
        out = str(Path(tmp) / "out.jsonl")
        cli(["extract", test_split, "--id-field", "id", "--entities", "-o", out, "--html", str(report)])
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=exe, args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(article.as_uri())
            page.click("article.card:nth-of-type(4) button.markbtn")  # marks its trigger, date and fillers
            page.evaluate("window.scrollTo(0, 0)")
            page.screenshot(path=ROOT / "docs" / "view_article.png")
            page.goto(report.as_uri())
            page.select_option("#f-type", "visit")
            page.screenshot(path=ROOT / "docs" / "view_report.png")
            browser.close()
    print("wrote docs/view_article.png, docs/view_report.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The HTML view in a real browser: headless Chromium (Debian's, installed by ``make browser``) driven by Playwright.

These tests fail, never skip, when Chromium cannot be started.
"""

from __future__ import annotations

import io
import json
import shutil
from collections.abc import Iterator

import pytest
from PIL import Image

from eventex.cli import main
from eventex.schema import Entity, Extraction, Meta, Span, VisitEvent
from eventex.views import render

# mark number → [start, end, label, text of its pieces joined in document order], read from the live DOM
MARKS_JS = """() => {
  const out = {};
  for (const m of document.querySelectorAll('mark')) {
    const [s, e] = m.dataset.span.split(':').map(Number);
    const label = [...m.classList].find(c => c.startsWith('L-')).slice(2);
    out[m.dataset.m] = out[m.dataset.m] || [s, e, label, ''];
    out[m.dataset.m][3] += m.textContent;
  }
  return out;
}"""


@pytest.fixture(scope="module")
def browser() -> Iterator:
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if exe is None:
        pytest.fail("Chromium is not installed: run `make browser` (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=exe, args=["--no-sandbox"])
        yield b
        b.close()


def open_page(browser, path):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri())
    assert requests == [path.as_uri()], "the page must load nothing else"
    return page, errors


def not_blank(png: bytes) -> bool:
    """A screenshot with drawing on it: over 5% of the pixels not white, and many colours."""
    img = Image.open(io.BytesIO(png)).convert("RGB")
    colors = img.getcolors(maxcolors=1 << 20) or []
    white = sum(n for n, c in colors if c == (255, 255, 255))
    return len(colors) > 50 and white < 0.95 * img.width * img.height


def check_marks(page, text: str, entities: list[Entity]) -> dict[str, list]:
    marks = page.evaluate(MARKS_JS)
    assert marks
    for start, end, _, got in marks.values():
        assert got == text[start:end]
    keys = {(s, e, label) for s, e, label, _ in marks.values()}
    assert all((e.start, e.end, e.label) in keys for e in entities if e.end > e.start)
    return marks


def test_sample_page(browser, sample_result, tmp_path):
    path = tmp_path / "lavrov.html"
    path.write_text(render(sample_result, names=["lavrov_latin_america.txt"]), encoding="utf-8")
    page, errors = open_page(browser, path)
    assert page.text_content(".doc .text") == sample_result.text
    check_marks(page, sample_result.text, sample_result.entities)
    cards = page.query_selector_all("article.card")
    assert [c.get_attribute("data-event") for c in cards] == [ev.id for ev in sample_result.events]
    assert all(c.is_visible() for c in cards)

    card = cards[0]
    wanted = sorted(card.get_attribute("data-marks").split())
    on = "() => [...new Set([...document.querySelectorAll('mark.on')].map(m => m.dataset.m))].sort()"
    card.hover()
    assert page.evaluate(on) == wanted
    page.mouse.move(1, 1)
    assert page.evaluate(on) == []
    card.click()
    pinned = "() => [...new Set([...document.querySelectorAll('mark.pin')].map(m => m.dataset.m))].sort()"
    assert page.evaluate(pinned) == wanted
    assert card.query_selector("button.markbtn").get_attribute("aria-pressed") == "true"
    card.query_selector("button.markbtn").press("Enter")  # keyboard: the button toggles it back
    assert page.evaluate(pinned) == []
    assert not_blank(page.screenshot(full_page=False))
    assert errors == []


def test_view_report(browser, sample_result, tmp_path, capsys):
    results = tmp_path / "out.jsonl"
    elsewhere = [e for e in sample_result.events if "guyana" not in e.model_dump_json().lower()][:3]
    recs = [
        {"id": name, "published": "2010-03-10", "events": [e.model_dump(mode="json") for e in events]}
        for name, events in (("lavrov", sample_result.events), ("first-three", elsewhere))
    ]
    recs.append({"id": "broken.txt", "error": "UnicodeDecodeError", "message": "not UTF-8: byte 0xff at offset 3"})
    results.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    path = tmp_path / "report.html"
    assert main(["view", str(results), "-o", str(path)]) == 0
    page, errors = open_page(browser, path)
    names = page.eval_on_selector_all(".doc", "ds => ds.map(d => d.dataset.name)")
    assert names == ["lavrov", "first-three", "broken.txt"]
    assert "UnicodeDecodeError" in page.text_content(".doc.err")
    check_marks(page, sample_result.text, [])
    n = len(sample_result.events) + 3
    assert len(page.query_selector_all("article.card")) == n

    def shown() -> list[tuple[str, str, str]]:
        return page.eval_on_selector_all(
            "article.card", "cs => cs.filter(c => c.offsetParent).map(c => [c.dataset.type, c.dataset.status, "
            "c.dataset.countries])"
        )

    assert len(shown()) == n
    page.select_option("#f-type", "visit")
    assert shown() and all(t == "visit" for t, _, _ in shown())
    assert page.text_content(".shown") == f"{len(shown())} events shown"
    assert not page.is_visible(".doc.err")  # a filter hides documents without a matching event
    page.select_option("#f-type", "")
    page.select_option("#f-country", "VEN")
    assert shown() and all("VEN" in c.split() for _, _, c in shown())
    page.select_option("#f-country", "")
    page.fill("#f-q", "no such words anywhere")
    assert shown() == [] and page.text_content(".shown") == "0 events shown"
    page.fill("#f-q", "guyana")
    assert 0 < len(shown()) < n
    page.fill("#f-q", "")
    assert len(shown()) == n and page.is_visible(".doc.err")
    assert not_blank(page.screenshot(full_page=False))
    assert errors == []


def test_odd_text_in_the_browser(browser, tmp_path):
    """Chromium's own parser gives back the exact text: markup characters, CR LF, astral and combining chars."""
    text = "A <b>&amp;</b> \"q\" 'x'\r\nRusia\u0301 🇷🇺 visit\u200d to Caracas \u0645\u0631\u062d\u0628\u0627 </script>"
    i = text.index("Caracas")
    trigger = text.index("visit")
    ents = [
        Entity(text=text[i : i + 7], start=i, end=i + 7, label="GPE", id="VEN"),
        Entity(text=text[2:14], start=2, end=14, label="MISC"),  # crosses the <b> markup characters
        Entity(text=text[12:27], start=12, end=27, label="ORG"),  # overlaps the MISC span, over CR LF
    ]
    ev = VisitEvent(
        id="visit-1", trigger=Span(text="visit", start=trigger, end=trigger + 5),
        evidence=[Span(text=text, start=0, end=len(text))], destination=[ents[0]],
    )
    ex = Extraction(text=text, entities=ents, events=[ev], meta=Meta(model="m", version="0", eventex_version="0"))
    path = tmp_path / "odd.html"
    path.write_text(render(ex), encoding="utf-8")
    page, errors = open_page(browser, path)
    assert page.text_content(".doc .text") == text
    assert len(check_marks(page, text, ents)) == 4
    assert errors == []


def test_blank_check_can_fail(browser):
    page = browser.new_page(viewport={"width": 800, "height": 600})
    page.set_content("<html><body></body></html>")
    assert not not_blank(page.screenshot())

"""The HTML view, the JSONL report and the displaCy input: parsed with html5lib, offsets checked mark by mark."""

from __future__ import annotations

import json
import re
from collections import Counter
from xml.etree.ElementTree import Element

import html5lib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import eventex
from eventex.cli import main
from eventex.schema import ENTITY_LABELS, STATUSES, Entity, Extraction, Meta, Span, VisitEvent, event_roles
from eventex.views import DISPLACY_COLORS, render, render_records, to_displacy
from eventex.views.html import LABEL_COLORS, STATUS_COLORS, TEXT_PAIRS


def parse(page: str, strict: bool = False) -> Element:
    return html5lib.HTMLParser(strict=strict, namespaceHTMLElements=False).parse(page)


def text_of(el: Element) -> str:
    return "".join(el.itertext())


def classes(el: Element) -> list[str]:
    return (el.get("class") or "").split()


def marks(root: Element) -> dict[str, tuple[int, int, str, str]]:
    """data-m → (start, end, label, text of its pieces joined in document order)."""
    out: dict[str, tuple[int, int, str, str]] = {}
    for el in root.iter("mark"):
        start, end = map(int, el.get("data-span").split(":"))
        label = next(c[2:] for c in classes(el) if c.startswith("L-"))
        n = el.get("data-m")
        prev = out.get(n, (start, end, label, ""))
        assert prev[:3] == (start, end, label), "pieces of one mark disagree"
        out[n] = (start, end, label, prev[3] + text_of(el))
    return out


def fillers(ev) -> list[Entity]:
    out = []
    for role, many in event_roles(ev.type).items():
        value = getattr(ev, role)
        out += value if many else [value] if value else []
    return out


def check_page(root: Element, results: list[Extraction]) -> None:
    """Every highlight spells its span; every entity, trigger and filler is highlighted (empty spans cannot be);
    one card per event."""
    sections = [s for s in root.iter("section") if "doc" in classes(s)]
    assert len(sections) == len(results)
    for section, ex in zip(sections, results, strict=True):
        text_div = next(d for d in section.iter("div") if "text" in classes(d))
        assert text_of(text_div) == ex.text
        found = marks(section)
        for start, end, _, text in found.values():
            assert text == ex.text[start:end]
        keys = {(s, e, label): n for n, (s, e, label, _) in found.items()}
        for ent in ex.entities:
            assert (ent.start, ent.end, ent.label) in keys or ent.start == ent.end
        cards = [a for a in section.iter("article") if "card" in classes(a)]
        assert [c.get("data-event") for c in cards] == [ev.id for ev in ex.events]
        for card, ev in zip(cards, ex.events, strict=True):
            targets = set(card.get("data-marks").split())
            for e, label in [(ev.trigger, "TRIGGER"), *((e, e.label) for e in fillers(ev))]:
                assert e.start == e.end or keys[e.start, e.end, label] in targets
            assert card.get("data-type") == ev.type and card.get("data-status") == ev.status


# --------------------------------------------------------------------------------------------- one result


def test_sample_page_is_valid_complete_and_self_contained(sample_result):
    page = render(sample_result, names=["lavrov_latin_america.txt"])
    root = parse(page, strict=True)  # strict: any HTML parse error fails
    assert root.get("lang") == "en"
    check_page(root, [sample_result])
    assert len(sample_result.events) >= 5
    # nothing to fetch: no external resources, and a policy that forbids any request
    assert not [el for el in root.iter() if el.get("src") or el.get("href")]
    assert not list(root.iter("link"))
    csp = next(m for m in root.iter("meta") if m.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp.get("content")
    # sources cited by events are listed
    cited = {c.outlet for ev in sample_result.events for c in ev.sources}
    listed = text_of(next(d for d in root.iter("div") if "sources" in classes(d)))
    assert cited and all(outlet in listed for outlet in cited)


def test_overlapping_spans_nest(sample_result):
    """A trigger that contains an entity ('arms sales' ⊃ 'arms') nests; both still spell their spans."""
    page = render(sample_result)
    nested = [
        (outer, inner) for outer in parse(page).iter("mark") for inner in outer.iter("mark") if inner is not outer
    ]
    assert nested
    check_page(parse(page), [sample_result])


_ODD = [
    *"ab <>&\"'\t\n\r", "\r\n", "é", "e\u0301", "\U0001f1f7\U0001f1fa", "\U0001f469\u200d\U0001f467",
    "\u200d", "\u2028", "\u0645\u0631\u062d\u0628\u0627", "\ufeff", "&amp;", "</script>", "\x0b",
]


@st.composite
def odd_results(draw) -> Extraction:
    text = "".join(draw(st.lists(st.sampled_from(_ODD), min_size=1, max_size=40)))
    n = len(text)
    bounds = st.tuples(st.integers(0, n), st.integers(0, n)).map(sorted)

    def span(cls, **kw):
        s, e = draw(bounds)
        return cls(text=text[s:e], start=s, end=e, **kw)

    ents = [span(Entity, label=draw(st.sampled_from(ENTITY_LABELS))) for _ in range(draw(st.integers(0, 8)))]
    events = [
        VisitEvent(
            id=f"visit-{i}", trigger=span(Span), status=draw(st.sampled_from(STATUSES)), evidence=[span(Span)],
            visitor=draw(st.sampled_from([None, *ents])) if ents else None,
            destination=[span(Entity, label="GPE", id="RUS")],
        )
        for i in range(draw(st.integers(0, 3)))
    ]
    return Extraction(text=text, entities=ents, events=events, meta=Meta(model="m", version="0", eventex_version="0"))


@settings(max_examples=60, deadline=None)
@given(odd_results())
def test_offsets_survive_markup_escaping_and_odd_unicode(ex):
    """Escaped text, CR, astral and combining characters, crossing spans: the parsed DOM spells every span."""
    check_page(parse(render(ex)), [ex])


def test_repr_html_is_an_embeddable_fragment(sample_result):
    frag = sample_result._repr_html_()
    assert frag.startswith('<div class="evx">') and "<html" not in frag and "<script>" in frag
    check_page(parse(frag), [sample_result])


def test_render_refuses_wrong_input(sample_result):
    with pytest.raises(TypeError, match="Extraction"):
        render("some text")
    with pytest.raises(TypeError, match="Extraction"):
        render([sample_result, {"text": "x"}])
    with pytest.raises(ValueError, match="names"):
        render([sample_result], names=["a", "b"])


# --------------------------------------------------------------------------------------------- accessibility


def luminance(color: str) -> float:
    rgb = [int(color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(fg: str, bg: str) -> float:
    hi, lo = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_wcag_contrast():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") < 4.5  # the check can fail
    assert set(ENTITY_LABELS) <= set(LABEL_COLORS) and set(STATUSES) == set(STATUS_COLORS)
    pairs = {what for what, _, _ in TEXT_PAIRS}
    assert {f"highlight {label}" for label in LABEL_COLORS} <= pairs
    assert {f"badge {status}" for status in STATUSES} <= pairs
    low = {what: round(contrast(fg, bg), 2) for what, fg, bg in TEXT_PAIRS if contrast(fg, bg) < 4.5}
    assert not low, f"text contrast under 4.5:1: {low}"


def test_page_draws_with_the_checked_colours(sample_result):
    page = render([sample_result, sample_result])
    for label, bg in LABEL_COLORS.items():
        assert f".L-{label}{{background:{bg}}}" in page
    for status, bg in STATUS_COLORS.items():
        assert f".S-{status}{{background:{bg}}}" in page
    assert {c for c in re.findall(r"#[0-9a-fA-F]{6}", page)} >= {fg for _, fg, _ in TEXT_PAIRS}


def test_controls_and_regions_are_labelled(sample_result):
    root = parse(render([sample_result, sample_result], names=["a", "b"]))
    labels = {lab.get("for") for lab in root.iter("label")}
    controls = [el for tag in ("select", "input") for el in root.iter(tag)]
    assert len(controls) == 4 and all(c.get("id") in labels for c in controls)
    cards = [a for a in root.iter("article") if "card" in classes(a)]
    assert len(cards) == 2 * len(sample_result.events)
    for card in cards:
        assert card.get("aria-label")
        assert next(card.iter("button")).get("aria-pressed") == "false"
    assert all(r.get("aria-label") for r in root.iter() if r.get("role") == "region")


# --------------------------------------------------------------------------------------------- report


def records(results: dict[str, Extraction]) -> list[dict]:
    """Records in the format ``eventex extract -o`` writes (see eventex.io.records), with entities."""
    return [
        {
            "id": name, "published": ex.published.isoformat() if ex.published else None,
            "events": [e.model_dump(mode="json") for e in ex.events],
            "entities": [e.model_dump(mode="json") for e in ex.entities],
        }
        for name, ex in results.items()
    ]


def test_report_from_records(sample_result):
    recs = [*records({"lavrov": sample_result}), {"id": "empty", "error": "EmptyText", "message": "text is empty"}]
    recs.append({"id": "no-entities", "published": None, "events": recs[0]["events"][:3]})
    root = parse(render_records(recs), strict=True)
    sections = [s for s in root.iter("section") if "doc" in classes(s)]
    assert [s.get("data-name") for s in sections] == ["lavrov", "empty", "no-entities"]
    assert "EmptyText" in text_of(sections[1]) and "err" in classes(sections[1])
    for section in (sections[0], sections[2]):  # the pieces of text the spans cover, at their offsets
        for start, end, _, text in marks(section).values():
            assert text == sample_result.text[start:end]
        runs = [p for p in section.iter("p") if "run" in classes(p)]
        assert runs
        for run in runs:
            start = int(run.get("data-start"))
            body = text_of(next(c for c in run if "piece" in classes(c)))
            assert sample_result.text[start : start + len(body)] == body
    cards = [a for a in root.iter("article") if "card" in classes(a)]
    assert len(cards) == len(sample_result.events) + 3
    # counts per type and status
    counts = Counter((c.get("data-type"), c.get("data-status")) for c in cards)
    table = next(t for t in root.iter("table") if "counts" in classes(t))
    body = next(table.iter("tbody"))
    statuses = [th.text for th in next(table.iter("thead")).iter("th")][1:-1]
    assert statuses == list(STATUSES)
    for row, etype in zip(body.iter("tr"), ("visit", "arms_sale", "energy_investment", "recognition"), strict=True):
        cells = [int(td.text) for td in row.iter("td")]
        assert cells[:-1] == [counts[etype, s] for s in STATUSES] and cells[-1] == sum(cells[:-1])
    # the country filter offers every state that fills a role
    country = next(s for s in root.iter("select") if s.get("id") == "f-country")
    offered = {o.get("value") for o in country.iter("option")} - {""}
    filled = {x for ev in sample_result.events for e in fillers(ev) for x in (e.id, e.affiliation) if x}
    assert offered == {x for x in filled if re.fullmatch(r"[A-Z]{3}", x)} and offered


def test_view_command(tmp_path, sample_result, capsys):
    src = tmp_path / "out.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in records({"a": sample_result, "b": sample_result})) + "\n")
    out = tmp_path / "report.html"
    assert main(["view", str(src), "-o", str(out), "--title", "Two & more"]) == 0
    root = parse(out.read_text(encoding="utf-8"), strict=True)
    assert next(root.iter("title")).text == "Two & more"
    assert "2 documents" in capsys.readouterr().err
    bad = {"flat.jsonl": '{"doc_id": "x"}\n', "text.jsonl": "not json\n", "event.jsonl": '{"events": [{}]}\n'}
    for name, content in bad.items():
        (tmp_path / name).write_text(content)
        assert main(["view", str(tmp_path / name), "-o", str(out)]) == 2
        err = capsys.readouterr().err
        assert err.startswith("eventex view: error:") and err.count("\n") == 1 and name in err
    assert main(["view", str(tmp_path / "missing.jsonl"), "-o", str(out)]) == 2


def test_extract_html(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text("Russian Foreign Minister Sergei Lavrov visited Havana on Monday. Russia & Cuba <signed>.")
    page = tmp_path / "a.html"
    args = ["extract", "--text-file", str(article), "--model", "spacy", "--html", str(page)]
    assert main(args) == 0
    result = Extraction.model_validate_json(capsys.readouterr().out)
    check_page(parse(page.read_text(encoding="utf-8"), strict=True), [result])
    inputs = tmp_path / "in.jsonl"
    inputs.write_text(json.dumps({"text": article.read_text()}) + "\n" + json.dumps({"text": ""}) + "\n")
    report = tmp_path / "r.html"
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(inputs), "-o", str(out), "--model", "spacy", "--html", str(report)]) == 1
    root = parse(report.read_text(encoding="utf-8"))
    assert len([s for s in root.iter("section") if "doc" in classes(s)]) == 2
    assert main(["extract", str(inputs), "--model", "spacy", "--html", str(report)]) == 2  # stdout: no report


# --------------------------------------------------------------------------------------------- displaCy


def test_to_displacy(sample_result):
    from spacy import displacy

    data = to_displacy(sample_result, title="Lavrov")
    assert data["text"] == sample_result.text and data["title"] == "Lavrov"
    assert [(e["start"], e["end"], e["label"]) for e in data["ents"]] == [
        (e.start, e.end, e.label) for e in sorted(sample_result.entities, key=lambda e: e.start)
    ]
    html = displacy.render(data, style="ent", manual=True, options={"colors": DISPLACY_COLORS})
    assert html.count("<mark") == len(data["ents"])
    assert set(DISPLACY_COLORS) == set(ENTITY_LABELS)
    assert eventex.to_displacy is to_displacy and eventex.render is render
    with pytest.raises(TypeError, match="Extraction"):
        to_displacy(data)

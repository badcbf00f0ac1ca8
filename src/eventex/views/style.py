"""The report page's colours, style sheet and script (:mod:`eventex.views.html` draws the page with them)."""

from __future__ import annotations

TEXT = "#1a1a1a"
MUTED = "#555555"
PAGE = "#ffffff"
FOCUS = "#0b4fa3"
LABEL_COLORS: dict[str, str] = {
    "PERSON": "#ffd6a5", "ORG": "#cfe3ff", "GPE": "#c7f0c2", "LOC": "#e6f5b8", "NORP": "#ffe9a8",
    "WEAPON": "#ffc4c4", "ENERGY_ASSET": "#dcccff", "MONEY": "#bff0e8", "QUANTITY": "#e4e4e4",
    "DATE": "#f6d2f0", "MISC": "#eeeeee", "TRIGGER": "#fff0a0", "SOURCE": "#dfe5ec",
}
"""Highlight background of each entity label (and of event triggers and cited sources); text is ``TEXT``."""
STATUS_COLORS: dict[str, str] = {
    "actual": "#1b6e3a", "planned": "#1f4fa3", "proposed": "#6b3fa0", "negated": "#a32020", "alleged": "#7a5200",
}
"""Badge background of each event status; badge text is white."""
TYPE_COLORS: dict[str, str] = {
    "visit": "#2f6fb0", "arms_sale": "#b03030", "energy_investment": "#7a5cc0", "recognition": "#2f8a4a",
}
ERROR_TEXT, ERROR_BG = "#7a1212", "#fdecea"
TEXT_PAIRS: list[tuple[str, str, str]] = [
    ("text", TEXT, PAGE), ("muted", MUTED, PAGE), ("error", ERROR_TEXT, ERROR_BG),
    *((f"highlight {label}", TEXT, bg) for label, bg in LABEL_COLORS.items()),
    *((f"badge {status}", "#ffffff", bg) for status, bg in STATUS_COLORS.items()),
]
"""Every (what, text colour, background colour) pair the page draws text with."""


def css() -> str:
    labels = "".join(f".evx .L-{k}{{background:{v}}}" for k, v in LABEL_COLORS.items())
    statuses = "".join(f".evx .S-{k}{{background:{v}}}" for k, v in STATUS_COLORS.items())
    types = "".join(f".evx .T-{k}{{border-left-color:{v}}}" for k, v in TYPE_COLORS.items())
    return (
        f".evx{{font:15px/1.55 system-ui,-apple-system,'Segoe UI',sans-serif;color:{TEXT};background:{PAGE};"
        "max-width:1400px;margin:0 auto;padding:0 1rem}"
        ".evx h1{font-size:1.5rem}.evx h2{font-size:1.15rem;margin:1.5rem 0 .5rem;overflow-wrap:anywhere}"
        ".evx h3{font-size:1rem}"
        f".evx .muted{{color:{MUTED};font-weight:normal}}"
        f".evx .error{{color:{ERROR_TEXT};background:{ERROR_BG};padding:.1rem .4rem;border-radius:4px}}"
        ".evx .doc{border-top:1px solid #bbb;padding-bottom:.5rem}"
        ".evx .cols{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:1.25rem;align-items:start}"
        "@media (max-width:800px){.evx .cols{grid-template-columns:minmax(0,1fr)}}"
        ".evx .text{white-space:pre-wrap;overflow-wrap:anywhere;max-height:85vh;overflow:auto;padding:.5rem .75rem;"
        "border:1px solid #ccc;border-radius:6px;line-height:1.9}"
        ".evx .events{max-height:85vh;overflow:auto}"
        ".evx .run{margin:.3rem 0}.evx .at{font-size:.75em;color:" + MUTED + "}"
        ".evx mark{color:inherit;background:none;padding:1px 1px;border-radius:3px}"
        ".evx mark.trig{border-bottom:2px solid #6b5200;font-weight:600}"
        ".evx mark.src{border-bottom:1px dotted #333}"
        ".evx mark.on{outline:2px solid #000;outline-offset:1px}"
        f".evx mark.pin{{outline:3px solid {FOCUS};outline-offset:1px}}"
        f".evx i.t::after{{content:attr(data-t);font:600 .62rem/1 system-ui,sans-serif;font-style:normal;"
        f"color:{TEXT};background:{PAGE};border:1px solid #888;border-radius:3px;padding:0 2px;margin-left:2px;"
        "vertical-align:middle}"
        ".evx .chip{padding:0 .3rem;border-radius:3px}"
        ".evx .legend{display:flex;flex-wrap:wrap;gap:.4rem;list-style:none;padding:0}"
        ".evx .card{border:1px solid #bbb;border-left:6px solid #888;border-radius:6px;padding:.4rem .7rem;"
        "margin:0 0 .6rem;cursor:pointer}"
        f".evx .card.pinned{{box-shadow:0 0 0 3px {FOCUS}}}"
        ".evx .card header{display:flex;flex-wrap:wrap;gap:.4rem;align-items:baseline}"
        ".evx .card dl{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.1rem .7rem;margin:.3rem 0}"
        ".evx .card dt{font-weight:600}.evx .card dd{margin:0}.evx .card ul{margin:0;padding-left:1rem}"
        ".evx .badge{color:#fff;border-radius:9px;padding:0 .5rem;font-size:.85em}"
        f".evx .markbtn{{margin-left:auto;font:inherit;font-size:.8em;color:{TEXT};background:{PAGE};"
        "border:1px solid #888;border-radius:4px;cursor:pointer}"
        f".evx :focus-visible{{outline:3px solid {FOCUS};outline-offset:2px}}"
        ".evx .counts{border-collapse:collapse;margin:.5rem 0}"
        ".evx .counts th,.evx .counts td{border:1px solid #bbb;padding:.15rem .5rem;text-align:right}"
        ".evx .counts caption,.evx .counts th[scope=row]{text-align:left;font-weight:600}"
        ".evx .filters{display:flex;flex-wrap:wrap;gap:.4rem 1rem;align-items:center;margin:.75rem 0;"
        "position:sticky;top:0;background:" + PAGE + ";padding:.4rem 0;z-index:1}"
        ".evx .filters label{font-weight:600}.evx [hidden]{display:none!important}"
        + labels + statuses + types
    )


SCRIPT = """(function(root){if(!root)return;
var all=function(sel,el){return Array.prototype.slice.call((el||root).querySelectorAll(sel));};
var marksOf=function(card){return card.dataset.marks.split(' ').reduce(function(acc,n){
 return acc.concat(all('mark[data-m="'+n+'"]'));},[]);};
var set=function(card,cls,on){marksOf(card).forEach(function(m){m.classList.toggle(cls,on);});};
var pin=function(card){var on=!card.classList.contains('pinned');card.classList.toggle('pinned',on);
 card.querySelector('button.markbtn').setAttribute('aria-pressed',String(on));
 all('mark.pin').forEach(function(m){m.classList.remove('pin');});
 all('.card.pinned').forEach(function(c){set(c,'pin',true);});
 var first=marksOf(card)[0];if(on&&first)first.scrollIntoView({block:'nearest'});};
all('.card').forEach(function(card){
 card.addEventListener('mouseenter',function(){set(card,'on',true);});
 card.addEventListener('mouseleave',function(){set(card,'on',false);});
 card.addEventListener('focusin',function(){set(card,'on',true);});
 card.addEventListener('focusout',function(){set(card,'on',false);});
 card.addEventListener('click',function(){pin(card);});});
var f={};all('[data-filter]').forEach(function(el){f[el.dataset.filter]=el;
 el.addEventListener('input',apply);el.addEventListener('change',apply);});
function apply(){var t=f.type.value,s=f.status.value,c=f.country.value,q=f.q.value.trim().toLowerCase();
 var active=t||s||c||q,shown=0;
 all('.doc').forEach(function(doc){var k=0;
  if(doc._text===undefined)doc._text=(doc.dataset.name+' '+(doc.querySelector('.text')||doc).textContent).toLowerCase();
  all('.card',doc).forEach(function(card){
   var ok=(!t||card.dataset.type===t)&&(!s||card.dataset.status===s)
    &&(!c||(' '+card.dataset.countries+' ').indexOf(' '+c+' ')>=0)
    &&(!q||doc._text.indexOf(q)>=0||card.textContent.toLowerCase().indexOf(q)>=0);
   card.hidden=!ok;k+=ok?1:0;});
  doc.hidden=!!active&&!k;shown+=k;});
 root.querySelector('.shown').textContent=shown+' events shown';}
})(document.currentScript&&document.currentScript.parentElement);"""

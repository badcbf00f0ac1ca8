"""Name repairs: mentions over a line break, datelines run into the next name, titles inside PERSON mentions,
a firm's legal form left outside its mention, words that are never names, pieces of web addresses, exchange listings
and instrument codes, event nouns run into a sum (``name_repairs.toml``); the repairs of state names are in
:mod:`eventex.ner.state_names`, those that read a name's earlier mention in :mod:`eventex.ner.later_mentions`."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from eventex.ner.datelines import bare_dateline, dateline
from eventex.ner.edits import moved
from eventex.ner.state_names import demonym_weapon, state_names, state_pair, with_state_name_head
from eventex.resources import fold, name_table, read_toml, vocabulary
from eventex.resources.facts import find_weapon
from eventex.schema import Entity
from eventex.stages.person_names import ARTICLE


@lru_cache(maxsize=1)
def _rules() -> tuple[tuple[str, ...], frozenset[str], frozenset[str]]:
    spec = read_toml("name_repairs.toml")
    titles = tuple(sorted(spec["titles"], key=len, reverse=True))
    people = frozenset(fold(name) for name, _ in name_table("people.tsv"))
    never = frozenset(spec["wire_markers"] + spec["title_abbreviations"] + spec["firm_prefixes"])
    return titles, people, never


@lru_cache(maxsize=1)
def _firm_prefixes() -> tuple[str, ...]:
    return tuple(read_toml("name_repairs.toml")["firm_prefixes"])


@lru_cache(maxsize=1)
def _office_words() -> frozenset[str]:
    return frozenset(read_toml("name_repairs.toml")["office_words"])


def office_title(ent: Entity) -> bool:
    """Whether an ORG mention is a person's title ('Chinese State Councilor'): it ends in an office word and holds
    no lower-case word ('Office of the President' is an organisation)."""
    words = ent.text.split()
    return ent.label == "ORG" and len(words) > 1 and words[-1] in _office_words() and all(w[0].isupper() for w in words)


@lru_cache(maxsize=1)
def _time_words() -> tuple[str, ...]:
    return tuple(read_toml("name_repairs.toml")["time_words"])


def without_time_word(text: str, ent: Entity) -> Entity:
    """A mention that opens with a time adverb the head ran into the name after it ('Today Ireland, Norway and …' →
    'Ireland')."""
    word = next((w for w in _time_words()
                 if ent.text.startswith(f"{w} ") and ent.text[len(w) + 1 :][:1].isupper()), None)
    return moved(ent, text, ent.start + len(word) + 1, ent.end) if word else ent


@lru_cache(maxsize=1)
def _exchange_listing() -> re.Pattern[str]:
    return re.compile(read_toml("name_repairs.toml")["exchange_listing"])


def exchange_code(text: str, ent: Entity) -> bool:
    """Whether a mention lies inside a stock-exchange listing in parentheses ('(BOM: 500312)', '(NYSE:APC)'): the
    exchange's code or the ticker, never a firm; looks at most 24 characters either side."""
    pattern = _exchange_listing()
    pos = max(0, ent.start - 24)
    while (m := pattern.search(text, pos, ent.end + 24)) is not None and m.start() < ent.end:
        if m.start() < ent.start and ent.end < m.end():
            return True
        pos = m.start() + 1
    return False


_NON_BLANK = re.compile(r"[^\s,;:()]+")
"""The rest of a word a mention stops inside."""
_WORD_BEFORE = re.compile(r"[^\s(]+$")
"""The start of a word a mention starts inside."""


@lru_cache(maxsize=1)
def _instrument_code() -> re.Pattern[str]:
    return re.compile(rf"(?:^|(?<= ))\(?(?:{_code_word().pattern})\)?$")


@lru_cache(maxsize=1)
def _code_word() -> re.Pattern[str]:
    return re.compile(read_toml("name_repairs.toml")["instrument_code"])


def instrument_code(word: str) -> bool:
    """Whether a word is a wire service's instrument code ('XOM.N', 'RDSa.L')."""
    return _code_word().fullmatch(word) is not None


def without_instrument_code(text: str, ent: Entity) -> Entity | None:
    """A mention without the wire service's instrument code it ends in ('Royal Dutch Shell RDSA.L' → 'Royal Dutch
    Shell', also where the mention stops inside the code: 'State Grid STGRD' of 'STGRD.UL'); None when the mention is
    only a code ('XOM.N', or the code's end 'UL' of 'STGRD.UL')."""
    dot = text[ent.start - 1 : ent.start] == "."
    before = _WORD_BEFORE.search(text, max(0, ent.start - 12), ent.start) if dot else None
    if before and instrument_code(before.group() + ent.text):
        return None
    rest = _NON_BLANK.match(text, ent.end)
    m = _instrument_code().search(ent.text + (rest.group() if rest else ""))
    if m is None:
        return ent
    head = ent.text[: m.start()].rstrip()
    return moved(ent, text, ent.start, ent.start + len(head)) if head else None


@lru_cache(maxsize=1)
def _money_nouns() -> frozenset[str]:
    return frozenset(read_toml("name_repairs.toml")["money_nouns"])


def without_event_noun(text: str, ent: Entity) -> Entity:
    """A MONEY mention without the event noun the head ran into it ('USD 375 million deal' → 'USD 375 million')."""
    if ent.label != "MONEY":
        return ent
    head, _, last = ent.text.rpartition(" ")
    if not head or last.lower() not in _money_nouns():
        return ent
    return moved(ent, text, ent.start, ent.start + len(head.rstrip()))


@lru_cache(maxsize=1)
def _currency_words() -> frozenset[str]:
    return frozenset(read_toml("name_repairs.toml")["currency_words"])


MAGNITUDES = vocabulary("magnitudes")
"""Words that end a number ('36 billion')."""
_NEXT_WORD = re.compile(r"[ -](?:(?:U\.S\.|US|[A-Z][a-z]+) )?([A-Za-z]+)\b")
"""The word right after a mention (a space or hyphen before it: '36 billion peso contract', '5bn-euro deal'), past
one word that says whose currency it is ('282 million U.S. dollars', '1 billion Bosnian marka')."""
_CURRENCY_PREFIX = re.compile(r"(?:(?<![A-Za-z])(?:US|U\.S\.|A|AU|C|NZ|HK|S|NT|R))?(?P<sign>\$?)$")
"""A dollar sign, and the letters run into it that say whose it is ('US$1.5 billion', 'C$53 million')."""


_LEADING_COUNT = re.compile(r"(?:up to |some |about )?[\d,.]+ ")
"""A count before a name in one QUANTITY mention ('500 GBU-39B', 'up to 24 Su-30MK2')."""


def counted_weapon(text: str, ent: Entity) -> list[Entity]:
    """A quantity that is a count and a weapon's designation ('500 GBU-39B' tagged QUANTITY): the count, and the
    designation a WEAPON mention of its own (a name of ``weapons.tsv`` from its first character)."""
    m = _LEADING_COUNT.match(ent.text) if ent.label == "QUANTITY" else None
    if m is None or (found := find_weapon(ent.text[m.end():])) is None or found.start != 0:
        return [ent]
    split = ent.start + m.end()
    return [moved(ent, text, ent.start, split - 1), moved(ent, text, split, ent.end, label="WEAPON")]


def as_sum(text: str, ent: Entity) -> Entity:
    """A quantity counted in a currency is a sum ('1.8 billion kroner' tagged QUANTITY → MONEY), and a sum whose
    currency word or the letters before its dollar sign the head left out takes them in ('[36 billion] peso' → '36
    billion peso', 'US[$1.5 billion]' → 'US$1.5 billion')."""
    if ent.label not in ("MONEY", "QUANTITY"):
        return ent
    words = _currency_words()
    pre = _CURRENCY_PREFIX.search(text[max(0, ent.start - 5) : ent.start])
    if ent.label == "MONEY" and pre and pre.group() and (ent.text[:1] == "$") != bool(pre.group("sign")):
        ent = moved(ent, text, ent.start - len(pre.group()), ent.end)
    nxt = _NEXT_WORD.match(text, ent.end)
    last = ent.text.rpartition(" ")[2].lower()
    if nxt and nxt.group(1).lower() in words and (last in MAGNITUDES or any(c.isdigit() for c in last)):
        ent = moved(ent, text, ent.start, nxt.end(1))
    if ent.label == "QUANTITY" and ent.text.rpartition(" ")[2].lower().rstrip(".,") in words:
        ent = ent.model_copy(update={"label": "MONEY"})
    return ent


def titles() -> tuple[str, ...]:
    """The titles of ``name_repairs.toml``, the longest first ('Foreign Minister', 'Minister', 'Mr.')."""
    return _rules()[0]


@lru_cache(maxsize=1)
def _title_before() -> re.Pattern[str]:
    words = "|".join(map(re.escape, titles()))
    return re.compile(rf"(?<![\w.])(?:{words}) $")


def titled_person(text: str, ent: Entity) -> Entity:
    """A place mention right after a person's title is that person: 'Secretary Austin', 'General Jordan' (the titles
    of ``name_repairs.toml``, with their capitals)."""
    if ent.label not in ("GPE", "LOC") or _title_before().search(text, max(0, ent.start - 30), ent.start) is None:
        return ent
    return ent.model_copy(update={"label": "PERSON"})


def title_words() -> frozenset[str]:
    """The last words of the titles, lower-cased without a full stop ('minister', 'mr', 'sheikh')."""
    return frozenset(t.split()[-1].lower().rstrip(".") for t in _rules()[0])


def _line_start(text: str, pos: int, reach: int = 80) -> bool:
    """Whether only blanks stand between the line's start and ``pos`` (looking back at most ``reach`` chars)."""
    before = text[max(0, pos - reach) : pos]
    cut = before.rfind("\n")
    return not before[cut + 1 :].strip() and (cut >= 0 or pos <= reach)


_TOKEN_START = re.compile(r"\S+$")
_TOKEN_END = re.compile(r"\S+")
_TOKEN_PUNCT = "()[]<>\"'.,;:“”‘’"
_LEADING_PUNCT = re.compile(r"[.,;:]\s+")
"""A stop, comma, colon or semicolon with blanks run into the name after it ('Mr. Xi' read as 'Mr' + '. Xi')."""
_WEB_ADDRESS = re.compile(r"https?://|www\.|\w\.[a-z]{2,6}/")
"""What makes a whitespace-free run a web address: a scheme, 'www.', or a domain ending before a path."""


def web_fragment(text: str, ent: Entity) -> bool:
    """Whether a mention is a social-media handle ('@pmharper') or a piece of a web address it does not fill
    ('pic.twitter.com/HoMyB1hDdI', 'https://www.example.org/news/...'); a whole address named as an outlet
    ('www.mid.ru') is none, nor is a name in 'Israel/Palestine'. Looks at most 200 characters either side."""
    if text[ent.start - 1 : ent.start] == "@":
        return True
    before = _TOKEN_START.search(text, max(0, ent.start - 200), ent.start)
    after = _TOKEN_END.match(text, ent.end, ent.end + 200)
    token = text[before.start() if before else ent.start : after.end() if after else ent.end]
    return token.strip(_TOKEN_PUNCT) != ent.text and _WEB_ADDRESS.search(token) is not None


@lru_cache(maxsize=1)
def _firm_suffix() -> tuple[re.Pattern[str], frozenset[str]]:
    spec = read_toml("name_repairs.toml")
    words = "|".join(re.escape(w) for w in sorted(spec["firm_suffixes"], key=len, reverse=True))
    return re.compile(rf" (?:{words})(?![\w.])| (?:{words})(?=\.)"), frozenset(spec["abbreviated_suffixes"])


@lru_cache(maxsize=1)
def _legal_form_end() -> re.Pattern[str]:
    suffixes = read_toml("name_repairs.toml")["firm_suffixes"]
    words = "|".join(re.escape(w) for w in sorted(suffixes, key=len, reverse=True))
    return re.compile(rf"\s+(?:{words})$")


def legal_form(name: str) -> re.Match[str] | None:
    """The legal-form word that ends a firm's name, with the space before it ('Saab AB': ' AB'), or None."""
    return _legal_form_end().search(name)


_SENTENCE_GOES_ON = re.compile(r"\.(?=[ \t]*[,;:)’'”]|[ \t]+[a-z0-9(“‘\"'])")
"""A full stop after an abbreviation that does not end the sentence ('Inpex Corp. has …', 'Acme Inc., a …')."""


def with_firm_suffix(text: str, ent: Entity) -> Entity:
    """An ORG mention with the legal-form word the head left after it ('[Royal Dutch Shell] plc' → 'Royal Dutch
    Shell plc') and the full stop of an abbreviated form that does not end the sentence ('[Inpex Corp]. has')."""
    if ent.label != "ORG":
        return ent
    suffix, abbreviated = _firm_suffix()
    m = suffix.match(text, ent.end)
    end = m.end() if m else ent.end
    last = text[ent.start : end].rsplit(None, 1)[-1]
    if last in abbreviated and _SENTENCE_GOES_ON.match(text, end):
        end += 1
    return ent if end == ent.end else moved(ent, text, ent.start, end)


def with_country_in_name(text: str, ents: list[Entity]) -> list[Entity]:
    """A firm's name with its country in parentheses before its legal form, which the head cuts in three ('[GAIL]
    ([India]) [Ltd]' → 'GAIL (India) Ltd'): one ORG mention."""
    suffix, _ = _firm_suffix()
    out: list[Entity] = []
    i = 0
    while i < len(ents):
        e = ents[i]
        state = ents[i + 1] if i + 1 < len(ents) else None
        m = suffix.match(text, state.end + 1) if state is not None and text[state.end : state.end + 1] == ")" else None
        if e.label == "ORG" and state is not None and state.label == "GPE" and m is not None and (
            text[e.end : state.start] == " ("
        ):
            out.append(moved(e, text, e.start, m.end()))
            i += 2
            while i < len(ents) and ents[i].start < m.end():  # the legal form, if the head tagged it
                i += 1
            continue
        out.append(e)
        i += 1
    return out


@lru_cache(maxsize=1)
def _weapon_misreads() -> tuple[re.Pattern[str], re.Pattern[str]]:
    spec = read_toml("name_repairs.toml")
    units = "|".join(re.escape(w) for w in spec["energy_units"])
    people = "|".join(re.escape(w) for w in sorted(spec["person_words"], key=len, reverse=True))
    return re.compile(rf"(?P<number>\d[\d.,]*\s*)?(?:{units})"), re.compile(rf"(?i)(?<![\w.])(?:{people})\s+$")


def weapon_misread(text: str, ent: Entity) -> Entity | None:
    """A WEAPON mention that names no weapon repaired: an energy unit ('75MW': a QUANTITY; 'MW' alone: None; 'GW
    wind farm': the ENERGY_ASSET after it) or a name after a person's title ('Energy Minister Bayraktar': a PERSON)."""
    if ent.label != "WEAPON":
        return ent
    unit, person = _weapon_misreads()
    if m := unit.fullmatch(ent.text):
        return ent.model_copy(update={"label": "QUANTITY"}) if m.group("number") else None
    if (m := unit.match(ent.text)) and (rest := re.match(r"\s+(?=\w)", ent.text[m.end() :])):
        return moved(ent, text, ent.start + m.end() + rest.end(), ent.end, label="ENERGY_ASSET")
    if person.search(text, max(0, ent.start - 40), ent.start):
        return ent.model_copy(update={"label": "PERSON"})
    return ent


def _lines(text: str, ent: Entity) -> list[Entity]:
    """A mention that runs over a line break ('Rafale\\n\\nSaint-Cloud'): one mention per line, same label."""
    if "\n" not in ent.text:
        return [ent]
    lines = re.finditer(r"\S(?:[^\n]*\S)?", ent.text)
    return [moved(ent, text, ent.start + m.start(), ent.start + m.end()) for m in lines
            if any(c.isalnum() for c in m.group())]


_TRAILING_LINK = re.compile(r"(?:\s+(?:of|and|for|the|[-–—]+))+$")
"""Words no name ends with, which the head sometimes runs a name into ('Aurora Dynamics Corporation of' before
'the US'), and a dash set off by a blank ('Kosovo -' before 'while …', 'Timor-Leste --')."""
_LEADING_DASH = re.compile(r"^[-–—]+\s+")
"""A dash set off by a blank that opens a mention: a dateline's, left on the name after it ('TASHKENT - Rosatom')."""


_GENERATION = re.compile(r"\s(?:Jr|Sr)$")
"""An abbreviated generation suffix that ends a person's name without its full stop ('Ferdinand Marcos Jr')."""
_TRAILING_DAY = re.compile(r"\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$")
"""A day name the head runs a place or name into ('arrived in Saudi Arabia Wednesday')."""


def without_dangling_links(text: str, ent: Entity) -> Entity:
    """``ent`` without a trailing 'of', 'and', 'for', 'the' or dash (:data:`_TRAILING_LINK`), and without a leading
    dash (:data:`_LEADING_DASH`)."""
    if (lead := _LEADING_DASH.match(ent.text)) and lead.end() < len(ent.text):
        ent = moved(ent, text, ent.start + lead.end(), ent.end)
    m = _TRAILING_LINK.search(ent.text)
    return moved(ent, text, ent.start, ent.start + m.start()) if m and m.start() > 0 else ent


_ARTICLE_NAME = re.compile(rf" {ARTICLE}[A-Z][\w'’-]*")
"""A family name with the Arabic article in lower case, which the head leaves out of the name before it."""


def repair_names(text: str, ents: list[Entity]) -> list[Entity]:
    """The entities split at line breaks, with a dateline place split off the name after it ('LAGOS - ExxonMobil' →
    LAGOS, ExxonMobil; 'HONG KONG State Grid' with no dash, :func:`bare_dateline`), a leading title dropped from a
    PERSON ('Mr. Abdelmadjid Tebboune' → 'Abdelmadjid Tebboune') and the full stop of 'Jr.' or 'Sr.' taken in, a word
    of address dropped from a firm ('M/s DAMEN' → 'DAMEN'), a trailing day name split off as a date ('Saudi Arabia
    Wednesday'), leading punctuation, a leading time adverb and a trailing 'of' or 'and' dropped ('. Xi' → 'Xi',
    'Today Ireland' → 'Ireland'), the mentions that are never names dropped (a time adverb alone among them):
    wire-copy markers ('RPT'), abbreviated titles ('MoS', 'H.E.'), titles taken for organisations
    (:func:`office_title`), pieces of web addresses (:func:`web_fragment`), stock-exchange listings
    (:func:`exchange_code`) and instrument codes (:func:`without_instrument_code`, also cut off a name's end), an
    event noun cut off a sum (:func:`without_event_noun`), a quantity of a currency made a sum (:func:`as_sum`), and
    a firm's legal form taken in (:func:`with_firm_suffix`), with a country in parentheses before it
    (:func:`with_country_in_name`), an acronym run into its name split off (:func:`without_own_acronym`), a
    participle joined to a name cut off it (:func:`without_hyphen_participle`), and two states joined in one place
    mention split (:func:`~eventex.ner.state_names.state_pair`)."""
    titles, people, never = _rules()
    out: list[Entity] = []
    grown: list[Entity] = []
    for e in (part for whole in ents for part in _lines(text, whole)):
        if e.text in never or office_title(e) or web_fragment(text, e) or exchange_code(text, e):
            continue
        if (e := without_instrument_code(text, e)) is None:
            continue
        lead = _LEADING_PUNCT.match(e.text)
        if lead and lead.end() < len(e.text):
            e = moved(e, text, e.start + lead.end(), e.end)
        e = without_time_word(text, without_dangling_links(text, e))
        day = _TRAILING_DAY.search(e.text) if e.label != "DATE" else None
        if day and day.start() > 0:  # 'Saudi Arabia Wednesday': the place, and the day as a date of its own
            out.append(moved(e, text, e.start + day.start(1), e.end, label="DATE", id=None, canonical=None,
                              affiliation=None))
            e = moved(e, text, e.start, e.start + day.start())
        if e.label != "DATE" and e.text in _time_words():
            continue  # 'Today, Ireland, Norway and Spain …': a time adverb alone names no one
        m = (dateline().match(e.text) or bare_dateline(e.text)) if _line_start(text, e.start) else None
        if m and m.end() < len(e.text):
            out.append(moved(e, text, e.start, e.start + m.end("place"), label="GPE"))
            e = moved(e, text, e.start + m.end(), e.end)
        if e.label == "PERSON" and fold(e.text) not in people:
            title = next((t for t in titles if e.text.startswith(f"{t} ") and e.text[len(t) + 1 :][:1].isupper()), None)
            if title:
                e = moved(e, text, e.start + len(title) + 1, e.end)
        prefix = next((p for p in _firm_prefixes() if e.label == "ORG" and e.text.startswith(f"{p} ")), None)
        if prefix:  # 'M/s DAMEN' → 'DAMEN'
            e = moved(e, text, e.start + len(prefix) + 1, e.end)
        if e.label == "PERSON" and _GENERATION.search(e.text) and text[e.end : e.end + 1] == ".":
            e = moved(e, text, e.start, e.end + 1)  # 'Ferdinand Marcos Jr.': the abbreviation's full stop
        if e.label == "PERSON" and (article := _ARTICLE_NAME.match(text, e.end)):
            e = moved(e, text, e.start, article.end())  # 'Sadun Farhan [al-Dulaymi]': the family name with its article
            grown.append(e)
        parts = (p for whole in without_hyphen_participle(text, e) for pair in counted_weapon(text, whole)
                 for split in state_pair(text, pair) for p in demonym_weapon(text, split))
        for part in parts:
            part = without_event_noun(text, part)
            whole = with_firm_suffix(text, with_state_name_head(text, as_sum(text, part)))
            if (whole.start, whole.end) != (part.start, part.end):
                grown.append(whole)
            out.extend(without_own_acronym(text, whole))
    return with_country_in_name(text, _without_covered(out, grown))


def _without_covered(ents: list[Entity], grown: list[Entity]) -> list[Entity]:
    """``ents`` less the mentions inside a name that grew over them ('Babcock Hitachi [K.K]', where the head tagged
    the legal form a place; "[People’s] Republic of China")."""
    if not grown:
        return ents
    order = sorted(range(len(ents)), key=lambda k: ents[k].start)
    starts = [ents[k].start for k in order]
    inside: set[int] = set()
    for g in grown:
        for k in order[bisect.bisect_left(starts, g.start) : bisect.bisect_left(starts, g.end)]:
            if ents[k].end <= g.end and ents[k].end - ents[k].start < g.end - g.start:
                inside.add(k)
    return [e for k, e in enumerate(ents) if k not in inside]


@lru_cache(maxsize=1)
def _hyphen_participle() -> re.Pattern[str]:
    words = "|".join(read_toml("name_repairs.toml")["hyphen_participles"])
    return re.compile(rf"(?<=\w)-(?:{words})\b ?")


def without_hyphen_participle(text: str, ent: Entity) -> list[Entity]:
    """An organisation's name joined to a participle by a hyphen, cut off the participle: 'TotalEnergies-led' →
    'TotalEnergies'; a mention running on after it is split in two: 'Chevron-led Wheatstone LNG project' →
    'Chevron' (an ORG, unless the mention is another name label's) and 'Wheatstone LNG project'."""
    m = _hyphen_participle().search(ent.text)
    if m is None or not ent.text[0].isupper() or fold(ent.text[: m.start()]) in state_names():
        return [ent]  # ('US-led', 'Russian-built' name their state whole: the parse hangs the name on the participle)
    rest = m.end() < len(ent.text)
    name = moved(ent, text, ent.start, ent.start + m.start())
    if ent.label in ("GPE", "NORP") or (rest and ent.label in ("WEAPON", "ENERGY_ASSET", "MONEY", "QUANTITY", "DATE")):
        name = name.model_copy(update={"label": "ORG"})  # ('Petronas-led' taken for a people)
    return [name, moved(ent, text, ent.start + m.end(), ent.end)] if rest else [name]


_LAST_WORD_ACRONYM = re.compile(r" ([A-Z]{2,6})$")
"""An acronym as a mention's last word: ' CNOOC'."""


def without_own_acronym(text: str, ent: Entity) -> list[Entity]:
    """An organisation run into its own acronym where the text lost the parentheses ('China National Offshore Oil
    Corporation CNOOC', 'the Libyan National Oil Company NOC'): the name and the acronym, two mentions; the
    acronym spells the initials of the name's last words."""
    m = _LAST_WORD_ACRONYM.search(ent.text)
    if ent.label != "ORG" or m is None or not initials(ent.text[: m.start()]).endswith(m.group(1)):
        return [ent]
    return [moved(ent, text, ent.start, ent.start + m.start()), moved(ent, text, ent.start + m.start(1), ent.end)]


def initials(name: str) -> str:
    """The initials of a name's capitalised words ('Department of National Defense' → 'DND'); '' for one word."""
    caps = [w[0] for w in name.split() if w[0].isupper()]
    return "".join(caps) if len(caps) > 1 else ""

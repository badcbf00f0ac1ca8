"""Span completion: domain words the head left just outside a WEAPON or ENERGY_ASSET mention.

The corpus guidelines put an asset's type words inside its mention ("[oil exploration blocks]", "[Bayraktar TB2
drone]"); the head often tags only the noun or only the name. The words come from ``entity_patterns.toml``
(each label's ``modifiers`` on the left of a type noun, ``modifiers`` then one of ``heads`` on the right), so the
rules stay data.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache, partial

from eventex.ner.later_mentions import repair_acronyms, repair_surnames
from eventex.ner.names import legal_form, repair_names, titled_person, weapon_misread
from eventex.ner.numbers import whole_numbers
from eventex.resources import read_toml, states
from eventex.resources.facts import energy_asset_index, find_energy_asset, find_weapon, firm_index, weapon_index
from eventex.schema import Entity

_WORD = re.compile(r"[A-Za-z][\w-]*")
_LAST_WORD = re.compile(r"[A-Za-z][\w-]*$")
_MAX_WORD = 40  # longest modifier word looked for on the left
_NAMES_BEFORE = re.compile(r"(?:[A-Z0-9][\w-]* ){1,3}$")
"""Up to three capitalised or numbered words right before a mention ('36 K9 ' before 'howitzers')."""
_FINDS = {"WEAPON": find_weapon, "ENERGY_ASSET": find_energy_asset}
_NAME_LABELS = frozenset({"ORG", "NORP", "PERSON", "MISC", "GPE", "LOC"})
"""Labels the head gives weapon and asset names it does not know ('Rafale' as an ORG)."""


@dataclass(frozen=True)
class _Lexicon:
    modifiers: frozenset[str]
    heads: frozenset[str]
    standalone: re.Pattern[str] | None
    """A lower-case head noun that names the class alone ('munitions', 'warships'), singular or plural, where the
    label's ``backfill`` asks for mentions the head missed."""
    classes: frozenset[str] = frozenset()
    """The label's ``standalone`` class nouns ('submarine', 'refinery'), whether or not it backfills them."""
    pairs: re.Pattern[str] | None = None
    """A sector word (or a run of them) right before a class noun ('an LNG project', 'natural-gas fields'), where
    the label's ``backfill_pairs`` asks for such mentions the head missed."""
    products: frozenset[str] = frozenset()
    """Words of what a plant makes that is not of the label's domain ('Aircraft Plant': an organisation)."""


class SpanCompleter:
    """Extends WEAPON / ENERGY_ASSET spans over adjacent modifier words or a table name (left) and modifiers + a head
    (right)."""

    def __init__(self) -> None:
        patterns = read_toml("entity_patterns.toml")
        self.lexicons = {
            label: _Lexicon(
                frozenset(spec["modifiers"]),
                frozenset([*spec["heads"], *map(str.lower, spec.get("abbreviations", []))]),
                _word_pattern(spec["standalone"]) if spec.get("backfill") else None,
                frozenset(spec["standalone"]),
                _pair_pattern(spec["backfill_pairs"]) if spec.get("backfill_pairs") else None,
                frozenset(spec.get("products", [])),
            )
            for label, spec in patterns.items()
        }
        assets = patterns["ENERGY_ASSET"]
        self.asset_codes = _code_pattern(assets["codes"]["words"], assets["codes"]["prefixes"])
        named = "|".join(map(re.escape, assets["abbreviations"]))
        alone = "|".join(map(re.escape, assets["standalone_abbreviations"]))
        self.abbreviated = re.compile(rf"(?:\S\s(?:{named})|^(?:{alone}))(?:s|-\d+)?$")

    def __call__(self, text: str, ents: list[Entity]) -> list[Entity]:
        """The entities with completed spans (after :func:`~eventex.ner.numbers.whole_numbers` and
        :func:`~eventex.ner.names.repair_names`, after
        :func:`named_outside` added the names the head missed, :func:`~eventex.ner.names.weapon_misread` repaired
        the weapons that name none, :func:`~eventex.ner.later_mentions.repair_surnames` gave
        back the people a weapon's name stood for and :func:`~eventex.ner.later_mentions.repair_acronyms` marked an
        organisation's acronym); an entity lying wholly inside an extension is absorbed.

        One pass over the entities in text order, looking only at each one's neighbours (linear in the text).
        """
        ents = possessive_state_names(text, repair_names(text, whole_numbers(text, ents)))
        labelled = [*(firm_by_legal_form(self.relabel_class(relabel_named(self.relabel_abbreviated(
            titled_person(text, e))))) for e in ents),
                    *named_outside(text, ents)]
        labelled = coded_assets(text, labelled, self.asset_codes)
        todo = sorted((e for e in map(partial(weapon_misread, text), labelled) if e is not None), key=lambda e: e.start)
        todo = sorted([*todo, *self.heads_outside(text, todo)], key=lambda e: e.start)
        todo = repair_acronyms(text, repair_surnames(text, todo), NAMED_CONFIDENCE)
        out: list[Entity] = []
        i = 0
        while i < len(todo):
            e = todo[i]
            i += 1
            lex = self.lexicons.get(e.label)
            if lex is None:
                out.append(e)
                continue
            floor = out[-1].end if out else 0
            start = self._left(text, e.start, lex, floor)
            if start == e.start:
                start = _named_left(text, e, floor)
            end = self._right(text, e.end, lex, todo, i)
            while i < len(todo) and todo[i].end <= end:  # absorbed by the extension
                i += 1
            out.append(e if (start, end) == (e.start, e.end) else
                       e.model_copy(update={"start": start, "end": end, "text": text[start:end]}))
        return [e for e in out if not self.sector_only(e)]

    def sector_only(self, ent: Entity) -> bool:
        """Whether an ENERGY_ASSET mention is made of sector words alone ('tons of [LNG]', '[natural gas]'): a
        commodity, no asset."""
        if ent.label != "ENERGY_ASSET":
            return False
        words = _WORD.findall(ent.text)
        return bool(words) and len(words) == len(ent.text.split()) and all(
            w.lower() in self.lexicons["ENERGY_ASSET"].modifiers for w in words)

    def relabel_abbreviated(self, ent: Entity) -> Entity:
        """A name mention ending in an abbreviated plant noun ('Namakhvani HPP', 'Kambarata HPP-2' tagged an
        organisation), or one of the unambiguous ones alone ('NPPs'), is an ENERGY_ASSET."""
        if ent.label in _NAME_LABELS and self.abbreviated.search(ent.text):
            return ent.model_copy(update={"label": "ENERGY_ASSET"})
        return ent

    def relabel_class(self, ent: Entity) -> Entity:
        """A WEAPON or ENERGY_ASSET mention whose last word is a class noun of the other domain only ('the
        submarine' tagged ENERGY_ASSET, 'the refinery' tagged WEAPON) takes the other domain's label; one whose head
        follows a word of another product ('the Komsomolsk-on-Amur Aircraft Plant') is an organisation."""
        other = {"WEAPON": "ENERGY_ASSET", "ENERGY_ASSET": "WEAPON"}.get(ent.label)
        m = _LAST_WORD.search(ent.text)
        if other is None or m is None:
            return ent
        word = m.group().lower()
        forms = {word, word.removesuffix("s"), word.removesuffix("es"), word.removesuffix("ies") + "y"}
        own, theirs = self.lexicons[ent.label], self.lexicons[other]
        before = ent.text[: m.start()].split()
        if before and before[-1].lower() in own.products and forms & own.heads:
            return ent.model_copy(update={"label": "ORG"})
        if forms & theirs.classes and not forms & (own.heads | own.classes):
            return ent.model_copy(update={"label": other})
        return ent

    def heads_outside(self, text: str, ents: list[Entity]) -> list[Entity]:
        """Mentions for the lower-case head nouns that name a weapon or asset class alone ('precision-guided
        munitions', 'two warships') where the head saw no entity (``ents`` in text order; linear in the text);
        :meth:`_left` then grows them over their modifiers."""
        found = sorted(
            (m.start(), m.end(), label, pattern is lex.pairs)
            for label, lex in self.lexicons.items()
            for pattern in (lex.standalone, lex.pairs) if pattern is not None
            for m in pattern.finditer(text)
        )
        out: list[Entity] = []
        k = 0
        for start, end, label, pair in found:
            while k < len(ents) and ents[k].end <= start:
                k += 1
            if pair and k and ents[k - 1].label == label and _TYPE_GAP.fullmatch(text, ents[k - 1].end, start):
                continue  # 'the Junin-6 heavy oil field': the type words of the name before, no second mention
            if k == len(ents) or ents[k].start >= end:
                out.append(Entity(text=text[start:end], start=start, end=end, label=label, confidence=NAMED_CONFIDENCE))
        return out

    @staticmethod
    def _left(text: str, start: int, lex: _Lexicon, floor: int) -> int:
        """Start of the span grown over free modifier words on the left (never before ``floor``)."""
        if not text[start].islower():
            return start  # modifiers attach to a type noun ("small arms"), not to a name ("a heavy Mi-26")
        while start >= 2 and text[start - 1] == " ":
            m = _LAST_WORD.search(text, max(0, start - 1 - _MAX_WORD), start - 1)
            if not m or m.start() < floor or m.group().lower() not in lex.modifiers:
                break
            start = m.start()
        return start

    @staticmethod
    def _right(text: str, end: int, lex: _Lexicon, ents: list[Entity], nxt: int) -> int:
        """End of the span grown over modifiers and a head on the right, absorbing only whole entities
        (``ents[nxt:]`` are the entities after this one, in text order)."""
        pos, words = end, []
        while pos < len(text) and text[pos] == " ":
            m = _WORD.match(text, pos + 1)
            if not m:
                break
            words.append((m.group().lower(), m.end()))
            pos = m.end()
            if m.group().lower() not in lex.modifiers:
                break
        for k in range(len(words) - 1, -1, -1):
            word, stop = words[k]
            is_head = word in lex.heads or word[:-1] in lex.heads  # plural heads too
            j = nxt
            while j < len(ents) and ents[j].end <= stop:
                j += 1
            crossed = j < len(ents) and ents[j].start < stop
            if is_head and all(w in lex.modifiers for w, _ in words[:k]) and not crossed:
                return stop
        return end


@cache
def _possessive_state_names() -> re.Pattern[str]:
    """The names of ``states.tsv`` with a possessive in them ('Democratic People's Republic of Korea')."""
    names = {n for st in states() for n in (st.canonical, *st.aliases) if "'s " in n}
    alternatives = "|".join(sorted((re.escape(n).replace("'", "['’]") for n in names), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


def possessive_state_names(text: str, ents: list[Entity]) -> list[Entity]:
    """``ents`` with one GPE mention for each state name with a possessive that the head cut at its "'s"
    ('[Democratic People]'s [Republic of Korea] (DPRK)'), in place of the pieces (linear in the text)."""
    ents = sorted(ents, key=lambda e: e.start)
    starts = [e.start for e in ents]
    drop: set[int] = set()
    added: list[Entity] = []
    for m in _possessive_state_names().finditer(text):
        lo, hi = bisect.bisect_left(starts, m.start()), bisect.bisect_left(starts, m.end())
        inside = range(lo, hi)
        if len(inside) < 2 or (lo and ents[lo - 1].end > m.start()) or any(ents[k].end > m.end() for k in inside):
            continue
        drop.update(inside)
        added.append(Entity(text=m.group(), start=m.start(), end=m.end(), label="GPE",
                            confidence=max(ents[k].confidence for k in inside)))
    if not added:
        return ents
    return sorted([*(e for k, e in enumerate(ents) if k not in drop), *added], key=lambda e: e.start)


def _word_pattern(words: list[str]) -> re.Pattern[str]:
    """A pattern for the lower-case words, singular or plural, as whole words."""
    alternatives = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?:e?s)?(?![\w-])")


MAX_SECTOR_WORDS = 4
"""Most sector words before a class noun in a backfilled pair ('natural gas liquefaction plant'); a bound keeps each
match attempt short, so a long run of sector words with no class noun costs linear time."""


def _pair_pattern(spec: dict[str, list[str]]) -> re.Pattern[str]:
    """A pattern for one to :data:`MAX_SECTOR_WORDS` of ``spec["modifiers"]`` (any case, joined by a space or a
    hyphen) right before a lower-case noun of ``spec["heads"]``, singular or plural, as whole words."""
    mods = "|".join(sorted(map(re.escape, spec["modifiers"]), key=len, reverse=True))
    heads = "|".join(sorted(map(re.escape, spec["heads"]), key=len, reverse=True))
    more = MAX_SECTOR_WORDS - 1
    return re.compile(rf"(?<![\w-])(?i:{mods})(?:[ -](?i:{mods})){{0,{more}}}[ -](?:{heads})(?:e?s)?(?![\w-])")


_TYPE_GAP = re.compile(r"(?: +[\w-]+){0,2} +")
"""What may stand between a name and the type words of its phrase: up to two words ('Junin-6 heavy oil field')."""

NAMED_CONFIDENCE = 0.5
"""Confidence of a mention found only in a fact table (the head saw no entity there)."""


def _named_left(text: str, ent: Entity, floor: int) -> int:
    """Start of a class-noun mention grown over the known name the head left before it ('36 K9 [howitzers]' ->
    'K9 howitzers', where weapons.tsv names 'K9' before a type word); never before ``floor``."""
    find = _FINDS.get(ent.label)
    if find is None or not text[ent.start].islower():
        return ent.start
    m = _NAMES_BEFORE.search(text, max(floor, ent.start - 4 * _MAX_WORD), ent.start)
    if m is None:
        return ent.start
    start = m.start()
    for word in m.group().split(" ")[:-1]:  # the longest run of words first
        found = find(text[start : ent.end])
        if found is not None and found.start == 0 and start + found.end == ent.start - 1:
            return start
        start += len(word) + 1
    return ent.start


def named_outside(text: str, ents: list[Entity]) -> list[Entity]:
    """WEAPON / ENERGY_ASSET / ORG mentions for the capitalised names of ``weapons.tsv`` / ``energy_assets.tsv`` /
    ``firms.tsv`` that may stand anywhere ('its first Rafale', 'the United Arab Emirates' Masdar'; an all-capitals
    firm only in capitals) and that no entity of the head overlaps (linear in the text)."""
    found = sorted(
        (m.start, m.end, label)
        for label, index in (("WEAPON", weapon_index()), ("ENERGY_ASSET", energy_asset_index()), ("ORG", firm_index()))
        for m in index.names_in(text)
        if label != "ORG" or not m.row[0].isupper() or text[m.start : m.end].isupper()
    )
    taken = sorted((e.start, e.end) for e in ents)
    out: list[Entity] = []
    k, last_end = 0, 0
    for start, end, label in found:
        while k < len(taken) and taken[k][1] <= start:
            k += 1
        if start >= last_end and (k == len(taken) or taken[k][0] >= end):
            out.append(Entity(text=text[start:end], start=start, end=end, label=label, confidence=NAMED_CONFIDENCE))
            last_end = end
    return out


_CODE = r"(?:[A-Z]{1,4}-?)?\d+[A-Za-z]?(?:/\d+)?(?:\([a-z]\))?"
"""A licence area's code: '7', 'EG-18', '2714A', '15/06', 'S4', '25(a)'."""
_PUNCT = ".,;:"
_DIGIT_WORD = re.compile(r"[\w-]*\d[\w-]* $")
"""A word with a digit right before a code word ('F-16 Block 70': a weapon's production block)."""


def _code_pattern(words: list[str], prefixes: list[str]) -> re.Pattern[str]:
    """A code word and one code or a list of them ('Blocks 4 and 9', 'Blocks 1, 1A, 2 and 3A'), after an optional
    prefix ('Offshore Block 7'); a capital letter alone as the code only after 'Block' ('Block G')."""
    alternatives = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    pre = "|".join(map(re.escape, prefixes))
    more = rf"(?:(?:,? and |, | & ){_CODE})"
    return re.compile(
        rf"(?<![\w-])(?:(?:{pre}) )?(?:{alternatives}) (?P<codes>{_CODE}{more}*|(?<=Block )[A-Z])(?![\w-])"
    )


def coded_assets(text: str, ents: list[Entity], pattern: re.Pattern[str]) -> list[Entity]:
    """``ents`` with an ENERGY_ASSET mention for each licence area named by a code ('Block 7', 'PEL 44', 'Blocks 4
    and 9'), in place of the mentions the head gave its words ('PEL 44' as an organisation, 'Block 15/06' as a
    date, '[Blocks] EG-18' as a weapon), grown back over an asset mention that ends in its code word ('offshore
    Blocks' + 'EG-18'); none where a weapon mention overlaps its code word, another mention runs on past it ('Block
    245-South gas field'), or a word with a digit comes right before it ('F-16 Block 70'). Linear in the text."""
    order = sorted(ents, key=lambda e: e.start)
    starts = [e.start for e in order]
    drop: set[int] = set()
    added: list[Entity] = []
    for m in pattern.finditer(text):
        if _DIGIT_WORD.search(text, max(0, m.start() - 20), m.start()):
            continue
        lo = bisect.bisect_left(starts, m.start())
        while lo and order[lo - 1].end > m.start():
            lo -= 1
        hit = range(lo, bisect.bisect_left(starts, m.end()))
        start = min((order[k].start for k in hit if order[k].label == "ENERGY_ASSET"), default=m.start())
        if any((order[k].label == "WEAPON" and order[k].start < m.start("codes")) or order[k].start < start
               or text[m.end() : order[k].end].strip(_PUNCT) for k in hit):
            continue
        drop.update(hit)
        added.append(Entity(text=text[start : m.end()], start=start, end=m.end(), label="ENERGY_ASSET",
                            confidence=NAMED_CONFIDENCE))
    return [*(e for k, e in enumerate(order) if k not in drop), *added] if added else ents


def firm_by_legal_form(ent: Entity) -> Entity:
    """A weapon, asset or place mention whose name ends in a firm's legal form ('Gulf Energy Development PCL' tagged
    ENERGY_ASSET) is an organisation."""
    if ent.label in ("WEAPON", "ENERGY_ASSET", "GPE", "LOC", "NORP") and legal_form(ent.text):
        return ent.model_copy(update={"label": "ORG"})
    return ent


def relabel_named(ent: Entity) -> Entity:
    """A name mention that ``weapons.tsv`` or ``energy_assets.tsv`` names as a whole ('Rafale', 'Leviathan') is a
    WEAPON or an ENERGY_ASSET, whatever name label the head gave it; a domain mention that starts with a name of the
    other domain's table only ('the Pantsir system' tagged ENERGY_ASSET) takes that domain's label."""
    if ent.label in _FINDS:
        other = "ENERGY_ASSET" if ent.label == "WEAPON" else "WEAPON"
        m = _FINDS[other](ent.text)
        if m is not None and m.start == 0 and _FINDS[ent.label](ent.text) is None:
            return ent.model_copy(update={"label": other})
        return ent
    if ent.label not in _NAME_LABELS:
        return ent
    for label, find in _FINDS.items():
        m = find(ent.text)
        if m is not None and m.start == 0 and VARIANT_TAIL.fullmatch(ent.text[m.end :]):
            return ent.model_copy(update={"label": label})
    return ent


VARIANT_TAIL = re.compile(r"(?:\s[A-Z]{1,2})?(?:e?s)?")
"""What may follow a table name in a mention that is that name as a whole: a variant letter and a plural
('Gripen Es', 'Rafales')."""

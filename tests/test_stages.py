"""The Stage protocol: every stage implements it, the Extractor checks the order, the timing wrapper."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable, Iterator

import pytest

from eventex.document import Document
from eventex.errors import EventexError, PipelineError
from eventex.linking import Linker
from eventex.pipeline import Extractor
from eventex.stages.base import Stage, TimedStage, check_order
from eventex.stages.entities import SpacyEntities
from eventex.stages.normalize import Normaliser
from eventex.stages.parse import ParseStage
from eventex.stages.resolve import Resolver


class Sleepy:
    """A stage that takes ``seconds`` per document and assigns ``assigns``."""

    requires: tuple[str, ...] = ()

    def __init__(self, name: str, seconds: float, assigns: tuple[str, ...] = ()) -> None:
        self.name, self.seconds, self.assigns = name, seconds, assigns

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        for d in docs:
            time.sleep(self.seconds)
            yield d


def test_the_shipped_stages_are_stages_in_a_valid_order(default_extractor):
    assert [s.name for s in default_extractor.stages] == ["parse", "entities", "resolve", "normalize", "link"]
    assert all(isinstance(s, Stage) for s in default_extractor.stages)
    assert all(isinstance(s, Stage) for s in (SpacyEntities(), Resolver(), Normaliser(), Linker()))


def test_an_order_where_a_stage_lacks_what_it_requires_is_an_error():
    with pytest.raises(PipelineError, match="'link' requires doc, which no earlier stage assigns"):
        Extractor([Sleepy("entities", 0, ("entities",)), Resolver(), Normaliser(), Linker()], model_name="x")
    with pytest.raises(PipelineError, match=r"'entities' requires doc\.ents, which"):
        check_order([ParseStage(), SpacyEntities()])  # spaCy's entities need the parse with its NER
    with pytest.raises(PipelineError, match="two stages are named 'resolve'"):
        check_order([Sleepy("x", 0, ("entities",)), Resolver(), Resolver()])
    with pytest.raises(EventexError, match="not a stage"):
        check_order([object()])  # type: ignore[list-item]


def test_timed_stages_count_their_own_time_only():
    seconds: dict[str, float] = {}
    stages = [TimedStage(Sleepy("slow", 0.02), seconds), TimedStage(Sleepy("fast", 0.0), seconds)]
    assert len(Extractor(stages, model_name="x").run([str(i) for i in range(5)])) == 5
    assert seconds["slow"] >= 0.1 and seconds["fast"] < 0.05


def test_a_stage_is_found_by_name(default_extractor):
    assert default_extractor.stage("entities") is default_extractor.entities
    with pytest.raises(PipelineError, match="no stage 'ner'"):
        default_extractor.stage("ner")


def test_the_parse_loads_only_what_it_uses_and_the_saved_tokenizer_is_the_built_one(default_extractor):
    """load_spacy skips the saved tokenizer (the config builds the same one, whose infixes it then changes) and the
    disabled senter."""
    import spacy
    from spacy.util import compile_infix_regex

    from eventex.stages.parse import SPACY_MODEL, prefix_hyphen_infixes

    nlp = default_extractor.stage("parse").nlp
    saved = spacy.load(SPACY_MODEL, exclude=["ner"])  # the tokenizer read from the package, as spaCy does
    # the vocab grows with use: compare the tokenizer's own rules (the infixes keep a word prefix's hyphen)
    assert nlp.tokenizer.to_bytes(exclude=["vocab", "infix_finditer"]) == saved.tokenizer.to_bytes(
        exclude=["vocab", "infix_finditer"])
    ours = compile_infix_regex(prefix_hyphen_infixes(saved.Defaults.infixes)).pattern
    assert nlp.tokenizer.infix_finditer.__self__.pattern == ours != saved.tokenizer.infix_finditer.__self__.pattern
    assert nlp.component_names == [n for n in saved.component_names if n != "senter"]
    assert "senter" in saved.disabled and not nlp.disabled


def test_the_parse_multiplies_with_numpy_on_one_blas_thread_and_parses_as_spacy_does(default_extractor):
    """spaCy's models use numpy's BLAS (not the bundled blis), limited to one thread during a parse and restored
    after it; the tags, heads and lemmas are spaCy's own."""
    import spacy
    from threadpoolctl import ThreadpoolController

    from eventex.stages.parse import SPACY_MODEL

    stage = default_extractor.stage("parse")
    tok2vec = stage.nlp.get_pipe("tok2vec").model
    assert {getattr(node.ops, "use_blis", None) for node in tok2vec.walk()} == {False}

    blas = ThreadpoolController()
    before = [lib["num_threads"] for lib in blas.info() if lib["user_api"] == "blas"]
    seen: list[list[int]] = []
    locked = stage._parse_locked

    def spy(batch):
        seen.append([lib["num_threads"] for lib in blas.info() if lib["user_api"] == "blas"])
        return locked(batch)

    text = "The Kenyan president met his Turkish counterpart in Ankara and signed a deal for drones on Monday."
    stage._parse_locked = spy
    try:
        stage(Document(text=text))
    finally:
        del stage._parse_locked
    assert seen == [[1] * len(before)] and before
    assert [lib["num_threads"] for lib in blas.info() if lib["user_api"] == "blas"] == before
    plain = spacy.load(SPACY_MODEL, exclude=["ner", "senter"])  # thinc's default ops: blis
    assert {getattr(node.ops, "use_blis", None) for node in plain.get_pipe("tok2vec").model.walk()} == {True}
    assert [(t.text, t.tag_, t.dep_, t.head.i, t.lemma_) for t in stage.nlp(text)] == [
        (t.text, t.tag_, t.dep_, t.head.i, t.lemma_) for t in plain(text)]


class Meeting(Sleepy):
    """A stage that waits, for each batch, until every stage sharing its barrier has started on it."""

    def __init__(self, name: str, barrier: threading.Barrier, assigns: tuple[str, ...] = (),
                 requires: tuple[str, ...] = ()) -> None:
        super().__init__(name, 0.0, assigns)
        self.barrier, self.requires = barrier, requires

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        self.barrier.wait(timeout=10)  # BrokenBarrierError unless the other stage runs at the same time
        yield from docs


def test_stages_that_share_no_fields_run_at_the_same_time(default_extractor):
    assert [[s.name for s in w] for w in default_extractor.waves] == [
        ["parse", "entities"], ["resolve"], ["normalize"], ["link"]
    ]
    barrier = threading.Barrier(2)
    stages = [Meeting("a", barrier, ("doc",)), Meeting("b", barrier, ("entities",))]
    after = Sleepy("c", 0.0)
    after.requires = ("doc",)
    ex = Extractor([*stages, after], model_name="x")
    assert [len(w) for w in ex.waves] == [2, 1]
    assert [r.text for r in ex.run(["one", "two"])] == ["one", "two"]
    other = Sleepy("d", 0.0, ("times",))
    assert [len(w) for w in Extractor([*stages, other], model_name="x").waves] == [3]
    for requires, assigns in ((("entities",), ()), ((), ("entities.id",)), ((), ("doc",))):
        other.requires, other.assigns = requires, assigns
        assert [len(w) for w in Extractor([*stages, other], model_name="x").waves] == [2, 1]


def test_an_error_in_a_stage_that_runs_alongside_another_is_raised():
    class Broken(Sleepy):
        def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
            raise PipelineError("broken")
            yield from docs

    ex = Extractor([Sleepy("a", 0.0, ("doc",)), Broken("b", 0.0, ("entities",))], model_name="x")
    with pytest.raises(PipelineError, match="broken"):
        ex.run(["text"])


def test_a_stage_that_loses_documents_is_an_error_not_a_shorter_result():
    class Leaky(Sleepy):
        def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
            return map(lambda d: next(iter(())) if d.text == "1" else d, docs)  # StopIteration ends the map

    for stages in ([Leaky("a", 0.0, ("doc",))], [Leaky("a", 0.0, ("doc",)), Sleepy("b", 0.0, ("entities",))],
                   [Sleepy("b", 0.0, ("entities",)), Leaky("a", 0.0, ("doc",))]):
        with pytest.raises(PipelineError, match="stage 'a' returned 1 of 3 documents"):
            Extractor(stages, model_name="x").run(["0", "1", "2"])


class Ahead(Sleepy):
    """A stage that, in the first wave of every batch but the first (``first_wave``) or in a later wave of every
    batch but the last, waits until the other side meets it: they meet only if they run at the same time."""

    def __init__(self, name: str, barrier: threading.Barrier, first_wave: bool) -> None:
        super().__init__(name, 0.0, ("doc",) if first_wave else ())
        self.requires = () if first_wave else ("doc",)
        self.barrier, self.first_wave, self.batches = barrier, first_wave, 0

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        docs = list(docs)
        self.batches += 1
        if (self.batches > 1) if self.first_wave else docs[-1].text != "last":
            self.barrier.wait(timeout=10)  # BrokenBarrierError unless the other side runs at the same time
        yield from docs


def test_pipe_runs_the_first_wave_of_the_next_batch_while_later_waves_finish_this_one():
    barrier = threading.Barrier(2)
    ex = Extractor([Ahead("a", barrier, True), Ahead("b", barrier, False)], model_name="x")
    texts = ["0", "1", "2", "3", "last"]
    assert [r.text for r in ex.pipe(texts, batch_size=2)] == texts
    assert [s.batches for s in ex.stages] == [3, 3]


class Lane(Sleepy):
    """A first-wave stage that, on the batch starting with ``wait_at``, waits for ``event``, and sets it on the
    batch starting with ``set_at``."""

    def __init__(self, name: str, assigns: tuple[str, ...], event: threading.Event, wait_at: str, set_at: str):
        super().__init__(name, 0.0, assigns)
        self.event, self.wait_at, self.set_at = event, wait_at, set_at

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        docs = list(docs)
        if docs[0].text == self.wait_at and not self.event.wait(timeout=10):
            raise PipelineError("the other lane did not run ahead")
        if docs[0].text == self.set_at:
            self.event.set()
        yield from docs


def test_the_stages_of_the_first_wave_run_in_lanes_that_do_not_wait_for_each_other():
    started = threading.Event()  # the fast lane reaches the second batch while the slow one is on the first
    ex = Extractor([Lane("a", ("doc",), started, "0", ""), Lane("b", ("entities",), started, "", "2")],
                   model_name="x")
    assert [r.text for r in ex.pipe(["0", "1", "2", "3", "4"], batch_size=2)] == ["0", "1", "2", "3", "4"]


def test_pipe_raises_a_bad_input_after_the_results_of_the_batches_before_it():
    out = Extractor([Sleepy("a", 0.0, ("doc",))], model_name="x").pipe(["0", "1", 2], batch_size=2)
    assert [next(out).text, next(out).text] == ["0", "1"]
    with pytest.raises(EventexError, match="text must be str"):
        next(out)


def test_the_parser_starts_no_sentence_right_after_a_word(default_extractor):
    # a model designation after a number is no sentence end; a full stop and a line break still are
    text = "Egypt will receive up to 2,183 Lockheed Martin AGM-114R Hellfire missiles in a package. It paid.\nNext line"
    doc = Document(text=text)
    default_extractor.stage("parse")(doc)
    assert [s.text.strip() for s in doc.doc.sents] == [
        "Egypt will receive up to 2,183 Lockheed Martin AGM-114R Hellfire missiles in a package.", "It paid.",
        "Next line",
    ]


def test_a_name_coordinated_with_a_titled_name_heads_the_list(default_extractor):
    # the parser made 'Medvedev' a modifier of 'Sechin' and the title 'chief' a conjunct of 'Medvedev'
    doc = Document(text="The deal was signed by Dmitri Medvedev and Rosneft chief Igor Sechin.")
    default_extractor.stage("parse")(doc)
    rel = {t.text: (t.dep_, t.head.text) for t in doc.doc}
    assert rel["Medvedev"] == ("pobj", "by")
    assert rel["Sechin"] == ("conj", "Medvedev") and rel["chief"] == ("compound", "Sechin")

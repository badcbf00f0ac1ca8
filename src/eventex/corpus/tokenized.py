"""Gold entities on spaCy tokens: a ``DocBin`` for ``spacy train`` and CoNLL-style BIO lines."""

from __future__ import annotations

from collections.abc import Iterable

from eventex.corpus.gold import GoldDocument


def entity_docs(docs: Iterable[GoldDocument]) -> tuple[list, list[str]]:
    """spaCy ``Doc`` objects (blank English tokenizer) with the gold mentions as entities, and one line for each
    mention that could not be set: its span is not on token boundaries, or it overlaps a longer mention."""
    import spacy
    from spacy.util import filter_spans

    nlp = spacy.blank("en")
    out, left_out = [], []
    for gold in docs:
        doc = nlp.make_doc(gold.text)
        spans = []
        for m in gold.mentions:
            span = doc.char_span(m.start, m.end, label=m.label)
            if span is None:
                left_out.append(f"{gold.id}: {m.mid} {m.text!r} ({m.start}-{m.end}) is not on token boundaries")
            else:
                spans.append(span)
        kept = filter_spans(spans)
        for span in sorted(set(spans) - set(kept), key=lambda s: s.start_char):
            left_out.append(f"{gold.id}: {span.text!r} ({span.start_char}-{span.end_char}) overlaps a longer mention")
        doc.ents = kept
        out.append(doc)
    return out, left_out


def docbin_bytes(docs: Iterable[GoldDocument]) -> tuple[bytes, list[str]]:
    """The ``.spacy`` file of the documents' entities, and the mentions left out (see :func:`entity_docs`)."""
    from spacy.tokens import DocBin

    spacy_docs, left_out = entity_docs(docs)
    return DocBin(docs=spacy_docs).to_bytes(), left_out


def conll_text(docs: Iterable[GoldDocument]) -> tuple[str, list[str]]:
    """CoNLL-2003-style lines (``TOKEN -X- _ TAG``, BIO tags, a ``-DOCSTART-`` per document, a blank line per line
    break of the text), and the mentions left out (see :func:`entity_docs`)."""
    spacy_docs, left_out = entity_docs(docs)
    lines: list[str] = []
    for doc in spacy_docs:
        lines += ["-DOCSTART- -X- -X- O", ""]
        for token in doc:
            if token.is_space:
                if "\n" in token.text and lines[-1]:
                    lines.append("")
                continue
            tag = f"{token.ent_iob_}-{token.ent_type_}" if token.ent_type_ else "O"
            lines.append(f"{token.text} -X- _ {tag}")
        if lines[-1]:
            lines.append("")
    return "\n".join(lines) + "\n", left_out

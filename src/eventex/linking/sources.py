"""Attribution of a report: whether a trigger is stated on the word of an unnamed source ('sources said', 'according
to media', 'is said to'), a withheld confirmation or an appositive claim, which make it alleged, or of a named
official source, which does not (the ``[cues.alleged]`` lists of ``status.toml``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from spacy.tokens import Token


class Attribution:
    """The source-word lists of ``status.toml`` and the checks that read them."""

    def __init__(self, alleged: dict[str, Any]) -> None:
        self.unnamed_sources: set[str] = set(alleged.get("unnamed_sources", []))
        self.speech_verbs: set[str] = set(alleged.get("speech_verbs", []))
        self.anonymous: set[str] = set(alleged.get("anonymous", []))
        self.naming_verbs: set[str] = set(alleged.get("naming_verbs", []))
        self.confirming: set[str] = set(alleged.get("confirming", []))
        self.claims: set[str] = set(alleged.get("claims", []))
        self.named_reports: set[str] = set(alleged.get("named_reports", []))
        self.official_sources: set[str] = set(alleged.get("official_sources", []))
        self.relay_words: set[str] = set(alleged.get("relay_words", []))
        self.state_outlets: set[str] = set(alleged.get("state_outlets", []))

    def noncommittal(self, governing: list[Token]) -> set[Token]:
        """A confirmation withheld ('has not been confirmed', 'neither confirmed nor denied', 'would not confirm or
        deny'): the confirming verb, its negation and a coordinated denial, which make the report alleged rather
        than negated."""
        for tok in governing:
            first = tok.head if tok.dep_ == "conj" else tok
            pair = [first] + [c for c in first.children if c.dep_ == "conj"]
            if not any(t.lemma_.lower() in self.confirming for t in pair) or len(pair) > 2:
                continue
            negs = [c for c in first.children if c.dep_ in ("neg", "preconj") and c.lower_ in ("not", "n't", "neither")]
            if negs:
                return set(pair + negs)
        return set()

    def appositive_claim(self, trigger: Token) -> Token | None:
        """A claim set off by a comma after the trigger that sums up its clause ('X had offered to build a dam, a
        claim the ministry did not address'), wherever the parser attached it, but not one that sums up another
        coordinated clause ('Suva is interested in buying …, and officials claim that …, a claim …')."""
        above = {trigger.i} | {t.i for t in trigger.ancestors}
        for claim in trigger.sent:
            if claim.i <= trigger.i or claim.lemma_.lower() not in self.claims or claim.pos_ != "NOUN":
                continue
            start = min([claim.i] + [c.i for c in claim.lefts if c.dep_ in ("det", "amod", "compound", "nummod")])
            if start == 0 or claim.doc[start - 1].text != ",":
                continue
            t = claim
            while t.i not in above and t.head.i != t.i and not (t.dep_ == "conj" and t.pos_ in ("VERB", "AUX")):
                t = t.head
            if t.i in above:
                return claim
        return None

    def named_report(self, verb: Token) -> bool:
        """A reporting verb in the active voice whose subject is an official source ('the defence ministry has
        reported') or a named agency ('Reuters reported', 'the CTK reported'; not 'media reported', 'the daily
        Cumhuriyet reported', nor 'was reported to')."""
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb.pos_ == "VERB" else None
        if subj is None or self._anonymous(subj):
            return False
        if self._state_outlet(subj):
            return True
        words = {w for t in subj.subtree for w in (t.lower_, t.lemma_.lower())}
        if words & self.unnamed_sources:
            return False
        # a named agency's own report ('Reuters reported'), unless it relays an unnamed source ('citing a source')
        return bool(words & self.official_sources) or (subj.pos_ == "PROPN" and not any(
            self._anonymous(g) for cited in self._cited(verb) for g in cited))

    def relayed(self, report: Token) -> bool:
        """A report that names what it relays ('Agency A reports with reference to Agency B', 'reported, citing the
        foreign ministry', 'President X said …, Agency A reported'): a wire credit, no allegation, unless the source
        it cites goes unnamed."""
        return any(cited and not any(self._anonymous(g) for g in cited) for cited in self._cited(report))

    def _cited(self, report: Token) -> Iterator[list[Token]]:
        """The sources a report relays, per phrase that cites them."""
        for c in report.children:
            if c.dep_ == "ccomp" and c.lemma_.lower() in self.speech_verbs:  # 'X said …, Agency reported'
                yield [g for g in c.children if g.dep_ == "nsubj" and (g.pos_ == "PROPN" or g.lemma_.lower()
                                                                         in self.official_sources)]
            elif c.dep_ == "prep" and c.lower_ == "with":
                yield [g for r in c.children if r.lemma_.lower() in self.relay_words
                       for p in r.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
            elif c.dep_ in ("advcl", "xcomp", "acl") and c.lemma_.lower() in self.relay_words:
                yield [g for g in c.children if g.dep_ == "dobj"]

    def _state_outlet(self, source: Token) -> bool:
        """Whether a source word is a state outlet ('Chinese state media', 'the official news agency')."""
        return bool({source.lower_, source.lemma_.lower()} & self.unnamed_sources) and any(
            c.dep_ in ("amod", "compound") and c.lower_ in self.state_outlets for c in source.children
        )

    def _anonymous(self, source: Token) -> bool:
        """Whether a source goes unnamed: an unnamed source word ('sources', 'people familiar'), a modifier ('an
        unnamed official'), or a relative clause that withholds the name ('an official who asked not to be
        named')."""
        if self._state_outlet(source):
            return False
        if source.lemma_.lower() in self.unnamed_sources:
            return True
        if any(c.dep_ == "amod" and c.lower_ in self.anonymous for c in source.children):
            return True
        return any(t.dep_ == "relcl" and any(
            g.lemma_.lower() in self.naming_verbs and any(n.dep_ == "neg" for n in g.children) for g in t.subtree
        ) for t in source.children)

    def unnamed_source(self, trigger: Token, governing: list[Token]) -> str | None:
        """The unnamed source the trigger is attributed to ('sources said', 'according to media'), if any: a speech
        verb with such a subject, or 'according to' such a source, on the trigger's chain of heads or the sentence
        root and its clauses (words near the chain only: linear however long the sentence)."""
        root = trigger.sent.root
        near = {t.i: t for t in governing}
        near[root.i] = root
        clauses = [c for c in root.children if c.dep_ in ("ccomp", "parataxis", "advcl", "conj")]
        clauses += [g for c in clauses if c.dep_ == "conj" for g in c.children if g.dep_ == "conj"]
        near.update((c.i, c) for c in clauses)  # '…, and negotiations are still going on, according to …'
        near.update((c.i, c) for t in governing for c in t.children if c.dep_ == "acl")  # 'talks reported by …'
        for tok in near.values():
            if tok.pos_ == "VERB" and tok.lemma_.lower() in self.speech_verbs:
                subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
                subjects = [subj, *(c for c in subj.children if c.dep_ == "conj")] if subj is not None else []
                subjects += [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
                if any(self._anonymous(s) for s in subjects) or any(
                    t.lower_ in self.anonymous for c in tok.children if c.dep_ in ("advcl", "prep", "advmod")
                    for t in c.subtree
                ):  # 'two diplomats and a person familiar with the talks said', 'speaking on condition of anonymity'
                    return f"{subj.text if subj is not None else ''} {tok.text}".strip()
            for c in tok.children:
                if c.lower_ != "according":
                    continue
                obj = next((g for t in c.children if t.lower_ == "to" for g in t.children if g.dep_ == "pobj"), None)
                if obj is not None and (obj.lemma_.lower() == "report" or self._anonymous(obj)):
                    return f"according to {obj.text}"
        return None


def hearsay(verb: Token) -> bool:
    """A passive speech verb raising its subject, with no one named as the speaker ('is said to', 'was believed to
    have'): the report is left to unnamed sources."""
    children = {c.dep_ for c in verb.children}
    return "auxpass" in children and "xcomp" in children and "agent" not in children

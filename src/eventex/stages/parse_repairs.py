"""Repairs to spaCy's dependency parse: the misparses of news text that the linker's paths would otherwise follow
the wrong way (names read as adverbs, fronted subjects, lists, possessives, trailing reports), each one pass over
the tokens that rewrites heads and relations in place."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from eventex.resources import vocabulary

_ADVERB_DEPS = frozenset({"advmod", "npadvmod"})
"""Relations of a proper noun the parser took for an adverb (:func:`repair_name_adverbs`)."""


def repair_name_adverbs(doc: Doc) -> Doc:
    """A proper noun the parser took for an adverb of its verb, as the subject or object that the verb lacks:
    "Nauru recognised China" (an unfamiliar name parsed 'advmod') is "Nauru" the subject (also of a copula: "Nauru is
    the third country to …"), "to visit Nauru" its object. The label changes only where the verb has no subject (a
    name before it) or no object (right after it); a name right after the 'and' of a list of names before the verb
    is that list's last conjunct ("Syria, Vanuatu, and Nauru previously recognised …")."""
    for tok in doc:
        if tok.pos_ != "PROPN" or tok.dep_ not in _ADVERB_DEPS or tok.head.pos_ not in ("VERB", "AUX"):
            continue
        verb = tok.head
        deps = {c.dep_ for c in verb.children}
        cc = doc[tok.i - 1] if tok.i > 0 else None
        if cc is not None and cc.dep_ == "cc" and cc.head.pos_ == "PROPN" and cc.head.i < tok.i < verb.i:
            tok.head, tok.dep_ = cc.head, "conj"  # 'A, B, and C previously recognised …': the list's last name
        elif tok.i < verb.i and not deps & {"nsubj", "nsubjpass", "csubj"}:
            tok.dep_ = "nsubj"
        elif tok.i == verb.i + 1 and "dobj" not in deps and verb.pos_ == "VERB":
            tok.dep_ = "dobj"
    return doc


DEPARTURE_VERBS = vocabulary("departure_verbs")
"""Verbs after which 'for X to …' names where one goes (:func:`repair_departures`)."""


def repair_departures(doc: Doc) -> Doc:
    """'X has left for China to attend …', parsed as a clause 'for China to attend' with China its subject: the name
    is the object of a 'for' phrase on the departure verb (the clause keeps its verb). Only after the verbs of
    :data:`DEPARTURE_VERBS`; elsewhere 'for X to build' has X as its subject ('a deal for Total to build …')."""
    for mark in doc:
        clause = mark.head
        if mark.dep_ != "mark" or mark.lower_ != "for" or clause.dep_ != "advcl" or (
            clause.head.lemma_.lower() not in DEPARTURE_VERBS or clause.head.i > mark.i
        ):
            continue
        name = next((c for c in clause.children if c.dep_ == "nsubj" and c.pos_ == "PROPN" and c.i > mark.i), None)
        if name is not None:
            mark.head, mark.dep_ = clause.head, "prep"
            name.head, name.dep_ = mark, "pobj"
    return doc


_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
_TENSED_TAGS = frozenset({"VBD", "VBZ", "VBP"})
"""Tags of a verb in the present or past tense."""
_FINITE_TAGS = _TENSED_TAGS | {"MD"}
MAX_PHRASE_CLIMB = 6
"""Most steps from a name up to the fronted phrase's preposition (:func:`repair_fronted_subjects`)."""


def repair_fronted_subjects(doc: Doc) -> Doc:
    """A name the parser put into a fronted phrase, as the subject of the finite verb that phrase modifies where the
    verb has none and the name's phrase runs right up to it: 'On 19 April, Barbados, followed by Jamaica, announced
    …' (the name an apposition of the date, the participle after it the name's), 'At the end of March Tuvalu
    withdrew …' (the name the date's object, the month its compound: the month goes back to the date); a name
    apposed to that name is the subject instead ('At the invitation of Minister A, B, a vice premier, will visit')."""
    for tok in doc:
        if tok.pos_ != "PROPN" or tok.dep_ not in ("appos", "pobj") or tok.head.i > tok.i:
            continue
        prep = tok.head
        for _ in range(MAX_PHRASE_CLIMB):
            if prep.dep_ == "prep" and prep.head.pos_ in ("VERB", "AUX"):
                break
            prep = prep.head
        verb = prep.head
        if prep.dep_ != "prep" or verb.i <= tok.right_edge.i or prep.i > tok.i:
            continue
        if any(c.dep_ in _SUBJECT_DEPS for c in verb.children) or not (
            verb.tag_ in _FINITE_TAGS or any(c.dep_ == "aux" and c.tag_ in _FINITE_TAGS for c in verb.children)
        ):
            continue
        clauses = [c for c in tok.head.rights if c.dep_ == "acl" and c.i > tok.i]  # ', followed by Fiji,'
        inside = {t.i for c in clauses for t in c.subtree}
        if any(t.dep_ not in ("aux", "neg", "advmod", "punct") and t.i not in inside
               for t in doc[tok.right_edge.i + 1 : verb.i]):
            continue
        named = [c for c in tok.rights if c.dep_ == "appos" and c.pos_ == "PROPN"]
        if named:  # 'At the invitation of Minister Ana Costa, Li Wenhai, …, will visit': the name after the name
            for c in tok.rights:
                if c.dep_ == "acl" and c.i > named[-1].i:
                    c.head = named[-1]
            named[-1].head, named[-1].dep_ = verb, "nsubj"
            continue
        month = next((c for c in tok.lefts if c.dep_ == "compound"), None) if tok.dep_ == "pobj" else None
        if tok.dep_ == "pobj" and month is None:
            continue
        if month is not None:
            month.head, month.dep_ = tok.head, "pobj"
        for c in clauses:
            c.head = tok
        tok.head, tok.dep_ = verb, "nsubj"
    return doc


INTENT_NOUNS = vocabulary("intent_nouns")
"""Nouns whose 'to' infinitive is their content, not a relative clause (:func:`repair_intent_infinitives`)."""


def repair_intent_infinitives(doc: Doc) -> Doc:
    """'the willingness of A, B and C to provide …', parsed with the infinitive as a relative clause on the noun:
    the infinitive of an intention noun is its clausal modifier, as where the parser reads it right."""
    for tok in doc:
        if tok.dep_ == "relcl" and tok.head.lemma_.lower() in INTENT_NOUNS and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in tok.children
        ) and not any(c.dep_ in _SUBJECT_DEPS for c in tok.children):
            tok.dep_ = "acl"
    return doc


def repair_worth_infinitives(doc: Doc) -> Doc:
    """'won a contract reportedly worth $2 billion to supply …', parsed with the infinitive as a relative clause on
    the sum: it complements 'worth', as where the parser reads it right ('a contract worth $2 billion to supply')."""
    for tok in doc:
        amount = tok.head
        if tok.dep_ in ("relcl", "acl") and amount.dep_ == "npadvmod" and amount.head.lower_ == "worth" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in tok.children
        ) and not any(c.dep_ in _SUBJECT_DEPS for c in tok.children):
            tok.head, tok.dep_ = amount.head, "xcomp"
    return doc


def repair_serial_lists(doc: Doc) -> Doc:
    """'the leaders of Norway, Ireland, and Spain', parsed with the last name (after the serial comma) a conjunct
    of the noun the list depends on: the last name (and its 'and') closes the list of the noun's 'of' phrase."""
    for tok in doc:
        if tok.dep_ != "conj" or tok.pos_ != "PROPN":
            continue
        noun = tok.head
        if noun.pos_ != "NOUN" or noun.i > tok.i:
            continue
        listed = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                  if g.dep_ == "pobj" and g.pos_ == "PROPN"]
        if not listed or not (tail := [c for c in listed[0].subtree if c.dep_ == "conj"]):
            continue
        last = tail[-1]
        between = doc[last.right_edge.i + 1 : tok.i]
        if last.i > tok.i or not between or any(t.dep_ not in ("punct", "cc") for t in between):
            continue
        for t in between:
            if t.dep_ == "cc":
                t.head = last
        tok.head = last
    return doc


def repair_titled_conjuncts(doc: Doc) -> Doc:
    """'a visit by Le Drian and Dassault chairman Eric Trappier', parsed with the first name a modifier of the last
    and the title noun a conjunct of the first: the first name takes the last one's place, the last name is its
    conjunct and the title modifies the last name again."""
    for first in doc:
        last = first.head
        if first.pos_ != "PROPN" or first.dep_ not in ("nmod", "compound") or last.pos_ != "PROPN" or last.i < first.i:
            continue
        title = next((c for c in first.children if c.dep_ == "conj" and c.pos_ == "NOUN" and c.i < last.i), None)
        if title is None or not any(c.dep_ == "cc" and c.i < title.i for c in first.children):
            continue
        _take_place(first, last)
        last.head, last.dep_ = first, "conj"
        title.head, title.dep_ = last, "compound"
    return doc


def _take_place(tok: Token, other: Token) -> None:
    """``tok`` takes ``other``'s place in the tree: its head (``tok`` itself where ``other`` is a root) and relation."""
    tok.head, tok.dep_ = (tok if other.head.i == other.i else other.head), other.dep_


def repair_possessive_conjuncts(doc: Doc) -> Doc:
    """'Chile and Peru's decision to withdraw …', parsed with the noun a conjunct of the first name and
    only the last name its possessor: the first name owns the noun, with the last one its conjunct, and the noun
    takes the first name's place. Only a noun of an act, one with an infinitive or an 'of' phrase on it ('decision
    to', 'purchase of'): 'the group Eni and Libya's state oil company' are two parties."""
    for noun in doc:
        first = noun.head
        if noun.dep_ != "conj" or noun.pos_ != "NOUN" or first.pos_ != "PROPN" or first.i > noun.i:
            continue
        if not any((c.dep_ == "acl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children))
                   or (c.dep_ == "prep" and c.lower_ == "of") for c in noun.children):
            continue
        last = next((c for c in noun.children if c.dep_ == "poss" and c.pos_ == "PROPN" and c.i > first.i), None)
        between = doc[first.i + 1 : last.left_edge.i] if last is not None else ()
        if last is None or not any(t.dep_ == "cc" for t in between) or any(
            t.dep_ not in ("cc", "punct") or t.head.i != first.i for t in between
        ):
            continue
        _take_place(noun, first)
        first.head, first.dep_ = noun, "poss"
        last.head, last.dep_ = first, "conj"
    return doc


def repair_possessed_pairs(doc: Doc) -> Doc:
    """'Japan's Marubeni and Korea's KEPCO', parsed with the first name and the second owner conjuncts that own
    the last name: the first name takes the last one's place and is its conjunct, and the second owner owns the
    last name again. Only when the first name has an owner of its own and the second owner ends in "'s"."""
    for first in doc:
        last = first.head
        if first.dep_ != "poss" or first.pos_ != "PROPN" or last.pos_ != "PROPN" or last.i < first.i:
            continue
        owner = next((c for c in first.children if c.dep_ == "conj" and c.pos_ == "PROPN" and c.i < last.i
                      and any(g.dep_ == "case" for g in c.children)), None)
        if owner is None or not any(c.dep_ == "poss" and c.i < first.i for c in first.children):
            continue
        _take_place(first, last)
        last.head, last.dep_ = first, "conj"
        owner.head, owner.dep_ = last, "poss"
        for c in first.children:
            if c.dep_ == "cc" and c.i > first.i:
                c.head = first
    return doc


def repair_verb_compounds(doc: Doc) -> Doc:
    """'Russia, Nicaragua, Venezuela and Syria recognise Abkhazia …', parsed with the verb a compound of the name after
    it and the names before it the root: the verb heads the clause, the names before it are its subject and the
    name after it its object (the root's other words after the verb follow it). Only a finite verb right after a
    name, whose head is the name after it and whose sentence's root is the first name."""
    for verb in doc:
        obj = verb.head
        if verb.dep_ != "compound" or verb.pos_ != "VERB" or verb.tag_ not in ("VB", "VBP", "VBZ", "VBD"):
            continue
        root = obj.head
        if obj.i != verb.i + 1 or obj.pos_ != "PROPN" or verb.i < 1 or doc[verb.i - 1].pos_ != "PROPN" or (
            root.head.i != root.i or root.i > verb.i or root.pos_ != "PROPN"
        ):
            continue
        _promote_verb(verb, root)
        obj.head, obj.dep_ = verb, "dobj"
    return doc


def _promote_verb(verb: Token, root: Token) -> None:
    """Make ``verb`` its sentence's root, with the name that was the root as its subject (the old root's words
    after the verb follow it)."""
    for c in [c for c in root.children if c.i > verb.i]:
        c.head = verb
    verb.head, verb.dep_ = verb, "ROOT"
    root.head, root.dep_ = verb, "nsubj"


def repair_root_name_pairs(doc: Doc) -> Doc:
    """'Vanuatu and Tuvalu later withdrew their recognition …', parsed with the first name the root and the verb its
    conjunct, whose subject is the second name: the verb heads the clause and the two names are its subject. Only a
    finite verb conjoined to a root name that opens the sentence, with the second name right after 'and' as the
    verb's subject."""
    for verb in doc:
        root = verb.head
        if verb.dep_ != "conj" or verb.pos_ != "VERB" or verb.tag_ not in _TENSED_TAGS or (
            root.head.i != root.i or root.pos_ != "PROPN" or root.i != root.sent.start
        ):
            continue
        subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"), None)
        cc = next((c for c in root.children if c.dep_ == "cc"), None)
        if subj is None or cc is None or not root.i < cc.i < subj.i < verb.i or doc[cc.i + 1 : subj.i + 1].text != (
            doc[subj.left_edge.i : subj.i + 1].text
        ):
            continue
        _promote_verb(verb, root)
        subj.head, subj.dep_ = root, "conj"
    return doc


def repair_noun_roots(doc: Doc) -> Doc:
    """'Only five countries (A, B and C) recognise X', with the verb tagged a noun that heads the sentence with a
    subject and a direct object: a verb (a noun takes no direct object)."""
    for tok in doc:
        if tok.dep_ == "ROOT" and tok.pos_ == "NOUN" and {"nsubj", "dobj"} <= {c.dep_ for c in tok.children}:
            tok.pos_, tok.tag_ = "VERB", "VBZ" if tok.lower_.endswith("s") else "VBP"
    return doc


def repair_particle_objects(doc: Doc) -> Doc:
    """'voted down a bill to recognise …', parsed with 'down' a particle that has an object: a particle with an
    object is a preposition (as the parser reads the same words elsewhere), so paths through it climb as through
    any preposition."""
    for tok in doc:
        if tok.dep_ == "prt" and any(c.dep_ == "pobj" for c in tok.children):
            tok.dep_ = "prep"
    return doc


def repair_reduced_relatives(doc: Doc) -> Doc:
    """'the jets Egypt bought from France', parsed with the name an apposition of the noun before it and the verb
    the name's modifier: a relative clause without 'that', the name its subject. Only a name right after a common
    noun, with a finite verb after it that has no subject of its own."""
    for verb in doc:
        if verb.dep_ != "acl" or verb.tag_ not in _TENSED_TAGS or verb.i == 0 or any(
            c.dep_ in _SUBJECT_DEPS for c in verb.children
        ):
            continue
        name = doc[verb.i - 1]
        while name.dep_ != "appos" and name.head.i != name.i and name.head.i < verb.i:
            name = name.head  # the name's head word ('the jets South Korea built')
        noun = name.head
        end = max([name.i] + [c.right_edge.i for c in name.children if c.i != verb.i])
        if name.dep_ != "appos" or name.pos_ != "PROPN" or noun.pos_ != "NOUN" or (
            name.left_edge.i != noun.i + 1 or end != verb.i - 1 or verb.head.i not in (name.i, noun.i)
        ):
            continue
        verb.head, verb.dep_ = noun, "relcl"
        name.head, name.dep_ = verb, "nsubj"
    return doc


def repair_double_datives(doc: Doc) -> Doc:
    """'awarded the Ratawi oilfield to Total', parsed with the name a recipient (dative) and the noun after it the
    object: a verb with a 'to' recipient has no second one, so the name is a compound of the object it precedes
    (its determiner too)."""
    for name in doc:
        verb = name.head
        if name.dep_ != "dative" or name.pos_ != "PROPN" or name.i + 1 >= len(doc):
            continue
        obj = doc[name.i + 1]
        if obj.head.i != verb.i or obj.dep_ != "dobj" or obj.pos_ != "NOUN" or not any(
            c.dep_ == "dative" and c.lower_ == "to" for c in verb.children
        ):
            continue
        for c in [c for c in name.children if c.i < name.i]:
            c.head = obj
        name.head, name.dep_ = obj, "compound"
    return doc


HEADLINE_SIGNING = vocabulary("headline_signing")
HEADLINE_DEALS = vocabulary("headline_deals")
"""A headline's third-person verbs read as nouns before a deal word read as a verb (:func:`repair_headline_deals`)."""


def repair_headline_deals(doc: Doc) -> Doc:
    """'Egypt signs deal for 30 Rafale jets', parsed with 'signs' a noun (the name its compound) that is the subject
    of a verb 'deal': 'signs' is the verb, the name its subject and 'deal' its object (the deal's phrases stay on
    it)."""
    for deal in doc:
        if deal.lower_ not in HEADLINE_DEALS or deal.pos_ != "VERB":
            continue  # (the cheap test first: this runs on every token of every text)
        verb = next((c for c in deal.children if c.dep_ == "nsubj" and c.lower_ in HEADLINE_SIGNING
                     and c.i == deal.i - 1), None)
        if verb is None:
            continue
        for c in [c for c in verb.children if c.i < verb.i]:
            c.head, c.dep_ = verb, "nsubj" if c.dep_ == "compound" else c.dep_
        verb.head, verb.dep_ = (verb, "ROOT") if deal.dep_ == "ROOT" else (deal.head, deal.dep_)
        verb.pos_, verb.tag_, verb.lemma_ = "VERB", "VBZ", verb.lower_[:-2] if verb.lower_.endswith("hes") else (
            verb.lower_[:-1])
        deal.head, deal.dep_, deal.pos_, deal.tag_, deal.lemma_ = verb, "dobj", "NOUN", "NN", deal.lower_
        for c in [c for c in deal.children if c.dep_ == "xcomp"]:
            c.dep_ = "acl"  # 'signs deal to develop …': the deal's purpose
    return doc


def repair_asyndetic_verbs(doc: Doc) -> Doc:
    """'Nauru recognises China, drops Taiwan' (a headline's two verbs joined by a comma), parsed with the first verb
    a clausal complement or the subject of the second: the first verb heads the clause and the second, which has no
    subject of its own, is its conjunct. Only a finite first verb with a subject, right before the comma before the
    second."""
    for first in doc:
        second = first.head
        if first.dep_ not in ("ccomp", "csubj", "nsubj") or first.tag_ not in _TENSED_TAGS or first.i > second.i:
            continue
        comma = doc[second.i - 1]
        if second.tag_ not in _TENSED_TAGS or comma.text != "," or comma.head.i not in (first.i, second.i) or (
            first.right_edge.i not in (comma.i - 1, comma.i)
        ) or not any(c.dep_ == "nsubj" for c in first.children) or any(
            c.dep_ in _SUBJECT_DEPS and first.i != c.i < second.i for c in second.children
        ):
            continue
        for c in second.children:
            if c.dep_ == "nsubj" and c.i > second.i:
                c.dep_ = "dobj"  # 'drops Taiwan', its object read as a subject after it
        if second.dep_ == "ROOT":
            first.head, first.dep_ = first, "ROOT"
        else:
            first.head, first.dep_ = second.head, second.dep_
        second.head, second.dep_ = first, "conj"
        comma.head = first
    return doc


TRAILING_REPORT_VERBS = vocabulary("trailing_report_verbs")
"""Verbs of a closing report ('…, Reuters reported') (:func:`repair_trailing_reports`)."""


def repair_trailing_reports(doc: Doc) -> Doc:
    """'… recognition of the SADR, Spain's news agency EFE reported on Tuesday.', parsed with the source an
    apposition of the last noun and the verb a clause on it: the source is the verb's subject and the verb a clause
    of its own beside the sentence's root (so the source fills no role of what it reports). Only a past report
    verb with no subject, right after a comma and the apposition, and with nothing but its phrases after it."""
    for verb in doc:
        noun = verb.head
        if verb.dep_ not in ("acl", "relcl") or verb.tag_ != "VBD" or verb.lemma_.lower() not in TRAILING_REPORT_VERBS:
            continue
        source = next((c for c in noun.children if c.dep_ == "appos" and c.right_edge.i == verb.i - 1), None)
        if source is None or source.left_edge.i < 1 or doc[source.left_edge.i - 1].text != "," or any(
            c.dep_ in _SUBJECT_DEPS for c in verb.children
        ) or not _ends_sentence(doc, verb.right_edge.i + 1):
            continue
        root = noun
        while root.head.i != root.i:
            root = root.head
        if root.i != noun.i:
            verb.head, verb.dep_ = root, "parataxis"
            source.head, source.dep_ = verb, "nsubj"
    return doc


def _ends_sentence(doc: Doc, i: int) -> bool:
    """Whether only punctuation stands from token ``i`` to the end of its sentence (or of the text)."""
    while i < len(doc) and not (doc[i].is_sent_start and i > 0):
        if not doc[i].is_punct:
            return False
        i += 1
    return True


PARSE_REPAIRS: tuple[Callable[[Doc], Doc], ...] = (
    repair_noun_roots, repair_name_adverbs, repair_departures, repair_fronted_subjects, repair_intent_infinitives,
    repair_worth_infinitives, repair_serial_lists,
    repair_titled_conjuncts, repair_possessive_conjuncts, repair_possessed_pairs, repair_trailing_reports,
    repair_particle_objects, repair_verb_compounds, repair_root_name_pairs, repair_reduced_relatives,
    repair_double_datives, repair_asyndetic_verbs, repair_headline_deals,
)
"""The repairs made to every parse, in order."""

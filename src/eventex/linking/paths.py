"""Walks over the dependency tree: paths in the notation of ``roles.toml``, tree distances, clause chains."""

from __future__ import annotations

from spacy.tokens import Token

from eventex.resources import vocabulary

TRANSPARENT = {"conj", "appos", "cc"}
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
NOMINAL = frozenset({"NOUN", "PROPN"})
FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
RELATIVE_TAGS = frozenset({"WDT", "WP"})
STATE_KIND_NOUNS = vocabulary("state_kind_nouns")
"""Tags of a relative pronoun standing for its antecedent as a clause's subject ('that', 'which', 'who')."""


def has_lemma(tok: Token, lemmas: frozenset[str]) -> bool:
    """Whether the token's lowercased lemma is one of ``lemmas``, a capitalised plural's too ('the Foreign Ministers
    of A and B': spaCy keeps a proper noun's lemma as written)."""
    lemma = tok.lemma_.lower()
    return lemma in lemmas or (tok.pos_ == "PROPN" and lemma.endswith("s") and lemma[:-1] in lemmas)


def hyphen_named(tok: Token, start: int) -> bool:
    """Whether ``tok`` is joined by a hyphen to a word of a mention that starts at token ``start`` and spans it too
    ('Chinese-funded', one word and one mention: the participle states the act of the name before it)."""
    return tok.i >= 2 and start <= tok.i - 2 and tok.doc[tok.i - 1].text == "-"


def _step_down(tok: Token) -> str:
    if tok.dep_ == "prep":
        return f"prep:{tok.lower_}"
    return tok.dep_


class TreeWalk:
    """Dependency paths and tree distances from one token (a trigger) to the tokens of its sentence.

    The token's chain of heads is walked once, and each walk up from a target stops where it meets a token
    already reached, so the work per trigger is linear in its sentence, not in sentence × mentions × depth.
    """

    def __init__(self, source: Token) -> None:
        self.source = source
        chain = [source]
        while chain[-1].head.i != chain[-1].i:
            chain.append(chain[-1].head)
        self.chain = chain
        self.index = {t.i: k for k, t in enumerate(chain)}
        self._up_steps = [f"^{u.dep_}" for u in chain if u.dep_ not in TRANSPARENT or u.i == source.i]
        self._up_count = [0]  # steps up the chain before reaching chain[k]
        for u in chain:
            self._up_count.append(self._up_count[-1] + (u.dep_ not in TRANSPARENT or u.i == source.i))
        self._distance: dict[int, int] = dict(self.index)
        self._effective: dict[int, Token] = {}
        sent = source.sent
        self._sentence = (sent.start, sent.end)

    def effective(self, tok: Token) -> Token:
        """``tok`` climbed out of its conjunct/apposition chain (a list member shares its first member's
        relation; a coordinated verb does not), remembered on the way."""
        seen = []
        while (
            tok.i not in self._effective and tok.dep_ in TRANSPARENT and tok.head.i != tok.i
            and not (tok.pos_ == "VERB" and tok.head.pos_ == "VERB")  # coordinated clauses keep their own objects
        ):
            seen.append(tok.i)
            tok = tok.head
        top = self._effective.get(tok.i, tok)
        for i in seen:
            self._effective[i] = top
        return top

    def path(self, target: Token, max_len: int = 8) -> str | None:
        """The path to ``target`` ('^dep' up, 'dep' down), or None if longer than ``max_len`` or in another
        sentence."""
        if not self._sentence[0] <= target.i < self._sentence[1]:
            return None
        down: list[str] = []
        t = self.effective(target)
        while t.i not in self.index:
            down.append(_step_down(t))
            nxt = t.head
            if nxt.i == t.i or len(down) > max_len:
                return None
            t = self.effective(nxt) if nxt.i not in self.index else nxt
        up = self._up_count[self.index[t.i]]
        if up + len(down) > max_len:
            return None
        return ">".join(self._up_steps[:up] + down[::-1])

    def passes_own_subject(self, target: Token, quantifiers: frozenset[str], persons: frozenset[str]) -> bool:
        """Whether the path to ``target`` climbs past a reported clause whose own subject is a person pronoun of
        ``persons`` or a noun not owned by a pronoun ('the Chilean minister visited Peru, Reuters quoted …': the
        minister, not Reuters; 'he will visit them, the ministry said': not the ministry; but 'the ministry said its
        air force had received …'), or past any word whose own subject is a counted group ('27 countries', 'the
        two', 'several states': a number, or a noun with a number or one of ``quantifiers``), or a relative pronoun
        standing for one ('recalled its envoys from the 40 states that recognised …': not the one recalling), or past
        an infinitive whose controlling object is one ('hopes to persuade 14 more states to withdraw …': not the one
        hoping) or names a state by its kind (:data:`STATE_KIND_NOUNS`: 'leading the island nation to cut ties'), or
        past an adverbial clause with a noun subject of its own ('X went to A, while Y's delegation went to B': not
        X)."""
        t = self.effective(target)
        while t.i not in self.index:
            if t.head.i == t.i:
                return False
            t = self.effective(t.head) if t.head.i not in self.index else t.head
        passed = self.chain[: self.index[t.i]]
        on_chain = {u.i for u in passed}
        return any(
            c.dep_ in SUBJECTS and c.i not in on_chain
            and ((_reported(u) and (_unowned_noun(c) or c.lower_ in persons)) or _counted(c, quantifiers)
                 or (u.dep_ == "relcl" and c.tag_ in RELATIVE_TAGS and _counted(u.head, quantifiers))
                 or (u.dep_ == "advcl" and c.pos_ in ("NOUN", "PROPN")))
            for u in passed for c in u.children
        ) or any(  # 'to persuade 14 more states to withdraw …', 'leading the Caribbean country to cut ties': an
            # object that is a counted group or names a state by its kind controls the infinitive
            (u.dep_ == "xcomp" or (u.dep_ == "advcl" and u.tag_ == "VB")) and any(
                o.dep_ == "dobj"
                and (o.lemma_.lower() in STATE_KIND_NOUNS or (u.dep_ == "xcomp" and _counted(o, quantifiers)))
                for o in u.head.children)
            for u in passed
        )

    def steps_to(self, tok: Token) -> int | None:
        """Steps up from the source to ``tok`` on its chain of heads, or None if ``tok`` is not on it."""
        k = self.index.get(tok.i)
        return None if k is None else self._up_count[k]

    def steps_to_object_of(self, lemmas: frozenset[str]) -> int | None:
        """Steps up from the source to the first verb of its chain of heads with one of ``lemmas`` that takes the
        chain as its object ('condemns the decision to establish …': from 'establish', two), or None."""
        return next((self._up_count[k] for k in range(1, len(self.chain))
                     if self.chain[k - 1].dep_ == "dobj" and self.chain[k].lemma_.lower() in lemmas), None)

    def steps_to_clause_of(self, lemmas: frozenset[str]) -> int | None:
        """Steps up from the source to the first verb of its chain of heads with one of ``lemmas`` that takes the
        chain as its clausal complement ('X will visit Y, the spokesman announced': from 'visit', one), or None."""
        return next((self._up_count[k] for k in range(1, len(self.chain))
                     if self.chain[k - 1].dep_ == "ccomp" and self.chain[k].lemma_.lower() in lemmas), None)

    def distance(self, target: Token) -> int:
        """Number of edges to ``target`` (99 in another tree)."""
        seen = []
        t = target
        while t.i not in self._distance:
            seen.append(t.i)
            if t.head.i == t.i:
                for i in seen:
                    self._distance[i] = 99
                return 99
            t = t.head
        d = self._distance[t.i]
        if d != 99:
            for k, i in enumerate(reversed(seen), 1):
                self._distance[i] = d + k
        else:
            for i in seen:
                self._distance[i] = 99
        return self._distance[target.i]


def _reported(verb: Token) -> bool:
    """A finite clause complement ('said the minister visited …', 'will arrive'), not an infinitive whose subject a
    verb above controls ('expects the jets to be delivered', 'help Pakistan build')."""
    return verb.dep_ == "ccomp" and (
        verb.tag_ in FINITE or any(c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE for c in verb.children)
    )


def _unowned_noun(noun: Token) -> bool:
    """A noun that no pronoun owns ('the minister', not 'its air force')."""
    return noun.pos_ in NOMINAL and not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in noun.children)


def _counted(noun: Token, quantifiers: frozenset[str]) -> bool:
    """A number ('the two') or a noun counted by a number or a quantifier ('27 countries', 'several states')."""
    return noun.pos_ == "NUM" or any(
        c.dep_ == "nummod" or (c.dep_ in ("det", "amod") and c.lower_ in quantifiers) for c in noun.children
    )


def clause_chain(tok: Token, limit: int = 10) -> list[Token]:
    """``tok`` and its heads up to the first verb with a subject of its own (the clause that states it)."""
    chain = [tok]
    while len(chain) < limit and tok.dep_ != "ROOT":
        if tok.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            break
        tok = tok.head
        chain.append(tok)
    return chain


def coordination(tok: Token, limit: int = 10) -> tuple[int, int]:
    """Where ``tok`` is stated: the index of its clause's verb (``tok`` itself for a verb, else the nearest verb
    above it) and the index of the first verb of that verb's coordination ('arrived … and will go on': both
    'arrived')."""
    verb = tok
    for _ in range(limit):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    first = verb
    for _ in range(limit):
        if first.dep_ != "conj" or first.head.i == first.i:
            break
        first = first.head
    return verb.i, first.i


def stolen_subject(tok: Token) -> bool:
    """Whether a conjunct is the subject of the finite verb right after it that the parser left without one
    ('recognize the Jewish state and Serbia announced …': Serbia announces, it is not recognised)."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if tok.dep_ != "conj" or nxt is None or nxt.pos_ != "VERB" or nxt.tag_ not in ("VBD", "VBZ", "VBP"):
        return False
    return nxt.dep_ in ("conj", "ROOT", "ccomp", "advcl") and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in nxt.children)


def first_conjunct(tok: Token) -> Token:
    """The first member of the list ``tok`` is a conjunct in (``tok`` itself when it is in none)."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def apposed_list(agent: Token) -> list[Token]:
    """'recognised by Chile, Peru, Fiji and Tonga' parsed with Peru as Chile's apposition and Fiji, Tonga as Peru's
    conjuncts: an apposition that heads a list of its own continues a state, person or firm agent's list (a state is
    no other state's apposition; 'Secretary X, Envoy Y and Adviser Z arrived' and 'partners are A (25%), B (25%) and
    C (20%)' parse the same way); from such an apposition, the agent it continues ('X, Y and Z were among those who
    …' with Y the filler found)."""
    first = first_conjunct(agent)
    head = [first.head] if _continues_list(first) else []
    return [*head, *(t for c in agent.children if _continues_list(c) for t in (c, *c.conjuncts))]


def _continues_list(tok: Token) -> bool:
    """Whether ``tok`` continues its head's list: an apposition that heads a list of its own, or a proper noun the
    parser hung on the one before as an adverbial noun ('Venezuela, Nicaragua, and Nauru')."""
    return (tok.dep_ == "appos" and bool(tok.conjuncts)) or (tok.dep_ == "npadvmod" and tok.pos_ == "PROPN"
                                                             and tok.head.pos_ == "PROPN")


EXAMPLE_PREPOSITIONS = frozenset({"including", "like", "as"})
"""Prepositions naming examples of a plural noun ('states such as A and B', 'states including A', 'states like A')."""


def example_of(tok: Token, noun: Token) -> bool:
    """Whether ``tok`` is the object of an example phrase on ``noun`` ('as' only after 'such')."""
    prep = tok.head
    return (
        tok.dep_ == "pobj" and prep.dep_ == "prep" and prep.head.i == noun.i and prep.lower_ in EXAMPLE_PREPOSITIONS
        and (prep.lower_ != "as" or any(c.lower_ == "such" for c in prep.children))
    )


def examples(noun: Token) -> list[Token]:
    """The objects of the example phrases on ``noun`` and their conjuncts ('countries such as A, B and C')."""
    return [t for p in noun.children if p.dep_ == "prep" for o in p.children if example_of(o, noun)
            for t in (o, *o.conjuncts)]


def described_state(tok: Token, nouns: frozenset[str]) -> Token | None:
    """The singular noun of ``nouns`` whose 'of' phrase names ``tok`` ('the West African state of Togo'; a plural's
    list, 'the Gulf states of A and B', names each state on its own)."""
    prep = tok.head
    noun = prep.head
    of_phrase = tok.dep_ == "pobj" and prep.lower_ == "of" and prep.dep_ == "prep"
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)
    return noun if of_phrase and definite and noun.tag_ == "NN" and noun.lemma_.lower() in nouns else None


def example_noun(tok: Token) -> Token | None:
    """The plural noun whose example phrase names ``tok`` (or the list it is in): 'countries like A, B and C'."""
    first = first_conjunct(tok)
    noun = first.head.head
    return noun if noun.tag_ == "NNS" and example_of(first, noun) else None

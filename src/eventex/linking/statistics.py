"""Arms trade stated as a statistic: a share of a trade flow bought or sold is no sale.

The guidelines make trade flows and statistics a hard negative. A transfer verb whose direct object is a share
('taking some 12 percent of French arms exports', 'buys half of its weapons from Moscow', 'sold a third of its
output abroad') states how much of a trade goes where over time, not one deal.
"""

from __future__ import annotations

from eventex.linking.context import Candidate
from eventex.linking.rules import Rules


def trade_share(cand: Candidate, rules: Rules) -> bool:
    """Whether an arms transfer verb's direct object is a share noun (a percentage, 'half', 'a third')."""
    trig = cand.trigger_token
    if cand.type != "arms_sale" or trig.pos_ != "VERB":
        return False
    return any(c.dep_ == "dobj" and c.lower_ in rules.words.share_nouns for c in trig.children)

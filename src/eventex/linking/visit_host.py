"""Investments announced on a state visit: 'Xi arrived in Lusaka on Monday … With Chinese banks already financing the
Kafue Gorge plant, more deals will follow' names no host for the investment; a visiting leader's state invests
where the leader is, so the host country is the destination of the latest visit before it whose visitor acts for the
investor's state (never the investor's own state). Only for an investor named by its demonym ('Chinese banks',
'the Chinese'): a named firm of the visitor's state often invests at home ('NIOC is investing in South Pars'), and a
state's name as the agent often states what it does in general ('Moscow builds dams and sells reactors')."""

from __future__ import annotations

from eventex.linking.context import Candidate, home_of

HOST_ROLE = "host_country"
DEMONYM = "NORP"


def host_from_visit(cand: Candidate, earlier: list[Candidate]) -> None:
    """Fill an energy investment's missing host country from the latest earlier visit by the investor's state."""
    if cand.type != "energy_investment" or cand.fillers.get(HOST_ROLE):
        return
    investor = cand.first("investor")
    home = home_of(investor)
    if investor is None or investor.label != DEMONYM or not home:
        return
    visits = [
        c for c in earlier
        if c.type == "visit" and c.trigger.start < cand.trigger.start and home & home_of(c.first("visitor"))
        and c.fillers.get("destination")
    ]
    if not visits:
        return
    last = max(visits, key=lambda c: c.trigger.start)
    places = [d.model_copy(update={"implicit": True}) for d in last.fillers["destination"] if d.id and d.id not in home]
    if places:
        cand.fillers[HOST_ROLE] = places[:1]
        cand.fallback_used = True

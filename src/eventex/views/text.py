"""Plain-text views: the summary of one extraction (``extract --summary``) and the score tables of
``eventex evaluate``."""

from __future__ import annotations

from collections.abc import Mapping

from eventex.eval.report import ConllReport, Interval, Report, Score
from eventex.schema import Entity, Extraction, event_roles


def summarize(ex: Extraction, source: str | None = None) -> str:
    """A human-readable account of the events: type, status, trigger, date and role fillers."""
    head = f"{source}: " if source else ""
    published = ex.published.isoformat() if ex.published else "unknown"
    lines = [f"{head}{len(ex.events)} events (published {published}; model {ex.meta.model})"]
    for n, ev in enumerate(ex.events, 1):
        date = "date unknown"
        if ev.date:
            span = sorted({d.isoformat() for d in (ev.date.date_start, ev.date.date_end) if d})
            date = f'date "{ev.date.text}" = {"..".join(span) or "unresolved"}'
        trigger = f'trigger "{ev.trigger.text}" @{ev.trigger.start}'
        lines.append(f"\n{n:2}. {ev.type} ({ev.status})  {trigger}  {date}")
        for role, many in event_roles(ev.type).items():
            value = getattr(ev, role)
            fillers = value if many else [value] if value else []
            if fillers:
                lines.append(f"      {role + ':':13} " + "; ".join(_describe(e) for e in fillers))
    return "\n".join(lines) + "\n"

def _describe(e: Entity) -> str:
    name = e.canonical or f'"{e.text}"'
    notes = [f'as "{e.text}"'] if e.canonical and e.canonical != e.text else []
    notes += ["implicit"] if e.implicit else []
    return name + (f" [{e.id}]" if e.id else "") + (f" ({', '.join(notes)})" if notes else "")


def _ci(interval: Interval | None) -> str:
    return f"  95% CI [{interval.low:.3f}, {interval.high:.3f}]" if interval else ""


def _score_table(title: str, rows: Mapping[str, Score], micro: Score, ci: Interval | None) -> list[str]:
    width = max([len(k) for k in rows] + [10])
    head = f"  {'':<{width}} {'tp':>5} {'fp':>5} {'fn':>5} {'P':>6} {'R':>6} {'F1':>6}"
    lines = [title, head]
    for name, s in [*rows.items(), ("micro", micro)]:
        ratios = f"{s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f}"
        lines.append(
            f"  {name:<{width}} {s.tp:>5} {s.fp:>5} {s.fn:>5} {ratios}" + (_ci(ci) if name == "micro" else "")
        )
    return [*lines, ""]


def format_report(report: Report) -> str:
    """A plain-text table of a :class:`Report`."""
    st, ent, ev, arg = report.status, report.entities, report.events, report.arguments
    lines = [
        f"{report.documents} documents, model {report.model}; "
        f"bootstrap {report.bootstrap_samples} samples (seed {report.seed})",
        "",
        *_score_table("Entities (strict span + label)", ent.by_label, ent.micro, ent.f1_ci),
        *_score_table("Events (core tuples)", ev.by_type, ev.micro, ev.f1_ci),
        *_score_table("Arguments (type, role, filler)", arg.by_type, arg.micro, arg.f1_ci),
        "Status (matched events)",
        f"  gold {st.gold_events}, predicted {st.predicted_events}, matched {st.matched}, "
        f"correct {st.correct}: accuracy {st.accuracy:.3f}{_ci(st.accuracy_ci)}",
    ]
    return "\n".join(lines)


def format_conll_report(report: ConllReport) -> str:
    """A plain-text table of a :class:`ConllReport`."""
    e = report.entities
    return "\n".join(
        [
            f"CoNLL-2003: {report.documents} documents, model {report.model}; "
            f"bootstrap {report.bootstrap_samples} samples (seed {report.seed})",
            "",
            *_score_table("Entities (strict span + mapped label)", e.by_label, e.micro, e.f1_ci),
        ]
    ).rstrip()

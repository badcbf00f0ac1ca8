"""Dateline tails: what follows the place a news story opens with ('KAZAN, Russia, Oct 22 (Reuters) -', 'ISLAMABAD:
The minister …'), which tells a dateline (and an agency's credit) from a name that merely opens a line."""

from __future__ import annotations

import re

from eventex.schema import Entity

DATELINE_TAIL = re.compile(
    r"[ \t]*(?:,[ \t]*[A-Z][A-Za-z.']+(?:[ \t][A-Z][A-Za-z.']+){0,3}(?=[ \t]*[,(–—-]))?"
    r"[ \t]*(?:,[ \t]*(?:[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}|\d{1,2}[ \t]+[A-Z][a-z]{2,8})[^\n()–—-]{0,12})?"
    r"[ \t]*(?:\([^()\n]{1,40}\))?[ \t]*(?:[-–—]|\n|$)"
)
"""What follows a dateline's place: an optional country ('KAZAN, Russia, Oct 22 (Reuters) -'), an optional date, an
optional (agency), then a dash or the line's end."""
BARE_DATELINE_TAIL = re.compile(
    r"[ \t]*,[ \t]*(?:[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}|\d{1,2}[ \t]+[A-Z][a-z]{2,8})(?=[ \t]+[A-Z])"
)
"""What follows an upper-case dateline place whose dash or agency the text lost ('ASTANA, April 16 China has …'):
a date, then the story's first word."""
DATED_COLON_TAIL = re.compile(
    r"(?:[ \t]*,[ \t]*(?:[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}|\d{1,2}[ \t]+[A-Z][a-z]{2,8})[^\n():]{0,12}"
    r"(?:\([^()\n]{1,40}\))?|[ \t]*\([^()\n]{1,40}\))[ \t]*:[ \t]"
)
"""What follows a dateline place, in any case, written with a date or an agency and a colon ('KARACHI, May 3
(Agency): The …', 'Kathmandu, 15 April: At …', 'DELHI (Agency): …')."""
SLASH_AGENCY_TAIL = re.compile(
    r"[ \t]*,[ \t]*(?:[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}|\d{1,2}[ \t]+[A-Z][a-z]{2,8})\.?"
    r"[ \t]*/[A-Z][A-Za-z-]{1,20}/\.?[ \t]"
)
"""What follows an upper-case dateline place in the style of TASS ('VIENTIANE, December 11. /TASS/. The …')."""
AGENCY_DATE_TAIL = re.compile(
    r"(?:[ \t]*,[ \t]*[A-Z][A-Za-z.']+(?:[ \t][A-Z][A-Za-z.']+){0,3})?[ \t]*\([^()\n]{1,40}\)[ \t]*"
    r"(?:[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}(?:,[ \t]*\d{4})?|\d{1,2}[ \t]+[A-Z][a-z]{2,8}(?:[ \t]+\d{4})?)[ \t]+(?=[A-Z])"
)
"""What follows a dateline's place whose dash the text lost, after an (agency) and a date ('Tel Aviv, Israel (UPI)
Oct 15, 2010 Israel Aerospace Industries has …')."""
COLON_DATELINE = re.compile(r"[ \t]*:[ \t]")
"""What follows the place of a dateline written with a colon ('KAZAN: The minister …'), which bars the place from
the agent roles (:attr:`LinkContext.in_datelines`); only an upper-case place names the story's place
(:attr:`LinkContext.datelines`; 'Kosovo: Serbia says …' is a headline's topic)."""
AGENCY_CREDIT = re.compile(r"^[^\n()]{0,40}(\([^()\n]{1,40}\))[ \t]*[-–—]", re.MULTILINE)
"""An agency's credit in parentheses before a line's dash, with or without a place before it ('June 25 (Reuters)
-'): its mention is a dateline's, no participant."""

SLASHED_PLACE = re.compile(r"/[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*")
"""A second upper-case place after a dateline's first ('RIYADH/ABU DHABI: …')."""
_SLASHED_BEFORE = re.compile(r"(?:^|\n)[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*/\Z")


def opens_line(text: str, start: int) -> bool:
    """Whether a mention at ``start`` opens a line, or follows an upper-case place and a slash that do."""
    return not start or text[start - 1] == "\n" or _SLASHED_BEFORE.search(text[max(0, start - 40) : start]) is not None


def dateline_tail(text: str, place: Entity) -> re.Match[str] | None:
    """What follows a dateline's place (:data:`DATELINE_TAIL`, :data:`AGENCY_DATE_TAIL` or :data:`DATED_COLON_TAIL`,
    or :data:`BARE_DATELINE_TAIL`, :data:`COLON_DATELINE` or :data:`SLASH_AGENCY_TAIL` after an upper-case place:
    'ISLAMABAD: The minister …'), or None when the place opens no dateline."""
    if place.text.isupper() and (pair := SLASHED_PLACE.match(text, place.end)):  # 'RIYADH/ABU DHABI: …'
        place = place.model_copy(update={"end": pair.end(), "text": text[place.start : pair.end()]})
    tail = (DATELINE_TAIL.match(text, place.end) or AGENCY_DATE_TAIL.match(text, place.end)
            or DATED_COLON_TAIL.match(text, place.end))
    if tail is None and place.text.isupper():
        tail = (BARE_DATELINE_TAIL.match(text, place.end) or COLON_DATELINE.match(text, place.end)
                or SLASH_AGENCY_TAIL.match(text, place.end))
    return tail

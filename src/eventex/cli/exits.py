"""Exit statuses of the ``eventex`` command.

====  ==============  ==========================================================================================
 0    OK              done; for ``extract``, every record succeeded; for ``validate-corpus``, no problem found
 1    RECORD_ERRORS   ``extract`` wrote some error records; ``validate-corpus`` found problems; ``import`` could
                      not map some annotations; ``info`` found no model, or model files that do not match its
                      manifest
 2    ERROR           a usage error (argparse's own included) or an eventex error: a missing, unreadable, empty
                      or wrongly formatted input, a bad model or corpus, an output that cannot be written or
                      (re)started, a run that would score, check or extract nothing; also a system error (disk
                      full, a closed output pipe, a worker killed), after which ``extract`` continues with
                      ``--resume``
130   INTERRUPTED     interrupted (Ctrl-C); ``extract`` continues with ``--resume``
====  ==============  ==========================================================================================

Statuses 2 and 130 come with one line on stderr, ``eventex COMMAND: error: …``, naming the file (and line) at
fault where there is one; status 1 comes with the problems or error records. Any other exception is a bug: it
is not turned into an exit status, and Python prints its traceback.
"""

OK = 0
RECORD_ERRORS = 1
ERROR = 2
INTERRUPTED = 130
STATUSES = frozenset({OK, RECORD_ERRORS, ERROR, INTERRUPTED})
"""Every status the command exits with."""


def of_failures(failed: int) -> int:
    """OK when nothing failed, else RECORD_ERRORS."""
    return RECORD_ERRORS if failed else OK

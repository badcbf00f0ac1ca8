"""Exit statuses of the ``eventex`` command.

====  ==============  ==========================================================================================
 0    OK              done; for ``extract``, every record succeeded; for ``validate-corpus``, no problem found
 1    RECORD_ERRORS   ``extract`` wrote some error records; ``validate-corpus`` found problems; ``info`` found no
                      model, or model files that do not match its manifest
 2    ERROR           a usage error (argparse's own included) or an eventex error: bad input, model, corpus, or an
                      output that cannot be (re)started; also an ``extract`` stopped by a system error (disk
                      full, a worker killed) that ``--resume`` continues
130   INTERRUPTED     ``extract`` was interrupted (Ctrl-C); continue with ``--resume``
====  ==============  ==========================================================================================

Any other exception is a bug: it is not turned into an exit status, and Python prints its traceback.
"""

OK = 0
RECORD_ERRORS = 1
ERROR = 2
INTERRUPTED = 130


def of_failures(failed: int) -> int:
    """OK when nothing failed, else RECORD_ERRORS."""
    return RECORD_ERRORS if failed else OK

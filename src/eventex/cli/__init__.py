"""The ``eventex`` command: a thin layer over the library (parser, environment, exit codes, one module per
command). Library errors become CLI errors in one place, :func:`eventex.cli.main.main`."""

from eventex.cli import env

env.apply()

from eventex.cli.main import main  # noqa: E402  (after the environment defaults)

__all__ = ["main"]

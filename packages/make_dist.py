"""Build the wheels and sdists of eventex and of its model package eventex-ner-en (``make dist``).

    python packages/make_dist.py --outdir dist

Stages the model package from models/eventex-ner (see :mod:`eventex.ner.package`), then runs ``python -m build``
on the project and on the staged package. Needs the train extra (torch) to export the ONNX graphs.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def build(outdir: Path, staging: Path, model_sdist: bool = True) -> list[Path]:
    """Build both packages into ``outdir``; returns the files there.

    Each wheel is built from its sdist (so nothing stale in a build folder gets in), except the model's without
    ``model_sdist``: its staging folder is fresh, and compressing 120 MB of graphs once saves a minute.
    """
    from eventex.ner.package import stage

    stage(ROOT / "models" / "eventex-ner", ROOT / "packages" / "eventex-ner-en", staging)
    for source, formats in ((ROOT, []), (staging, [] if model_sdist else ["--wheel"])):
        command = [sys.executable, "-m", "build", "--quiet", *formats, "--outdir", str(outdir), str(source)]
        subprocess.run(command, check=True)
    return sorted(outdir.glob("*"))


def clean_env() -> dict[str, str]:
    """This environment less what would make a checkout look installed (PYTHONPATH, EVENTEX_MODEL, VIRTUAL_ENV)."""
    return {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "EVENTEX_MODEL", "VIRTUAL_ENV")}


def make_venv(path: Path, requirements: Sequence[str], env: Mapping[str, str], compile_bytecode: bool = True) -> Path:
    """A fresh venv at ``path`` with ``requirements`` (wheel files, ``WHEEL[extra]``, specifiers) pip-installed as
    a user would (from ``path``'s parent, since a checkout in the working directory would look installed);
    returns its ``bin`` folder."""
    subprocess.run([sys.executable, "-m", "venv", str(path)], check=True, env=env)
    pip = [str(path / "bin" / "python"), "-m", "pip", "install", "--quiet"]
    subprocess.run([*pip, *([] if compile_bytecode else ["--no-compile"]), *requirements], check=True, env=env,
                   cwd=path.parent)
    return path / "bin"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--outdir", type=Path, default=ROOT / "dist", help="where the wheels and sdists go")
    parser.add_argument("--staging", type=Path, default=ROOT / "build" / "eventex-ner-en",
                        help="where the model package is staged (replaced)")
    parser.add_argument("--model-wheel-only", action="store_true", help="no sdist of the model package")
    args = parser.parse_args()
    for path in build(args.outdir.resolve(), args.staging.resolve(), model_sdist=not args.model_wheel_only):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())

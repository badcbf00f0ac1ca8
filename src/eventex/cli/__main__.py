"""``python -m eventex.cli``."""

from eventex.cli import main

raise SystemExit(main())

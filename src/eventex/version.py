"""The version of eventex (the package's ``__version__``)."""

__version__ = "0.1.0"

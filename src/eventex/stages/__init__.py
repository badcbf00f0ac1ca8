"""Pipeline stages, in order: parse → entities → resolve → normalize → link (see :mod:`eventex.stages.base`)."""

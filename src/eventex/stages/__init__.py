"""Pipeline stages, in order: document → entities → resolution → linking → normalisation."""

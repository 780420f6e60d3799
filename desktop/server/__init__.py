"""The office server: a shared PostgreSQL library (issue 14) — moving a PC's library onto it
and back (:mod:`desktop.server.copy`), setting it up (:mod:`desktop.server.setup`), the
clerk's credentials (:mod:`desktop.store.credentials`)."""

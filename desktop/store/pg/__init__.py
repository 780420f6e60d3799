"""The library on a PostgreSQL server (psycopg 3): the connection that gives the repositories
the surface of :class:`~desktop.store.connection.LibraryDatabase`, the schema, the server's
checks at connect. Imported only when a library location is a ``postgresql://`` URL: psycopg
takes a tenth of a second to import, which the window's start does not pay."""

"""One module per schema version: ``vNNN_name.py`` with ``VERSION`` and ``upgrade(db)``
(found with pkgutil, as the CLI finds its commands)."""

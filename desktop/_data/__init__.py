"""Shipped data: the packages ``desktop._data.db``, ``.templates`` and ``.resources``.

In the repository they are the top-level folders db/, templates/ and resources/,
mapped here by pyproject.toml (wheels and editable installs); the PyInstaller
bundle places them in this folder. Read them with ``desktop.paths.data_dir``.
"""

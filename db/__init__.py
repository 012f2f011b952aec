"""Schema migrations, shipped inside the program as the package ``desktop._data.db``."""

"""Layout profiles and plan skeletons, shipped as the package ``desktop._data.templates``."""

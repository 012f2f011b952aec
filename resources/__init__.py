"""Icons, translations, fonts and licences, shipped as the package ``desktop._data.resources``."""

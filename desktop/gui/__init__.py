"""The Qt editor: a thin PySide6 layer over the core (``desktop.document``)."""

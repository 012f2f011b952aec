"""The Qt editor: a thin PySide6 layer over the core (``desktop.document``)."""
from .refcount_guard import guard_static_refcounts

guard_static_refcounts()  # before any Qt call: see refcount_guard

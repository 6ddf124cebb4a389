"""Metric implementations, one module per library so that each is imported only when used.

Reach them through :func:`pipelines.evalsuite.registry.compute`, not directly.
"""

"""Composition root: builds and wires everything; the only place that constructs services."""

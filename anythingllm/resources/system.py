"""System: health, settings, models, vector databases, document types and prompt presets."""

from __future__ import annotations

from .._resource import M, Resource


class SystemModule(Resource[M]):
    """System: health, settings, models, vector databases, document types and prompt presets."""

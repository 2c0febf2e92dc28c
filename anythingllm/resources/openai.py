"""The OpenAI-compatible endpoints: models, chat completions, embeddings, vector stores."""

from __future__ import annotations

from .._resource import M, Resource


class OpenAIModule(Resource[M]):
    """The OpenAI-compatible endpoints: models, chat completions, embeddings, vector stores."""

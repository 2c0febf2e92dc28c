"""The friendly modules, one per area of the server."""

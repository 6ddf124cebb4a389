"""Local stand-ins for external services, speaking their real protocols (see each module)."""

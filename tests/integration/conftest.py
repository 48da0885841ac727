"""Fixtures shared by the integration tests of the core."""

from tests.integration.core_fixtures import till

__all__ = ["till"]

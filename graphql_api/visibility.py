"""What the public API may show: the rules live in ``home.visibility``, shared with the feeds.

The API's modules import them from here, so that every query still starts from one place.
"""

from home.visibility import visible_documents, visible_images, visible_pages

__all__ = ["visible_documents", "visible_images", "visible_pages"]

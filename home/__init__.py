"""The site root page and what every content area shares: image model, blocks, front-end settings."""
